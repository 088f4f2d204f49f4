// The electrothermal wire driven by a current that someone else computes: the
// thermal half of the wire model (docs/physics.md section 5, docs/spice.md)
// for a circuit simulator that holds the readout itself. The cell physics is
// ElectrothermalWireSystem's, unchanged; only the current is no longer a state
// of the ODE system: over each coupling step it is the straight line between
// the values the host gives at the step's two ends (I held when both are
// equal), and the bias-tee voltage is frozen (the host's circuit owns it).
// The host advances the wire step by step, reads R_hs(T, I) back, and may
// save the state before a step and restore it when its own simulator rejects
// that step. max_step_s() suggests how long the next coupling step may be so
// that R_hs changes by a bounded fraction and no cell crosses its switching
// temperature unseen. The front and smoothed switches are offered; root
// finding is not: its restart needs the current's future, which the host does
// not know yet.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "filmtherm/device.h"
#include "filmtherm/plugin_registry.h"
#include "filmtherm/wire_model.h"

namespace filmtherm {

/// What the wire looks like at its present time.
struct DrivenWireObservation {
  double time_s = 0.0;
  double current_A = 0.0;
  double hotspot_resistance_Ohm = 0.0;  ///< R_hs(T, I) at the present current
  double hottest_K = 0.0;               ///< hottest cell (electrons in the two-temperature form)
  double hottest_phonon_K = 0.0;  ///< hottest phonons (= hottest_K in the one-temperature form)
  double hotspot_length_m = 0.0;  ///< resistive length, sum of cells' switch fractions
};

class DrivenWire {
 public:
  /// The wire of a device with its photon (the hotspot at start_time_s()).
  /// Throws what ElectrothermalWireSystem and WireParameters throw, and
  /// std::invalid_argument for the root-finding switch.
  DrivenWire(const Device& device, const PluginRegistry& registry, const WireModelOptions& options);
  ~DrivenWire();
  DrivenWire(const DrivenWire&) = delete;
  DrivenWire& operator=(const DrivenWire&) = delete;

  /// When the photon's hotspot starts (the arrival, or the pulse window's opening).
  double start_time_s() const;
  double time_s() const;
  /// Integrates from time_s() to `end_time_s` with the current going linearly
  /// from `start_current_A` to `end_current_A`. Throws IntegrationError when
  /// CVODE fails, std::invalid_argument when end_time_s <= time_s().
  void advance(double end_time_s, double start_current_A, double end_current_A);
  /// The wire at the present time, with the current the host gives.
  DrivenWireObservation observe(double current_A) const;
  /// A coupling step over which, at the present rates (the current changing
  /// at `current_rate_A_per_s`), R_hs changes by at most `relative_change` of
  /// (R_hs + R_L), R_L from the device's circuit, and no cell outside its
  /// switching band gets further into it than that change allows within
  /// twice the step (so no switch is passed within a step); +infinity when
  /// nothing changes.
  double max_step_s(double current_A, double current_rate_A_per_s, double relative_change) const;
  /// Keeps the present state (one slot) / returns to the kept one.
  void save();
  void restore();
  /// Temperatures of the cells (electrons), and their centres.
  std::vector<double> electron_temperatures_K() const;
  const WireParameters& parameters() const;
  long solver_steps() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace filmtherm
