// Running a study (study.h) as `filmtherm sweep` does, from any host: the
// points in worker processes (or threads) of this process, each finished point appended and
// flushed to a journal in the output folder, and, once every point has a
// record, results.csv, results.jsonl and the study's plots written there from
// the journal in point order. Rerunning resumes: points already journalled are
// skipped, and a journal written for a different study is refused. A shard
// (i of n) runs every n-th point into its own journal; a merge combines shard
// journals. Running across MPI ranks is the command line's business
// (sweep_mpi.h); everything here is MPI-free.
#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "filmtherm/plugin_registry.h"
#include "filmtherm/study.h"

namespace filmtherm {

/// Exit codes shared by every filmtherm command: an input the user must fix,
/// a solver that failed, and a plugin that crashed the process (`run`; a
/// study records such a point as failed and goes on).
inline constexpr int exit_usage_error = 2;
inline constexpr int exit_solver_error = 3;
inline constexpr int exit_plugin_crashed = 4;

/// The wall-clock time a point of a study may take when neither the study
/// file (`point_time_limit:`) nor the command line sets one [s]: an hour, far
/// beyond any point of the examples (the slowest wire point takes seconds),
/// so it stops only a point that is stuck.
inline constexpr double default_point_time_limit_s = 3600.0;

struct SweepOptions {
  std::string study_file;
  std::string output_folder;  ///< empty: the study's output.folder
  unsigned jobs = 0;          ///< workers; 0: one per core it may use (under MPI: 1 on rank 0)
  /// Run each point in a worker process (sweep_processes.h), so that a
  /// plugin that crashes or hangs costs its point only; false: on threads of
  /// this process (no time limit; a crash ends the sweep).
  bool isolate_points = true;
  /// [s]; 0: the study's point_time_limit, else default_point_time_limit_s.
  double point_time_limit_s = 0.0;
  std::string shard;  ///< "i/n" (1 <= i <= n), empty: the whole study
  std::vector<std::string> merge_folders;
  bool plot = true;
  std::vector<std::string> plugin_paths;
  /// The process's own argv, for handing the process over to filmtherm-mpi.
  std::vector<std::string> command_line;
  /// Show a live progress bar on stderr (a terminal); false: plain lines.
  bool progress_bar = false;
};

/// A sweep request that cannot be carried out as asked (a malformed shard, a
/// merge folder that does not exist): the user must change the request.
class SweepRequestError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Runs (or, with merge_folders, merges) `study` in this process. Returns 0
/// when the study (or this shard's share) is done; exit_usage_error (2) for a
/// journal of another study; 1 when a merge leaves points missing; 128 +
/// signal when stopped by SIGINT/SIGTERM. Progress and the summary go to
/// `out` and `err`. Throws SweepRequestError for a bad request.
int run_study(const Study& study, const PluginRegistry& registry, const SweepOptions& options,
              std::ostream& out, std::ostream& err);

/// Loads options.study_file (and the plugins of options.plugin_paths) and runs
/// it with run_study; an invalid study prints its diagnostics on `err` and
/// returns exit_usage_error.
int run_study_file(const SweepOptions& options, std::ostream& out, std::ostream& err);

}  // namespace filmtherm
