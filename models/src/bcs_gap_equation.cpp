#include "filmtherm/bcs_gap.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

#include <boost/math/tools/roots.hpp>

#include "superconductor_tables.h"

namespace filmtherm {

namespace {

constexpr double a = bcs_gap_ratio;

// Closer to T_c than this the direct solve loses digits to the cancellation between
// F(delta) and ln(a/delta) (relative error ~1e-17/delta^2), while the GL law is off by
// O(1 - t); 1e-6 balances the two at ~1e-6 relative in s^2.
constexpr double ginzburg_landau_window = 1e-6;

struct GapSum {
  double value = 0.0;  // F(delta)
  double slope = 0.0;  // dF/ddelta
};

// With e = Delta sinh(u) the gap-equation integral 2 int f(E)/E de (energies in units of
// k_B T, delta = Delta/(k_B T)) becomes F(delta) = 2 int_0^inf du / (e^{delta cosh u} + 1):
// an even integrand analytic in the strip |Im u| < pi/2, so the trapezoidal rule with step
// 0.1 converges to ~exp(-pi^2/0.1) (spectral accuracy), and the sum stops once the terms
// are e^-40 below the first.
GapSum gap_sum(double delta) {
  constexpr double step_u = 0.1;
  GapSum sum;
  for (int k = 0;; ++k) {
    const double cosh_u = std::cosh(step_u * k);
    const double z = delta * cosh_u;
    if (z > delta + 40.0) break;
    const double e = std::exp(-z);
    const double fermi = e / (1.0 + e);
    const double weight = k == 0 ? 0.5 : 1.0;
    sum.value += weight * fermi;
    sum.slope -= weight * cosh_u * fermi * (1.0 - fermi);
  }
  sum.value *= 2.0 * step_u;
  sum.slope *= 2.0 * step_u;
  return sum;
}

}  // namespace

double detail::checked_reduced_temperature(double reduced_temperature) {
  if (!(reduced_temperature >= 0.0) || !std::isfinite(reduced_temperature)) {
    throw std::domain_error("BCS gap: reduced temperature T/T_c must be >= 0 and finite, got " +
                            std::to_string(reduced_temperature));
  }
  return reduced_temperature;
}

BcsReducedGap solve_bcs_gap_equation(double reduced_temperature) {
  const double t = detail::checked_reduced_temperature(reduced_temperature);
  if (t >= 1.0) return {0.0, 0.0};
  if (t == 0.0) return {1.0, 0.0};
  if (1.0 - t < ginzburg_landau_window) {
    return {std::sqrt(bcs_reduced_gap_squared_slope_at_tc * (t - 1.0)),
            bcs_reduced_gap_squared_slope_at_tc};
  }
  // Gap equation as G(s) = ln s + F(a s/t) = 0; G' = (1 + delta F'(delta))/s > 0, so the
  // root is unique, and G < 0 below the GL estimate sqrt(3 (1 - t)).
  const auto equation = [t](double s) {
    const GapSum sum = gap_sum(a * s / t);
    return std::make_pair(std::log(s) + sum.value, 1.0 / s + a / t * sum.slope);
  };
  const double gl_estimate = std::sqrt(-bcs_reduced_gap_squared_slope_at_tc * (1.0 - t));
  const double lower = 0.1 * std::min(1.0, gl_estimate);
  const double guess = std::min(1.0, gl_estimate);
  std::uintmax_t iterations = 100;
  const double s =
      boost::math::tools::newton_raphson_iterate(equation, guess, lower, 1.0, 50, iterations);
  if (iterations >= 100) {
    throw std::runtime_error("BCS gap equation did not converge at t = " + std::to_string(t));
  }
  // Implicit differentiation of G(s, t) = 0: d(s^2)/dt = 2 s^2 delta F' / (t (1 + delta F')).
  const double delta = a * s / t;
  const double delta_slope = delta * gap_sum(delta).slope;
  return {s, 2.0 * s * s * delta_slope / (t * (1.0 + delta_slope))};
}

// In y = ln(1/t) both ends of s^2 are smooth: ~1 - e^-(a e^y) at low t, ~(1 - e^-y) near T_c
// (bcs_gap.h). d(s^2)/dy = -t d(s^2)/dt.
detail::TableNodes detail::bcs_gap_squared_nodes() {
  TableNodes nodes{std::vector<double>(table_nodes), std::vector<double>(table_nodes)};
  for (std::size_t i = 0; i < table_nodes; ++i) {
    const double t = std::exp(-table_step_y * static_cast<double>(i));
    const BcsReducedGap node = i == 0 ? BcsReducedGap{0.0, bcs_reduced_gap_squared_slope_at_tc}
                                      : solve_bcs_gap_equation(t);
    nodes.values[i] = node.reduced_gap * node.reduced_gap;
    nodes.slopes[i] = -node.reduced_gap_squared_slope * t;
  }
  return nodes;
}

}  // namespace filmtherm
