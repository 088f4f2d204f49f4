// Progress of `filmtherm sweep` on stderr: on a terminal a bar redrawn in
// place with the points done, the rate and the time left; otherwise (a log
// file, a batch job) a plain line at every tenth of the work and at least
// every 30 s. The rate counts only the points of this run, not the resumed ones.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace filmtherm {

class SweepProgress {
 public:
  /// `total` points in this run's share of the study, `done_before` of them
  /// already in the journal.
  SweepProgress(std::size_t total, std::size_t done_before, bool terminal, std::ostream& out);

  /// One more point finished (`ok` false for a failed point). Not thread-safe:
  /// the caller serialises.
  void point_finished(bool ok);
  /// Ends the bar with a final line.
  void finish();

  /// "13 s", "3 min 05 s", "2 h 01 min".
  static std::string format_duration(double seconds);

 private:
  std::string status_text() const;

  using Clock = std::chrono::steady_clock;
  std::size_t total_;
  std::size_t done_before_;
  std::size_t done_now_ = 0;
  std::size_t failed_ = 0;
  bool terminal_;
  std::ostream& out_;
  Clock::time_point started_ = Clock::now();
  Clock::time_point last_drawn_;
  std::size_t last_tenth_ = 0;
};

}  // namespace filmtherm
