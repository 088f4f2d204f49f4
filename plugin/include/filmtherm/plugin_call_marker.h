// Which plugin call a thread is inside, and a report for when a plugin kills
// the process. The loader (model_handle.cpp) wraps every call into a plugin's
// create, evaluate and destroy in a PluginCallScope: two stores of a
// thread-local pointer, cheap enough for the solver's inner loops. A fatal
// signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) caught by the handler of
// install_crash_report then names the plugin, the model, the function and the
// signal in one preformatted line written with write(2), removes the files it
// was told to, and ends the process: `filmtherm run` with its own exit code,
// a study's worker process by the signal itself (its parent records the
// point as failed). Everything the handler does is async-signal-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace filmtherm {

/// One plugin call in progress; the pointers outlive the call.
struct PluginCallSite {
  const char* plugin = nullptr;    ///< the plugin's name
  const char* model = nullptr;     ///< the model's name
  const char* property = nullptr;  ///< "phonon heat capacity", ...
  const char* function = nullptr;  ///< "create", "evaluate", "destroy"
};

namespace detail {
extern thread_local const PluginCallSite* innermost_plugin_call;
}  // namespace detail

/// Marks this thread as inside `site` until the scope ends (nests).
class PluginCallScope {
 public:
  explicit PluginCallScope(const PluginCallSite& site) noexcept
      : previous_(detail::innermost_plugin_call) {
    detail::innermost_plugin_call = &site;
  }
  ~PluginCallScope() { detail::innermost_plugin_call = previous_; }
  PluginCallScope(const PluginCallScope&) = delete;
  PluginCallScope& operator=(const PluginCallScope&) = delete;

 private:
  const PluginCallSite* previous_;
};

/// The plugin call this thread is inside, nullptr when none.
inline const PluginCallSite* current_plugin_call() noexcept {
  return detail::innermost_plugin_call;
}

/// Writes into `buffer` (NUL-terminated, truncated to `size`) "plugin P, model
/// 'M' (property), in F" for this thread's current plugin call; returns its
/// length, 0 when the thread is in no plugin call. Async-signal-safe.
std::size_t describe_current_plugin_call(char* buffer, std::size_t size) noexcept;

/// "SIGSEGV (segmentation fault)", "SIGABRT (abort)", ...; "signal N" for
/// others. Async-signal-safe (static strings).
const char* describe_signal(int signal) noexcept;

/// What the fatal-signal handler writes and does.
struct CrashReport {
  int fd = 2;          ///< where the line goes
  std::string prefix;  ///< before the description
  std::string suffix;  ///< after it (ends with '\n')
  /// Exit code when the signal arrived inside a plugin call; negative: die of
  /// the signal itself (as outside a plugin call, always).
  int exit_code_in_plugin = -1;
  /// Removed (unlink) before the process ends, inside a plugin call or not.
  std::vector<std::string> files_to_remove;
};

/// Installs the handler for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT on an
/// alternate signal stack of this thread (so a stack overflow is reported
/// too). The line is "<prefix>plugin P, model 'M' (property) died of SIGSEGV
/// (segmentation fault) in evaluate<suffix>", or "<prefix>died of SIGSEGV
/// (segmentation fault) outside any plugin call<suffix>". Not thread-safe;
/// call it before the threads that may crash start.
void install_crash_report(CrashReport report);

/// Replaces the files the handler removes (none: empty). Call it only while
/// no fatal signal can arrive in another thread.
void set_crash_report_files(std::vector<std::string> files);

}  // namespace filmtherm
