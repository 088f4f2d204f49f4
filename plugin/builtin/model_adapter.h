// Turns a C++ model class into a filmtherm_model: create, destroy and evaluate
// trampolines that catch every exception at the C boundary and turn it into a
// status code and an error text. A builtin model class M provides
//   explicit M(std::span<const double> parameter_values_si);   // throws on bad values
//   void evaluate(const filmtherm_evaluation& evaluation) const;  // throws on bad inputs
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <iterator>
#include <new>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>

#include "filmtherm/plugin.h"

namespace filmtherm::builtin {

/// A number as a user would write it: "-4000", "1e-09", "inf".
inline std::string format_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

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

/// The film thickness d of one evaluation point. Zero, negative or non-finite
/// d is an input outside every film model's domain (docs/plugin-abi.md, status
/// codes), so it is a std::domain_error, not a malformed request.
inline double checked_thickness(double thickness_m) {
  if (!(thickness_m > 0.0) || !std::isfinite(thickness_m)) {
    throw std::domain_error("film thickness d must be positive and finite (got " +
                            format_number(thickness_m) + " m)");
  }
  return thickness_m;
}

/// The SI base units of a declared dimension, e.g. "m s^-1", for messages.
inline std::string si_unit(const filmtherm_dimension& d) {
  const std::pair<const char*, int> factors[] = {{"kg", d.mass},       {"m", d.length},
                                                 {"s", d.time},        {"A", d.current},
                                                 {"K", d.temperature}, {"mol", d.amount}};
  std::string unit;
  for (const auto& [symbol, exponent] : factors) {
    if (exponent == 0) continue;
    if (!unit.empty()) unit += ' ';
    unit += symbol;
    if (exponent != 1) unit += '^' + std::to_string(exponent);
  }
  return unit;
}

/// The checks every built-in model needs before its own: the count the
/// declaration promises (the adapters index the values by position), and
/// values that are numbers. Every dimensional parameter of a built-in model is
/// a physical magnitude (velocity, temperature, time, density, conductance,
/// resistivity) that must be positive; naming the parameter here gives the
/// message the key the user typed instead of the physics class's wording.
inline void check_parameters(const double* values, std::size_t count,
                             std::span<const filmtherm_parameter> declared) {
  if (count != declared.size()) {
    throw std::invalid_argument("wrong number of parameters: expected " +
                                std::to_string(declared.size()) + ", given " +
                                std::to_string(count));
  }
  if (values == nullptr && count > 0) {
    throw std::invalid_argument("parameter_values is NULL but parameter_count is " +
                                std::to_string(count));
  }
  for (std::size_t i = 0; i < count; ++i) {
    const filmtherm_parameter& parameter = declared[i];
    const double value = values[i];
    if (std::isnan(value)) {
      if ((parameter.flags & FILMTHERM_PARAMETER_NO_DEFAULT) != 0) continue;  // absent: allowed
      throw std::invalid_argument(std::string(parameter.name) + " must be a number (got NaN)");
    }
    const std::string unit = si_unit(parameter.dimension);
    if (unit.empty()) {
      if (!std::isfinite(value)) {
        throw std::invalid_argument(std::string(parameter.name) + " must be finite (got " +
                                    format_number(value) + ")");
      }
    } else if (!(value > 0.0) || !std::isfinite(value)) {
      throw std::invalid_argument(std::string(parameter.name) +
                                  " must be positive and finite (got " + format_number(value) +
                                  " " + unit + ")");
    }
  }
}

/// The evaluation struct of ABI 1.0 ends with energy_density; a smaller
/// struct_size means the host's struct lacks fields this plugin reads.
inline constexpr std::size_t evaluation_size_v1_0 =
    offsetof(filmtherm_evaluation, energy_density) + sizeof(double*);

inline void check_evaluation(const void* instance, const filmtherm_evaluation* evaluation) {
  if (instance == nullptr) throw std::invalid_argument("evaluate: instance is NULL");
  if (evaluation == nullptr) throw std::invalid_argument("evaluate: evaluation is NULL");
  if (evaluation->struct_size < evaluation_size_v1_0) {
    throw std::invalid_argument("evaluate: evaluation struct_size " +
                                std::to_string(evaluation->struct_size) +
                                " is smaller than ABI 1.0's filmtherm_evaluation (" +
                                std::to_string(evaluation_size_v1_0) + " bytes)");
  }
  if (evaluation->temperature_K == nullptr || evaluation->value == nullptr) {
    throw std::invalid_argument("evaluate needs temperature_K and value arrays");
  }
}

/// The C entry points of model class M whose declaration has the parameters
/// `Declared`; both checks above run before M sees anything.
template <class Model, const auto& Declared>
struct ModelTrampolines {
  static int32_t create(const double* values, std::size_t count, void** instance, char* error,
                        std::size_t error_size) noexcept {
    try {
      if (instance == nullptr) throw std::invalid_argument("create: instance pointer is NULL");
      check_parameters(values, count, Declared);
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
      check_evaluation(instance, evaluation);
      static_cast<const Model*>(instance)->evaluate(*evaluation);
      return FILMTHERM_STATUS_OK;
    } catch (...) {
      return status_of_current_exception(error, error_size);
    }
  }
};

/// The descriptor of model class M with its static parameter table.
template <class Model, const auto& parameters>
constexpr filmtherm_model describe_model(const char* name, filmtherm_property property,
                                         const char* description, const char* reference) {
  return filmtherm_model{sizeof(filmtherm_model),
                         name,
                         property,
                         description,
                         reference,
                         parameters,
                         std::size(parameters),
                         1,
                         &ModelTrampolines<Model, parameters>::create,
                         &ModelTrampolines<Model, parameters>::destroy,
                         &ModelTrampolines<Model, parameters>::evaluate};
}

}  // namespace filmtherm::builtin
