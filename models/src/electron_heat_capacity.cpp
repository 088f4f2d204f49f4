#include "filmtherm/electron_heat_capacity.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <boost/math/interpolators/cubic_hermite.hpp>
#include <boost/math/tools/roots.hpp>

#include "superconductor_tables.h"

// Generated at build time by models/tools/generate_superconductor_tables.cpp from
// detail::bcs_log_heat_capacity_nodes(), bcs_log_energy_nodes() and yang_log_energy_nodes():
// constexpr arrays generated::{bcs_log_heat_capacity, bcs_log_energy, yang_log_energy}_{values,
// slopes} (models/CMakeLists.txt).
#include "electron_heat_capacity_tables.inc"

namespace filmtherm {

namespace {

using Hermite = boost::math::interpolators::cardinal_cubic_hermite<std::vector<double>>;
using detail::bcs_low_temperature_energy;
using detail::bcs_low_temperature_heat_capacity;
using detail::ReducedHeatCapacity;
using detail::table_t_min;
using detail::yang_heat_capacity_value;
using detail::yang_low_temperature_energy;

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

template <std::size_t node_count>
Hermite generated_table(const double (&values)[node_count], const double (&slopes)[node_count]) {
  static_assert(node_count == detail::table_nodes);
  return Hermite(std::vector<double>(std::begin(values), std::end(values)),
                 std::vector<double>(std::begin(slopes), std::end(slopes)), 0.0,
                 detail::table_step_y);
}

// y clamped into a table, whose last node may sit an ulp below table_y_max (Boost's
// interpolants throw outside their domain).
double table_y(double t, const Hermite& table) {
  return std::min(-std::log(t), table.domain().second);
}

struct BcsTable {
  Hermite log_heat_capacity;
  Hermite log_energy;
};

const BcsTable& bcs_table() {
  static const BcsTable table{
      generated_table(generated::bcs_log_heat_capacity_values,
                      generated::bcs_log_heat_capacity_slopes),
      generated_table(generated::bcs_log_energy_values, generated::bcs_log_energy_slopes)};
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

ReducedHeatCapacity yang_heat_capacity(double t) {
  const double c = yang_heat_capacity_value(t);
  if (c == 0.0) return {};
  return {c, c * Yang2007HeatCapacity::gap_ratio * (1.0 / (t * t) + 1.0)};
}

const Hermite& yang_log_energy() {
  static const Hermite table =
      generated_table(generated::yang_log_energy_values, generated::yang_log_energy_slopes);
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
