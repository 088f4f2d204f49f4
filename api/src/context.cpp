// Versions, status-code names, the error getters, and the context: the
// plugin registry every other handle is made from.
#include <fmt/format.h>

#include <mutex>

#include "api_error.h"
#include "filmtherm/version.h"
#include "handles.h"

using filmtherm::api::ApiError;
using filmtherm::api::ErrorRecord;
using filmtherm::api::guarded;
using filmtherm::api::log_of;
using filmtherm::api::require;
using filmtherm::api::write_string;

namespace {

// The calling thread's record on `context`, nullptr when it has none.
const ErrorRecord* context_record(const filmtherm_context* context) {
  return context != nullptr && context->core ? context->core->errors.find() : nullptr;
}

const char* message_of(const ErrorRecord& record) {
  if (record.code == FILMTHERM_OK) return "";
  // Empty only when recording the failure itself ran out of memory.
  return record.message.empty() ? "out of memory while recording an error" : record.message.c_str();
}

}  // namespace

extern "C" {

int filmtherm_api_version(void) {
  return FILMTHERM_API_VERSION;
}

const char* filmtherm_version_string(void) {
  // version() views a string literal, so it is NUL-terminated.
  return filmtherm::version().data();
}

const char* filmtherm_code_name(int code) {
  switch (code) {
    case FILMTHERM_OK:
      return "FILMTHERM_OK";
    case FILMTHERM_E_INVALID_ARGUMENT:
      return "FILMTHERM_E_INVALID_ARGUMENT";
    case FILMTHERM_E_INPUT:
      return "FILMTHERM_E_INPUT";
    case FILMTHERM_E_PLUGIN:
      return "FILMTHERM_E_PLUGIN";
    case FILMTHERM_E_OUT_OF_DOMAIN:
      return "FILMTHERM_E_OUT_OF_DOMAIN";
    case FILMTHERM_E_SOLVER:
      return "FILMTHERM_E_SOLVER";
    case FILMTHERM_E_BUFFER_TOO_SMALL:
      return "FILMTHERM_E_BUFFER_TOO_SMALL";
    case FILMTHERM_E_NOT_FOUND:
      return "FILMTHERM_E_NOT_FOUND";
    case FILMTHERM_E_INTERNAL:
      return "FILMTHERM_E_INTERNAL";
    default:
      return "unknown code";
  }
}

const char* filmtherm_context_errmsg(const filmtherm_context* context) {
  if (context == nullptr) return "no context (NULL)";
  const ErrorRecord* record = context_record(context);
  return record ? message_of(*record) : "";
}

int filmtherm_context_errcode(const filmtherm_context* context) {
  if (context == nullptr) return FILMTHERM_E_INVALID_ARGUMENT;
  const ErrorRecord* record = context_record(context);
  return record ? record->code : FILMTHERM_OK;
}

const char* filmtherm_last_error(void) {
  return message_of(filmtherm::api::thread_last_error());
}

int filmtherm_last_error_code(void) {
  return filmtherm::api::thread_last_error().code;
}

// The getters below report their own misuse through the return code only:
// recording it would overwrite the very error they are asked about.
int filmtherm_context_error_location(const filmtherm_context* context, int* line, int* column,
                                     char* file, size_t file_size, size_t* file_length) {
  if (context == nullptr || (file == nullptr && file_size != 0)) {
    return FILMTHERM_E_INVALID_ARGUMENT;
  }
  const ErrorRecord* record = context_record(context);
  if (record == nullptr || record->code == FILMTHERM_OK || !record->has_location) {
    return FILMTHERM_E_NOT_FOUND;
  }
  if (line != nullptr) *line = record->line;
  if (column != nullptr) *column = record->column;
  try {
    write_string(record->file, file, file_size, file_length, "the file name");
  } catch (const ApiError& error) {
    return error.code();
  }
  return FILMTHERM_OK;
}

int filmtherm_context_error_key(const filmtherm_context* context, char* key, size_t key_size,
                                size_t* key_length) {
  if (context == nullptr || (key == nullptr && key_size != 0)) return FILMTHERM_E_INVALID_ARGUMENT;
  const ErrorRecord* record = context_record(context);
  if (record == nullptr || record->code == FILMTHERM_OK || record->key.empty()) {
    return FILMTHERM_E_NOT_FOUND;
  }
  try {
    write_string(record->key, key, key_size, key_length, "the key");
  } catch (const ApiError& error) {
    return error.code();
  }
  return FILMTHERM_OK;
}

int filmtherm_context_error_time(const filmtherm_context* context, double* time_reached_s) {
  if (context == nullptr || time_reached_s == nullptr) return FILMTHERM_E_INVALID_ARGUMENT;
  const ErrorRecord* record = context_record(context);
  if (record == nullptr || record->code == FILMTHERM_OK || !record->has_time) {
    return FILMTHERM_E_NOT_FOUND;
  }
  *time_reached_s = record->time_reached_s;
  return FILMTHERM_OK;
}

int filmtherm_context_create(filmtherm_context** context) {
  return guarded(__func__, nullptr, [&] {
    require(context, "context");
    *context = nullptr;
    auto core = std::make_shared<filmtherm::api::ContextCore>();
    core->registry = filmtherm::PluginRegistry::with_default_plugins();
    *context = new filmtherm_context{std::move(core)};
  });
}

void filmtherm_context_destroy(filmtherm_context* context) {
  delete context;
}

int filmtherm_context_load_plugin(filmtherm_context* context, const char* path) {
  return guarded(__func__, log_of(context), [&] {
    require(context, "context");
    require(path, "path");
    const std::unique_lock lock(context->core->registry_mutex);
    context->core->registry.load(path);
  });
}

int filmtherm_context_model_count(const filmtherm_context* context, size_t* count) {
  return guarded(__func__, log_of(context), [&] {
    require(context, "context");
    require(count, "count");
    const std::shared_lock lock(context->core->registry_mutex);
    *count = context->core->registry.models().size();
  });
}

int filmtherm_context_model_name(const filmtherm_context* context, size_t index, int* property,
                                 char* name, size_t name_size, size_t* name_length) {
  return guarded(__func__, log_of(context), [&] {
    require(context, "context");
    const std::shared_lock lock(context->core->registry_mutex);
    const auto& models = context->core->registry.models();
    if (index >= models.size()) {
      throw ApiError(FILMTHERM_E_NOT_FOUND,
                     fmt::format("no model #{}: the context knows {}", index, models.size()));
    }
    if (property != nullptr) *property = static_cast<int>(models[index].property());
    write_string(models[index].name(), name, name_size, name_length, "the model name");
  });
}

}  // extern "C"
