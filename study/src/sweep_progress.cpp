#include "filmtherm/sweep_progress.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace filmtherm {

namespace {

constexpr int bar_width = 30;
constexpr auto terminal_redraw = std::chrono::milliseconds(100);
constexpr auto plain_line_every = std::chrono::seconds(30);

}  // namespace

SweepProgress::SweepProgress(std::size_t total, std::size_t done_before, bool terminal,
                             std::ostream& out)
    : total_(total),
      done_before_(done_before),
      terminal_(terminal),
      out_(out),
      last_drawn_(started_),
      last_tenth_(total > 0 ? 10 * done_before / total : 10) {}

std::string SweepProgress::format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const auto whole = static_cast<long long>(std::llround(seconds));
  if (whole < 60) return fmt::format("{} s", whole);
  if (whole < 3600) return fmt::format("{} min {:02} s", whole / 60, whole % 60);
  return fmt::format("{} h {:02} min", whole / 3600, (whole % 3600) / 60);
}

std::string SweepProgress::status_text() const {
  const std::size_t done = done_before_ + done_now_;
  const double elapsed_s = std::chrono::duration<double>(Clock::now() - started_).count();
  const double rate = elapsed_s > 0 ? static_cast<double>(done_now_) / elapsed_s : 0.0;
  const double percent = total_ > 0 ? 100.0 * static_cast<double>(done) / total_ : 100.0;
  std::string text = fmt::format("{}/{} points ({:.0f}%)", done, total_, percent);
  if (done_now_ > 0) {
    text += fmt::format(", {:.3g} points/s", rate);
    if (done < total_) {
      text += ", " + format_duration(static_cast<double>(total_ - done) / rate) + " left";
    }
  }
  if (failed_ > 0) text += fmt::format(", {} failed", failed_);
  return text;
}

void SweepProgress::point_finished(bool ok) {
  ++done_now_;
  if (!ok) ++failed_;
  const Clock::time_point now = Clock::now();
  const std::size_t done = done_before_ + done_now_;
  if (terminal_) {
    if (now - last_drawn_ < terminal_redraw && done < total_) return;
    last_drawn_ = now;
    const double fraction = total_ > 0 ? static_cast<double>(done) / total_ : 1.0;
    const int filled = std::clamp(static_cast<int>(fraction * bar_width), 0, bar_width);
    out_ << fmt::format("\r[{}{}] {}\x1b[K", std::string(static_cast<std::size_t>(filled), '#'),
                        std::string(static_cast<std::size_t>(bar_width - filled), '.'),
                        status_text())
         << std::flush;
    return;
  }
  const std::size_t tenth = total_ > 0 ? 10 * done / total_ : 10;
  if (tenth == last_tenth_ && now - last_drawn_ < plain_line_every) return;
  last_tenth_ = tenth;
  last_drawn_ = now;
  out_ << "sweep: " << status_text() << "\n" << std::flush;
}

void SweepProgress::finish() {
  if (terminal_) {
    out_ << "\n" << std::flush;
  } else if (done_now_ > 0 && last_tenth_ < 10) {
    out_ << "sweep: " << status_text() << "\n" << std::flush;
  }
}

}  // namespace filmtherm
