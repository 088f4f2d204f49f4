#include "filmtherm/plugin_call_marker.h"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstring>

namespace filmtherm {

namespace detail {
thread_local const PluginCallSite* innermost_plugin_call = nullptr;
}  // namespace detail

namespace {

constexpr std::array fatal_signals{SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

// Appends NUL-terminated text, truncating; `length` is kept below `size`.
class FixedText {
 public:
  FixedText(char* buffer, std::size_t size) noexcept : buffer_(buffer), size_(size) {
    if (size_ > 0) buffer_[0] = '\0';
  }
  FixedText& operator<<(const char* text) noexcept {
    for (; text != nullptr && *text != '\0' && length_ + 1 < size_; ++text) {
      buffer_[length_++] = *text;
    }
    if (size_ > 0) buffer_[length_] = '\0';
    return *this;
  }
  std::size_t length() const noexcept { return length_; }

 private:
  char* buffer_;
  std::size_t size_;
  std::size_t length_ = 0;
};

// The handler's state, set up before any crash: plain bytes it only reads.
CrashReport installed_report;
std::array<char, 2048> crash_line{};
// SIGSTKSZ is no constant in newer glibc; 64 KiB is ample for the handler.
alignas(16) std::array<char, 65536> alternate_stack{};

void write_all(int fd, const char* text, std::size_t length) noexcept {
  while (length > 0) {
    const ssize_t written = ::write(fd, text, length);
    if (written <= 0) return;
    text += written;
    length -= static_cast<std::size_t>(written);
  }
}

extern "C" void on_fatal_signal(int signal) {
  const PluginCallSite* site = current_plugin_call();
  FixedText line(crash_line.data(), crash_line.size());
  line << installed_report.prefix.c_str();
  if (site != nullptr) {
    line << "plugin " << site->plugin << ", model '" << site->model << "' (" << site->property
         << ") died of " << describe_signal(signal) << " in " << site->function;
  } else {
    line << "died of " << describe_signal(signal) << " outside any plugin call";
  }
  line << installed_report.suffix.c_str();
  write_all(installed_report.fd, crash_line.data(), line.length());
  for (const std::string& file : installed_report.files_to_remove) ::unlink(file.c_str());
  if (site != nullptr && installed_report.exit_code_in_plugin >= 0) {
    ::_exit(installed_report.exit_code_in_plugin);
  }
  // Die of the signal itself: the default action, raised again on return
  // (a fault repeats its instruction; abort() and raise() need the raise).
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

}  // namespace

std::size_t describe_current_plugin_call(char* buffer, std::size_t size) noexcept {
  const PluginCallSite* site = current_plugin_call();
  FixedText text(buffer, size);
  if (site == nullptr) return 0;
  text << "plugin " << site->plugin << ", model '" << site->model << "' (" << site->property
       << "), in " << site->function;
  return text.length();
}

const char* describe_signal(int signal) noexcept {
  switch (signal) {
    case SIGSEGV:
      return "SIGSEGV (segmentation fault)";
    case SIGBUS:
      return "SIGBUS (bus error)";
    case SIGFPE:
      return "SIGFPE (arithmetic exception)";
    case SIGILL:
      return "SIGILL (illegal instruction)";
    case SIGABRT:
      return "SIGABRT (abort)";
    case SIGKILL:
      return "SIGKILL (killed)";
    case SIGTERM:
      return "SIGTERM (terminated)";
    case SIGINT:
      return "SIGINT (interrupted)";
    case SIGALRM:
      return "SIGALRM (alarm clock)";
    default:
      return "a signal";
  }
}

void install_crash_report(CrashReport report) {
  installed_report = std::move(report);
  stack_t stack{};
  stack.ss_sp = alternate_stack.data();
  stack.ss_size = alternate_stack.size();
  sigaltstack(&stack, nullptr);
  struct sigaction action {};
  action.sa_handler = on_fatal_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_ONSTACK;
  for (const int signal : fatal_signals) sigaction(signal, &action, nullptr);
}

void set_crash_report_files(std::vector<std::string> files) {
  installed_report.files_to_remove = std::move(files);
}

}  // namespace filmtherm
