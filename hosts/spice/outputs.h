// What filmtherm-spice writes, like `filmtherm run`: traces.csv (time, every
// vector ngspice reports, and each wire's current, R_hs, temperatures (not
// for a lumped wire, which has none) and resistive length), summary.json (the
// figures of each vector and each wire, a lumped wire's constants),
// and plots made by gnuplot (traces.gp and its PNGs).
#pragma once

#include <optional>
#include <string>

#include "cosimulation.h"

namespace filmtherm_spice {

/// The figures of one wire's detection, from its trace.
struct WireFigures {
  double bias_current_A = 0.0;  ///< the current at t = 0 (the operating point)
  double minimum_current_A = 0.0;
  double minimum_time_s = 0.0;
  double max_hotspot_resistance_Ohm = 0.0;
  double peak_temperature_K = 0.0;
  std::optional<double> hotspot_lifetime_s;  ///< when R_hs last fell to zero; none when latched
  std::optional<double> recovery_90_time_s;  ///< first time after the minimum with I >= 0.9 I_b
  /// "recovered", "latched" or "relaxation-oscillation", read from the trace
  /// as `filmtherm run` reads its own (docs/wire-model.md, "Latching and
  /// relaxation oscillations").
  std::string outcome = "recovered";
  int hotspot_reformations = 0;  ///< R_hs rising from zero again after a collapse
  bool latched = false;          ///< the wire does not reset (outcome != recovered)
};
WireFigures wire_figures(const std::vector<double>& time_s, const WireTrace& trace);

struct RunDescription {
  std::string netlist_path;
  std::vector<std::string> device_paths;
  CouplingSettings settings;
  std::size_t cell_count = 0;  ///< of the first 1D wire; 0 when all are lumped (null)
};

/// Writes the three outputs into `folder` (created); each file appears whole
/// or not at all. Throws std::runtime_error naming the path when it cannot.
void write_outputs(const std::string& folder, const CosimulationResult& result,
                   const RunDescription& description, bool plot);

}  // namespace filmtherm_spice
