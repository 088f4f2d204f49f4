#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <ostream>

#include "filmtherm/sweep.h"
#include "filmtherm/sweep_journal.h"
#include "filmtherm/sweep_mpi.h"
#include "filmtherm/sweep_processes.h"
#include "filmtherm/sweep_progress.h"
#include "filmtherm/sweep_session.h"
#include "filmtherm/sweep_worker.h"

namespace filmtherm {

namespace {

double point_time_limit_s(const Study& study, const SweepOptions& options) {
  if (options.point_time_limit_s > 0.0) return options.point_time_limit_s;
  if (study.point_time_limit_s > 0.0) return study.point_time_limit_s;
  return default_point_time_limit_s;
}

int run_points(const Study& study, const PluginRegistry& registry, const SweepOptions& options,
               std::ostream& out, std::ostream& err) {
  SweepPlan plan = plan_sweep(study, options);
  const unsigned cores = available_cores();
  const unsigned jobs = static_cast<unsigned>(std::clamp<std::size_t>(
      options.jobs > 0 ? options.jobs : cores, 1, std::max<std::size_t>(1, plan.pending.size())));
  const bool isolated = options.isolate_points;
  const std::string workers =
      isolated ? fmt::format("{} worker process(es)", jobs) : fmt::format("{} thread(s)", jobs);
  out << plan_text(study, plan, workers) << std::flush;
  report_ignored(plan.journal_report, err);
  if (!plan.pending.empty()) {
    // The workers are forked before the journal's flushing thread starts.
    std::optional<PointProcessPool> processes;
    if (isolated) processes.emplace(study, registry, jobs, point_time_limit_s(study, options));
    JournalWriter journal(plan.journal);
    journal.blank_out(plan.journal_report.problems);  // reported once, not on every resume
    SweepProgress progress(plan.share, plan.done_before, options.progress_bar, err);
    PointQueue queue(plan.pending);
    std::size_t finished = 0;
    install_stop_signal_handlers();
    const auto keep = [&journal](const PointRecord& record) { journal.append(record); };
    const auto count = [&](PointRecord&& record) {
      progress.point_finished(record.ok);
      plan.hashes.remember(record.index, record.parameter_hash);
      ++finished;
    };
    if (processes) {
      processes->run(queue, [&](PointRecord&& record) {
        keep(record);
        count(std::move(record));
      });
    } else {
      WorkerPool pool(study, registry, queue, jobs, keep, count);
      pool.join();
    }
    journal.flush();
    progress.finish();
    if (const int signal = stop_signal(); signal != 0 && finished < plan.pending.size()) {
      return report_interruption(options, plan, signal, err);
    }
  }
  return conclude_sweep(study, options, plan, out, err);
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

int run_study(const Study& study, const PluginRegistry& registry, const SweepOptions& options,
              std::ostream& out, std::ostream& err) {
  if (!options.merge_folders.empty() && !options.shard.empty()) {
    throw SweepRequestError("--merge combines the journals of all shards; it takes no --shard");
  }
  try {
    if (!options.merge_folders.empty()) return merge_sweep(study, options, out, err);
    return run_points(study, registry, options, out, err);
  } catch (const StudyChangedError& error) {
    err << "filmtherm sweep: " << error.what() << "\n";
    return exit_usage_error;
  }
}

int run_study_file(const SweepOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<std::filesystem::path> extra(options.plugin_paths.begin(),
                                           options.plugin_paths.end());
  const PluginRegistry registry = PluginRegistry::with_default_plugins(extra);
  Study study;
  try {
    study = load_study(options.study_file, registry);
    // A value `check` refuses fails here, with exit code 2, before any point runs
    // (not as a failed row after the others). Merging runs no point.
    if (options.merge_folders.empty()) check_study_values(study, registry);
  } catch (const InputError& error) {
    err << error.what()
        << fmt::format("filmtherm sweep: {} problem(s) in {}\n", error.diagnostics().size(),
                       options.study_file);
    return exit_usage_error;
  }
  return run_study(study, registry, options, out, err);
}

}  // namespace filmtherm
