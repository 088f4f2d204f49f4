// run_sweep_across_ranks for filmtherm-mpi: the MPI job itself (sweep_mpi.h).
#include <fmt/format.h>
#include <unistd.h>

// The C API only: the deprecated C++ bindings need a library we do not link.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "filmtherm/sweep_mpi.h"
#include "filmtherm/sweep_progress.h"
#include "filmtherm/sweep_session.h"
#include "filmtherm/sweep_worker.h"

namespace filmtherm {

namespace {

// Worker -> rank 0: a finished point's journal line (empty in the first
// request), asking for more (request) or not (last_record, after a signal).
// Rank 0 -> worker: a point index (work) or nothing more (stop).
enum Tag : int { tag_request = 1, tag_last_record = 2, tag_work = 3, tag_stop = 4 };

constexpr auto idle_poll = std::chrono::microseconds(200);

class MpiSession {
 public:
  MpiSession() {
    int provided = 0;
    // Only the main thread calls MPI; rank 0's worker threads never do.
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~MpiSession() { MPI_Finalize(); }
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank() const noexcept { return rank_; }
  int size() const noexcept { return size_; }

 private:
  int rank_ = 0;
  int size_ = 1;
};

bool all_ranks_agree(bool ok) {
  int mine = ok ? 1 : 0;
  int all = 0;
  MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  return all == 1;
}

int run_worker_rank(const Study& study, const PluginRegistry& registry) {
  const std::unique_ptr<PointRunner> runner = make_point_runner(study.model, registry);
  std::string record;
  while (true) {
    const bool stopping = stop_signal() != 0;
    MPI_Send(record.data(), static_cast<int>(record.size()), MPI_CHAR, 0,
             stopping ? tag_last_record : tag_request, MPI_COMM_WORLD);
    if (stopping) return 128 + stop_signal();
    long long index = 0;
    MPI_Status status;
    MPI_Recv(&index, 1, MPI_LONG_LONG, 0, MPI_ANY_TAG, MPI_COMM_WORLD, &status);
    if (status.MPI_TAG == tag_stop) return 0;
    record = journal_line(run_point(study, static_cast<std::size_t>(index), *runner, registry));
  }
}

// Every rank built the same points (their fingerprints agreed at the start),
// so a worker's parameter hash is trusted without rebuilding the point here.
PointRecord received_record(const Study& study, const std::string& text, int source) {
  std::optional<PointRecord> record = parse_journal_line(text);
  if (!record || record->index >= study.point_count()) {
    throw std::runtime_error(fmt::format("rank {} sent an unreadable record", source));
  }
  return std::move(*record);
}

// Compares the study fingerprints of all ranks (different files on different nodes).
bool same_study_on_all_ranks(const Study& study) {
  const unsigned long long mine = std::stoull(study.fingerprint(), nullptr, 16);
  unsigned long long lowest = 0;
  unsigned long long highest = 0;
  MPI_Allreduce(&mine, &lowest, 1, MPI_UNSIGNED_LONG_LONG, MPI_MIN, MPI_COMM_WORLD);
  MPI_Allreduce(&mine, &highest, 1, MPI_UNSIGNED_LONG_LONG, MPI_MAX, MPI_COMM_WORLD);
  return lowest == highest;
}

int run_root_rank(const Study& study, const PluginRegistry& registry, const SweepOptions& options,
                  int ranks) {
  std::optional<SweepPlan> plan;
  std::exception_ptr failure;
  try {
    plan = plan_sweep(study, options);
  } catch (...) {
    failure = std::current_exception();
  }
  PointQueue queue(plan ? plan->pending : std::vector<std::size_t>{});
  const std::size_t pending = plan ? plan->pending.size() : 0;
  // Alone (mpirun -n 1, srun of one task), rank 0 uses its cores like a local run.
  const unsigned default_jobs = ranks == 1 ? available_cores() : 1;
  const unsigned local_jobs = static_cast<unsigned>(
      std::min<std::size_t>(pending, options.jobs > 0 ? options.jobs : default_jobs));
  std::optional<JournalWriter> journal;
  std::optional<SweepProgress> progress;
  if (plan) {
    std::cout << plan_text(
                     study, *plan,
                     fmt::format("{} MPI rank(s) + {} thread(s) on rank 0", ranks - 1, local_jobs))
              << std::flush;
    report_ignored(plan->ignored_lines, std::cerr);
    if (pending > 0) journal.emplace(plan->journal);
    progress.emplace(plan->share, plan->done_before, isatty(STDERR_FILENO) != 0, std::cerr);
  }
  std::mutex record_mutex;
  std::size_t finished = 0;
  const auto keep = [&journal](const PointRecord& record) { journal->append(record); };
  auto count_point = [&](PointRecord&& record) {
    const std::lock_guard lock(record_mutex);
    progress->point_finished(record.ok);
    plan->hashes.remember(record.index, record.parameter_hash);
    ++finished;
  };
  std::optional<WorkerPool> local;
  if (local_jobs > 0) local.emplace(study, registry, queue, local_jobs, keep, count_point);

  int active = ranks - 1;
  while (active > 0) {
    int flag = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
    if (flag == 0) {
      std::this_thread::sleep_for(idle_poll);
      continue;
    }
    int length = 0;
    MPI_Get_count(&status, MPI_CHAR, &length);
    std::string text(static_cast<std::size_t>(length), '\0');
    MPI_Recv(text.data(), length, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    if (!text.empty() && !failure) {
      try {
        PointRecord record = received_record(study, text, status.MPI_SOURCE);
        keep(record);
        count_point(std::move(record));
      } catch (...) {
        failure = std::current_exception();
        queue.close();
      }
    }
    if (status.MPI_TAG == tag_last_record) {
      --active;
      continue;
    }
    const std::optional<std::size_t> next = failure ? std::nullopt : queue.next();
    if (next) {
      const long long index = static_cast<long long>(*next);
      MPI_Send(&index, 1, MPI_LONG_LONG, status.MPI_SOURCE, tag_work, MPI_COMM_WORLD);
    } else {
      MPI_Send(nullptr, 0, MPI_LONG_LONG, status.MPI_SOURCE, tag_stop, MPI_COMM_WORLD);
      --active;
    }
  }
  if (local) local->join();
  if (journal) journal->flush();
  if (progress) progress->finish();
  if (failure) std::rethrow_exception(failure);
  if (const int signal = stop_signal(); signal != 0 && finished < pending) {
    return report_interruption(options, *plan, signal, std::cerr);
  }
  return conclude_sweep(study, options, *plan, std::cout, std::cerr);
}

}  // namespace

std::optional<int> run_sweep_across_ranks(const SweepOptions& options, int /*ranks*/) {
  const MpiSession mpi;
  std::vector<std::filesystem::path> extra(options.plugin_paths.begin(),
                                           options.plugin_paths.end());
  const PluginRegistry registry = PluginRegistry::with_default_plugins(extra);
  Study study;
  bool loaded = false;
  try {
    study = load_study(options.study_file, registry);
    loaded = true;
  } catch (const InputError& error) {
    // Every rank reads the same file: rank 0 speaks for all, unless only this rank failed.
    std::cerr << (mpi.rank() == 0 ? "" : fmt::format("filmtherm sweep (rank {}):\n", mpi.rank()))
              << error.what();
  }
  if (!all_ranks_agree(loaded)) {
    if (mpi.rank() == 0) {
      std::cerr << fmt::format("filmtherm sweep: {} could not be read on every rank\n",
                               options.study_file);
    }
    return exit_usage_error;
  }
  if (!same_study_on_all_ranks(study)) {
    if (mpi.rank() == 0) {
      std::cerr << fmt::format(
          "filmtherm sweep: the ranks read different versions of {} or its base device (a "
          "file system the nodes do not share?)\n",
          options.study_file);
    }
    return exit_usage_error;
  }
  install_stop_signal_handlers();
  if (mpi.rank() != 0) {
    if (!options.merge_folders.empty()) return 0;
    try {
      return run_worker_rank(study, registry);
    } catch (const std::exception& error) {
      // Rank 0 would wait for this rank forever: end the whole job.
      std::cerr << fmt::format("filmtherm sweep (rank {}): {}\n", mpi.rank(), error.what());
      MPI_Abort(MPI_COMM_WORLD, 1);
      return 1;
    }
  }
  try {
    if (!options.merge_folders.empty()) return merge_sweep(study, options, std::cout, std::cerr);
    return run_root_rank(study, registry, options, mpi.size());
  } catch (const StudyChangedError& error) {
    std::cerr << "filmtherm sweep: " << error.what() << "\n";
    return exit_usage_error;
  }
}

}  // namespace filmtherm
