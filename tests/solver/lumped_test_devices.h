// Devices for the lumped-model tests, built in C++ (not from YAML) so that
// each test states exactly the models and numbers it relies on, and the
// closed forms the tests compare against: Sommerfeld C_e = gamma T, the
// low-temperature Debye C_ph (Eq. 9), P_ep from tau_eph at T0 (docs/physics.md 3),
// and a fixed escape time.
#pragma once

#include <cmath>
#include <numbers>
#include <string>

#include "filmtherm/constants.h"
#include "filmtherm/device.h"
#include "filmtherm/plugin_registry.h"

namespace filmtherm::testing {

inline const PluginRegistry& registry() {
  static const PluginRegistry instance = PluginRegistry::with_default_plugins();
  return instance;
}

/// The numbers behind lumped_device(), in SI, for the closed forms.
struct LumpedParameters {
  double sommerfeld = 160.0;                       // J m^-3 K^-2
  double sound_velocity = 4000.0;                  // m/s
  double relaxation_time = 10e-12;                 // s, tau_eph at T0
  double reference_temperature = 10.0;             // K
  double temperature_exponent = 3.45;              // p; m = p + 2
  double escape_time = 40e-12;                     // s
  double bath_temperature = 2.0;                   // K
  double thickness = 6e-9;                         // m
  double width = 100e-9;                           // m
  double hotspot_length = 100e-9;                  // m
  double absorbed_energy = 0.8 * 1.602176634e-19;  // J (0.8 eV, eta = 1)

  double hotspot_volume() const { return width * hotspot_length * thickness; }
  double electron_heat_capacity(double t) const { return sommerfeld * t; }
  /// Eq. 9: (2/5) pi^2 k_B (k_B T / (hbar v))^3.
  double phonon_heat_capacity(double t) const {
    const double q =
        si_constants::boltzmann_J_per_K * t / (si_constants::reduced_planck_J_s * sound_velocity);
    return 0.4 * std::numbers::pi * std::numbers::pi * si_constants::boltzmann_J_per_K * q * q * q;
  }
  double power_exponent() const { return temperature_exponent + 2.0; }
  /// Sigma = C_e(T0) / (m T0^(m-1) tau_eph(T0)).
  double sigma() const {
    const double m = power_exponent();
    return electron_heat_capacity(reference_temperature) /
           (m * std::pow(reference_temperature, m - 1.0) * relaxation_time);
  }
  double electron_phonon_power(double te, double tph) const {
    const double m = power_exponent();
    return sigma() * (std::pow(te, m) - std::pow(tph, m));
  }
};

inline std::string number(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

inline ModelChoice choice(std::string model, std::vector<ParameterSetting> parameters) {
  ModelChoice c;
  c.model = std::move(model);
  c.parameters = std::move(parameters);
  return c;
}

inline Device lumped_device(const LumpedParameters& p) {
  Device d;
  d.name = "lumped test device";
  d.material.name = "NbTiN-like";
  d.material.electron_heat_capacity =
      choice("sommerfeld", {{"sommerfeld_coefficient", number(p.sommerfeld) + " J/(m^3 K^2)"}});
  d.material.phonon_heat_capacity =
      choice("debye-low-T", {{"sound_velocity", number(p.sound_velocity) + " m/s"}});
  d.material.electron_phonon_power =
      choice("eph-relaxation-time",
             {{"relaxation_time", number(p.relaxation_time) + " s"},
              {"reference_temperature", number(p.reference_temperature) + " K"},
              {"temperature_exponent", number(p.temperature_exponent)},
              {"electron_heat_capacity_at_reference",
               number(p.electron_heat_capacity(p.reference_temperature)) + " J/(m^3 K)"}});
  d.bath.temperature.value = from_si<Temperature>(p.bath_temperature);
  d.bath.phonon_escape = choice("escape-time", {{"escape_time", number(p.escape_time) + " s"}});
  d.film.thickness.value = from_si<Length>(p.thickness);
  d.film.width.value = from_si<Length>(p.width);
  d.film.length.value = from_si<Length>(10e-6);
  d.photon.energy.value = from_si<Energy>(p.absorbed_energy);
  d.photon.absorbed_fraction.value = 1.0;
  d.photon.hotspot_length = Sourced<Length>{from_si<Length>(p.hotspot_length), {}};
  d.photon.arrival_time.value = from_si<Time>(0.0);
  d.solver.end_time.value = from_si<Time>(20e-9);
  d.solver.relative_tolerance.value = 1e-10;
  d.solver.absolute_tolerance.value = from_si<Temperature>(1e-14);
  d.solver.max_steps.value = 100000;
  d.solver.output_spacing = OutputSpacing::logarithmic;
  d.solver.output_count.value = 300;
  d.solver.first_output_time.value = from_si<Time>(1e-15);
  return d;
}

}  // namespace filmtherm::testing
