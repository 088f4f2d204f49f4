// Plugins that crash or hang, end to end: a study over the faulty test plugin
// (faulty_plugin.c: 666 m/s segfaults, 555 m/s aborts, 777 m/s spins forever)
// completes, records each bad point as failed with the plugin, the model and
// the signal or the time limit, and gives the good points the figures of the
// built-in Debye T^3 model (an independent implementation of the same law); a
// resume after completion runs nothing; worker processes give the same table
// as threads; `filmtherm run` on a crashing device names the plugin, the model
// and the signal, exits with code 4 and leaves no output.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "filmtherm/sweep_journal.h"

namespace {

namespace fs = std::filesystem;

const fs::path data_dir = FILMTHERM_SWEEP_TEST_DATA;
const std::string plugin = std::string("--plugin '") + FILMTHERM_FAULTY_PLUGIN + "'";

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path scratch(const std::string& name) {
  const fs::path folder =
      fs::temp_directory_path() / ("filmtherm-sweep-isolation-" + std::to_string(getpid())) / name;
  fs::remove_all(folder);
  fs::create_directories(folder.parent_path());
  return folder;
}

CommandResult run(const std::string& arguments) {
  const fs::path log = scratch("log");
  fs::create_directories(log);
  const std::string command = "'" FILMTHERM_EXECUTABLE "' " + arguments + " >'" +
                              (log / "out").string() + "' 2>'" + (log / "err").string() + "'";
  const int status = std::system(command.c_str());
  return CommandResult{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read(log / "out"),
                       read(log / "err")};
}

std::string quoted(const fs::path& path) {
  return "'" + path.string() + "'";
}

// The journal's records by index.
std::map<std::size_t, filmtherm::PointRecord> journal_records(const fs::path& folder) {
  std::map<std::size_t, filmtherm::PointRecord> records;
  std::istringstream lines(read(folder / "journal.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    const std::optional<filmtherm::PointRecord> record = filmtherm::parse_journal_line(line);
    EXPECT_TRUE(record.has_value()) << line;
    if (record) records[record->index] = *record;
  }
  return records;
}

class SweepIsolation : public ::testing::Test {
 protected:
  // The faulty study, run once (its hanging point costs the 1 s time limit).
  static void SetUpTestSuite() {
    folder_ = new fs::path(scratch("faulty"));
    const auto start = std::chrono::steady_clock::now();
    *result_ = run("sweep " + quoted(data_dir / "faulty.yaml") + " " + plugin +
                   " --jobs 2 --no-plot --point-time-limit 1s -o " + quoted(*folder_));
    seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  static void TearDownTestSuite() {
    fs::remove_all(folder_->parent_path());
    delete folder_;
  }
  static fs::path* folder_;
  static CommandResult* result_;
  static double seconds_;
};

fs::path* SweepIsolation::folder_ = nullptr;
CommandResult* SweepIsolation::result_ = new CommandResult;
double SweepIsolation::seconds_ = 0.0;

TEST_F(SweepIsolation, AStudyWithCrashingAndHangingPointsCompletes) {
  ASSERT_EQ(result_->exit_code, 0) << result_->out << result_->err;
  EXPECT_NE(result_->out.find("(6 points, 3 failed)"), std::string::npos) << result_->out;
  EXPECT_TRUE(fs::exists(*folder_ / "results.csv"));
  // The hanging point is stopped at the limit (1 s, set on the command line
  // over the file's 2 s), not at the default hour: well under a minute.
  EXPECT_LT(seconds_, 60.0);
}

TEST_F(SweepIsolation, BadPointsNameThePluginTheModelAndTheSignalOrTimeLimit) {
  const auto records = journal_records(*folder_);
  ASSERT_EQ(records.size(), 6U);
  const std::string where =
      "plugin faulty-test-plugin, model 'faulty-debye-T3' (phonon heat capacity)";
  const filmtherm::PointRecord& segfault = records.at(1);
  EXPECT_FALSE(segfault.ok);
  EXPECT_NE(segfault.error.find(where + " died of SIGSEGV (segmentation fault) in evaluate"),
            std::string::npos)
      << segfault.error;
  EXPECT_NE(segfault.parameters.find("sound_velocity = 666 m/s"), std::string::npos)
      << segfault.parameters;
  const filmtherm::PointRecord& hang = records.at(3);
  EXPECT_FALSE(hang.ok);
  EXPECT_NE(
      hang.error.find("stopped at the point time limit of 1 s, inside " + where + ", in evaluate"),
      std::string::npos)
      << hang.error;
  EXPECT_NE(hang.parameters.find("sound_velocity = 777 m/s"), std::string::npos);
  const filmtherm::PointRecord& abort = records.at(4);
  EXPECT_FALSE(abort.ok);
  EXPECT_NE(abort.error.find(where + " died of SIGABRT (abort) in evaluate"), std::string::npos)
      << abort.error;
  const std::string table = read(*folder_ / "results.csv");
  EXPECT_NE(table.find("SIGSEGV"), std::string::npos);
  EXPECT_NE(table.find("time limit"), std::string::npos);
}

TEST_F(SweepIsolation, GoodPointsMatchTheBuiltInDebyeLaw) {
  const fs::path reference = scratch("reference");
  const CommandResult result = run("sweep " + quoted(data_dir / "faulty-reference.yaml") +
                                   " --jobs 1 --no-plot -o " + quoted(reference));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto faulty = journal_records(*folder_);
  const auto builtin = journal_records(reference);
  // Points 0, 2, 5 of the faulty study are 3000, 4000 and 5000 m/s: points
  // 0, 1, 2 of the reference. The two implementations of C = (2/5) pi^2 k_B
  // (k_B T/(hbar v))^3 differ by rounding (1e-16 relative), which CVODE's
  // error control (relative tolerance 1e-8 and tighter) keeps far below 1e-6.
  const std::map<std::size_t, std::size_t> same{{0, 0}, {2, 1}, {5, 2}};
  for (const auto& [index, reference_index] : same) {
    ASSERT_TRUE(faulty.at(index).ok) << faulty.at(index).error;
    ASSERT_TRUE(builtin.at(reference_index).ok);
    for (const char* name : {"electron_peak_temperature", "electron_half_rise_time"}) {
      const auto* got = faulty.at(index).figures.find(name);
      const auto* want = builtin.at(reference_index).figures.find(name);
      ASSERT_TRUE(got && want && got->value && want->value) << name;
      EXPECT_NEAR(*got->value, *want->value, 1e-6 * std::abs(*want->value))
          << name << " at point " << index;
    }
  }
}

TEST_F(SweepIsolation, AResumeAfterCompletionRunsNothing) {
  const std::string journal = read(*folder_ / "journal.jsonl");
  const CommandResult again = run("sweep " + quoted(data_dir / "faulty.yaml") + " " + plugin +
                                  " --no-plot -o " + quoted(*folder_));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("6 done before, 0 to run"), std::string::npos) << again.out;
  EXPECT_EQ(read(*folder_ / "journal.jsonl"), journal);
}

TEST(SweepProcesses, ProcessesGiveTheSameTableAsThreads) {
  const fs::path processes = scratch("grid-processes");
  const fs::path threads = scratch("grid-threads");
  const std::string study = quoted(data_dir / "grid.yaml");
  const CommandResult a = run("sweep " + study + " --jobs 2 --no-plot -o " + quoted(processes));
  const CommandResult b =
      run("sweep " + study + " --jobs 2 --no-plot --no-isolation -o " + quoted(threads));
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(a.out.find("on 2 worker process(es)"), std::string::npos) << a.out;
  EXPECT_NE(b.out.find("on 2 thread(s)"), std::string::npos) << b.out;
  EXPECT_EQ(read(processes / "results.csv"), read(threads / "results.csv"));
  EXPECT_EQ(read(processes / "results.jsonl"), read(threads / "results.jsonl"));
}

TEST(SweepProcesses, ATimeLimitWithoutATimeUnitIsRefused) {
  const CommandResult result = run("sweep " + quoted(data_dir / "faulty.yaml") + " " + plugin +
                                   " --point-time-limit 30 -o " + quoted(scratch("refused")));
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("--point-time-limit"), std::string::npos) << result.err;
}

TEST(RunCrash, APluginThatCrashesIsNamedWithExitCode4AndNoOutput) {
  const fs::path folder = scratch("run-crash");
  fs::create_directories(folder);
  // A summary of an earlier run in the folder must not look like this run's.
  std::ofstream(folder / "summary.json") << "{}\n";
  const std::string device = read(data_dir / "faulty-device.yaml");
  for (const auto& [velocity, signal] : std::map<std::string, std::string>{
           {"666", "SIGSEGV (segmentation fault)"}, {"555", "SIGABRT (abort)"}}) {
    std::string text = device;
    text.replace(text.find("666 m/s"), 3, velocity);
    const fs::path file = folder / ("device-" + velocity + ".yaml");
    std::ofstream(file) << text;
    const CommandResult result =
        run("run " + quoted(file) + " " + plugin + " --no-plot -o " + quoted(folder));
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_NE(result.err.find("filmtherm: plugin faulty-test-plugin, model 'faulty-debye-T3' "
                              "(phonon heat capacity) died of " +
                              signal + " in evaluate while running"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("no output written"), std::string::npos);
    EXPECT_FALSE(fs::exists(folder / "summary.json"));
  }
}

}  // namespace
