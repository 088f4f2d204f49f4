#include "filmtherm/heat_flow.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace filmtherm {

namespace {

double checked_temperature(double temperature_K, const char* what) {
  if (!(temperature_K >= 0.0) || !std::isfinite(temperature_K)) {
    throw std::domain_error(std::string("heat flow: ") + what + " must be >= 0 K and finite, got " +
                            std::to_string(temperature_K) + " K");
  }
  return temperature_K;
}

double checked_positive_temperature(double temperature_K, const char* what) {
  if (!(temperature_K > 0.0) || !std::isfinite(temperature_K)) {
    throw std::domain_error(std::string("heat flow: ") + what + " must be > 0 K and finite, got " +
                            std::to_string(temperature_K) + " K");
  }
  return temperature_K;
}

double checked_parameter(double value, const char* what) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    throw std::invalid_argument(std::string("heat flow: ") + what +
                                " must be positive and finite, got " + std::to_string(value));
  }
  return value;
}

double checked_exponent(double exponent, const char* what) {
  if (!(exponent >= 1.0) || !std::isfinite(exponent)) {
    throw std::invalid_argument(std::string("heat flow: ") + what +
                                " must be >= 1 and finite, got " + std::to_string(exponent));
  }
  return exponent;
}

}  // namespace

// ---- Electron-phonon -----------------------------------------------------------------------

ElectronPhononCoupling::ElectronPhononCoupling(double coupling_constant_W_per_m3_K_m,
                                               double temperature_exponent_m)
    : sigma_(checked_parameter(coupling_constant_W_per_m3_K_m, "electron-phonon Sigma")),
      exponent_(checked_exponent(temperature_exponent_m, "electron-phonon exponent m")),
      power_(exponent_),
      slope_power_(exponent_ - 1.0) {}

ElectronPhononCoupling::ElectronPhononCoupling(
    Time electron_phonon_time_at_reference, Temperature reference_temperature,
    double inverse_time_exponent_p, VolumetricHeatCapacity electron_heat_capacity_at_reference)
    : ElectronPhononCoupling(
          1.0, checked_exponent(inverse_time_exponent_p + 2.0, "tau_eph exponent p + 2")) {
  const double tau_s = checked_parameter(electron_phonon_time_at_reference.value(), "tau_eph(T0)");
  const double reference_K = checked_parameter(reference_temperature.value(), "T0");
  const double heat_capacity =
      checked_parameter(electron_heat_capacity_at_reference.value(), "C_e(T0)");
  sigma_ = checked_parameter(
      heat_capacity / (exponent_ * std::pow(reference_K, exponent_ - 1.0) * tau_s),
      "electron-phonon Sigma from tau_eph");
}

ElectronPhononCoupling ElectronPhononCoupling::from_coupling_constant(
    double coupling_constant_W_per_m3_K_m, double temperature_exponent_m) {
  return ElectronPhononCoupling(coupling_constant_W_per_m3_K_m, temperature_exponent_m);
}

double ElectronPhononCoupling::power_W_per_m3(double electron_temperature_K,
                                              double phonon_temperature_K) const {
  const double electron_K = checked_temperature(electron_temperature_K, "electron temperature");
  const double phonon_K = checked_temperature(phonon_temperature_K, "phonon temperature");
  return sigma_ * (power_(electron_K) - power_(phonon_K));
}

double ElectronPhononCoupling::power_slope_electron_W_per_m3_K(
    double electron_temperature_K) const {
  const double electron_K = checked_temperature(electron_temperature_K, "electron temperature");
  return exponent_ * sigma_ * slope_power_(electron_K);
}

double ElectronPhononCoupling::power_slope_phonon_W_per_m3_K(double phonon_temperature_K) const {
  const double phonon_K = checked_temperature(phonon_temperature_K, "phonon temperature");
  return -exponent_ * sigma_ * slope_power_(phonon_K);
}

PowerDensity ElectronPhononCoupling::power(Temperature electron_temperature,
                                           Temperature phonon_temperature) const {
  return from_si<PowerDensity>(
      power_W_per_m3(electron_temperature.value(), phonon_temperature.value()));
}

PowerDensityPerKelvin ElectronPhononCoupling::power_slope_electron(
    Temperature electron_temperature) const {
  return from_si<PowerDensityPerKelvin>(
      power_slope_electron_W_per_m3_K(electron_temperature.value()));
}

PowerDensityPerKelvin ElectronPhononCoupling::power_slope_phonon(
    Temperature phonon_temperature) const {
  return from_si<PowerDensityPerKelvin>(power_slope_phonon_W_per_m3_K(phonon_temperature.value()));
}

Time ElectronPhononCoupling::electron_phonon_time(
    Temperature temperature, VolumetricHeatCapacity electron_heat_capacity) const {
  const double temperature_K = checked_positive_temperature(temperature.value(), "temperature");
  return from_si<Time>(electron_heat_capacity.value() /
                       power_slope_electron_W_per_m3_K(temperature_K));
}

// ---- Fixed-time escape ---------------------------------------------------------------------

FixedTimePhononEscape::FixedTimePhononEscape(Time escape_time)
    : escape_time_s_(checked_parameter(escape_time.value(), "phonon escape time")) {}

Time FixedTimePhononEscape::escape_time() const {
  return from_si<Time>(escape_time_s_);
}

double FixedTimePhononEscape::power_W_per_m3(double phonon_temperature_K, double bath_temperature_K,
                                             double phonon_heat_capacity_J_per_m3_K) const {
  const double phonon_K = checked_temperature(phonon_temperature_K, "phonon temperature");
  const double bath_K = checked_temperature(bath_temperature_K, "bath temperature");
  return phonon_heat_capacity_J_per_m3_K * (phonon_K - bath_K) / escape_time_s_;
}

double FixedTimePhononEscape::power_slope_W_per_m3_K(
    double phonon_temperature_K, double bath_temperature_K, double phonon_heat_capacity_J_per_m3_K,
    double phonon_heat_capacity_slope_J_per_m3_K2) const {
  const double phonon_K = checked_temperature(phonon_temperature_K, "phonon temperature");
  const double bath_K = checked_temperature(bath_temperature_K, "bath temperature");
  return (phonon_heat_capacity_J_per_m3_K +
          phonon_heat_capacity_slope_J_per_m3_K2 * (phonon_K - bath_K)) /
         escape_time_s_;
}

PowerDensity FixedTimePhononEscape::power(Temperature phonon_temperature,
                                          Temperature bath_temperature,
                                          VolumetricHeatCapacity phonon_heat_capacity) const {
  return from_si<PowerDensity>(power_W_per_m3(phonon_temperature.value(), bath_temperature.value(),
                                              phonon_heat_capacity.value()));
}

PowerDensityPerKelvin FixedTimePhononEscape::power_slope(
    Temperature phonon_temperature, Temperature bath_temperature,
    VolumetricHeatCapacity phonon_heat_capacity,
    HeatCapacitySlope phonon_heat_capacity_slope) const {
  return from_si<PowerDensityPerKelvin>(
      power_slope_W_per_m3_K(phonon_temperature.value(), bath_temperature.value(),
                             phonon_heat_capacity.value(), phonon_heat_capacity_slope.value()));
}

// ---- Boundary-law escape -------------------------------------------------------------------

BoundaryLawPhononEscape::BoundaryLawPhononEscape(double sigma_b_W_per_m2_K_q,
                                                 double boundary_exponent_q,
                                                 double film_thickness_m)
    : sigma_b_(checked_parameter(sigma_b_W_per_m2_K_q, "boundary coefficient sigma_b")),
      exponent_(checked_exponent(boundary_exponent_q, "boundary exponent q")),
      film_thickness_m_(checked_parameter(film_thickness_m, "film thickness")),
      power_(exponent_),
      slope_power_(exponent_ - 1.0) {}

BoundaryLawPhononEscape::BoundaryLawPhononEscape(BoundaryConductance conductance_at_reference,
                                                 Temperature reference_temperature,
                                                 double boundary_exponent_q, Length film_thickness)
    : BoundaryLawPhononEscape(1.0, boundary_exponent_q, film_thickness.value()) {
  const double conductance =
      checked_parameter(conductance_at_reference.value(), "boundary conductance alpha(T_ref)");
  const double reference_K = checked_parameter(reference_temperature.value(), "T_ref");
  sigma_b_ = checked_parameter(conductance / (exponent_ * std::pow(reference_K, exponent_ - 1.0)),
                               "boundary coefficient sigma_b from alpha(T_ref)");
}

BoundaryLawPhononEscape BoundaryLawPhononEscape::acoustic_mismatch(
    AcousticMismatchCoefficient sigma_b, Length film_thickness) {
  return BoundaryLawPhononEscape(sigma_b.value(), 4.0, film_thickness.value());
}

Length BoundaryLawPhononEscape::film_thickness() const {
  return from_si<Length>(film_thickness_m_);
}

BoundaryConductance BoundaryLawPhononEscape::boundary_conductance(Temperature temperature) const {
  const double temperature_K = checked_temperature(temperature.value(), "temperature");
  return from_si<BoundaryConductance>(exponent_ * sigma_b_ * slope_power_(temperature_K));
}

double BoundaryLawPhononEscape::power_W_per_m3(double phonon_temperature_K,
                                               double bath_temperature_K) const {
  const double phonon_K = checked_temperature(phonon_temperature_K, "phonon temperature");
  const double bath_K = checked_temperature(bath_temperature_K, "bath temperature");
  return sigma_b_ / film_thickness_m_ * (power_(phonon_K) - power_(bath_K));
}

double BoundaryLawPhononEscape::power_slope_W_per_m3_K(double phonon_temperature_K) const {
  const double phonon_K = checked_temperature(phonon_temperature_K, "phonon temperature");
  return exponent_ * sigma_b_ / film_thickness_m_ * slope_power_(phonon_K);
}

PowerDensity BoundaryLawPhononEscape::power(Temperature phonon_temperature,
                                            Temperature bath_temperature) const {
  return from_si<PowerDensity>(
      power_W_per_m3(phonon_temperature.value(), bath_temperature.value()));
}

PowerDensityPerKelvin BoundaryLawPhononEscape::power_slope(Temperature phonon_temperature) const {
  return from_si<PowerDensityPerKelvin>(power_slope_W_per_m3_K(phonon_temperature.value()));
}

Time BoundaryLawPhononEscape::effective_escape_time(
    Temperature phonon_temperature, VolumetricHeatCapacity phonon_heat_capacity) const {
  const double phonon_K =
      checked_positive_temperature(phonon_temperature.value(), "phonon temperature");
  return from_si<Time>(phonon_heat_capacity.value() / power_slope_W_per_m3_K(phonon_K));
}

// ---- Thermal conductivity ------------------------------------------------------------------

FilmThermalConductivity::FilmThermalConductivity(Resistivity normal_resistivity,
                                                 Temperature critical_temperature,
                                                 LorenzNumber lorenz_number)
    : lorenz_over_resistivity_(checked_parameter(lorenz_number.value(), "Lorenz number") /
                               checked_parameter(normal_resistivity.value(), "resistivity rho_n")),
      critical_K_(checked_parameter(critical_temperature.value(), "critical temperature")) {}

double FilmThermalConductivity::normal_state_W_per_m_K(double temperature_K) const {
  return lorenz_over_resistivity_ * checked_temperature(temperature_K, "temperature");
}

double FilmThermalConductivity::superconducting_state_W_per_m_K(double temperature_K) const {
  return normal_state_W_per_m_K(temperature_K) * temperature_K / critical_K_;
}

double FilmThermalConductivity::conductivity_W_per_m_K(double temperature_K) const {
  return temperature_K >= critical_K_ ? normal_state_W_per_m_K(temperature_K)
                                      : superconducting_state_W_per_m_K(temperature_K);
}

double FilmThermalConductivity::conductivity_slope_W_per_m_K2(double temperature_K) const {
  const double T = checked_temperature(temperature_K, "temperature");
  return T >= critical_K_ ? lorenz_over_resistivity_
                          : 2.0 * lorenz_over_resistivity_ * T / critical_K_;
}

ThermalConductivity FilmThermalConductivity::normal_state(Temperature temperature) const {
  return from_si<ThermalConductivity>(normal_state_W_per_m_K(temperature.value()));
}

ThermalConductivity FilmThermalConductivity::superconducting_state(Temperature temperature) const {
  return from_si<ThermalConductivity>(superconducting_state_W_per_m_K(temperature.value()));
}

ThermalConductivity FilmThermalConductivity::conductivity(Temperature temperature) const {
  return from_si<ThermalConductivity>(conductivity_W_per_m_K(temperature.value()));
}

}  // namespace filmtherm
