#include "sweep_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli_error.h"
#include "sweep_mpi.h"
#include "sweep_progress.h"
#include "sweep_session.h"
#include "sweep_worker.h"

namespace filmtherm::cli {

namespace {

int run_local(const Study& study, const PluginRegistry& registry, const SweepOptions& options) {
  SweepPlan plan = plan_sweep(study, options);
  const unsigned cores = available_cores();
  const unsigned jobs = static_cast<unsigned>(std::clamp<std::size_t>(
      options.jobs > 0 ? options.jobs : cores, 1, std::max<std::size_t>(1, plan.pending.size())));
  std::cout << plan_text(study, plan, fmt::format("{} thread(s)", jobs)) << std::flush;
  report_ignored(plan.ignored_lines, std::cerr);
  if (!plan.pending.empty()) {
    JournalWriter journal(plan.journal);
    SweepProgress progress(plan.share, plan.done_before, isatty(STDERR_FILENO) != 0, std::cerr);
    PointQueue queue(plan.pending);
    std::size_t finished = 0;
    install_stop_signal_handlers();
    const auto keep = [&journal](const PointRecord& record) { journal.append(record); };
    WorkerPool pool(study, registry, queue, jobs, keep, [&](PointRecord&& record) {
      progress.point_finished(record.ok);
      plan.hashes.remember(record.index, record.parameter_hash);
      ++finished;
    });
    pool.join();
    journal.flush();
    progress.finish();
    if (const int signal = stop_signal(); signal != 0 && finished < plan.pending.size()) {
      return report_interruption(options, plan, signal, std::cerr);
    }
  }
  return conclude_sweep(study, options, plan, std::cout, std::cerr);
}

}  // namespace

int mpi_ranks_from_environment() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}) {
    if (const char* value = std::getenv(name)) {
      const int ranks = std::atoi(value);
      return ranks > 0 ? ranks : 0;
    }
  }
  if (std::getenv("PMIX_RANK") != nullptr || std::getenv("PMI_RANK") != nullptr) return 0;
  return 1;
}

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
                   "Worker threads (default: one per core; under mpirun: 1 on rank 0)")
      ->check(CLI::Range(1U, 4096U));
  command->add_option("--shard", o.shard,
                      "Run only shard i of n (points with index % n == i - 1), e.g. 2/8");
  command->add_option("--merge", o.merge_folders,
                      "Merge the journals in these folders into the output folder, then write "
                      "the table when no point is missing");
  command->add_flag("!--no-plot", o.plot, "Do not run gnuplot");
  command->add_option("--plugin", o.plugin_paths, "Load a plugin file or folder (repeatable)");
  return command;
}

int run_sweep(const SweepOptions& options) {
  if (!options.merge_folders.empty() && !options.shard.empty()) {
    throw UsageError("--merge combines the journals of all shards; it takes no --shard");
  }
  if (const int ranks = mpi_ranks_from_environment(); ranks != 1) {
    if (const std::optional<int> exit_code = run_sweep_across_ranks(options, ranks)) {
      return *exit_code;
    }
  }
  std::vector<std::filesystem::path> extra(options.plugin_paths.begin(),
                                           options.plugin_paths.end());
  const PluginRegistry registry = PluginRegistry::with_default_plugins(extra);
  Study study;
  try {
    study = load_study(options.study_file, registry);
  } catch (const InputError& error) {
    std::cerr << error.what()
              << fmt::format("filmtherm sweep: {} problem(s) in {}\n", error.diagnostics().size(),
                             options.study_file);
    return exit_usage_error;
  }
  try {
    if (!options.merge_folders.empty()) return merge_sweep(study, options, std::cout, std::cerr);
    return run_local(study, registry, options);
  } catch (const StudyChangedError& error) {
    std::cerr << "filmtherm sweep: " << error.what() << "\n";
    return exit_usage_error;
  }
}

}  // namespace filmtherm::cli
