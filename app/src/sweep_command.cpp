#include "sweep_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli_error.h"
#include "filmtherm/quantity_parser.h"
#include "filmtherm/sweep.h"
#include "filmtherm/sweep_mpi.h"

namespace filmtherm::cli {

CLI::App* add_sweep_command(CLI::App& app, SweepOptions& o) {
  CLI::App* command = app.add_subcommand(
      "sweep",
      "Run a study (a base device swept over axes) on every core, resumably; writes "
      "results.csv, results.jsonl and a plot into the output folder");
  command->add_option("study", o.study_file, "Study file (YAML)")->required();
  command->add_option("--output,-o", o.output_folder,
                      "Output folder (default: the study's output.folder)");
  command
      ->add_option("--jobs,-j", o.jobs,
                   "Workers (default: one per core; under mpirun: 1 on rank 0)")
      ->check(CLI::Range(1U, 4096U));
  command->add_option("--shard", o.shard,
                      "Run only shard i of n (points with index % n == i - 1), e.g. 2/8");
  command->add_option("--merge", o.merge_folders,
                      "Merge the journals in these folders into the output folder, then write "
                      "the table when no point is missing");
  command->add_option_function<std::string>(
      "--point-time-limit",
      [&o](const std::string& text) {
        double seconds = 0.0;
        try {
          seconds = parse_quantity_si(text, Dimension{.second = 1});
        } catch (const std::exception& error) {
          throw CLI::ValidationError("--point-time-limit", "'" + text + "': " + error.what());
        }
        if (!(seconds >= 1e-3) || seconds > max_point_time_limit_s) {
          throw CLI::ValidationError(
              "--point-time-limit",
              "'" + text + "': expected a time from 1 ms to 1e6 s (about 11 days), e.g. 30s");
        }
        o.point_time_limit_s = seconds;
      },
      "Stop a point that takes longer (wall clock), e.g. 30s, and record it as failed "
      "(default: the study's point_time_limit, else 3600s)");
  command->add_flag("!--no-isolation", o.isolate_points,
                    "Run points on threads of this process rather than in worker processes: no "
                    "time limit, and a plugin that crashes ends the sweep");
  command->add_flag("!--no-plot", o.plot, "Do not run gnuplot");
  command->add_option("--plugin", o.plugin_paths, "Load a plugin file or folder (repeatable)")
      ->allow_extra_args(false);  // one path per --plugin: a following word is not a plugin
  return command;
}

int run_sweep(SweepOptions options) {
  if (!options.merge_folders.empty() && !options.shard.empty()) {
    throw UsageError("--merge combines the journals of all shards; it takes no --shard");
  }
  if (const int ranks = mpi_ranks_from_environment(); ranks != 1) {
    if (const std::optional<int> exit_code = run_sweep_across_ranks(options, ranks)) {
      return *exit_code;
    }
  }
  options.progress_bar = isatty(STDERR_FILENO) != 0;
  return run_study_file(options, std::cout, std::cerr);
}

}  // namespace filmtherm::cli
