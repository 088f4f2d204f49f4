// `filmtherm sweep STUDY.yaml [--output DIR] [--jobs N] [--shard i/n] [--merge DIR...]`:
// runs the points of a study (study.h) on every core, each finished point
// appended and flushed to a journal in the output folder, and once every
// point has a record writes results.csv, results.jsonl and the study's plot
// there, from the journal in point order. Rerunning resumes: points already
// journalled are skipped, and a journal written for a different study is
// refused. --shard i/n runs every n-th point (for job arrays) into its own
// journal; --merge combines shard journals. Under mpirun (when built with
// MPI, sweep_mpi.h) rank 0 hands out points to the ranks that ask and writes the table.
#pragma once

#include "filmtherm/sweep.h"

namespace CLI {
class App;
}

namespace filmtherm::cli {

using filmtherm::SweepOptions;

/// Adds the subcommand; `run_sweep` is called when it was chosen.
CLI::App* add_sweep_command(CLI::App& app, SweepOptions& options);

/// 0 when the study (or this shard's share) is done; exit_usage_error (2) for
/// an invalid study, bad options or a journal of another study; 1 when a
/// merge leaves points missing; 128 + signal when stopped by SIGINT/SIGTERM.
int run_sweep(SweepOptions options);

}  // namespace filmtherm::cli
