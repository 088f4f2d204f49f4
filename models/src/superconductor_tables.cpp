#include "superconductor_tables.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>
#include <vector>

#include <boost/math/interpolators/cardinal_cubic_b_spline.hpp>
#include <boost/math/interpolators/cubic_hermite.hpp>
#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/special_functions/bessel.hpp>
#include <boost/math/special_functions/expint.hpp>

#include "filmtherm/bcs_gap.h"
#include "filmtherm/electron_heat_capacity.h"

namespace filmtherm::detail {

namespace {

using std::numbers::pi;
using Hermite = boost::math::interpolators::cardinal_cubic_hermite<std::vector<double>>;
using Spline = boost::math::interpolators::cardinal_cubic_b_spline<double>;

constexpr double a = bcs_gap_ratio;
// C_es(T_c - 0)/(gamma T_c) = 1 + 12/(7 zeta(3)) (docs/physics.md section 2).
constexpr double bcs_heat_capacity_below_tc = 2.4261269244240699;

// BCS with s = 1 and the n = 1 term of f(1-f) = sum (-1)^(n+1) n e^{-n z}: exact to
// e^{-a/t} < 1e-19 relative for t <= 0.04. With e = sinh(w) the integral is a sum of
// Bessel functions, int cosh^3 w e^{-b cosh w} dw = (K_3(b) + 3 K_1(b))/4, b = a/t, and
// int_b^inf (K_3 + 3 K_1) = 2 (K_0(b) + K_2(b)).
struct BesselK {
  double k0, k1, k2, k3;
  explicit BesselK(double b)
      : k0(boost::math::cyl_bessel_k(0, b)),
        k1(boost::math::cyl_bessel_k(1, b)),
        k2(k0 + 2.0 / b * k1),
        k3(k1 + 4.0 / b * k2) {}
};

// The docs/physics.md section 2 integral with e = s sinh(w), so e^2 + s^2 = s^2 cosh^2 w: an even
// integrand analytic for |Im w| < pi/2, summed by the trapezoidal rule (spectral accuracy,
// as for the gap equation in bcs_gap_equation.cpp).
double bcs_heat_capacity_direct(double t) {
  const BcsReducedGap gap = solve_bcs_gap_equation(t);
  const double s = gap.reduced_gap;
  const double delta = a * s / t;
  constexpr double step_w = 0.1;
  double sum = 0.0;
  for (int k = 0;; ++k) {
    const double cosh_w = std::cosh(step_w * k);
    const double z = delta * cosh_w;
    if (z > delta + 50.0) break;
    const double e = std::exp(-z);
    const double fermi_product = e / ((1.0 + e) * (1.0 + e));
    const double bracket = s * s * cosh_w * cosh_w / t - 0.5 * gap.reduced_gap_squared_slope;
    sum += (k == 0 ? 0.5 : 1.0) * fermi_product * bracket * cosh_w;
  }
  return 6.0 * a * a * a / (pi * pi * t) * s * step_w * sum;
}

// u at every node, integrating c dt = c(y) e^{-y} dy cell by cell (7-point Gauss) from the
// closed-form tail value at t_min; the slopes of ln u are d ln u/dy = -c t/u.
template <class ReducedHeatCapacityOfY>
TableNodes log_energy_nodes(const ReducedHeatCapacityOfY& c_of_y, double tail_energy) {
  TableNodes log_u{std::vector<double>(table_nodes), std::vector<double>(table_nodes)};
  double u = tail_energy;
  for (std::size_t i = table_nodes; i-- > 0;) {
    if (i + 1 < table_nodes) {
      u += boost::math::quadrature::gauss<double, 7>::integrate(
          [&](double y) { return c_of_y(y) * std::exp(-y); }, table_node_y(i), table_node_y(i + 1));
    }
    log_u.values[i] = std::log(u);
    log_u.slopes[i] = -c_of_y(table_node_y(i)) * std::exp(-table_node_y(i)) / u;
  }
  return log_u;
}

}  // namespace

double table_node_y(std::size_t i) {
  return table_step_y * static_cast<double>(i);
}

ReducedHeatCapacity bcs_low_temperature_heat_capacity(double t) {
  const double b = a / t;
  if (t == 0.0 || b > 690.0) return {};
  const BesselK k(b);
  const double x = 1.0 / t;
  const double prefactor = 1.5 * a * a * a / (pi * pi);
  const double dk3 = -k.k2 - 3.0 / b * k.k3;
  const double dk1 = -k.k0 - k.k1 / b;
  const double dc_dx = prefactor * (2.0 * x * (k.k3 + 3.0 * k.k1) + a * x * x * (dk3 + 3.0 * dk1));
  return {prefactor * x * x * (k.k3 + 3.0 * k.k1), -x * x * dc_dx};
}

double bcs_low_temperature_energy(double t) {
  const double b = a / t;
  if (t == 0.0 || b > 690.0) return 0.0;
  const BesselK k(b);
  return 3.0 * a * a / (pi * pi) * (k.k0 + k.k2);
}

// ln c is interpolated by a clamped cubic spline (C2, error O(h^4) from values alone); on each
// cell it is the cubic Hermite polynomial of its own node values and slopes, so it is stored as
// such for fast evaluation.
TableNodes bcs_log_heat_capacity_nodes() {
  std::vector<double> log_c(table_nodes);
  for (std::size_t i = 0; i < table_nodes; ++i) {
    log_c[i] = std::log(i == 0 ? bcs_heat_capacity_below_tc
                               : bcs_heat_capacity_direct(std::exp(-table_node_y(i))));
  }
  // Boost < 1.80 estimates the right-end slope wrongly (boostorg/math PR #797: the forward
  // difference coefficients applied in reverse order), so the closed form's exact slope is
  // given; the left-end estimate is right (O(h^4)).
  const ReducedHeatCapacity tail = bcs_low_temperature_heat_capacity(table_t_min);
  const double right_slope = -table_t_min * tail.c_slope / tail.c;
  const Spline spline(log_c.data(), log_c.size(), 0.0, table_step_y,
                      std::numeric_limits<double>::quiet_NaN(), right_slope);
  std::vector<double> log_c_slope(table_nodes);
  for (std::size_t i = 0; i < table_nodes; ++i) log_c_slope[i] = spline.prime(table_node_y(i));
  return {std::move(log_c), std::move(log_c_slope)};
}

// Integrates the same interpolant of ln c that electron_heat_capacity.cpp evaluates, so that
// dU/dT matches the C it returns. Its last node may sit an ulp below table_y_max (Boost's
// interpolants throw outside their domain), hence the clamp.
TableNodes bcs_log_energy_nodes(const TableNodes& log_heat_capacity) {
  const Hermite log_c(std::vector<double>(log_heat_capacity.values),
                      std::vector<double>(log_heat_capacity.slopes), 0.0, table_step_y);
  return log_energy_nodes(
      [&](double y) { return std::exp(log_c(std::min(y, log_c.domain().second))); },
      bcs_low_temperature_energy(table_t_min));
}

double yang_heat_capacity_value(double t) {
  if (t == 0.0) return 0.0;
  return Yang2007HeatCapacity::jump_ratio *
         std::exp(-Yang2007HeatCapacity::gap_ratio * (1.0 / t - t));
}

// u(t) = 2.43 int_0^t e^{-b(1/t' - t')} dt' with g = b/t' and e^{b^2/g} expanded:
// u = 2.43 b sum_k b^(2k)/k! z^-(k+1) E_{k+2}(z), z = b/t; terms shrink by ~b t/k.
double yang_low_temperature_energy(double t) {
  constexpr double b = Yang2007HeatCapacity::gap_ratio;
  const double z = b / t;
  if (t == 0.0 || z > 690.0) return 0.0;
  double sum = 0.0;
  double coefficient = 1.0 / z;  // b^(2k)/k! z^-(k+1)
  for (unsigned k = 0; k < 40; ++k) {
    const double term = coefficient * boost::math::expint(k + 2, z);
    sum += term;
    if (term < 1e-17 * sum) break;
    coefficient *= b * b / (z * (k + 1));
  }
  return Yang2007HeatCapacity::jump_ratio * b * sum;
}

TableNodes yang_log_energy_nodes() {
  return log_energy_nodes([](double y) { return yang_heat_capacity_value(std::exp(-y)); },
                          yang_low_temperature_energy(table_t_min));
}

}  // namespace filmtherm::detail
