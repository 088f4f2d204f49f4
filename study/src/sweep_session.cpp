#include "filmtherm/sweep_session.h"

#include <fmt/format.h>
#include <sched.h>

#include <algorithm>
#include <charconv>
#include <thread>

#include "filmtherm/atomic_file.h"
#include "filmtherm/sweep_plots.h"
#include "filmtherm/sweep_table.h"

namespace filmtherm {

namespace {

constexpr std::size_t failures_listed = 5;

std::filesystem::path output_folder(const Study& study, const SweepOptions& options) {
  return options.output_folder.empty() ? study.output_folder
                                       : std::filesystem::path(options.output_folder);
}

std::string resume_command(const SweepOptions& options) {
  std::string command = "filmtherm sweep " + options.study_file;
  if (!options.output_folder.empty()) command += " --output " + options.output_folder;
  if (!options.shard.empty()) command += " --shard " + options.shard;
  return command;
}

std::size_t parse_count(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return 0;
  return value;
}

}  // namespace

void report_ignored(const JournalReport& report, std::ostream& err) {
  constexpr std::size_t listed = 10;
  for (std::size_t i = 0; i < report.problems.size() && i < listed; ++i) {
    const JournalProblem& problem = report.problems[i];
    err << fmt::format("filmtherm sweep: note: {}:{}: {}\n", problem.file.string(), problem.line,
                       problem.what);
  }
  if (report.problems.size() > listed) {
    err << fmt::format("filmtherm sweep: note: ... and {} more journal line(s) not taken\n",
                       report.problems.size() - listed);
  }
}

unsigned available_cores() {
  cpu_set_t cores;
  CPU_ZERO(&cores);
  if (sched_getaffinity(0, sizeof cores, &cores) == 0 && CPU_COUNT(&cores) > 0) {
    return static_cast<unsigned>(CPU_COUNT(&cores));
  }
  return std::max(1U, std::thread::hardware_concurrency());
}

Shard parse_shard(const std::string& text) {
  if (text.empty()) return {};
  const std::size_t slash = text.find('/');
  Shard shard;
  if (slash != std::string::npos) {
    shard.index = parse_count(std::string_view(text).substr(0, slash));
    shard.count = parse_count(std::string_view(text).substr(slash + 1));
  }
  if (shard.count == 0 || shard.index == 0 || shard.index > shard.count) {
    throw SweepRequestError(fmt::format(
        "--shard {}: expected i/n with 1 <= i <= n, e.g. --shard 2/8 (the second of 8 shards)",
        text));
  }
  return shard;
}

SweepPlan plan_sweep(const Study& study, const SweepOptions& options) {
  SweepPlan plan;
  plan.folder = output_folder(study, options);
  plan.shard = parse_shard(options.shard);
  plan.journal = plan.folder / journal_file_name(plan.shard.index, plan.shard.count);
  const std::vector<std::filesystem::path> folders{plan.folder};
  const FinishedPoints finished =
      read_finished_points(study, folders, plan.journal_report, plan.hashes);
  for (std::size_t i = 0; i < study.point_count(); ++i) {
    if (!plan.shard.contains(i)) continue;
    ++plan.share;
    if (finished.contains(i)) {
      ++plan.done_before;
    } else {
      plan.pending.push_back(i);
    }
  }
  return plan;
}

std::string plan_text(const Study& study, const SweepPlan& plan, const std::string& workers) {
  std::string text = fmt::format("sweep {}: {} point(s)", study.name, study.point_count());
  if (plan.shard.active()) {
    text += fmt::format(", shard {}/{} has {}", plan.shard.index, plan.shard.count, plan.share);
  }
  if (plan.done_before > 0) text += fmt::format(", {} done before", plan.done_before);
  text +=
      fmt::format(", {} to run on {} -> {}\n", plan.pending.size(), workers, plan.folder.string());
  return text;
}

int report_interruption(const SweepOptions& options, const SweepPlan& plan, int signal,
                        std::ostream& err) {
  err << fmt::format(
      "filmtherm sweep: stopped by signal {} before the study was complete; every finished "
      "point is in {}. Run\n  {}\nto resume.\n",
      signal, plan.journal.string(), resume_command(options));
  return 128 + signal;
}

int conclude_sweep(const Study& study, const SweepOptions& options, SweepPlan& plan,
                   std::ostream& out, std::ostream& err) {
  // plan_sweep reported the journal's problems already: once per run is enough.
  JournalReport reported_before;
  const std::vector<std::filesystem::path> folders{plan.folder};
  const FinishedPoints records = read_finished_points(study, folders, reported_before, plan.hashes);
  const std::size_t count = study.point_count();
  if (records.size() < count) {
    if (plan.shard.active()) {
      out << fmt::format(
          "shard {}/{} done: {} point(s) in {}. When every shard has finished, write the "
          "table with\n  filmtherm sweep {} --merge SHARD_FOLDER... --output DIR\nor, when the "
          "shards share one folder, by running the study once more in it:\n  filmtherm sweep {} "
          "--output {}\n",
          plan.shard.index, plan.shard.count, plan.share, plan.journal.string(), options.study_file,
          options.study_file, plan.folder.string());
      return 0;
    }
    err << fmt::format("filmtherm sweep: {} of {} points have no record in {}; run\n  {}\n",
                       count - records.size(), count, plan.folder.string(),
                       resume_command(options));
    return 1;
  }
  write_file_atomically(plan.folder / "results.csv", results_csv(study, records));
  write_file_atomically(plan.folder / "results.jsonl", results_jsonl(study, records));
  std::vector<const PointRecord*> failed;
  for (const auto& [index, record] : records) {
    if (!record.ok) failed.push_back(&record);
  }
  out << fmt::format("wrote {} and results.jsonl ({} points, {} failed)\n",
                     (plan.folder / "results.csv").string(), count, failed.size());
  for (const StudyPlot& plot : options.plot ? study.plots : std::vector<StudyPlot>{}) {
    if (const auto problem = plot_results(study, plot, records, plan.folder)) {
      err << "filmtherm sweep: warning: " << *problem << "\n";
    } else {
      out << "plot: " << (plan.folder / plot_file_name(study, plot)).string() << "\n";
    }
    if (!has_map(study)) continue;
    if (const auto problem = plot_results_map(study, plot, records, plan.folder)) {
      err << "filmtherm sweep: warning: " << *problem << "\n";
    } else {
      out << "plot: " << (plan.folder / map_file_name(plot)).string() << "\n";
    }
  }
  for (std::size_t i = 0; i < failed.size() && i < failures_listed; ++i) {
    err << fmt::format("point {} ({}) failed: {}\n", failed[i]->index, failed[i]->parameters,
                       failed[i]->error);
  }
  if (failed.size() > failures_listed) {
    err << fmt::format("... and {} more failed point(s): see the status and error columns\n",
                       failed.size() - failures_listed);
  }
  return 0;
}

int merge_sweep(const Study& study, const SweepOptions& options, std::ostream& out,
                std::ostream& err) {
  SweepPlan plan;
  plan.folder = output_folder(study, options);
  std::vector<std::filesystem::path> folders(options.merge_folders.begin(),
                                             options.merge_folders.end());
  std::size_t journals = 0;
  for (const std::filesystem::path& folder : folders) {
    if (!std::filesystem::is_directory(folder)) {
      throw SweepRequestError(fmt::format("--merge {}: no such folder", folder.string()));
    }
    journals += journal_files(folder).size();
  }
  folders.push_back(plan.folder);
  JournalReport report;
  const FinishedPoints records = read_finished_points(study, folders, report, plan.hashes);
  report_ignored(report, err);
  std::string text;
  for (const auto& [index, record] : records) text += journal_line(record);
  plan.journal = plan.folder / journal_file_name();
  write_file_atomically(plan.journal, text);
  out << fmt::format("merged {} point(s) from {} journal(s) into {}\n", records.size(), journals,
                     plan.journal.string());
  const std::size_t count = study.point_count();
  if (records.size() < count) {
    std::string missing;
    std::size_t listed = 0;
    for (std::size_t i = 0; i < count && listed < 10; ++i) {
      if (records.contains(i)) continue;
      missing += (listed++ == 0 ? "" : ", ") + std::to_string(i);
    }
    SweepOptions rerun = options;
    rerun.output_folder = plan.folder.string();
    rerun.shard.clear();
    err << fmt::format(
        "filmtherm sweep: {} of {} points are missing (first: {}); run\n  {}\nto compute them and "
        "write the table\n",
        count - records.size(), count, missing, resume_command(rerun));
    return 1;
  }
  return conclude_sweep(study, options, plan, out, err);
}

}  // namespace filmtherm
