// Running the points of a study in worker processes, so that a point whose
// plugin crashes (SIGSEGV, abort(), ...) or hangs costs that point only: it
// is recorded as failed, naming the plugin, the model, the signal or the time
// limit, and the study goes on. The pool forks its workers when it is made,
// before the journal's flushing thread starts; each worker is single-threaded,
// owns a PointRunner, reads point indices from a pipe and writes back the
// point's journal line. The parent polls the workers' pipes, is the only
// writer of the journal, reaps a worker that died (waitpid), kills one that
// passed the time limit, and forks a replacement. Why processes rather than
// threads: docs/architecture.md, "Design decisions".
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "filmtherm/plugin_registry.h"
#include "filmtherm/study.h"
#include "filmtherm/sweep_journal.h"
#include "filmtherm/sweep_worker.h"

namespace filmtherm {

/// Worker processes that run points of one study.
class PointProcessPool {
 public:
  using Callback = std::function<void(PointRecord&&)>;
  /// Forks `workers` processes. `time_limit_s` (> 0) is the wall-clock time a
  /// point may take. Throws std::runtime_error when a pipe or fork fails.
  PointProcessPool(const Study& study, const PluginRegistry& registry, unsigned workers,
                   double time_limit_s);
  /// Kills and reaps the workers still running.
  ~PointProcessPool();
  PointProcessPool(const PointProcessPool&) = delete;
  PointProcessPool& operator=(const PointProcessPool&) = delete;

  /// Runs points from `queue` until it hands out no more and every running
  /// point has its record; each record, a failed one for a point whose worker
  /// died or ran out of time included, goes to `on_finished` on this thread.
  /// Throws std::runtime_error when a worker cannot start its runner (the
  /// study's model has none) or sends something unreadable.
  void run(PointQueue& queue, const Callback& on_finished);

 private:
  struct Worker {
    pid_t pid = -1;
    int to_worker = -1;    ///< point indices, 8 bytes each
    int from_worker = -1;  ///< journal lines; "!" lines: what killed it
    std::string received;  ///< bytes not yet a whole line
    std::string last_words;
    /// Points sent to it, in order: the first it is running, the others
    /// wait in its socket, so that it never waits for this process between
    /// points (on a loaded machine each hand-over costs a wake-up).
    std::deque<std::size_t> points;
    std::chrono::steady_clock::time_point started;  ///< of the first point
  };

  void spawn(Worker& worker);
  void stop(Worker& worker);
  /// Reads what the worker sent; a whole record goes to `on_finished`.
  /// Returns false when the worker closed its pipe (it died or exited).
  bool receive(Worker& worker, const Callback& on_finished);
  /// Reaps `worker` (killed first when `timed_out`), takes what it sent
  /// before it ended, and passes the failed record of the point it was
  /// running to `on_finished`; the points that were waiting for it go to
  /// `unsent_`.
  void died(Worker& worker, bool timed_out, const Callback& on_finished);
  /// The next point to send: a point a dead worker left, else the queue's.
  std::optional<std::size_t> next_point(PointQueue& queue);

  const Study& study_;
  const PluginRegistry& registry_;
  double time_limit_s_;
  std::vector<Worker> workers_;
  std::deque<std::size_t> unsent_;
};

/// The message of a point stopped by the time limit or the death of its
/// worker: "stopped after the point time limit of 30 s, inside plugin P,
/// model 'M' (phonon heat capacity), in evaluate", "the worker process died of
/// SIGSEGV (segmentation fault) ...". `last_words` is what the worker's crash
/// report said ("" when it said nothing); `signal` 0 for a time-out.
std::string describe_point_death(const std::string& last_words, int signal, bool timed_out,
                                 double time_limit_s);

}  // namespace filmtherm
