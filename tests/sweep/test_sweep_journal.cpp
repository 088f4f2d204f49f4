// The sweep journal and the worker pool, in-process: records round-trip their
// doubles exactly, a line torn by a kill is ignored and cut before the next
// append, a journal of another study is refused, and points run on several
// threads give the same records and tables, bit for bit, as on one.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "filmtherm/study.h"
#include "filmtherm/sweep_journal.h"
#include "filmtherm/sweep_table.h"
#include "filmtherm/sweep_worker.h"

namespace filmtherm {
namespace {

namespace fs = std::filesystem;

const fs::path data_dir = FILMTHERM_SWEEP_TEST_DATA;

const PluginRegistry& registry() {
  static const PluginRegistry loaded = PluginRegistry::with_default_plugins();
  return loaded;
}

fs::path scratch_root() {
  return fs::temp_directory_path() / ("filmtherm-sweep-journal-" + std::to_string(getpid()));
}

// Removes the scratch folders when the suite ends.
class ScratchCleanup : public ::testing::Environment {
 public:
  void TearDown() override { fs::remove_all(scratch_root()); }
};
const auto* const cleanup = ::testing::AddGlobalTestEnvironment(new ScratchCleanup);

fs::path fresh_folder(const std::string& name) {
  const fs::path folder = scratch_root() / name;
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

PointRecord sample_record(std::size_t index) {
  PointRecord record;
  record.index = index;
  record.parameter_hash = "0123456789abcdef";
  record.parameters = "film.thickness = 6 nm";
  record.ok = true;
  return record;
}

TEST(SweepJournal, RecordsRoundTripDoublesExactly) {
  const double values[] = {0.1,
                           1.0 / 3.0,
                           6.02214076e23,
                           std::numeric_limits<double>::min(),
                           std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::max(),
                           -2.5e-300};
  PointRecord record = sample_record(7);
  for (std::size_t i = 0; i < std::size(values); ++i) {
    record.figures.add("f" + std::to_string(i), "", values[i]);
  }
  record.figures.add("missing", "", std::nullopt);
  const std::optional<PointRecord> back = parse_journal_line(journal_line(record));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->index, 7U);
  EXPECT_EQ(back->parameter_hash, record.parameter_hash);
  ASSERT_EQ(back->figures.entries().size(), std::size(values) + 1);
  for (std::size_t i = 0; i < std::size(values); ++i) {
    // Exact: the JSON text holds the shortest digits that round-trip.
    EXPECT_EQ(back->figures.entries()[i].value.value(), values[i]) << i;
  }
  EXPECT_FALSE(back->figures.entries().back().value.has_value());

  PointRecord failed = sample_record(8);
  failed.ok = false;
  failed.error = "the solver failed:\n  at t = 1e-9 s \"quoted\"";
  const std::optional<PointRecord> failed_back = parse_journal_line(journal_line(failed));
  ASSERT_TRUE(failed_back.has_value());
  EXPECT_FALSE(failed_back->ok);
  EXPECT_EQ(failed_back->error, failed.error);
  EXPECT_FALSE(parse_journal_line("{\"index\": 3, \"hash\": \"ab").has_value());
}

TEST(SweepJournal, TornLastLineIsIgnoredAndCutBeforeAppending) {
  const Study study = load_study(data_dir / "grid.yaml", registry());
  const fs::path folder = fresh_folder("torn");
  const fs::path journal = folder / journal_file_name();
  const std::unique_ptr<PointRunner> runner = make_point_runner(study.model, registry());
  const std::string first = journal_line(run_point(study, 0, *runner, registry()));
  const std::string second = journal_line(run_point(study, 1, *runner, registry()));
  std::ofstream(journal, std::ios::binary) << first << second.substr(0, second.size() / 2);

  std::size_t ignored = 0;
  const std::vector<fs::path> folders{folder};
  FinishedPoints finished = read_finished_points(study, folders, ignored);
  EXPECT_EQ(finished.size(), 1U);
  EXPECT_EQ(ignored, 1U);

  {
    JournalWriter writer(journal);
    writer.append(run_point(study, 1, *runner, registry()));
  }
  EXPECT_EQ(read(journal), first + second);
  ignored = 0;
  finished = read_finished_points(study, folders, ignored);
  EXPECT_EQ(finished.size(), 2U);
  EXPECT_EQ(ignored, 0U);
}

TEST(SweepJournal, JournalOfAnotherStudyIsRefused) {
  const Study study = load_study(data_dir / "grid.yaml", registry());
  const fs::path folder = fresh_folder("changed");
  PointRecord record = sample_record(2);
  record.parameter_hash = "ffffffffffffffff";
  std::ofstream(folder / journal_file_name(1, 2)) << journal_line(record);
  std::size_t ignored = 0;
  const std::vector<fs::path> folders{folder};
  try {
    read_finished_points(study, folders, ignored);
    ADD_FAILURE() << "a journal with another hash was accepted";
  } catch (const StudyChangedError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("point 2"), std::string::npos) << message;
    EXPECT_NE(message.find("--output"), std::string::npos) << message;
  }
  record.parameter_hash = study.point(2).parameter_hash;
  record.index = study.point_count();
  std::ofstream(folder / journal_file_name(1, 2)) << journal_line(record);
  EXPECT_THROW(read_finished_points(study, folders, ignored), StudyChangedError);
}

// Runs every point on `threads` workers that append to one journal at the
// same time, and reads the records back from it, as a real run does.
FinishedPoints run_all(const Study& study, unsigned threads) {
  std::vector<std::size_t> pending(study.point_count());
  for (std::size_t i = 0; i < pending.size(); ++i) pending[i] = i;
  PointQueue queue(pending);
  const fs::path folder = fresh_folder("threads-" + std::to_string(threads));
  std::size_t finished = 0;
  {
    JournalWriter journal(folder / journal_file_name());
    WorkerPool pool(
        study, registry(), queue, threads,
        [&journal](const PointRecord& record) { journal.append(record); },
        [&finished](PointRecord&&) { ++finished; });
    pool.join();
  }
  EXPECT_EQ(finished, study.point_count());
  std::size_t ignored = 0;
  const std::vector<fs::path> folders{folder};
  FinishedPoints records = read_finished_points(study, folders, ignored);
  EXPECT_EQ(ignored, 0U);  // no line torn or interleaved by concurrent appends
  return records;
}

TEST(SweepWorkers, ThreeThreadsGiveTheSameRecordsAsOne) {
  const Study study = load_study(data_dir / "grid.yaml", registry());
  const FinishedPoints serial = run_all(study, 1);
  const FinishedPoints parallel = run_all(study, 3);
  ASSERT_EQ(serial.size(), study.point_count());
  ASSERT_EQ(parallel.size(), study.point_count());
  for (const auto& [index, record] : serial) {
    EXPECT_TRUE(record.ok) << record.error;
    EXPECT_EQ(journal_line(record), journal_line(parallel.at(index))) << index;
  }
  EXPECT_EQ(results_csv(study, serial), results_csv(study, parallel));
  EXPECT_EQ(results_jsonl(study, serial), results_jsonl(study, parallel));
}

}  // namespace
}  // namespace filmtherm
