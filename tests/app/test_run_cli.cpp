// `filmtherm run`: a successful run writes traces, summary and plot; a solver
// failure exits with 3, names the time reached and leaves no file that looks
// complete; equivalent unit spellings in the device file give identical traces.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

using filmtherm::testing::CommandResult;

std::string read(const fs::path& path) {
  return filmtherm::testing::read_file(path);
}
CommandResult run(const std::string& arguments, const fs::path& folder) {
  return filmtherm::testing::run_filmtherm(arguments, folder);
}

// Replaces the first `from` in `text` by `to` (GCC 12's <regex> trips
// -Wmaybe-uninitialized under the sanitizers, so plain search it is).
std::string replace_first(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("example device lacks '" + from + "'");
  return text.replace(at, from.size(), to);
}

// The default NbTiN device, with its import made absolute so the copy can live
// anywhere, the thickness spelled as given, and extra lines under `solver:`.
std::string example_device(const std::string& solver_lines = "",
                           const std::string& thickness = "6 nm") {
  std::string text = read(fs::path(FILMTHERM_EXAMPLES_DIR) / "devices" / "nbtin-6nm.yaml");
  const std::string materials =
      (fs::path(FILMTHERM_EXAMPLES_DIR) / "materials" / "nbtin.yaml").string();
  text =
      replace_first(text, "imports: [../materials/nbtin.yaml]", "imports: ['" + materials + "']");
  text = replace_first(text, "thickness: 6 nm", "thickness: " + thickness);
  text = replace_first(text, "\nsolver:\n", "\nsolver:\n" + solver_lines);
  return text;
}

// True when `text` contains "at t = <number> s".
bool names_time_reached(const std::string& text) {
  const std::size_t at = text.find("at t = ");
  if (at == std::string::npos) return false;
  char* end = nullptr;
  const char* number = text.c_str() + at + 7;
  std::strtod(number, &end);
  return end != number && std::string_view(end).substr(0, 2) == " s";
}

// Rows of a trace CSV without the '#' comment lines (they name the input file).
std::string trace_rows(const fs::path& path) {
  std::istringstream in(read(path));
  std::string line, rows;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') rows += line + "\n";
  }
  return rows;
}

class RunCommand : public testing::Test {
 protected:
  void SetUp() override {
    folder_ =
        fs::temp_directory_path() / ("filmtherm-run-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }
  fs::path folder_;
};

TEST_F(RunCommand, DefaultExampleWritesTracesSummaryAndPlot) {
  write(folder_ / "device.yaml", example_device());
  const CommandResult result = run("run device.yaml --output out", folder_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(fs::exists(folder_ / "out" / "trace-film.csv"));
  EXPECT_TRUE(fs::exists(folder_ / "out" / "trace-debye.csv"));
  const std::string summary = read(folder_ / "out" / "summary.json");
  EXPECT_NE(summary.find("\"filmtherm_version\""), std::string::npos);
  EXPECT_NE(summary.find("\"energy_book\""), std::string::npos);
  EXPECT_NE(summary.find("\"phonon_model\": \"debye\""), std::string::npos);
  EXPECT_NE(result.out.find("film"), std::string::npos);
  if (std::system("command -v gnuplot >/dev/null 2>&1") == 0) {
    EXPECT_TRUE(fs::exists(folder_ / "out" / "temperatures.png"));
    EXPECT_NE(result.out.find("plot: out/temperatures.png"), std::string::npos) << result.out;
  }
  for (const auto& entry : fs::directory_iterator(folder_ / "out")) {
    EXPECT_NE(entry.path().filename().string()[0], '.') << "temporary file left: " << entry.path();
  }
}

TEST_F(RunCommand, SolverFailureExitsWithThreeAndLeavesNoCompleteLookingFile) {
  write(folder_ / "device.yaml", example_device("  max_steps: 10\n"));
  fs::create_directories(folder_ / "out");
  // Results of an earlier successful run must not pass for this run's.
  write(folder_ / "out" / "summary.json", "{}\n");
  write(folder_ / "out" / "trace-film.csv", "t_s\n");
  const CommandResult result = run("run device.yaml --output out", folder_);
  EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
  EXPECT_NE(result.err.find("solver failed"), std::string::npos) << result.err;
  EXPECT_TRUE(names_time_reached(result.err)) << result.err;
  EXPECT_NE(result.err.find("max_steps = 10"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(folder_ / "out" / "summary.json"));
  EXPECT_FALSE(fs::exists(folder_ / "out" / "trace-film.csv"));
  EXPECT_FALSE(fs::exists(folder_ / "out" / "temperatures.png"));
  EXPECT_TRUE(fs::is_empty(folder_ / "out"));
}

TEST_F(RunCommand, EquivalentThicknessSpellingsGiveIdenticalTraces) {
  const std::string spellings[] = {"6 nm", "6e-9 m", "0.006 um", "60 Angstrom"};
  std::string reference;
  int compared = 0;
  for (const std::string& spelling : spellings) {
    const std::string name = "d" + std::to_string(compared);
    write(folder_ / (name + ".yaml"), example_device("", spelling));
    const CommandResult result = run("run " + name + ".yaml --no-plot --output " + name, folder_);
    if (spelling == "60 Angstrom" && result.exit_code == 2) continue;  // unit not offered
    ASSERT_EQ(result.exit_code, 0) << spelling << ": " << result.err;
    const std::string rows = trace_rows(folder_ / name / "trace-film.csv");
    ASSERT_GT(rows.size(), 1000u);
    if (reference.empty()) {
      reference = rows;
    } else {
      // The parser scales decimal prefixes exactly: bit-identical inputs, identical output.
      EXPECT_EQ(rows, reference) << spelling;
    }
    ++compared;
  }
  EXPECT_GE(compared, 3);
}

TEST_F(RunCommand, ComparePhononsOptionOverridesTheDeviceList) {
  write(folder_ / "device.yaml", example_device());
  const CommandResult result = run(
      "run device.yaml --no-plot --output out --compare-phonons film-low-T,debye-low-T", folder_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(fs::exists(folder_ / "out" / "trace-film-low-T.csv"));
  EXPECT_TRUE(fs::exists(folder_ / "out" / "trace-debye-low-T.csv"));
  EXPECT_FALSE(fs::exists(folder_ / "out" / "trace-film.csv"));

  const CommandResult wrong =
      run("run device.yaml --output out2 --compare-phonons film,bogus", folder_);
  EXPECT_EQ(wrong.exit_code, 2) << wrong.err;
  EXPECT_NE(wrong.err.find("bogus"), std::string::npos) << wrong.err;
  EXPECT_FALSE(fs::exists(folder_ / "out2"));
}

TEST_F(RunCommand, MissingFileIsAUsageError) {
  const CommandResult result = run("run no-such-device.yaml", folder_);
  EXPECT_EQ(result.exit_code, 2) << result.err;
}

}  // namespace

// FNV-1a 64, written out here as the reference for the recorded input hashes.
std::string fnv1a64(const std::string& text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  char digits[17];
  std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(hash));
  return digits;
}

TEST_F(RunCommand, SummaryRecordsWhatProducedTheRun) {
  const fs::path device = fs::path(FILMTHERM_EXAMPLES_DIR) / "devices" / "nbtin-6nm.yaml";
  const CommandResult result = run("run " + device.string() + " --no-plot --output out", folder_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto summary = nlohmann::json::parse(read(folder_ / "out" / "summary.json"));
  const auto& provenance = summary.at("provenance");
  EXPECT_EQ(provenance.at("filmtherm_version"), summary.at("filmtherm_version"));
  EXPECT_FALSE(provenance.at("source_revision").get<std::string>().empty());
  ASSERT_FALSE(provenance.at("plugins").empty());
  EXPECT_NE(provenance.at("plugins")[0].get<std::string>().find("filmtherm-builtin"),
            std::string::npos);
  const auto& phonons = provenance.at("material_models").at("phonon_heat_capacity");
  EXPECT_EQ(phonons.at("model"), "film");
  const auto& velocity = phonons.at("parameters").at("sound_velocity");
  EXPECT_EQ(velocity.at("as_written"), "4000 m/s");
  EXPECT_EQ(velocity.at("value_si"), 4000.0);
  EXPECT_EQ(velocity.at("si_unit"), "m s^-1");
  EXPECT_EQ(velocity.at("kind"), "assumed");
  EXPECT_NE(velocity.at("written_at").get<std::string>().find("nbtin.yaml:"), std::string::npos);
  // An optional parameter left out is recorded as a default without a value.
  EXPECT_TRUE(phonons.at("parameters").at("debye_temperature").at("value_si").is_null());
  EXPECT_EQ(phonons.at("parameters").at("debye_temperature").at("kind"), "default");
  EXPECT_TRUE(provenance.at("material_models").contains("phonon_escape_power"));
  const auto& inputs = provenance.at("input_files");
  ASSERT_EQ(inputs.size(), 2U);
  EXPECT_EQ(inputs[0].at("fnv1a64"), fnv1a64(read(device)));
  EXPECT_EQ(inputs[1].at("fnv1a64"),
            fnv1a64(read(fs::path(FILMTHERM_EXAMPLES_DIR) / "materials" / "nbtin.yaml")));
  EXPECT_EQ(summary.at("solver_settings").at("output_count"), 400);
}

TEST_F(RunCommand, DepositThatNoFilmSurvivesIsRefusedWithExitTwo) {
  // 1 MeV in a 50 nm belt of a 6 nm film: electrons far above 3000 K.
  write(folder_ / "device.yaml",
        replace_first(example_device(), "wavelength: 1550 nm", "energy: 1 MeV"));
  const CommandResult result = run("run device.yaml --no-plot --output out", folder_);
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("above 3000 K"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("absorbed fraction"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(folder_ / "out" / "summary.json"));
}

TEST_F(RunCommand, NothingAbsorbedReadsNoRiseInsteadOfRiseTimes) {
  // eta = 1e-12: the electrons rise by picokelvins, far below the solver's
  // absolute tolerance (1e-6 K): there is no fall to time.
  write(folder_ / "device.yaml", replace_first(example_device(), "value: 0.5", "value: 1e-12"));
  const CommandResult result = run("run device.yaml --no-plot --output out", folder_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("no rise"), std::string::npos) << result.out;
}

TEST_F(RunCommand, FullDiskLeavesNeitherThisRunsFilesNorAnEarlierRunsOnes) {
  // A complete set is about 215 kB. On a 300 kB file system the first run
  // fits; the second, staged beside the first one's files, runs out of space.
  write(folder_ / "device.yaml", example_device());
  const fs::path out = folder_ / "out";
  fs::create_directories(out);
  const auto result = filmtherm::testing::run_filmtherm_on_tmpfs(
      out, "size=300k",
      "run ../device.yaml --output . && ls -A >../first.txt && '" FILMTHERM_EXECUTABLE
      "' run ../device.yaml --output .",
      "ls -A");
  if (!result) GTEST_SKIP() << "cannot mount a tmpfs in a private namespace here";
  const std::string first = read(folder_ / "first.txt");
  EXPECT_NE(first.find("summary.json"), std::string::npos) << first;
  EXPECT_NE(first.find("trace-debye.csv"), std::string::npos) << first;
  EXPECT_NE(result->exit_code, 0);
  EXPECT_NE(result->err.find("no space left"), std::string::npos) << result->err;
  // Neither run's traces, plot or summary remain, nor a staging folder.
  EXPECT_EQ(result->out, "") << result->out;
}
