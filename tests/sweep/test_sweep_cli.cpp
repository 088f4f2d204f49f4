// `filmtherm sweep` end to end, run as a subprocess: two workers give the same
// table as one, byte for byte; a run killed with SIGKILL (and a torn journal
// line) resumes to the same table as an uninterrupted run; SIGINT stops with
// exit 130 and says how to resume; a second sweep on a journal in use is
// refused; three shards merged give the unsharded table; a journal of a changed study is refused;
// `filmtherm check` accepts studies; and, when built with MPI, `mpirun -n 2` gives the serial
// table.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

const fs::path data_dir = FILMTHERM_SWEEP_TEST_DATA;

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

std::size_t line_count(const fs::path& path) {
  const std::string text = read(path);
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

fs::path scratch(const std::string& name) {
  const fs::path folder =
      fs::temp_directory_path() / ("filmtherm-sweep-cli-" + std::to_string(getpid())) / name;
  fs::remove_all(folder);
  fs::create_directories(folder.parent_path());
  return folder;
}

// Runs `prefix filmtherm arguments` through the shell; stdout and stderr are kept.
CommandResult run(const std::string& arguments, const std::string& prefix = "") {
  const fs::path log = scratch("log");
  fs::create_directories(log);
  const std::string command = prefix + "'" FILMTHERM_EXECUTABLE "' " + arguments + " >'" +
                              (log / "out").string() + "' 2>'" + (log / "err").string() + "'";
  const int status = std::system(command.c_str());
  return CommandResult{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read(log / "out"),
                       read(log / "err")};
}

// Starts filmtherm with `arguments` (no shell), output into files in `log`.
pid_t start(const std::vector<std::string>& arguments, const fs::path& log) {
  fs::create_directories(log);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, (log / "out").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, (log / "err").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> words{FILMTHERM_EXECUTABLE};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return error == 0 ? pid : -1;
}

// Waits until `journal` holds at least `lines` lines (or the process ended).
bool wait_for_lines(const fs::path& journal, std::size_t lines, pid_t pid) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if (line_count(journal) >= lines) return true;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

void expect_same_tables(const fs::path& expected, const fs::path& actual) {
  ASSERT_TRUE(fs::exists(expected / "results.csv"));
  ASSERT_TRUE(fs::exists(actual / "results.csv")) << actual;
  EXPECT_EQ(read(expected / "results.csv"), read(actual / "results.csv"));
  EXPECT_EQ(read(expected / "results.jsonl"), read(actual / "results.jsonl"));
}

std::string study(const std::string& name) {
  return "'" + (data_dir / name).string() + "'";
}

class SweepCli : public ::testing::Test {
 protected:
  // The reference tables, computed once on one thread.
  static void SetUpTestSuite() {
    grid_serial_ = new fs::path(scratch("grid-serial"));
    slow_serial_ = new fs::path(scratch("slow-serial"));
    const CommandResult grid = run("sweep " + study("grid.yaml") + " --jobs 1 --no-plot -o '" +
                                   grid_serial_->string() + "'");
    const CommandResult slow =
        run("sweep " + study("slow.yaml") + " --jobs 1 -o '" + slow_serial_->string() + "'");
    ASSERT_EQ(grid.exit_code, 0) << grid.err;
    ASSERT_EQ(slow.exit_code, 0) << slow.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(grid_serial_->parent_path());
    delete grid_serial_;
    delete slow_serial_;
  }
  static fs::path* grid_serial_;
  static fs::path* slow_serial_;
};

fs::path* SweepCli::grid_serial_ = nullptr;
fs::path* SweepCli::slow_serial_ = nullptr;

TEST_F(SweepCli, TwoWorkersGiveTheSameTableAsOne) {
  const fs::path folder = scratch("grid-parallel");
  const CommandResult result =
      run("sweep " + study("grid.yaml") + " --jobs 2 -o '" + folder.string() + "'");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("24 to run on 2 worker process(es)"), std::string::npos) << result.out;
  expect_same_tables(*grid_serial_, folder);
  EXPECT_EQ(line_count(folder / "results.csv"), 25U);  // header and 24 points
  const std::string header = read(folder / "results.csv").substr(0, 120);
  EXPECT_EQ(header.rfind("index,film.thickness [nm],substrate.temperature [K],", 0), 0U) << header;
}

TEST_F(SweepCli, RunKilledMidwayResumesToTheSameTable) {
  const fs::path folder = scratch("slow-killed");
  const pid_t pid =
      start({"sweep", (data_dir / "slow.yaml").string(), "--jobs", "2", "-o", folder.string()},
            scratch("slow-killed-log"));
  ASSERT_GT(pid, 0);
  const fs::path journal = folder / "journal.jsonl";
  ASSERT_TRUE(wait_for_lines(journal, 10, pid)) << "the run ended before 10 points";
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  const std::size_t journalled = line_count(journal);
  ASSERT_LT(journalled, 100U) << "killed too late to test a resume";
  EXPECT_FALSE(fs::exists(folder / "results.csv"));
  // As if the kill had hit a write: half a record without its newline.
  std::ofstream(journal, std::ios::app) << "{\"index\":99,\"hash\":\"12";

  const CommandResult resumed =
      run("sweep " + study("slow.yaml") + " --jobs 2 -o '" + folder.string() + "'");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.out.find(std::to_string(journalled) + " done before"), std::string::npos)
      << resumed.out;
  EXPECT_NE(resumed.err.find("torn"), std::string::npos) << resumed.err;
  expect_same_tables(*slow_serial_, folder);
}

// Counts the occurrences of `what` in `text`.
std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

TEST_F(SweepCli, DamagedJournalLinesAreNamedOnceAndTheirPointsRecomputed) {
  const fs::path folder = scratch("damaged");
  const CommandResult first =
      run("sweep " + study("grid.yaml") + " --jobs 2 --no-plot -o '" + folder.string() + "'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  fs::remove(folder / "results.csv");
  // Line 3 changed on disk (one digit), line 5 overwritten by garbage.
  std::istringstream lines(read(folder / "journal.jsonl"));
  std::string text;
  std::string line;
  for (int n = 1; std::getline(lines, line); ++n) {
    if (n == 3) {
      const std::size_t digit = line.find_first_of("123456789", line.find("\"figures\""));
      line[digit] = line[digit] == '9' ? '8' : static_cast<char>(line[digit] + 1);
    }
    if (n == 5) line = "#### garbage ####";
    text += line + "\n";
  }
  std::ofstream(folder / "journal.jsonl", std::ios::binary) << text;

  const CommandResult resumed =
      run("sweep " + study("grid.yaml") + " --jobs 2 --no-plot -o '" + folder.string() + "'");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.out.find("22 done before, 2 to run"), std::string::npos) << resumed.out;
  EXPECT_EQ(occurrences(resumed.err, "journal.jsonl:3: checksum mismatch"), 1U) << resumed.err;
  EXPECT_EQ(occurrences(resumed.err, "journal.jsonl:5: corrupt line"), 1U) << resumed.err;
  EXPECT_EQ(occurrences(resumed.err, "torn"), 0U) << resumed.err;
  expect_same_tables(*grid_serial_, folder);

  const CommandResult again =
      run("sweep " + study("grid.yaml") + " --jobs 2 --no-plot -o '" + folder.string() + "'");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err.find("note:"), std::string::npos) << "reported once: " << again.err;
  EXPECT_NE(read(folder / "rejected-journal-lines.txt").find("#### garbage ####"),
            std::string::npos);
}

TEST_F(SweepCli, InterruptStopsHandingOutPointsAndSaysHowToResume) {
  const fs::path folder = scratch("slow-interrupted");
  const fs::path log = scratch("slow-interrupted-log");
  const pid_t pid = start(
      {"sweep", (data_dir / "slow.yaml").string(), "--jobs", "1", "-o", folder.string()}, log);
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(wait_for_lines(folder / "journal.jsonl", 5, pid));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 128 + SIGINT);
  const std::string err = read(log / "err");
  EXPECT_NE(err.find("to resume"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(folder / "results.csv"));
  EXPECT_EQ(read(folder / "journal.jsonl").back(), '\n');  // finished points only, whole lines

  const CommandResult resumed =
      run("sweep " + study("slow.yaml") + " --jobs 1 -o '" + folder.string() + "'");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  expect_same_tables(*slow_serial_, folder);
}

TEST_F(SweepCli, SecondSweepOnTheSameJournalIsRefused) {
  const fs::path folder = scratch("slow-locked");
  const pid_t pid =
      start({"sweep", (data_dir / "slow.yaml").string(), "--jobs", "1", "-o", folder.string()},
            scratch("slow-locked-log"));
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(wait_for_lines(folder / "journal.jsonl", 1, pid));
  const CommandResult second =
      run("sweep " + study("slow.yaml") + " --jobs 1 -o '" + folder.string() + "'");
  EXPECT_NE(second.exit_code, 0);
  EXPECT_NE(second.err.find("another filmtherm sweep is writing"), std::string::npos) << second.err;
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  expect_same_tables(*slow_serial_, folder);
}

TEST_F(SweepCli, ThreeShardsMergedGiveTheUnshardedTable) {
  std::string merge;
  std::vector<fs::path> shards;
  for (int shard = 1; shard <= 3; ++shard) {
    const fs::path folder = scratch("shard-" + std::to_string(shard));
    shards.push_back(folder);
    const CommandResult result = run("sweep " + study("grid.yaml") + " --shard " +
                                     std::to_string(shard) + "/3 -o '" + folder.string() + "'");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(line_count(folder / ("journal.shard-" + std::to_string(shard) + "-of-3.jsonl")), 8U);
    EXPECT_FALSE(fs::exists(folder / "results.csv"));
    merge += " '" + folder.string() + "'";
  }
  const fs::path partial = scratch("merged-partial");
  const CommandResult incomplete = run("sweep " + study("grid.yaml") + " --no-plot -o '" +
                                       partial.string() + "' --merge '" + shards[0].string() + "'");
  EXPECT_EQ(incomplete.exit_code, 1);
  EXPECT_NE(incomplete.err.find("16 of 24 points are missing"), std::string::npos)
      << incomplete.err;

  const fs::path merged = scratch("merged");
  const CommandResult result = run("sweep " + study("grid.yaml") + " --no-plot -o '" +
                                   merged.string() + "' --merge" + merge);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  expect_same_tables(*grid_serial_, merged);
  EXPECT_EQ(line_count(merged / "journal.jsonl"), 24U);
}

TEST_F(SweepCli, ShardsSharingAFolderNeedNoMerge) {
  const fs::path folder = scratch("shared-folder");
  for (const char* shard : {"1/2", "2/2"}) {
    ASSERT_EQ(run("sweep " + study("grid.yaml") + " --no-plot --shard " + shard + " -o '" +
                  folder.string() + "'")
                  .exit_code,
              0);
  }
  // The second shard found the first's journal: the study was complete.
  expect_same_tables(*grid_serial_, folder);
}

TEST_F(SweepCli, JournalOfAChangedStudyIsRefused) {
  const fs::path folder = scratch("changed");
  ASSERT_EQ(
      run("sweep " + study("grid.yaml") + " --no-plot --shard 1/4 -o '" + folder.string() + "'")
          .exit_code,
      0);
  fs::create_directories(folder.parent_path() / "changed-study");
  const fs::path changed = folder.parent_path() / "changed-study" / "grid.yaml";
  std::string text = read(data_dir / "grid.yaml");
  text.replace(text.find("device: device.yaml"), 19,
               "device: '" + (data_dir / "device.yaml").string() + "'");
  text.replace(text.find("1.5 K"), 5, "1.6 K");
  std::ofstream(changed) << text;
  const CommandResult result =
      run("sweep '" + changed.string() + "' --no-plot -o '" + folder.string() + "'");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("substrate.temperature = 1.5 K"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("changed since"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(folder / "results.csv"));
}

TEST_F(SweepCli, FailedPointsAreRecordedAndTheStudyGoesOn) {
  const fs::path folder = scratch("failing");
  fs::create_directories(folder);
  // Every value is valid alone (sweep checks each before running), but the
  // last point's end time 1 ns comes before its first output time 1.5 ns:
  // the device loader refuses that combination only, as a failed row.
  std::ofstream(folder / "failing.yaml")
      << "device: '" << (data_dir / "device.yaml").string()
      << "'\naxes:\n  solver.end_time: [2 ns, 1 ns]\n  solver.output_times.first: [100 fs, "
         "1.5 ns]\n  solver.max_steps: [100000, 3]\n";
  const CommandResult result = run("sweep '" + (folder / "failing.yaml").string() +
                                   "' --no-plot -o '" + (folder / "out").string() + "'");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("(8 points, 5 failed)"), std::string::npos) << result.out;
  std::istringstream rows(read(folder / "out" / "results.csv"));
  std::string header;
  std::string row[8];
  std::getline(rows, header);
  for (std::string& r : row) std::getline(rows, r);
  EXPECT_NE(row[0].find(",ok,"), std::string::npos) << row[0];
  EXPECT_NE(row[1].find(",failed,\"the solver failed"), std::string::npos) << row[1];
  for (const std::string& r : {row[6], row[7]}) {
    EXPECT_NE(r.find("invalid point (solver.end_time = 1 ns"), std::string::npos) << r;
  }
}

TEST_F(SweepCli, StudyThatCheckRejectsRunsNoPoint) {
  const fs::path folder = scratch("rejected");
  fs::create_directories(folder);
  std::ofstream(folder / "bad.yaml")
      << "device: '" << (data_dir / "device.yaml").string()
      << "'\naxes:\n  film.thickness: [6 nm, 0 nm]\n  solver.max_steps: [100000, 3]\n";
  const CommandResult result = run("sweep '" + (folder / "bad.yaml").string() + "' --no-plot -o '" +
                                   (folder / "out").string() + "'");
  EXPECT_EQ(result.exit_code, 2) << result.out;
  EXPECT_NE(result.err.find("bad.yaml:3:26: axes.film.thickness"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("0 nm"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(folder / "out")) << "no point may run, no journal be written";
}

TEST_F(SweepCli, OverflowingRangeIsRefusedBeforeAnyValueReachesResults) {
  const fs::path folder = scratch("overflow");
  const auto out_option = [&](const std::string& command) {
    return command == "sweep" ? " --no-plot -o '" + (folder / "out").string() + "'" : "";
  };
  fs::create_directories(folder);
  std::ofstream(folder / "huge.yaml")
      << "device: '" << (data_dir / "device.yaml").string()
      << "'\naxes:\n  film.thickness: {from: 1e-308 nm, to: 20 nm, count: 5, spacing: log}\n";
  for (const char* command : {"check", "sweep"}) {
    const CommandResult result = run(std::string(command) + " '" + (folder / "huge.yaml").string() +
                                     "'" + out_option(command));
    EXPECT_EQ(result.exit_code, 2) << command << ": " << result.out;
    EXPECT_NE(result.err.find("finite numbers, between 1e-308 and 1e308"), std::string::npos)
        << result.err;
    EXPECT_EQ(result.out.find("inf"), std::string::npos) << result.out;
    EXPECT_FALSE(fs::exists(folder / "out"));
  }
}

TEST_F(SweepCli, PointCountsAreBoundedWithTheReason) {
  const fs::path folder = scratch("bounded");
  const auto out_option = [&](const std::string& command) {
    return command == "sweep" ? " --no-plot -o '" + (folder / "out").string() + "'" : "";
  };
  fs::create_directories(folder);
  const std::string device = "device: '" + (data_dir / "device.yaml").string() + "'\n";
  std::ofstream(folder / "long-axis.yaml")
      << device << "axes:\n  film.thickness: {from: 2 nm, to: 20 nm, count: 100000000}\n";
  std::ofstream(folder / "big-grid.yaml")
      << device
      << "axes:\n  film.thickness: {from: 2 nm, to: 20 nm, count: 1000}\n"
         "  film.width: {from: 50 nm, to: 200 nm, count: 1000}\n  substrate.temperature: "
         "{from: 1 K, to: 2 K, count: 1000}\n";
  for (const char* file : {"long-axis.yaml", "big-grid.yaml"}) {
    for (const char* command : {"check", "sweep"}) {
      const auto begin = std::chrono::steady_clock::now();
      const CommandResult result =
          run(std::string(command) + " '" + (folder / file).string() + "'" + out_option(command));
      EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(10))
          << command << " " << file;
      EXPECT_EQ(result.exit_code, 2) << command << " " << file;
      EXPECT_NE(result.err.find("1000000"), std::string::npos) << result.err;
      EXPECT_NE(result.err.find("days of CPU time"), std::string::npos) << result.err;
      EXPECT_FALSE(fs::exists(folder / "out"));
    }
  }
}

TEST_F(SweepCli, CheckAcceptsStudiesAndPointsAtBadValues) {
  const CommandResult valid = run("check " + study("grid.yaml"));
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
  EXPECT_NE(valid.out.find("a valid study of 24 point(s) (grid 4 x 3 x 2)"), std::string::npos)
      << valid.out;
  const fs::path folder = scratch("check");
  fs::create_directories(folder);
  std::ofstream(folder / "bad.yaml") << "device: '" << (data_dir / "device.yaml").string()
                                     << "'\naxes:\n  film.width: [100 nm, 3 K]\n";
  const CommandResult invalid = run("check '" + (folder / "bad.yaml").string() + "'");
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_NE(invalid.err.find("bad.yaml:3:24: axes.film.width: expected a length"),
            std::string::npos)
      << invalid.err;
}

#ifdef FILMTHERM_MPIEXEC
TEST_F(SweepCli, MpiRunWithTwoRanksGivesTheSerialTable) {
  const fs::path folder = scratch("mpi");
  const CommandResult result =
      run("sweep " + study("grid.yaml") + " --no-plot -o '" + folder.string() + "'",
          // OpenMPI's own allocations are not LeakSanitizer-clean (leaks inside libmpi and
          // its dlopen'd components), so the sanitizer build checks leaks elsewhere only.
          "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" "
          "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 '" FILMTHERM_MPIEXEC
          "' -n 2 --oversubscribe ");
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("1 MPI rank(s) + 1 thread(s) on rank 0"), std::string::npos)
      << result.out;
  expect_same_tables(*grid_serial_, folder);
}
#endif

}  // namespace
