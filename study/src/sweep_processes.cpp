#include "filmtherm/sweep_processes.h"

#include <fmt/format.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <limits>
#include <stdexcept>
#include <system_error>

#include "filmtherm/plugin_call_marker.h"

namespace filmtherm {

namespace {

// A worker's own end of its socket, moved here so that every other inherited
// descriptor can be closed at once.
constexpr int worker_socket = 3;
// A worker that passes its time limit reports where it was, then ends so.
constexpr int worker_timed_out_exit = 124;
// After the limit, the parent waits this long for the worker's own report
// before it kills the worker itself (a worker that blocks SIGALRM).
constexpr double kill_grace_s = 2.0;
// Points sent to a worker ahead: the one it runs and the next.
constexpr std::size_t points_ahead = 2;

constexpr std::string_view crash_words = "!crash ";
constexpr std::string_view time_words = "!time ";
constexpr std::string_view exit_words = "!exit ";
constexpr std::string_view error_words = "!error ";

void write_all(int fd, const char* text, std::size_t length) noexcept {
  while (length > 0) {
    const ssize_t written = ::write(fd, text, length);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    text += written;
    length -= static_cast<std::size_t>(written);
  }
}

// "<words>plugin P, model 'M' (property), in F\n", or "<words>\n" outside a
// plugin call. Async-signal-safe: a static buffer, write(2).
void write_last_words(std::string_view words) noexcept {
  static std::array<char, 1024> line;
  std::size_t length = std::min(words.size(), line.size() - 2);
  std::memcpy(line.data(), words.data(), length);
  length += describe_current_plugin_call(line.data() + length, line.size() - 1 - length);
  line[length++] = '\n';
  write_all(worker_socket, line.data(), length);
}

extern "C" void on_point_time_limit(int /*signal*/) {
  write_last_words(time_words);
  ::_exit(worker_timed_out_exit);
}

extern "C" void on_worker_exit() {
  // A plugin called exit(): say where (the worker itself only ever _exit()s).
  write_last_words(exit_words);
}

void arm_time_limit(double seconds) {
  itimerval timer{};
  timer.it_value.tv_sec = static_cast<time_t>(seconds);
  timer.it_value.tv_usec = static_cast<suseconds_t>((seconds - std::floor(seconds)) * 1e6);
  if (timer.it_value.tv_sec == 0 && timer.it_value.tv_usec == 0) timer.it_value.tv_usec = 1;
  setitimer(ITIMER_REAL, &timer, nullptr);
}

void disarm_time_limit() {
  const itimerval timer{};
  setitimer(ITIMER_REAL, &timer, nullptr);
}

bool read_exactly(int fd, void* data, std::size_t size) {
  auto* bytes = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t got = ::read(fd, bytes, size);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    bytes += got;
    size -= static_cast<std::size_t>(got);
  }
  return true;
}

// The worker: single-threaded, owns one runner, never returns.
[[noreturn]] void worker_main(const Study& study, const PluginRegistry& registry, int socket,
                              pid_t parent, double time_limit_s) {
  // Dies with the sweep (a second Ctrl-C, kill -9 of the parent).
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) ::_exit(0);
  // The terminal's Ctrl-C and a job scheduler's SIGTERM reach the whole
  // process group: the parent decides (let the running points finish).
  std::signal(SIGINT, SIG_IGN);
  std::signal(SIGTERM, SIG_IGN);
  std::signal(SIGPIPE, SIG_DFL);
  if (socket != worker_socket && ::dup2(socket, worker_socket) < 0) ::_exit(1);
  // The parent's other descriptors (other workers' sockets, the journal and
  // its lock) are not the worker's business.
  ::close_range(worker_socket + 1, ~0U, 0);
  CrashReport report;
  report.fd = worker_socket;
  report.prefix = std::string(crash_words);
  report.suffix = "\n";
  install_crash_report(std::move(report));
  struct sigaction action {};
  action.sa_handler = on_point_time_limit;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_ONSTACK;
  sigaction(SIGALRM, &action, nullptr);
  std::atexit(on_worker_exit);

  std::unique_ptr<PointRunner> runner;
  try {
    runner = make_point_runner(study.model, registry);
  } catch (const std::exception& error) {
    const std::string line = fmt::format("{}{}\n", error_words, error.what());
    write_all(worker_socket, line.data(), line.size());
    ::_exit(1);
  }
  while (true) {
    std::uint64_t index = 0;
    if (!read_exactly(worker_socket, &index, sizeof index)) ::_exit(0);
    arm_time_limit(time_limit_s);
    const PointRecord record = run_point(study, static_cast<std::size_t>(index), *runner, registry);
    disarm_time_limit();
    const std::string line = journal_line(record);
    write_all(worker_socket, line.data(), line.size());
  }
}

bool starts_with(std::string_view text, std::string_view start) {
  return text.substr(0, start.size()) == start;
}

}  // namespace

std::string describe_point_death(const std::string& last_words, int signal, bool timed_out,
                                 double time_limit_s) {
  if (timed_out || starts_with(last_words, time_words)) {
    const std::string where =
        starts_with(last_words, time_words) ? last_words.substr(time_words.size()) : std::string();
    return fmt::format("stopped at the point time limit of {:g} s, {}", time_limit_s,
                       where.empty() ? "outside any plugin call" : "inside " + where);
  }
  if (starts_with(last_words, crash_words)) {
    return fmt::format("the point's worker process crashed: {}",
                       last_words.substr(crash_words.size()));
  }
  if (starts_with(last_words, exit_words)) {
    const std::string where = last_words.substr(exit_words.size());
    return fmt::format("the point's worker process was ended by a call of exit() {}",
                       where.empty() ? "outside any plugin call" : "inside " + where);
  }
  if (signal != 0) {
    return fmt::format("the point's worker process was killed by {} (from outside: out of memory?)",
                       describe_signal(signal));
  }
  return "the point's worker process ended without a record";
}

PointProcessPool::PointProcessPool(const Study& study, const PluginRegistry& registry,
                                   unsigned workers, double time_limit_s)
    : study_(study), registry_(registry), time_limit_s_(time_limit_s), workers_(workers) {
  for (Worker& worker : workers_) spawn(worker);
}

PointProcessPool::~PointProcessPool() {
  for (Worker& worker : workers_) stop(worker);
}

void PointProcessPool::stop(Worker& worker) {
  if (worker.from_worker >= 0) ::close(worker.from_worker);
  if (worker.pid > 0) {
    ::kill(worker.pid, SIGKILL);
    int status = 0;
    while (::waitpid(worker.pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  worker = Worker{};
}

void PointProcessPool::spawn(Worker& worker) {
  std::array<int, 2> sockets{};
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets.data()) != 0) {
    throw std::system_error(errno, std::generic_category(), "a socket for a sweep worker");
  }
  // What this process has buffered must not be written twice (by a worker
  // whose plugin calls exit()).
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    ::close(sockets[0]);
    ::close(sockets[1]);
    throw std::system_error(error, std::generic_category(), "fork of a sweep worker");
  }
  if (pid == 0) worker_main(study_, registry_, sockets[1], parent, time_limit_s_);
  ::close(sockets[1]);
  worker.pid = pid;
  worker.to_worker = sockets[0];
  worker.from_worker = sockets[0];
}

bool PointProcessPool::receive(Worker& worker, const Callback& on_finished) {
  std::array<char, 65536> buffer;
  const ssize_t got = ::read(worker.from_worker, buffer.data(), buffer.size());
  if (got < 0 && (errno == EINTR || errno == EAGAIN)) return true;
  if (got <= 0) return false;
  worker.received.append(buffer.data(), static_cast<std::size_t>(got));
  std::size_t end = 0;
  while ((end = worker.received.find('\n')) != std::string::npos) {
    std::string line = worker.received.substr(0, end);
    worker.received.erase(0, end + 1);
    if (starts_with(line, error_words)) {
      throw std::runtime_error(line.substr(error_words.size()));
    }
    if (starts_with(line, "!")) {
      worker.last_words = std::move(line);
      continue;
    }
    std::optional<PointRecord> record = parse_journal_line(line);
    if (!record || worker.points.empty() || record->index != worker.points.front()) {
      throw std::runtime_error(
          fmt::format("a sweep worker (process {}) sent an unreadable record", worker.pid));
    }
    worker.points.pop_front();
    worker.started = std::chrono::steady_clock::now();  // it starts the next one now
    on_finished(std::move(*record));
  }
  return true;
}

void PointProcessPool::died(Worker& worker, bool timed_out, const Callback& on_finished) {
  if (timed_out) ::kill(worker.pid, SIGKILL);
  // What it sent before it ended: records of points it finished, its last words.
  while (receive(worker, on_finished)) {
  }
  int status = 0;
  while (::waitpid(worker.pid, &status, 0) < 0 && errno == EINTR) {
  }
  const int signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  ::close(worker.from_worker);
  const std::string last_words = std::move(worker.last_words);
  std::deque<std::size_t> points = std::move(worker.points);
  worker = Worker{};
  if (points.empty()) return;
  PointRecord record;
  record.index = points.front();
  points.pop_front();
  unsent_.insert(unsent_.end(), points.begin(), points.end());
  record.parameter_hash = study_.point(record.index).parameter_hash;
  record.study_fingerprint = study_.fingerprint();
  record.parameters = study_.describe_point(record.index);
  record.ok = false;
  record.error = describe_point_death(last_words, signal, timed_out, time_limit_s_);
  on_finished(std::move(record));
}

std::optional<std::size_t> PointProcessPool::next_point(PointQueue& queue) {
  if (!unsent_.empty() && stop_signal() == 0) {
    const std::size_t index = unsent_.front();
    unsent_.pop_front();
    return index;
  }
  return queue.next();
}

void PointProcessPool::run(PointQueue& queue, const Callback& on_finished) {
  using clock = std::chrono::steady_clock;
  const auto deadline_of = [this](const Worker& worker) {
    return worker.started + std::chrono::duration_cast<clock::duration>(
                                std::chrono::duration<double>(time_limit_s_ + kill_grace_s));
  };
  bool more = true;
  std::vector<pollfd> polled;
  std::vector<Worker*> polled_workers;
  while (true) {
    for (Worker& worker : workers_) {
      while (more && worker.points.size() < points_ahead) {
        const std::optional<std::size_t> next = next_point(queue);
        if (!next) {
          more = false;
          break;
        }
        if (worker.pid < 0) spawn(worker);
        const std::uint64_t index = *next;
        if (worker.points.empty()) {
          worker.started = clock::now();
          worker.last_words.clear();
        }
        worker.points.push_back(*next);
        if (::send(worker.to_worker, &index, sizeof index, MSG_NOSIGNAL) !=
            static_cast<ssize_t>(sizeof index)) {
          // It is dead: take what it sent before (records, or why it could not start).
          while (receive(worker, on_finished)) {
          }
          if (worker.points.size() == 1) {
            // It died idle, killed from outside: the point was never its.
            unsent_.push_front(worker.points.front());
            worker.points.clear();
            stop(worker);
          } else {
            died(worker, false, on_finished);
          }
        }
      }
    }
    polled.clear();
    polled_workers.clear();
    clock::time_point earliest = clock::time_point::max();
    for (Worker& worker : workers_) {
      if (worker.points.empty()) continue;
      polled.push_back(pollfd{worker.from_worker, POLLIN, 0});
      polled_workers.push_back(&worker);
      earliest = std::min(earliest, deadline_of(worker));
    }
    if (polled.empty()) {
      if (unsent_.empty() || stop_signal() != 0) break;
      more = true;  // a dead worker left points unsent
      continue;
    }
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(earliest - clock::now());
    const int timeout_ms = static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(
        wait.count(), 0, std::numeric_limits<int>::max()));
    const int ready = ::poll(polled.data(), polled.size(), timeout_ms);
    if (ready < 0) {
      if (errno == EINTR) continue;  // a stop signal: no new points, the running ones finish
      throw std::system_error(errno, std::generic_category(), "poll of the sweep workers");
    }
    for (std::size_t i = 0; i < polled.size(); ++i) {
      if (polled[i].revents == 0) continue;
      Worker& worker = *polled_workers[i];
      if (receive(worker, on_finished)) continue;
      if (!worker.points.empty()) {
        died(worker, false, on_finished);
        more = true;  // the points it left are sent again
      } else {
        stop(worker);  // it ended between points; a new one is forked when needed
      }
    }
    const clock::time_point now = clock::now();
    for (Worker* worker : polled_workers) {
      if (!worker->points.empty() && now >= deadline_of(*worker)) {
        died(*worker, true, on_finished);
        more = true;
      }
    }
  }
  for (Worker& worker : workers_) stop(worker);
}

}  // namespace filmtherm
