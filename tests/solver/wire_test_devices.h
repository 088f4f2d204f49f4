// The Yang et al. (2007) NbN wire of examples/devices/yang2007-nbn.yaml for the
// wire-model tests, and small helpers to change one number of it (circuit,
// substrate conductance, tolerances) the way a sweep would. The numbers the
// tests' closed forms need are restated here from docs/physics.md section 6 and
// examples/materials/nbn.yaml (NbN-yang2007), not read back from the code.
#pragma once

#include <cmath>
#include <filesystem>
#include <string>

#include "filmtherm/device.h"
#include "filmtherm/device_loader.h"
#include "filmtherm/plugin_registry.h"
#include "filmtherm/wire_model.h"

namespace filmtherm::testing {

inline const PluginRegistry& wire_registry() {
  static const PluginRegistry instance = PluginRegistry::with_default_plugins();
  return instance;
}

/// docs/physics.md section 6 and the NbN-yang2007 material, in SI.
struct YangNumbers {
  double critical_temperature = 10.5;    // K
  double phonon_velocity = 2319.6;       // m/s, C_ph(10 K) = 9800 J m^-3 K^-1
  double alpha_reference = 8e5;          // W m^-2 K^-1 at 10 K, alpha ~ T^3
  double reference_temperature = 10.0;   // K
  double normal_resistivity = 2.4e-6;    // Ohm m
  double thickness = 4e-9;               // m
  double width = 100e-9;                 // m
  double length = 1.5e-6;                // m
  double substrate_temperature = 2.0;    // K
  double kinetic_inductance = 808e-9;    // H
  double load_resistance = 50.0;         // Ohm
  double bias_tee_capacitance = 100e-9;  // F
  double bias_current = 16.5e-6;         // A
  double critical_current = 20e-6;       // A

  // The material quotes c_e(10 K) = 2400 J m^-3 K^-1; read through Yang's C_es (its
  // superconducting reading, docs/physics.md section 2.3) it gives gamma = 116.0.
  double quoted_electron_heat_capacity = 2400.0;  // J m^-3 K^-1 at reference_temperature
  double sommerfeld =                             // J m^-3 K^-2
      quoted_electron_heat_capacity /
      (2.43 * 10.5 * std::exp(-2.15 * 10.5 * (1.0 - (10.0 / 10.5) * (10.0 / 10.5)) / 10.0));
};

inline Device yang_device() {
  static const Device device =
      load_device(std::filesystem::path(FILMTHERM_EXAMPLES_DIR) / "devices" / "yang2007-nbn.yaml",
                  wire_registry());
  return device;
}

inline std::string number_text(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

/// Replaces the text of one model parameter (e.g. the substrate conductance).
inline void set_parameter(ModelChoice& choice, const std::string& name, const std::string& text) {
  for (ParameterSetting& p : choice.parameters) {
    if (p.name == name) {
      p.text = text;
      return;
    }
  }
  choice.parameters.push_back({name, text});
}

inline void set_tolerances(Device& device, double relative, double absolute_K) {
  device.solver.relative_tolerance.value = relative;
  device.solver.absolute_tolerance.value = from_si<Temperature>(absolute_K);
}

inline void set_end_time(Device& device, double end_s, int output_count = 300) {
  device.solver.end_time.value = from_si<Time>(end_s);
  device.solver.output_count.value = output_count;
}

inline void set_load(Device& device, double load_Ohm) {
  device.circuit->load_resistance.value = from_si<Resistance>(load_Ohm);
}
inline void set_inductance(Device& device, double inductance_H) {
  device.circuit->kinetic_inductance.value = from_si<Inductance>(inductance_H);
}
inline void set_bias_tee(Device& device, double capacitance_F) {
  device.circuit->bias_tee_capacitance.value = from_si<Capacitance>(capacitance_F);
}
/// alpha(T_ref) of the boundary-conductance escape model, W m^-2 K^-1.
inline void set_substrate_conductance(Device& device, double alpha_W_per_m2_K) {
  set_parameter(device.bath.phonon_escape, "conductance_at_reference",
                number_text(alpha_W_per_m2_K) + " W/(m^2 K)");
}

/// The default switch (front), without profiles.
inline WireModelOptions front(std::size_t cells) {
  WireModelOptions options;
  options.cell_count = cells;
  options.resistive_switch = ResistiveSwitch::front;
  options.record_profiles = false;
  return options;
}

/// The smoothed switch; width_K 0: the width scaled to the film.
inline WireModelOptions smoothed(std::size_t cells, double width_K = 0.5) {
  WireModelOptions options;
  options.cell_count = cells;
  options.resistive_switch = ResistiveSwitch::smoothed;
  if (width_K > 0.0) options.switch_width = from_si<Temperature>(width_K);
  options.record_profiles = false;
  return options;
}

inline WireModelOptions root_finding(std::size_t cells) {
  WireModelOptions options = front(cells);
  options.resistive_switch = ResistiveSwitch::root_finding;
  return options;
}

}  // namespace filmtherm::testing
