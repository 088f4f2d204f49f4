// The co-simulation of filmtherm-spice: ngspice (shared library) integrates
// the netlist; at every time point ngspice accepts, each marked wire's
// filmtherm_wire advances to that time with the current ngspice computed
// (linear over the step), and its hotspot resistance R_hs(T, I) is what the
// wire's EXTERNAL source gives ngspice over the next step. ngspice's sync
// callback caps each step at filmtherm_wire_max_step, so R_hs changes little
// over a step and no switch is passed unseen (docs/spice.md, "The coupling").
#pragma once

#include <string>
#include <vector>

#include "filmtherm/filmtherm.h"
#include "netlist.h"

namespace filmtherm_spice {

/// What the hotspot resistance is over a step that ngspice tries.
enum class Coupling {
  hold,         ///< R_hs at the last accepted time (first order in the step)
  extrapolate,  ///< the straight line through the last two accepted R_hs (second order)
};

struct CouplingSettings {
  Coupling coupling = Coupling::extrapolate;
  double relative_change = 0.02;  ///< R_hs may change by this much of (R_hs + R_L) per step
  double max_step_s = 0.0;        ///< an absolute cap while a hotspot exists (0: none)
  double min_step_s = 1e-16;      ///< the caps never go below this
};

/// One wire's trace, one row per accepted time point.
struct WireTrace {
  std::string name;  ///< the marked resistor
  std::vector<double> current_A, resistance_Ohm, hottest_K, hottest_phonon_K, length_m;
  double bias_current_A = 0.0;  ///< the device's, for the summary
  std::size_t cell_count = 0;   ///< the grid the wire ran on (device's wire.cells or --cells)
  /// The lumped hotspot (its temperatures are NaN: not states of the model).
  bool lumped = false;
  filmtherm_lumped_hotspot_constants lumped_constants{};
};

struct CosimulationResult {
  std::vector<double> time_s;
  std::vector<std::string> vector_names;     ///< "V(out)", "I(vsense)" ...
  std::vector<std::vector<double>> vectors;  ///< [vector][row]
  std::vector<WireTrace> wires;
  long accepted_points = 0;
  long sync_calls = 0;
  long wire_solver_steps = 0;
  double wall_time_s = 0.0;
};

/// ngspice failed (its own messages are in what()).
class SpiceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
/// filmtherm refused the device or its solver failed (the C API's message).
class FilmthermError : public std::runtime_error {
 public:
  FilmthermError(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;
};

/// Runs the prepared netlist with one filmtherm_wire per marked wire, made
/// from `devices[i]` (one per wire, in the order of netlist.wires) with
/// `options`, whose wire_model a wire's model=1d|lumped overrides. Throws
/// SpiceError or FilmthermError.
CosimulationResult cosimulate(const PreparedNetlist& netlist,
                              const std::vector<const filmtherm_device*>& devices,
                              const filmtherm_run_options& options,
                              const CouplingSettings& settings, bool verbose);

}  // namespace filmtherm_spice
