// Running the points of a study on the threads of one process: a queue that
// hands out point indices in order to whichever thread asks, worker threads
// (std::jthread) that each own a PointRunner and share nothing mutable but
// the queue and the caller's callback (called one record at a time), and the
// SIGINT/SIGTERM handling: the first signal stops the handing out of points
// and lets the running ones finish; a second one ends the process at once
// (the journal stays readable either way).
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "filmtherm/point_runner.h"
#include "filmtherm/study.h"
#include "filmtherm/sweep_journal.h"

namespace filmtherm {

/// Runs point `index`: builds its device, loads it and solves it. A refused
/// device or a failed solve becomes a failed record with the error text.
PointRecord run_point(const Study& study, std::size_t index, PointRunner& runner,
                      const PluginRegistry& registry);

/// Point indices still to run, handed out in order, one at a time, to any thread.
class PointQueue {
 public:
  explicit PointQueue(std::vector<std::size_t> pending) : pending_(std::move(pending)) {}
  /// The next index; nullopt when all are handed out, the queue is closed, or
  /// a stop signal arrived.
  std::optional<std::size_t> next();
  /// Hands out nothing more.
  void close() noexcept { closed_ = true; }

 private:
  std::vector<std::size_t> pending_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> closed_{false};
};

/// Threads that run points from a queue until it is empty.
class WorkerPool {
 public:
  using Keep = std::function<void(const PointRecord&)>;
  using Callback = std::function<void(PointRecord&&)>;
  /// Starts `threads` workers; each makes its own runner for study.model and
  /// passes every record first to `keep` (from any worker at the same time:
  /// it must be thread-safe; empty: nothing), then to `on_finished` (never
  /// two calls at once).
  WorkerPool(const Study& study, const PluginRegistry& registry, PointQueue& queue,
             unsigned threads, Keep keep, Callback on_finished);
  /// Waits for every worker; rethrows the first exception one of them met
  /// (a journal that cannot be written, ...), after closing the queue.
  void join();

 private:
  void work(const Study& study, const PluginRegistry& registry);

  PointQueue& queue_;
  Keep keep_;
  Callback on_finished_;
  std::mutex mutex_;
  std::exception_ptr error_;
  std::vector<std::jthread> threads_;
};

/// Installs the SIGINT and SIGTERM handlers of `filmtherm sweep`.
void install_stop_signal_handlers();

/// The signal that asked the sweep to stop (SIGINT or SIGTERM), 0 when none.
int stop_signal() noexcept;

}  // namespace filmtherm
