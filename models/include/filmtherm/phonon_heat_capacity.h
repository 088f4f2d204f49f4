// Phonon heat capacity per unit volume of a confined thin film and of bulk (docs/physics.md
// section 1, paper Eqs. 7, 9, 20-22). Four models with one shape (the
// PhononHeatCapacityModel concept): ConfinedFilmPhonons (the full film law: w^3 VDOS
// below the crossover w_x = 2 pi v_i/d, w^2 above, Debye cutoff, per-branch velocities),
// DebyePhonons (bulk with a finite cutoff), FilmLowTemperaturePhonons (the T^4 law,
// Eq. 20) and DebyeLowTemperaturePhonons (the T^3 law, Eq. 9). Each gives the heat
// capacity C(T), its analytic slope dC/dT (for Jacobians) and the thermal energy
// U(T) = integral_0^T C dT', as typed quantities and, for solver inner loops, as SI
// doubles from one allocation-free call (evaluate_si). All are closed forms through the
// Bose integrals I_n and J_m of bose_integrals.h, never quadrature. Also: the corrected
// Eq. 22 ratio C_film/C_Debye and the log-slope d ln C/d ln T.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>

#include "filmtherm/phonon_spectrum.h"
#include "filmtherm/units.h"

namespace filmtherm {

/// C, dC/dT and U at one temperature, SI doubles, for solver inner loops.
struct PhononThermalState {
  double heat_capacity_J_per_m3_K = 0.0;
  double heat_capacity_slope_J_per_m3_K2 = 0.0;
  double thermal_energy_J_per_m3 = 0.0;
};

/// The shape every phonon heat-capacity model has. Temperatures must be >= 0 and finite
/// (std::domain_error otherwise); T = 0 gives zero C, dC/dT and U.
template <class Model>
concept PhononHeatCapacityModel = requires(const Model& model, Temperature temperature,
                                           double temperature_K) {
  { model.heat_capacity(temperature) } -> std::same_as<VolumetricHeatCapacity>;
  { model.heat_capacity_slope(temperature) } -> std::same_as<HeatCapacitySlope>;
  { model.thermal_energy(temperature) } -> std::same_as<EnergyDensity>;
  { model.evaluate_si(temperature_K) } -> std::same_as<PhononThermalState>;
};

namespace detail {
/// One distinct acoustic branch (or the two identical transverse ones, or all three when
/// v_L = v_T) with its temperature scales; C_i = prefactor T^3 F(T).
struct PhononBranchTerms {
  /// multiplicity * k_B/(2 pi^2) (k_B/(hbar v_i))^3 [J m^-3 K^-4]
  double prefactor_J_per_m3_K4 = 0.0;
  /// hbar w_x,i / k_B [K]; 0 for bulk
  double crossover_temperature_K = 0.0;
  /// hbar w_D,i / k_B [K]; +infinity without a cutoff
  double cutoff_temperature_K = 0.0;
};

struct PhononBranchSet {
  std::array<PhononBranchTerms, 2> terms{};
  std::size_t count = 0;
  bool film = false;
};
}  // namespace detail

/// The full confined-film law (docs/physics.md section 1): per branch
///   C_i = (k_B/(2 pi^2)) (k_B T/(hbar v_i))^3 [I_5(min(x_x,x_D))/x_x + max(0, I_4(x_D) -
///   I_4(x_x))]
/// with x_x = hbar w_x,i/(k_B T), x_D = hbar w_D,i/(k_B T). Reads all of PhononParameters;
/// the film thickness must be finite (use DebyePhonons for bulk). Goes to Eq. 20 well
/// below T_x, to DebyePhonons as d -> infinity, and to k_B per mode at T >> Theta.
class ConfinedFilmPhonons {
 public:
  /// Throws std::invalid_argument for non-positive or non-finite velocities or thickness.
  explicit ConfinedFilmPhonons(const PhononParameters& parameters);

  VolumetricHeatCapacity heat_capacity(Temperature temperature) const;
  HeatCapacitySlope heat_capacity_slope(Temperature temperature) const;
  EnergyDensity thermal_energy(Temperature temperature) const;
  /// C, dC/dT, U at temperature_K; no allocation, per-branch constants precomputed.
  PhononThermalState evaluate_si(double temperature_K) const;

  const PhononParameters& parameters() const { return parameters_; }
  const PhononSpectrum& spectrum() const { return spectrum_; }

 private:
  PhononParameters parameters_;
  PhononSpectrum spectrum_;
  detail::PhononBranchSet branches_;
};

/// Bulk Debye law with a cutoff (Eq. 7, per branch): C_i = (k_B/(2 pi^2))
/// (k_B T/(hbar v_i))^3 I_4(x_D,i). Reads branches and cutoff; ignores film_thickness and
/// conserve_mode_count. PhononCutoff::none() gives the T^3 law at every T.
class DebyePhonons {
 public:
  /// Throws std::invalid_argument for non-positive or non-finite velocities.
  explicit DebyePhonons(const PhononParameters& parameters);

  VolumetricHeatCapacity heat_capacity(Temperature temperature) const;
  HeatCapacitySlope heat_capacity_slope(Temperature temperature) const;
  EnergyDensity thermal_energy(Temperature temperature) const;
  PhononThermalState evaluate_si(double temperature_K) const;

  const PhononParameters& parameters() const { return parameters_; }
  const PhononSpectrum& spectrum() const { return spectrum_; }

 private:
  PhononParameters parameters_;
  PhononSpectrum spectrum_;
  detail::PhononBranchSet branches_;
};

/// The film's low-temperature T^4 law (Eq. 20) with the film-law velocity average
/// 3/v_f^4 = 1/v_L^4 + 2/v_T^4: C = 120 zeta(5) (3/(4 pi^3)) (d/v_f^4) k_B (k_B T/hbar)^4.
/// Valid for T << T_x. Reads branches and film_thickness; ignores cutoff and
/// conserve_mode_count.
class FilmLowTemperaturePhonons {
 public:
  /// Throws std::invalid_argument for non-positive or non-finite velocities or thickness.
  explicit FilmLowTemperaturePhonons(const PhononParameters& parameters);

  VolumetricHeatCapacity heat_capacity(Temperature temperature) const;
  HeatCapacitySlope heat_capacity_slope(Temperature temperature) const;
  EnergyDensity thermal_energy(Temperature temperature) const;
  PhononThermalState evaluate_si(double temperature_K) const;

  const PhononParameters& parameters() const { return parameters_; }

 private:
  PhononParameters parameters_;
  double coefficient_J_per_m3_K5_ = 0.0;  // C = coefficient T^4
};

/// Debye's low-temperature T^3 law (Eq. 9) with the Debye velocity average
/// 3/v_D^3 = 1/v_L^3 + 2/v_T^3: C = (2/5) pi^2 k_B (k_B T/(hbar v_D))^3. Valid for
/// T << Theta and thick films. Reads branches only.
class DebyeLowTemperaturePhonons {
 public:
  /// Throws std::invalid_argument for non-positive or non-finite velocities.
  explicit DebyeLowTemperaturePhonons(const PhononParameters& parameters);

  VolumetricHeatCapacity heat_capacity(Temperature temperature) const;
  HeatCapacitySlope heat_capacity_slope(Temperature temperature) const;
  EnergyDensity thermal_energy(Temperature temperature) const;
  PhononThermalState evaluate_si(double temperature_K) const;

  const PhononParameters& parameters() const { return parameters_; }

 private:
  PhononParameters parameters_;
  double coefficient_J_per_m3_K4_ = 0.0;  // C = coefficient T^3
};

static_assert(PhononHeatCapacityModel<ConfinedFilmPhonons>);
static_assert(PhononHeatCapacityModel<DebyePhonons>);
static_assert(PhononHeatCapacityModel<FilmLowTemperaturePhonons>);
static_assert(PhononHeatCapacityModel<DebyeLowTemperaturePhonons>);

/// C_film/C_Debye for a film without cutoff against Debye's T^3 law (Eq. 9), per branch
/// and weighted by 1/v_i^3; for one velocity v it is Eq. 22 with the term the paper drops:
///   1 + (15 d/(8 pi^5)) (k_B T/(hbar v)) I_5(x_x) - (15/(4 pi^4)) I_4(x_x),
/// x_x = 2 pi hbar v/(d k_B T). Goes to 1 as d -> infinity and to Eq. 20 / Eq. 9 well
/// below T_x (the printed Eq. 22 does not). Throws std::invalid_argument for invalid
/// velocities or thickness, std::domain_error unless T > 0 and finite.
Dimensionless corrected_eq22_heat_capacity_ratio(Temperature temperature,
                                                 const AcousticBranches& branches,
                                                 Length film_thickness);

/// d ln C/d ln T = T (dC/dT)/C from one evaluation: 4 in the film's T^4 regime, 3 in
/// Debye's, 0 at T >> Theta. Throws std::domain_error unless C > 0 (T > 0).
double heat_capacity_log_slope(const PhononThermalState& state, double temperature_K);

/// d ln C/d ln T of any phonon model at a temperature T > 0.
template <PhononHeatCapacityModel Model>
Dimensionless heat_capacity_log_slope(const Model& model, Temperature temperature) {
  return from_si<Dimensionless>(
      heat_capacity_log_slope(model.evaluate_si(temperature.value()), temperature.value()));
}

}  // namespace filmtherm
