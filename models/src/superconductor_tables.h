// Internal to models/ (not installed): what the superconductor tables share between the
// build-time generator (models/tools/generate_superconductor_tables.cpp) and the run-time
// interpolants in bcs_gap.cpp and electron_heat_capacity.cpp. That is the grid in
// y = ln(1/t), t = T/T_c; the closed forms used below its low end; and the functions that
// compute the node values (the gap equation, the C_es quadrature, the cumulative energy).
// The node functions are compiled once, into the object library filmtherm_table_solvers, and
// linked both into the generator and into filmtherm_models, so the generated constexpr nodes
// are bit for bit what the library would compute itself (models/CMakeLists.txt).
#pragma once

#include <cstddef>
#include <vector>

namespace filmtherm::detail {

/// The tables cover t in [table_t_min, 1] on table_nodes nodes uniform in y = ln(1/t):
/// y_i = i table_step_y, so node 0 is T_c and the last node t = 0.04.
inline constexpr double table_t_min = 0.04;
inline constexpr std::size_t table_nodes = 1025;
inline constexpr double table_y_max = 3.2188758248682006;  // ln(1/table_t_min) = ln 25
inline constexpr double table_step_y = table_y_max / static_cast<double>(table_nodes - 1);

/// y_i = i table_step_y.
double table_node_y(std::size_t i);

/// Values f(y_i) and slopes df/dy(y_i) at every node: the data of a cubic Hermite
/// interpolant on the grid.
struct TableNodes {
  std::vector<double> values;
  std::vector<double> slopes;
};

/// c = C/(gamma T_c) and dc/dt at one reduced temperature t.
struct ReducedHeatCapacity {
  double c = 0.0;
  double c_slope = 0.0;
};

/// t itself; throws std::domain_error unless t >= 0 and finite.
double checked_reduced_temperature(double reduced_temperature);

/// s^2 and d(s^2)/dy of the BCS gap (solve_bcs_gap_equation at every node; the GL slope at T_c).
TableNodes bcs_gap_squared_nodes();

/// ln c of BCS (direct solve of the gap equation and spectrally accurate C_es quadrature at every
/// node) and d ln c/dy from a clamped cubic spline through those values.
TableNodes bcs_log_heat_capacity_nodes();

/// ln u of BCS, u = U/(gamma T_c^2), by 7-point Gauss integration of the Hermite interpolant of
/// log_heat_capacity cell by cell from the closed form at table_t_min; slopes -c t/u.
TableNodes bcs_log_energy_nodes(const TableNodes& log_heat_capacity);

/// ln u of the Yang et al. (2007) model, integrated as for BCS from its closed-form c.
TableNodes yang_log_energy_nodes();

/// BCS c and dc/dt for t <= table_t_min: s = 1 and the Bessel-function closed form.
ReducedHeatCapacity bcs_low_temperature_heat_capacity(double t);

/// BCS u for t <= table_t_min, closed form.
double bcs_low_temperature_energy(double t);

/// Yang c(t) = 2.43 exp(-2.15 (1/t - t)), 0 at t = 0.
double yang_heat_capacity_value(double t);

/// Yang u for t <= table_t_min: a series in exponential integrals.
double yang_low_temperature_energy(double t);

}  // namespace filmtherm::detail
