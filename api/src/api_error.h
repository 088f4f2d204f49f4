// The one translation point from C++ to the C API's status codes. Every entry
// point runs its body through guarded(): an exception becomes a FILMTHERM_E_*
// code, and its message (with the file, line, column and key of an input
// error, or the time a solver reached) is recorded for the calling thread, on
// the context when there is one and as the thread's last error always. The
// argument checks throw ApiError with the code they mean, so an entry point is
// a list of checks and one call, never a ladder of returns.
#pragma once

#include <cstddef>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>

#include "filmtherm/filmtherm.h"

namespace filmtherm::api {

/// A failure the C API itself detects (a NULL argument, a name not found, a
/// buffer too small), with the code it returns.
class ApiError : public std::runtime_error {
 public:
  ApiError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const noexcept { return code_; }

 private:
  int code_;
};

/// What a failed call leaves behind.
struct ErrorRecord {
  int code = FILMTHERM_OK;
  std::string message;
  bool has_location = false;
  std::string file;
  int line = 0;
  int column = 0;
  std::string key;  ///< key path of an input error, or the parameter of a ParameterError
  bool has_time = false;
  double time_reached_s = 0.0;
};

/// The failures on one context, one record per thread: a message fetched by
/// one thread is never overwritten by another thread's failure. Records are
/// map nodes, which stay where they are when other threads add theirs, so a
/// pointer into one lives until the same thread fails again.
class ErrorLog {
 public:
  void store(const ErrorRecord& record);
  /// The calling thread's record, nullptr when it has none.
  const ErrorRecord* find() const noexcept;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::thread::id, ErrorRecord> records_;
};

/// The calling thread's last failure, on any context or none.
const ErrorRecord& thread_last_error();

/// Records the exception being handled (call only inside a catch block) for
/// `function`, in `log` when not null and as the thread's last error, and
/// returns its code. Never throws.
int record_current_exception(const char* function, ErrorLog* log) noexcept;

/// Runs `body` (which returns nothing and reports failure by throwing) and
/// returns FILMTHERM_OK or the code of what it threw.
template <class Body>
int guarded(const char* function, ErrorLog* log, Body&& body) noexcept {
  try {
    body();
    return FILMTHERM_OK;
  } catch (...) {
    return record_current_exception(function, log);
  }
}

/// Throws ApiError(FILMTHERM_E_INVALID_ARGUMENT) naming `name` when `pointer` is NULL.
inline void require(const void* pointer, const char* name) {
  if (pointer == nullptr) {
    throw ApiError(FILMTHERM_E_INVALID_ARGUMENT, std::string(name) + " is NULL");
  }
}

/// Writes `text` into a caller's buffer by the header's string rules: at most
/// `size` bytes, NUL-terminated, the full length into *length when given;
/// throws FILMTHERM_E_BUFFER_TOO_SMALL when truncated and
/// FILMTHERM_E_INVALID_ARGUMENT for a NULL buffer with a non-zero size.
void write_string(const std::string& text, char* buffer, std::size_t size, std::size_t* length,
                  const char* what);

}  // namespace filmtherm::api
