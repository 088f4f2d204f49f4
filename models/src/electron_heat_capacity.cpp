#include "filmtherm/electron_heat_capacity.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <boost/math/interpolators/cardinal_cubic_b_spline.hpp>
#include <boost/math/interpolators/cubic_hermite.hpp>
#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/special_functions/bessel.hpp>
#include <boost/math/special_functions/expint.hpp>
#include <boost/math/tools/roots.hpp>

#include "filmtherm/bcs_gap.h"

namespace filmtherm {

namespace {

using std::numbers::pi;
using Hermite = boost::math::interpolators::cardinal_cubic_hermite<std::vector<double>>;
using Spline = boost::math::interpolators::cardinal_cubic_b_spline<double>;

constexpr double a = bcs_gap_ratio;
// C_es(T_c - 0)/(gamma T_c) = 1 + 12/(7 zeta(3)) (PHYSICS.md section 2).
constexpr double bcs_heat_capacity_below_tc = 2.4261269244240699;

// Tables on y = ln(1/t) for t in [table_t_min, 1]; below table_t_min closed forms.
constexpr double table_t_min = 0.04;
constexpr std::size_t table_nodes = 1025;
constexpr double table_y_max = 3.2188758248682006;  // ln(1/table_t_min) = ln 25
constexpr double table_step_y = table_y_max / static_cast<double>(table_nodes - 1);

double node_y(std::size_t i) {
  return table_step_y * static_cast<double>(i);
}

double checked_temperature(double temperature_K) {
  if (!(temperature_K >= 0.0) || !std::isfinite(temperature_K)) {
    throw std::domain_error("electron heat capacity: temperature must be >= 0 K and finite, got " +
                            std::to_string(temperature_K) + " K");
  }
  return temperature_K;
}

double checked_parameter(double value, const char* what) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    throw std::invalid_argument(std::string("electron heat capacity: ") + what +
                                " must be positive and finite, got " + std::to_string(value));
  }
  return value;
}

// Reduced quantities: c = C/(gamma T_c), c_slope = dc/dt, u = U/(gamma T_c^2), t = T/T_c.
struct ReducedHeatCapacity {
  double c = 0.0;
  double c_slope = 0.0;
};

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

// The PHYSICS.md section 2 integral with e = s sinh(w), so e^2 + s^2 = s^2 cosh^2 w: an even
// integrand analytic for |Im w| < pi/2, summed by the trapezoidal rule (spectral accuracy,
// as for the gap equation in bcs_gap.cpp).
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
// closed-form tail value at t_min, then a Hermite interpolant of ln u with slopes
// d ln u/dy = -c t/u.
template <class ReducedHeatCapacityOfY>
Hermite build_log_energy(const ReducedHeatCapacityOfY& c_of_y, double tail_energy) {
  std::vector<double> log_u(table_nodes);
  std::vector<double> log_u_slope(table_nodes);
  double u = tail_energy;
  for (std::size_t i = table_nodes; i-- > 0;) {
    if (i + 1 < table_nodes) {
      u += boost::math::quadrature::gauss<double, 7>::integrate(
          [&](double y) { return c_of_y(y) * std::exp(-y); }, node_y(i), node_y(i + 1));
    }
    log_u[i] = std::log(u);
    log_u_slope[i] = -c_of_y(node_y(i)) * std::exp(-node_y(i)) / u;
  }
  return Hermite(std::move(log_u), std::move(log_u_slope), 0.0, table_step_y);
}

// y clamped into a table, whose last node may sit an ulp below table_y_max (Boost's
// interpolants throw outside their domain).
double table_y_clamped(double y, const Hermite& table) {
  return std::min(y, table.domain().second);
}

double table_y(double t, const Hermite& table) {
  return table_y_clamped(-std::log(t), table);
}

struct BcsTable {
  Hermite log_heat_capacity;
  Hermite log_energy;
};

// ln c is interpolated by a clamped cubic spline (C2, error O(h^4) from values alone); on each cell
// it is the cubic Hermite polynomial of its own node values and slopes, so it is stored as such for
// fast evaluation.
BcsTable build_bcs_table() {
  std::vector<double> log_c(table_nodes);
  for (std::size_t i = 0; i < table_nodes; ++i) {
    log_c[i] = std::log(i == 0 ? bcs_heat_capacity_below_tc
                               : bcs_heat_capacity_direct(std::exp(-node_y(i))));
  }
  // Boost < 1.80 estimates the right-end slope wrongly (boostorg/math PR #797: the forward
  // difference coefficients applied in reverse order), so the closed form's exact slope is
  // given; the left-end estimate is right (O(h^4)).
  const ReducedHeatCapacity tail = bcs_low_temperature_heat_capacity(table_t_min);
  const double right_slope = -table_t_min * tail.c_slope / tail.c;
  const Spline spline(log_c.data(), log_c.size(), 0.0, table_step_y,
                      std::numeric_limits<double>::quiet_NaN(), right_slope);
  std::vector<double> log_c_slope(table_nodes);
  for (std::size_t i = 0; i < table_nodes; ++i) log_c_slope[i] = spline.prime(node_y(i));
  Hermite log_heat_capacity(std::move(log_c), std::move(log_c_slope), 0.0, table_step_y);
  Hermite log_energy = build_log_energy(
      [&](double y) { return std::exp(log_heat_capacity(table_y_clamped(y, log_heat_capacity))); },
      bcs_low_temperature_energy(table_t_min));
  return {std::move(log_heat_capacity), std::move(log_energy)};
}

const BcsTable& bcs_table() {
  static const BcsTable table = build_bcs_table();
  return table;
}

ReducedHeatCapacity bcs_heat_capacity(double t) {
  if (t <= table_t_min) return bcs_low_temperature_heat_capacity(t);
  const Hermite& log_c = bcs_table().log_heat_capacity;
  const double y = table_y(t, log_c);
  const double c = std::exp(log_c(y));
  return {c, -c * log_c.prime(y) / t};
}

double bcs_energy(double t) {
  if (t <= table_t_min) return bcs_low_temperature_energy(t);
  const Hermite& log_u = bcs_table().log_energy;
  return std::exp(log_u(table_y(t, log_u)));
}

double yang_heat_capacity_value(double t) {
  if (t == 0.0) return 0.0;
  return Yang2007HeatCapacity::jump_ratio *
         std::exp(-Yang2007HeatCapacity::gap_ratio * (1.0 / t - t));
}

ReducedHeatCapacity yang_heat_capacity(double t) {
  const double c = yang_heat_capacity_value(t);
  if (c == 0.0) return {};
  return {c, c * Yang2007HeatCapacity::gap_ratio * (1.0 / (t * t) + 1.0)};
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

const Hermite& yang_log_energy() {
  static const Hermite table =
      build_log_energy([](double y) { return yang_heat_capacity_value(std::exp(-y)); },
                       yang_low_temperature_energy(table_t_min));
  return table;
}

double yang_energy(double t) {
  if (t <= table_t_min) return yang_low_temperature_energy(t);
  const Hermite& log_u = yang_log_energy();
  return std::exp(log_u(table_y(t, log_u)));
}

}  // namespace

// ---- ElectronHeatCapacity ----------------------------------------------------------------

double ElectronHeatCapacity::temperature_after_deposit_K(double bath_temperature_K,
                                                         double deposited_energy_J_per_m3) const {
  const double bath_K = checked_temperature(bath_temperature_K);
  if (!(deposited_energy_J_per_m3 >= 0.0) || !std::isfinite(deposited_energy_J_per_m3)) {
    throw std::domain_error("deposited energy density must be >= 0 and finite, got " +
                            std::to_string(deposited_energy_J_per_m3) + " J/m^3");
  }
  if (deposited_energy_J_per_m3 == 0.0) return bath_K;
  const double target = energy_J_per_m3(bath_K) + deposited_energy_J_per_m3;
  const auto excess = [&](double temperature_K) { return energy_J_per_m3(temperature_K) - target; };
  double lower = bath_K;
  double upper = bath_K > 0.0 ? 2.0 * bath_K : 1.0;
  while (excess(upper) < 0.0) {
    lower = upper;
    upper *= 2.0;
    if (!std::isfinite(upper)) throw std::domain_error("deposited energy density is too large");
  }
  std::uintmax_t iterations = 200;
  const auto [low, high] = boost::math::tools::toms748_solve(
      excess, lower, upper, boost::math::tools::eps_tolerance<double>(52), iterations);
  return 0.5 * (low + high);
}

VolumetricHeatCapacity ElectronHeatCapacity::heat_capacity(Temperature temperature) const {
  return from_si<VolumetricHeatCapacity>(heat_capacity_J_per_m3_K(temperature.value()));
}

HeatCapacitySlope ElectronHeatCapacity::heat_capacity_slope(Temperature temperature) const {
  return from_si<HeatCapacitySlope>(heat_capacity_slope_J_per_m3_K2(temperature.value()));
}

EnergyDensity ElectronHeatCapacity::energy(Temperature temperature) const {
  return from_si<EnergyDensity>(energy_J_per_m3(temperature.value()));
}

EnergyDensity ElectronHeatCapacity::energy_between(Temperature from, Temperature to) const {
  return from_si<EnergyDensity>(energy_J_per_m3(to.value()) - energy_J_per_m3(from.value()));
}

Temperature ElectronHeatCapacity::temperature_after_deposit(Temperature bath_temperature,
                                                            EnergyDensity deposited_energy) const {
  return from_si<Temperature>(
      temperature_after_deposit_K(bath_temperature.value(), deposited_energy.value()));
}

// ---- Sommerfeld --------------------------------------------------------------------------

SommerfeldHeatCapacity::SommerfeldHeatCapacity(SommerfeldCoefficient sommerfeld_coefficient)
    : gamma_J_per_m3_K2_(checked_parameter(sommerfeld_coefficient.value(), "Sommerfeld gamma")) {}

SommerfeldCoefficient SommerfeldHeatCapacity::sommerfeld_coefficient() const {
  return from_si<SommerfeldCoefficient>(gamma_J_per_m3_K2_);
}

double SommerfeldHeatCapacity::heat_capacity_J_per_m3_K(double temperature_K) const {
  return gamma_J_per_m3_K2_ * checked_temperature(temperature_K);
}

double SommerfeldHeatCapacity::heat_capacity_slope_J_per_m3_K2(double temperature_K) const {
  checked_temperature(temperature_K);
  return gamma_J_per_m3_K2_;
}

double SommerfeldHeatCapacity::energy_J_per_m3(double temperature_K) const {
  const double T = checked_temperature(temperature_K);
  return 0.5 * gamma_J_per_m3_K2_ * T * T;
}

double SommerfeldHeatCapacity::temperature_after_deposit_K(double bath_temperature_K,
                                                           double deposited_energy_J_per_m3) const {
  const double bath_K = checked_temperature(bath_temperature_K);
  if (!(deposited_energy_J_per_m3 >= 0.0) || !std::isfinite(deposited_energy_J_per_m3)) {
    throw std::domain_error("deposited energy density must be >= 0 and finite, got " +
                            std::to_string(deposited_energy_J_per_m3) + " J/m^3");
  }
  return std::sqrt(bath_K * bath_K + 2.0 * deposited_energy_J_per_m3 / gamma_J_per_m3_K2_);
}

// ---- Superconducting models ----------------------------------------------------------------

SuperconductingHeatCapacity::SuperconductingHeatCapacity(
    Model model, SommerfeldCoefficient sommerfeld_coefficient, Temperature critical_temperature)
    : model_(model),
      gamma_J_per_m3_K2_(checked_parameter(sommerfeld_coefficient.value(), "Sommerfeld gamma")),
      critical_K_(checked_parameter(critical_temperature.value(), "critical temperature")) {}

SommerfeldCoefficient SuperconductingHeatCapacity::sommerfeld_coefficient_from(
    Model model, Temperature reference_temperature,
    VolumetricHeatCapacity heat_capacity_at_reference, Temperature critical_temperature) {
  const double reference_K = checked_parameter(reference_temperature.value(), "T_ref");
  const double heat_capacity =
      checked_parameter(heat_capacity_at_reference.value(), "heat capacity at T_ref");
  const SuperconductingHeatCapacity unit_model(model, from_si<SommerfeldCoefficient>(1.0),
                                               critical_temperature);
  const double unit_heat_capacity = unit_model.heat_capacity_J_per_m3_K(reference_K);
  if (!(unit_heat_capacity > 1e-300)) {
    throw std::invalid_argument("electron heat capacity: T_ref = " + std::to_string(reference_K) +
                                " K is too far below T_c to fix gamma from C(T_ref)");
  }
  return from_si<SommerfeldCoefficient>(heat_capacity / unit_heat_capacity);
}

SommerfeldCoefficient SuperconductingHeatCapacity::sommerfeld_coefficient() const {
  return from_si<SommerfeldCoefficient>(gamma_J_per_m3_K2_);
}

Temperature SuperconductingHeatCapacity::critical_temperature() const {
  return from_si<Temperature>(critical_K_);
}

double SuperconductingHeatCapacity::heat_capacity_J_per_m3_K(double temperature_K) const {
  const double t = checked_temperature(temperature_K) / critical_K_;
  if (t >= 1.0) return gamma_J_per_m3_K2_ * temperature_K;
  const double c = model_ == Model::bcs ? bcs_heat_capacity(t).c : yang_heat_capacity_value(t);
  return gamma_J_per_m3_K2_ * critical_K_ * c;
}

double SuperconductingHeatCapacity::heat_capacity_slope_J_per_m3_K2(double temperature_K) const {
  const double t = checked_temperature(temperature_K) / critical_K_;
  if (t >= 1.0) return gamma_J_per_m3_K2_;
  const ReducedHeatCapacity c = model_ == Model::bcs ? bcs_heat_capacity(t) : yang_heat_capacity(t);
  return gamma_J_per_m3_K2_ * c.c_slope;
}

double SuperconductingHeatCapacity::energy_J_per_m3(double temperature_K) const {
  const double t = checked_temperature(temperature_K) / critical_K_;
  const auto reduced_energy = model_ == Model::bcs ? bcs_energy : yang_energy;
  const double u = t < 1.0 ? reduced_energy(t) : reduced_energy(1.0) + 0.5 * (t * t - 1.0);
  return gamma_J_per_m3_K2_ * critical_K_ * critical_K_ * u;
}

BcsHeatCapacity::BcsHeatCapacity(SommerfeldCoefficient sommerfeld_coefficient,
                                 Temperature critical_temperature)
    : SuperconductingHeatCapacity(Model::bcs, sommerfeld_coefficient, critical_temperature) {}

BcsHeatCapacity BcsHeatCapacity::from_heat_capacity_at(
    Temperature reference_temperature, VolumetricHeatCapacity heat_capacity_at_reference,
    Temperature critical_temperature) {
  return BcsHeatCapacity(
      sommerfeld_coefficient_from(Model::bcs, reference_temperature, heat_capacity_at_reference,
                                  critical_temperature),
      critical_temperature);
}

Yang2007HeatCapacity::Yang2007HeatCapacity(SommerfeldCoefficient sommerfeld_coefficient,
                                           Temperature critical_temperature)
    : SuperconductingHeatCapacity(Model::yang2007, sommerfeld_coefficient, critical_temperature) {}

Yang2007HeatCapacity Yang2007HeatCapacity::from_heat_capacity_at(
    Temperature reference_temperature, VolumetricHeatCapacity heat_capacity_at_reference,
    Temperature critical_temperature) {
  return Yang2007HeatCapacity(
      sommerfeld_coefficient_from(Model::yang2007, reference_temperature,
                                  heat_capacity_at_reference, critical_temperature),
      critical_temperature);
}

}  // namespace filmtherm
