// Evaluation of the five material properties over caller-owned arrays. The
// caller's arrays go to the plugin as they are (filmtherm_evaluation points
// at them), so nothing is allocated unless the call fails. Inputs are
// checked first, so a temperature of -1 K is the caller's
// FILMTHERM_E_OUT_OF_DOMAIN naming the point, not a plugin's failure.
#include <fmt/format.h>

#include <cmath>

#include "api_error.h"
#include "handles.h"

using filmtherm::api::ApiError;
using filmtherm::api::guarded;
using filmtherm::api::log_of;
using filmtherm::api::require;

namespace {

// The model and the count of an evaluation, checked.
void check_call(const filmtherm_model_handle* model, filmtherm_property property,
                std::size_t count) {
  require(model, "model");
  const auto expected = static_cast<filmtherm::MaterialProperty>(property);
  if (model->instance.descriptor().property() != expected) {
    throw ApiError(
        FILMTHERM_E_INVALID_ARGUMENT,
        fmt::format("model '{}' supplies the {}, not the {}", model->instance.descriptor().name(),
                    filmtherm::describe(model->instance.descriptor().property()),
                    filmtherm::describe(expected)));
  }
  if (count == 0) throw ApiError(FILMTHERM_E_INVALID_ARGUMENT, "count is 0");
}

// Every value finite and positive (or, with allow_zero, not negative).
void check_domain(const double* values, std::size_t count, const char* name, const char* unit,
                  bool allow_zero = false) {
  require(values, name);
  for (std::size_t i = 0; i < count; ++i) {
    const double v = values[i];
    if (!std::isfinite(v) || v < 0.0 || (v == 0.0 && !allow_zero)) {
      throw ApiError(FILMTHERM_E_OUT_OF_DOMAIN,
                     fmt::format("{}[{}] = {} {}: must be finite and {}", name, i, v, unit,
                                 allow_zero ? "not negative" : "positive"));
    }
  }
}

filmtherm_evaluation make_evaluation(std::size_t count, const double* temperature, double* value) {
  filmtherm_evaluation e{};
  e.struct_size = sizeof(filmtherm_evaluation);
  e.count = count;
  e.temperature_K = temperature;
  e.value = value;
  return e;
}

}  // namespace

extern "C" {

int filmtherm_phonon_heat_capacity(const filmtherm_model_handle* model, size_t count,
                                   const double* temperature_K, const double* thickness_m,
                                   double* heat_capacity, double* slope, double* energy) {
  return guarded(__func__, log_of(model), [&] {
    check_call(model, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, count);
    check_domain(temperature_K, count, "temperature_K", "K");
    check_domain(thickness_m, count, "thickness_m", "m");
    require(heat_capacity, "heat_capacity");
    filmtherm_evaluation e = make_evaluation(count, temperature_K, heat_capacity);
    e.film_thickness_m = thickness_m;
    e.value_slope = slope;
    e.energy_density = energy;
    model->instance.evaluate(e);
  });
}

int filmtherm_electron_heat_capacity(const filmtherm_model_handle* model, size_t count,
                                     const double* temperature_K, double* heat_capacity,
                                     double* slope, double* energy) {
  return guarded(__func__, log_of(model), [&] {
    check_call(model, FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY, count);
    check_domain(temperature_K, count, "temperature_K", "K");
    require(heat_capacity, "heat_capacity");
    filmtherm_evaluation e = make_evaluation(count, temperature_K, heat_capacity);
    e.value_slope = slope;
    e.energy_density = energy;
    model->instance.evaluate(e);
  });
}

int filmtherm_electron_phonon_power(const filmtherm_model_handle* model, size_t count,
                                    const double* electron_temperature_K,
                                    const double* phonon_temperature_K, double* power,
                                    double* slope_electron, double* slope_phonon) {
  return guarded(__func__, log_of(model), [&] {
    check_call(model, FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER, count);
    check_domain(electron_temperature_K, count, "electron_temperature_K", "K");
    check_domain(phonon_temperature_K, count, "phonon_temperature_K", "K");
    require(power, "power");
    filmtherm_evaluation e = make_evaluation(count, electron_temperature_K, power);
    e.second_temperature_K = phonon_temperature_K;
    e.value_slope = slope_electron;
    e.value_second_slope = slope_phonon;
    model->instance.evaluate(e);
  });
}

int filmtherm_phonon_escape_power(const filmtherm_model_handle* model, size_t count,
                                  const double* phonon_temperature_K,
                                  const double* bath_temperature_K, const double* thickness_m,
                                  const double* phonon_heat_capacity,
                                  const double* phonon_heat_capacity_slope, double* power,
                                  double* slope_phonon, double* slope_bath) {
  return guarded(__func__, log_of(model), [&] {
    check_call(model, FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER, count);
    check_domain(phonon_temperature_K, count, "phonon_temperature_K", "K");
    check_domain(bath_temperature_K, count, "bath_temperature_K", "K", /*allow_zero=*/true);
    check_domain(thickness_m, count, "thickness_m", "m");
    require(phonon_heat_capacity, "phonon_heat_capacity");
    require(phonon_heat_capacity_slope, "phonon_heat_capacity_slope");
    require(power, "power");
    filmtherm_evaluation e = make_evaluation(count, phonon_temperature_K, power);
    e.second_temperature_K = bath_temperature_K;
    e.film_thickness_m = thickness_m;
    e.phonon_heat_capacity = phonon_heat_capacity;
    e.phonon_heat_capacity_slope = phonon_heat_capacity_slope;
    e.value_slope = slope_phonon;
    e.value_second_slope = slope_bath;
    model->instance.evaluate(e);
  });
}

int filmtherm_thermal_conductivity(const filmtherm_model_handle* model, size_t count,
                                   const double* temperature_K, double* conductivity,
                                   double* slope) {
  return guarded(__func__, log_of(model), [&] {
    check_call(model, FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY, count);
    check_domain(temperature_K, count, "temperature_K", "K");
    require(conductivity, "conductivity");
    filmtherm_evaluation e = make_evaluation(count, temperature_K, conductivity);
    e.value_slope = slope;
    model->instance.evaluate(e);
  });
}

}  // extern "C"
