// The steps of `filmtherm sweep` shared by the local and the MPI drivers:
// which points this run must compute (its shard, less what the journals in the
// output folder already hold), what to tell the user before and after, how
// to resume after an interruption, and the final table and plot.
#pragma once

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "filmtherm/study.h"
#include "filmtherm/sweep.h"
#include "filmtherm/sweep_journal.h"

namespace filmtherm {

/// Shard `index` of `count` (1-based) runs the points with index % count == index - 1.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 0;  ///< 0: the whole study
  bool active() const noexcept { return count > 0; }
  bool contains(std::size_t point) const noexcept {
    return count == 0 || point % count == index - 1;
  }
};

/// The cores this process may use (taskset, a SLURM or container CPU set),
/// not all of the machine's; at least 1.
unsigned available_cores();

/// "2/8" -> {2, 8}; "" -> the whole study. Throws SweepRequestError.
Shard parse_shard(const std::string& text);

/// What this run computes.
struct SweepPlan {
  std::filesystem::path folder;
  Shard shard;
  std::filesystem::path journal;     ///< this run's journal file
  std::size_t share = 0;             ///< points of the study in this run's shard
  std::size_t done_before = 0;       ///< of those, already journalled
  std::vector<std::size_t> pending;  ///< to run, in index order
  std::size_t ignored_lines = 0;     ///< torn journal lines (their points run again)
  PointHashes hashes;                ///< of points checked or run by this process
};

/// Reads the journals in the output folder. Throws StudyChangedError, UsageError.
SweepPlan plan_sweep(const Study& study, const SweepOptions& options);

/// Notes on stderr that `ignored_lines` torn journal lines were ignored (none: nothing).
void report_ignored(std::size_t ignored_lines, std::ostream& err);

/// One line: what runs where, on how many workers.
std::string plan_text(const Study& study, const SweepPlan& plan, const std::string& workers);

/// After an interruption: says how far the study got and how to resume;
/// returns 128 + the signal.
int report_interruption(const SweepOptions& options, const SweepPlan& plan, int signal,
                        std::ostream& err);

/// Rereads every journal of the folder; when every point has a record writes
/// results.csv, results.jsonl and the plot, and reports. Returns the exit code.
int conclude_sweep(const Study& study, const SweepOptions& options, SweepPlan& plan,
                   std::ostream& out, std::ostream& err);

/// `--merge DIR...`: copies the records of every journal in the folders into
/// the output folder's journal.jsonl, then concludes. 1 when points are missing.
int merge_sweep(const Study& study, const SweepOptions& options, std::ostream& out,
                std::ostream& err);

}  // namespace filmtherm
