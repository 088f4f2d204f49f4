// The journal of `filmtherm sweep`: one JSON line per finished point (its
// index, the hash of its device, its figures or its error), written to the
// file as each point completes (so it survives Ctrl-C, SIGTERM and kill -9 of
// the process) and flushed to disk (fdatasync) by a thread of its own within
// a disk commit of that (so it survives a lost node, bar the last few
// milliseconds of points); an interrupted study resumes where it stopped. A
// line torn by a kill is ignored when reading and cut off before appending.
// A record is accepted for a study only when the point of that index still
// has the same parameter hash; anything else means the study changed, and is
// refused with a message that says what changed.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "filmtherm/point_runner.h"
#include "filmtherm/study.h"

namespace filmtherm {

/// One finished point.
struct PointRecord {
  std::size_t index = 0;
  std::string parameter_hash;
  /// Study::fingerprint of the study the point was run for: a record of an
  /// unchanged study is accepted without rebuilding its point.
  std::string study_fingerprint;
  std::string parameters;  ///< Study::describe_point, for people reading the journal
  bool ok = false;
  std::string error;       ///< why the point failed, when !ok
  SummaryFigures figures;  ///< when ok (units are not journalled)
};

/// Finished points by index.
using FinishedPoints = std::map<std::size_t, PointRecord>;

/// The record as one line of JSON, ending in '\n'. Doubles round-trip exactly.
std::string journal_line(const PointRecord& record);

/// The record in a line; nullopt for a torn or malformed line.
std::optional<PointRecord> parse_journal_line(std::string_view line);

/// "journal.jsonl", or "journal.shard-2-of-8.jsonl" for shard 2 of 8.
std::string journal_file_name(std::size_t shard_index = 0, std::size_t shard_count = 0);

/// Every journal*.jsonl in `folder`, sorted by name; empty when there is no folder.
std::vector<std::filesystem::path> journal_files(const std::filesystem::path& folder);

/// Appends records to a journal file, durably.
class JournalWriter {
 public:
  /// Opens `path` for appending, creating its folder and the file, and locks
  /// it (flock) against a second sweep writing the same journal. A last line
  /// without its newline (a write torn by a kill) is cut off first. Throws
  /// std::runtime_error naming the path and the system's reason.
  explicit JournalWriter(const std::filesystem::path& path);
  ~JournalWriter();
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;

  /// Writes the record's line (one line at a time) and wakes the flushing
  /// thread, which fdatasync()s everything written so far while the workers
  /// go on: one flush then covers the records of several workers, and no
  /// worker waits for the disk. Thread-safe. Throws std::runtime_error when
  /// the write, or an earlier flush, failed.
  void append(const PointRecord& record);
  /// Waits until every appended record is on disk. Throws std::runtime_error
  /// when a flush failed.
  void flush();
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  void flush_until_closed();

  std::filesystem::path path_;
  int fd_ = -1;
  std::mutex mutex_;
  std::condition_variable work_to_flush_;
  std::condition_variable flushed_;
  std::uint64_t records_written_ = 0;
  std::uint64_t records_flushed_ = 0;
  int flush_errno_ = 0;  ///< the errno of a failed fdatasync; no flush is tried after it
  bool closing_ = false;
  std::thread flusher_;
};

/// The study's journal does not match the study any more.
class StudyChangedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The parameter hash of each point, computed at most once (Study::point
/// parses and emits the device's YAML, about half a millisecond).
class PointHashes {
 public:
  /// The hash of point `index`.
  const std::string& of(const Study& study, std::size_t index);
  /// A hash known to be this study's (a point this process ran or checked).
  void remember(std::size_t index, std::string hash) { hashes_[index] = std::move(hash); }

 private:
  std::map<std::size_t, std::string> hashes_;
};

/// The records of every journal in `folders` (the first record of an index
/// wins). A record written for a study with the same fingerprint is taken as
/// it is; any other is checked against its point's hash. Throws
/// StudyChangedError when a record's index is beyond the study or its hash
/// differs from the point's; `ignored_lines` counts torn lines.
FinishedPoints read_finished_points(const Study& study,
                                    std::span<const std::filesystem::path> folders,
                                    std::size_t& ignored_lines, PointHashes& hashes);

/// Same, with hashes computed afresh.
FinishedPoints read_finished_points(const Study& study,
                                    std::span<const std::filesystem::path> folders,
                                    std::size_t& ignored_lines);

}  // namespace filmtherm
