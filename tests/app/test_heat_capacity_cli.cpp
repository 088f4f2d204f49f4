// `filmtherm heat-capacity` end to end: the numbers it prints against closed
// forms computed here (Eq. 9, Eq. 20), the equivalence of unit spellings, the
// output formats, and one clear line with exit code 2 for every bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace filmtherm {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::ScratchFolderTest;

// CODATA 2018 exact values, written out here so the reference is independent of constants.h.
constexpr double k_B = 1.380649e-23;
constexpr double hbar = 6.62607015e-34 / (2.0 * std::numbers::pi);
constexpr double zeta5 = 1.0369277551433699263;
constexpr double pi = std::numbers::pi;

double eq9(double T, double v) {  // bulk Debye T^3 law, three branches of velocity v
  return 0.4 * pi * pi * k_B * std::pow(k_B * T / (hbar * v), 3);
}
double eq20(double T, double v, double d) {  // confined-film T^4 law
  return 120.0 * zeta5 * 3.0 / (4.0 * pi * pi * pi) * d / std::pow(v, 4) * k_B *
         std::pow(k_B * T / hbar, 4);
}

// Data rows of CSV output (comment and header lines dropped), as numbers.
std::vector<std::vector<double>> csv_rows(const std::string& csv) {
  std::vector<std::vector<double>> rows;
  std::istringstream lines(csv);
  std::string line;
  bool header_seen = false;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    std::vector<double> row;
    std::istringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, ',')) row.push_back(std::stod(cell));
    rows.push_back(row);
  }
  return rows;
}

std::string without_comments(const std::string& text) {
  std::istringstream lines(text);
  std::string line, kept;
  while (std::getline(lines, line)) {
    if (!line.starts_with('#')) kept += line + "\n";
  }
  return kept;
}

class HeatCapacityCli : public ScratchFolderTest {};

TEST_F(HeatCapacityCli, LowTemperatureModelsMatchTheirClosedForms) {
  const auto result = run("heat-capacity -d 6nm -v 4000m/s -T 0.7K -T 3K --model all -f csv");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto rows = csv_rows(result.out);
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& row : rows) {
    const double T = row[0];
    // Columns: T, film, film-low-T, debye, debye-low-T, ratio, slope. The CSV prints 12
    // significant digits: 1e-11 relative covers its rounding.
    EXPECT_NEAR(row[2] / eq20(T, 4000.0, 6e-9), 1.0, 1e-11) << "Eq. 20 at " << T << " K";
    EXPECT_NEAR(row[4] / eq9(T, 4000.0), 1.0, 1e-11) << "Eq. 9 at " << T << " K";
    // Without a cutoff, bulk Debye is Eq. 9 at every T (1e-11: CSV rounding).
    EXPECT_NEAR(row[3] / eq9(T, 4000.0), 1.0, 1e-11);
  }
  // T = 0.7 K is T_x/46 for T_x = 32 K: the full film model is Eq. 20 and its log-slope 4
  // (corrections ~ x_x^6 e^-x_x ~ 1e-14).
  EXPECT_NEAR(rows[0][1] / rows[0][2], 1.0, 1e-10);
  EXPECT_NEAR(rows[0][6], 4.0, 1e-9);
}

TEST_F(HeatCapacityCli, UnitSpellingsGiveIdenticalTables) {
  const std::string rest = " -T 5K -T 12K -f csv";
  const auto reference = run("heat-capacity -d 6nm -v 4000m/s" + rest);
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  for (const char* spelling : {"-d 6 nm -v 4000 m/s", "-d '6 nm' -v '4 km/s'",
                               "--thickness=6e-9m --sound-velocity=4000m/s",
                               "-d 0.006um -v 4000m/s", "-d 0.006 µm -v 4000 m s^-1"}) {
    const auto result = run(std::string("heat-capacity ") + spelling + rest);
    ASSERT_EQ(result.exit_code, 0) << spelling << ": " << result.err;
    // The comment lines echo the text as typed; the numbers must be identical.
    EXPECT_EQ(without_comments(result.out), without_comments(reference.out)) << spelling;
  }
}

TEST_F(HeatCapacityCli, TableHasTheDocumentedColumns) {
  const auto result = run("heat-capacity -d 6nm -v 4000m/s -T 5K");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("T [K]"));
  EXPECT_THAT(result.out, HasSubstr("C_film [J/(m^3 K)]"));
  EXPECT_THAT(result.out, HasSubstr("C_bulk [J/(m^3 K)]"));
  EXPECT_THAT(result.out, HasSubstr("ratio"));
  EXPECT_THAT(result.out, HasSubstr("dlnC/dlnT"));
}

TEST_F(HeatCapacityCli, JsonAndOutputFile) {
  const auto json = run("heat-capacity -d 6nm -v 4000m/s -T 5K -f json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_THAT(json.out, HasSubstr("\"columns\""));
  EXPECT_THAT(json.out, HasSubstr("\"C_film\":"));

  const auto written =
      run("heat-capacity -d 6nm -v 4000m/s --temperature-range 1K:20K:5 -o hc.csv");
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_THAT(written.err, HasSubstr("wrote hc.csv"));
  const auto rows = csv_rows(testing::read_file(folder_ / "hc.csv"));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows.front()[0], 1.0);
  EXPECT_EQ(rows.back()[0], 20.0);
}

TEST_F(HeatCapacityCli, LogarithmicRangeEndsExactlyWhereAsked) {
  const auto result =
      run("heat-capacity -d 6nm -v 4000m/s --temperature-range 0.5K:50K:3 --log -f csv");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto rows = csv_rows(result.out);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], 0.5);
  EXPECT_NEAR(rows[1][0], 5.0, 1e-12);  // geometric midpoint
  EXPECT_EQ(rows[2][0], 50.0);
}

struct BadInput {
  const char* arguments;
  const char* message;
};

class HeatCapacityCliErrors : public ScratchFolderTest,
                              public ::testing::WithParamInterface<BadInput> {};

TEST_P(HeatCapacityCliErrors, OneLineOnStderrExitTwoNothingWritten) {
  const auto result = run(std::string("heat-capacity ") + GetParam().arguments + " -o out.csv");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr(GetParam().message));
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_THAT(result.err, Not(HasSubstr("nan")));
  EXPECT_TRUE(result.out.empty()) << result.out;
  EXPECT_TRUE(folder_is_empty()) << "a failed command must not write its output file";
}

INSTANTIATE_TEST_SUITE_P(
    Messages, HeatCapacityCliErrors,
    ::testing::Values(
        BadInput{"-d 6K -v 4000m/s",
                 "--thickness: expected a length [m], got '6K', which is a temperature"},
        BadInput{"-d 6nmm -v 4000m/s", "unknown unit"},
        BadInput{"-d 6 -v 4000m/s", "'6' has no unit"},
        BadInput{"-d 6nm -v 4000K", "--sound-velocity: expected a velocity"},
        BadInput{"-d 0nm -v 4000m/s", "--thickness: must be positive"},
        BadInput{"-d 6nm -v 4000m/s --temperature-range 0.5K:50K", "expected FIRST:LAST:COUNT"},
        BadInput{"-d 6nm -v 4000m/s --temperature-range 0.5K:50K:x",
                 "COUNT must be a whole number"},
        BadInput{"-d 6nm -v 4000m/s --temperature=0K", "temperatures must be above 0 K"},
        BadInput{"-d 6nm -v 4000m/s -T 5K --temperature-range 1K:2K:2", "not both"},
        BadInput{"-d 6nm -v 4000m/s --model flim", "did you mean 'film'?"},
        BadInput{"-d 6nm -v 4000m/s --model sommerfeld", "supplies the electron heat capacity"},
        BadInput{"-d 6nm --model film", "give either sound_velocity"},
        BadInput{"-d 6nm -v 4000m/s -p sound_velocity", "--param: expected key=value"},
        BadInput{"-d 6nm -v 4000m/s -p debye_temperatur=300K", "did you mean 'debye_temperature'?"},
        BadInput{"-d 6nm -v 4000m/s -f xml", "--format: expected table, csv or json"},
        BadInput{"-v 4000m/s", "--thickness is required"},
        BadInput{"-d 6nm -v 4000m/s --plugin /nonexistent.so", "no such file or folder"},
        // A stray word after a value is not read as another temperature.
        BadInput{"-d 6nm -v 4000m/s -T 1K foo", "not expected: foo"},
        BadInput{"-d 6nm -v 4000m/s -T 1 K foo", "not expected: foo"},
        // C underflows to 0: the ratio and log-slope would be NaN with exit code 0.
        BadInput{"-d 6nm -v 4000m/s -T 1e-300K", "underflows to 0 J/(m^3 K)"},
        BadInput{"-d 6nm -v 1e300m/s -T 1K", "underflows to 0 J/(m^3 K)"},
        BadInput{"-d 6nm -v 1e300m/s -T 1K -m all", "underflows to 0 J/(m^3 K)"},
        // The value's own fault first: "given twice" would hide the wrong dimension.
        BadInput{"-d 6nm -v 4000m/s -p sound_velocity=5K",
                 "parameter 'sound_velocity' of model 'film' expects a velocity"}));

TEST_F(HeatCapacityCli, RepeatedTemperatureOptionsStillWork) {
  const auto result = run("heat-capacity -d 6nm -v 4000m/s -T 1K -T 2 K -f csv");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(csv_rows(result.out).size(), 2u);
}

TEST_F(HeatCapacityCli, OutputBlockedByAFileNamesTheCause) {
  std::ofstream(folder_ / "blocker") << "not a folder\n";
  const auto result = run("heat-capacity -d 6nm -v 4000m/s -T 1K -o blocker/out.csv");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err,
              HasSubstr("cannot write 'blocker/out.csv': a part of 'blocker' is a file, not a "
                        "folder"));
}

// `filmtherm heat-capacity <arguments>` on a tmpfs mounted at `folder`.
std::optional<testing::CommandResult> run_on_tmpfs(const std::filesystem::path& folder,
                                                   const std::string& options,
                                                   const std::string& arguments) {
  return testing::run_filmtherm_on_tmpfs(folder, options, "heat-capacity " + arguments);
}

TEST_F(HeatCapacityCli, ReadOnlyFileSystemIsNamedAsSuch) {
  const auto result = run_on_tmpfs(folder_, "ro", "-d 6nm -v 4000m/s -T 1K -o sub/out.csv");
  if (!result) GTEST_SKIP() << "cannot mount a tmpfs in a private namespace here";
  EXPECT_EQ(result->exit_code, 1);
  EXPECT_THAT(result->err, HasSubstr("cannot write 'sub/out.csv': the file system holding 'sub' "
                                     "is read-only"));
  EXPECT_THAT(result->err, Not(HasSubstr("No such file")));
}

TEST_F(HeatCapacityCli, FullDeviceIsNamedAsSuch) {
  const auto result = run_on_tmpfs(folder_, "size=8k",
                                   "-d 6nm -v 4000m/s --temperature-range 1K:10K:5000 -o out.csv");
  if (!result) GTEST_SKIP() << "cannot mount a tmpfs in a private namespace here";
  EXPECT_EQ(result->exit_code, 1);
  EXPECT_THAT(result->err, HasSubstr("cannot write 'out.csv': no space left on the device "
                                     "holding '.'"));
}

TEST_F(HeatCapacityCli, EverySubcommandHasHelp) {
  for (const char* command : {"--help", "heat-capacity --help", "plugins --help"}) {
    const auto result = run(command);
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_THAT(result.out, HasSubstr("Usage")) << command;
  }
}

TEST_F(HeatCapacityCli, PluginsListsTheBuiltinModelsWithUnits) {
  const auto result = run("plugins");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("filmtherm-builtin"));
  EXPECT_THAT(result.out, HasSubstr("film  [phonon heat capacity]"));
  EXPECT_THAT(result.out, HasSubstr("sound_velocity"));
  EXPECT_THAT(result.out, HasSubstr("a velocity [m s^-1]"));
  EXPECT_THAT(result.out, HasSubstr("power_exponent"));
  EXPECT_THAT(result.out, HasSubstr("default 4"));
}

}  // namespace
}  // namespace filmtherm
