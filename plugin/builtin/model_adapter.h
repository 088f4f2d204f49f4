// Turns a C++ model class into a filmtherm_model: create, destroy and evaluate
// trampolines that catch every exception at the C boundary and turn it into a
// status code and an error text. A builtin model class M provides
//   explicit M(std::span<const double> parameter_values_si);   // throws on bad values
//   void evaluate(const filmtherm_evaluation& evaluation) const;  // throws on bad inputs
#pragma once

#include <cstdio>
#include <new>
#include <span>
#include <stdexcept>

#include "filmtherm/plugin.h"

namespace filmtherm::builtin {

inline void write_error(char* error, std::size_t error_size, const char* message) noexcept {
  if (error != nullptr && error_size > 0) std::snprintf(error, error_size, "%s", message);
}

/// Maps the exception in flight to a status, writing its message.
inline int32_t status_of_current_exception(char* error, std::size_t error_size) noexcept {
  try {
    throw;
  } catch (const std::domain_error& e) {
    write_error(error, error_size, e.what());
    return FILMTHERM_STATUS_OUT_OF_DOMAIN;
  } catch (const std::invalid_argument& e) {
    write_error(error, error_size, e.what());
    return FILMTHERM_STATUS_INVALID_ARGUMENT;
  } catch (const std::exception& e) {
    write_error(error, error_size, e.what());
    return FILMTHERM_STATUS_INTERNAL_ERROR;
  } catch (...) {
    write_error(error, error_size, "unknown error");
    return FILMTHERM_STATUS_INTERNAL_ERROR;
  }
}

template <class Model>
struct ModelTrampolines {
  static int32_t create(const double* values, std::size_t count, void** instance, char* error,
                        std::size_t error_size) noexcept {
    try {
      *instance = new Model(std::span<const double>(values, count));
      return FILMTHERM_STATUS_OK;
    } catch (...) {
      return status_of_current_exception(error, error_size);
    }
  }
  static void destroy(void* instance) noexcept { delete static_cast<Model*>(instance); }
  static int32_t evaluate(const void* instance, const filmtherm_evaluation* evaluation, char* error,
                          std::size_t error_size) noexcept {
    try {
      if (evaluation == nullptr || evaluation->temperature_K == nullptr ||
          evaluation->value == nullptr) {
        throw std::invalid_argument("evaluate needs temperature_K and value arrays");
      }
      static_cast<const Model*>(instance)->evaluate(*evaluation);
      return FILMTHERM_STATUS_OK;
    } catch (...) {
      return status_of_current_exception(error, error_size);
    }
  }
};

/// The descriptor of model class M with its static parameter table.
template <class Model, std::size_t N>
constexpr filmtherm_model describe_model(const char* name, filmtherm_property property,
                                         const char* description, const char* reference,
                                         const filmtherm_parameter (&parameters)[N]) {
  return filmtherm_model{sizeof(filmtherm_model),
                         name,
                         property,
                         description,
                         reference,
                         parameters,
                         N,
                         1,
                         &ModelTrampolines<Model>::create,
                         &ModelTrampolines<Model>::destroy,
                         &ModelTrampolines<Model>::evaluate};
}

}  // namespace filmtherm::builtin
