#include "filmtherm/sweep_worker.h"

#include <fmt/format.h>
#include <unistd.h>

#include <csignal>

#include "filmtherm/cvode_integrator.h"

namespace filmtherm {

namespace {

std::atomic<int> received_stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "used in a signal handler");

extern "C" void on_stop_signal(int signal) {
  // Only async-signal-safe calls here: write, signal, raise.
  if (received_stop_signal.exchange(signal) != 0) {
    static constexpr char message[] =
        "\nfilmtherm sweep: abandoning the running points; run the same command again to "
        "resume\n";
    [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, message, sizeof message - 1);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
    return;
  }
  static constexpr char message[] =
      "\nfilmtherm sweep: stopping: no new points; waiting for the running ones (signal again "
      "to abandon them)\n";
  [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, message, sizeof message - 1);
}

}  // namespace

PointRecord run_point(const Study& study, std::size_t index, PointRunner& runner,
                      const PluginRegistry& registry) {
  const StudyPoint point = study.point(index);
  PointRecord record;
  record.index = index;
  record.parameter_hash = point.parameter_hash;
  record.study_fingerprint = study.fingerprint();
  record.parameters = study.describe_point(index);
  try {
    const Device device = load_point_device(study, point, registry);
    record.figures = runner.run(device);
    record.ok = true;
  } catch (const InvalidPointError& error) {
    record.error = error.what();
  } catch (const IntegrationError& error) {
    record.error = fmt::format("the solver failed: {}", error.what());
  } catch (const std::exception& error) {
    record.error = error.what();
  }
  return record;
}

std::optional<std::size_t> PointQueue::next() {
  if (closed_ || stop_signal() != 0) return std::nullopt;
  const std::size_t position = next_.fetch_add(1);
  if (position >= pending_.size()) return std::nullopt;
  return pending_[position];
}

WorkerPool::WorkerPool(const Study& study, const PluginRegistry& registry, PointQueue& queue,
                       unsigned threads, Keep keep, Callback on_finished)
    : queue_(queue), keep_(std::move(keep)), on_finished_(std::move(on_finished)) {
  for (unsigned t = 0; t < threads; ++t) {
    threads_.emplace_back([this, &study, &registry] { work(study, registry); });
  }
}

void WorkerPool::work(const Study& study, const PluginRegistry& registry) {
  try {
    const std::unique_ptr<PointRunner> runner = make_point_runner(study.model, registry);
    while (const std::optional<std::size_t> index = queue_.next()) {
      PointRecord record = run_point(study, *index, *runner, registry);
      if (keep_) keep_(record);
      const std::lock_guard lock(mutex_);
      on_finished_(std::move(record));
    }
  } catch (...) {
    queue_.close();
    const std::lock_guard lock(mutex_);
    if (!error_) error_ = std::current_exception();
  }
}

void WorkerPool::join() {
  for (std::jthread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  if (error_) std::rethrow_exception(error_);
}

void install_stop_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int stop_signal() noexcept {
  return received_stop_signal.load();
}

}  // namespace filmtherm
