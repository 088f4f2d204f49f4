#include "api_error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <new>

#include "filmtherm/cvode_integrator.h"
#include "filmtherm/input_error.h"
#include "filmtherm/model_handle.h"
#include "filmtherm/quantity_parser.h"

namespace filmtherm::api {

namespace {

thread_local ErrorRecord last_error;

// What a failure is, before it is attached to its function and stored.
ErrorRecord classify_current_exception() {
  ErrorRecord record;
  try {
    throw;
  } catch (const ApiError& error) {
    record.code = error.code();
    record.message = error.what();
  } catch (const InputError& error) {
    record.code = FILMTHERM_E_INPUT;
    record.message = error.what();
    const Diagnostic& first = error.diagnostics().front();
    record.has_location = true;
    record.file = first.file;
    record.line = first.line;
    record.column = first.column;
    record.key = first.key_path;
  } catch (const ParameterError& error) {
    record.code = FILMTHERM_E_INVALID_ARGUMENT;
    record.message = error.what();
    record.key = error.parameter();
  } catch (const QuantityParseError& error) {
    record.code = FILMTHERM_E_INVALID_ARGUMENT;
    record.message = error.what();
  } catch (const PluginError& error) {
    record.code = FILMTHERM_E_PLUGIN;
    record.message = error.what();
  } catch (const IntegrationError& error) {
    record.code = FILMTHERM_E_SOLVER;
    record.message = error.what();
    record.has_time = true;
    record.time_reached_s = error.time_reached_s();
  } catch (const std::bad_alloc&) {
    record.code = FILMTHERM_E_INTERNAL;
    record.message = "out of memory";
  } catch (const std::domain_error& error) {
    // The solvers' checks of a device's settings (I_b >= I_c0, a pulse
    // outside the run) are domain errors.
    record.code = FILMTHERM_E_OUT_OF_DOMAIN;
    record.message = error.what();
  } catch (const std::out_of_range& error) {
    record.code = FILMTHERM_E_OUT_OF_DOMAIN;
    record.message = error.what();
  } catch (const std::invalid_argument& error) {
    record.code = FILMTHERM_E_INVALID_ARGUMENT;
    record.message = error.what();
  } catch (const std::exception& error) {
    record.code = FILMTHERM_E_INTERNAL;
    record.message = error.what();
  } catch (...) {
    record.code = FILMTHERM_E_INTERNAL;
    record.message = "unknown exception";
  }
  return record;
}

}  // namespace

void ErrorLog::store(const ErrorRecord& record) {
  const std::lock_guard lock(mutex_);
  records_[std::this_thread::get_id()] = record;
}

const ErrorRecord* ErrorLog::find() const noexcept {
  // The getters that call this return to C: a failure to lock (which the
  // standard allows to throw) reads as "no record" rather than crossing.
  try {
    const std::lock_guard lock(mutex_);
    const auto it = records_.find(std::this_thread::get_id());
    return it == records_.end() ? nullptr : &it->second;
  } catch (...) {
    return nullptr;
  }
}

const ErrorRecord& thread_last_error() {
  return last_error;
}

int record_current_exception(const char* function, ErrorLog* log) noexcept {
  int code = FILMTHERM_E_INTERNAL;
  try {
    ErrorRecord record = classify_current_exception();
    code = record.code;
    record.message = fmt::format("{}: {}", function, record.message);
    if (log != nullptr) log->store(record);
    last_error = std::move(record);
  } catch (...) {
    // Recording itself ran out of memory: keep the code, and a message that
    // needs no allocation (assigning a short literal fits the SSO buffer).
    last_error.code = code;
    last_error.message.clear();
    last_error.has_location = false;
    last_error.has_time = false;
  }
  return code;
}

void write_string(const std::string& text, char* buffer, std::size_t size, std::size_t* length,
                  const char* what) {
  if (buffer == nullptr && size != 0) {
    throw ApiError(FILMTHERM_E_INVALID_ARGUMENT,
                   fmt::format("the buffer for {} is NULL but its size is {}", what, size));
  }
  if (length != nullptr) *length = text.size();
  if (size > 0) {
    const std::size_t copied = std::min(size - 1, text.size());
    std::memcpy(buffer, text.data(), copied);
    buffer[copied] = '\0';
  }
  if (text.size() >= size) {
    throw ApiError(FILMTHERM_E_BUFFER_TOO_SMALL,
                   fmt::format("{} needs {} bytes with its NUL, the buffer holds {}", what,
                               text.size() + 1, size));
  }
}

}  // namespace filmtherm::api
