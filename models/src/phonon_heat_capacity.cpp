#include "filmtherm/phonon_heat_capacity.h"

#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>
#include <stdexcept>
#include <string>

#include "filmtherm/bose_integrals.h"
#include "filmtherm/constants.h"
#include "filmtherm/integer_power.h"

namespace filmtherm {

namespace {
constexpr double pi = std::numbers::pi;
constexpr double k_B = si_constants::boltzmann_J_per_K;
constexpr double hbar_over_kB = si_constants::hbar_over_kB_K_s;

[[noreturn, gnu::cold, gnu::noinline]] void throw_invalid_temperature(double temperature_K) {
  std::ostringstream message;
  message << "phonon heat capacity: temperature must be >= 0 K and finite (got " << temperature_K
          << " K)";
  throw std::domain_error(message.str());
}

// Inline in the hot path; the message is built out of line.
inline void require_valid_temperature(double temperature_K) {
  if (!(temperature_K >= 0.0) || !std::isfinite(temperature_K)) [[unlikely]] {
    throw_invalid_temperature(temperature_K);
  }
}

double require_positive_finite(double value, const char* model, const char* what,
                               const char* unit) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    std::ostringstream message;
    message << model << ": " << what << " must be positive and finite (got " << value << ' ' << unit
            << ')';
    throw std::invalid_argument(message.str());
  }
  return value;
}

void require_valid_branches(const AcousticBranches& branches, const char* model) {
  require_positive_finite(branches.longitudinal.value(), model, "longitudinal sound velocity",
                          "m/s");
  require_positive_finite(branches.transverse.value(), model, "transverse sound velocity", "m/s");
}

// Merges identical branches (always T, T; all three when v_L = v_T) so that the inner
// loop evaluates the Bose integrals once per distinct branch.
detail::PhononBranchSet make_branch_set(const PhononSpectrum& spectrum) {
  detail::PhononBranchSet set;
  set.film = spectrum.is_film();
  std::array<double, 2> velocity{};
  for (std::size_t b = 0; b < acoustic_branch_count; ++b) {
    const double v = spectrum.sound_velocity(b).value();
    const double crossover_K = hbar_over_kB * spectrum.crossover_frequency(b).value();
    const double cutoff_K = hbar_over_kB * spectrum.cutoff_frequency(b).value();
    const double unit_prefactor = k_B / (2.0 * pi * pi) * std::pow(1.0 / (hbar_over_kB * v), 3);
    std::size_t i = 0;
    while (i < set.count && !(velocity[i] == v && set.terms[i].cutoff_temperature_K == cutoff_K &&
                              set.terms[i].crossover_temperature_K == crossover_K)) {
      ++i;
    }
    if (i == set.count) {
      velocity[i] = v;
      set.terms[i] = {0.0, crossover_K, cutoff_K};
      ++set.count;
    }
    set.terms[i].prefactor_J_per_m3_K4 += unit_prefactor;
  }
  return set;
}

// n(x) = 1/(e^x - 1), set to zero from x = 80 on: there x^6 n(x) < 5e-24 while the terms
// it joins are at least ~I_5(inf)/x (F >= 5 J_4(x_x)/x_x with x_x < x_D, or I_4(x_D), or
// I_5(x_D)/x_x), so the relative change is below 1e-20; skipping the exponential saves time.
constexpr double negligible_occupation_x = 80.0;
// From x = 1 on, 1 - e^-x >= 0.63 does not cancel, so e^-x/(1 - e^-x) is as accurate as
// 1/expm1(x) (a few ulps) at half the cost of glibc's expm1.
constexpr double occupation_from_exp_x = 1.0;

// x^p n(x) and x^(p+1) n (1 + n) = x^(p+1) e^x/(e^x - 1)^2 from one exponential.
struct OccupationTerms {
  double power_times_occupation = 0.0;
  double power_times_kernel = 0.0;
};
template <int p>
OccupationTerms occupation_terms(double x) {
  if (!(x < negligible_occupation_x)) return {};
  double n = 0.0;
  if (x < occupation_from_exp_x) {
    n = 1.0 / std::expm1(x);
  } else {
    const double e_minus_x = std::exp(-x);
    n = e_minus_x / (1.0 - e_minus_x);
  }
  double x_power = 1.0;
  for (int i = 0; i < p; ++i) x_power *= x;
  const double power_times_occupation = x_power * n;
  return {power_times_occupation, power_times_occupation * x * (1.0 + n)};
}

// Which outputs a caller wants: the typed single-output calls skip the terms only the
// others need (C needs no x_x^4 n(x_x), U no occupation at all). C is computed by the same
// operations whatever else is asked for, so heat_capacity(T) == evaluate_si(T).C exactly.
enum Need : unsigned { need_heat_capacity = 1, need_slope = 2, need_energy = 4, need_all = 7 };

// docs/physics.md section 1, per branch: C_i = p T^3 F, U_i = p T^4 G with
//   film, x_x < x_D: F = I_5(x_x)/x_x + I_4(x_D) - I_4(x_x), G = J_4(x_x)/x_x + J_3(x_D) - J_3(x_x)
//   film, x_x >= x_D: F = I_5(x_D)/x_x, G = J_4(x_D)/x_x
//   bulk (Eq. 7):     F = I_4(x_D), G = J_3(x_D)
// and dC_i/dT = p T^2 (3 F + T dF/dT). Since dx/dT = -x/T and I_n'(x) = K_n(x) =
// x^n e^x/(e^x-1)^2, the x_x-derivatives of I_5(x_x)/x_x and -I_4(x_x) cancel except for
// -I_5/x_x^2 (the VDOS is continuous at w_x), leaving
//   T dF/dT = I_5(x_x)/x_x - K_5(x_D),  (I_5(x_D) - K_6(x_D))/x_x,  -K_5(x_D).
// With I_n(x) = n J_{n-1}(x) - x^n n(x) the x_x^4 n(x_x) terms of F cancel too, so one
// branch costs one J pair, one J and two exponentials for C, dC/dT and U together:
//   F = 5 J_4(x_x)/x_x + 4 (J_3(x_D) - J_3(x_x)) - x_D^4 n(x_D),
//   T dF/dT = 5 J_4(x_x)/x_x - x_x^4 n(x_x) - K_5(x_D).
template <unsigned need>
PhononThermalState evaluate_branches(const detail::PhononBranchSet& set, double temperature_K) {
  constexpr bool want_F = (need & (need_heat_capacity | need_slope)) != 0;
  constexpr bool want_slope = (need & need_slope) != 0;
  constexpr bool want_G = (need & need_energy) != 0;
  require_valid_temperature(temperature_K);
  PhononThermalState state;
  if (temperature_K == 0.0) return state;
  const double T = temperature_K;
  for (std::size_t i = 0; i < set.count; ++i) {
    const detail::PhononBranchTerms& terms = set.terms[i];
    const double x_D = terms.cutoff_temperature_K / T;
    double F = 0.0;
    double T_dF_dT = 0.0;
    double G = 0.0;
    if (!set.film) {
      G = detail::bose_energy_integral_unchecked<3>(x_D);
      if constexpr (want_F) {
        const OccupationTerms cutoff = occupation_terms<4>(x_D);
        F = 4.0 * G - cutoff.power_times_occupation;
        T_dF_dT = -cutoff.power_times_kernel;
      }
    } else {
      const double x_x = terms.crossover_temperature_K / T;
      if (!std::isfinite(x_x)) continue;  // T so small that C ~ T^4 underflows
      // T/T_x rather than 1/x_x: the two divisions then run in parallel.
      const double inverse_x_x = T / terms.crossover_temperature_K;
      if (x_x < x_D) {
        const BoseEnergyPair J = detail::bose_energy_integral_pair_unchecked<3>(x_x);
        const double J4_over_x_x = J.upper * inverse_x_x;
        const double J3_difference = detail::bose_energy_integral_unchecked<3>(x_D) - J.lower;
        if constexpr (want_F) {
          const OccupationTerms cutoff = occupation_terms<4>(x_D);
          F = 5.0 * J4_over_x_x + 4.0 * J3_difference - cutoff.power_times_occupation;
          if constexpr (want_slope) {
            T_dF_dT = 5.0 * J4_over_x_x - occupation_terms<4>(x_x).power_times_occupation -
                      cutoff.power_times_kernel;
          }
        }
        G = J4_over_x_x + J3_difference;
      } else {
        const double J4 = detail::bose_energy_integral_unchecked<4>(x_D);
        if constexpr (want_F) {
          const OccupationTerms cutoff = occupation_terms<5>(x_D);
          const double I5 = 5.0 * J4 - cutoff.power_times_occupation;
          F = I5 * inverse_x_x;
          T_dF_dT = (I5 - cutoff.power_times_kernel) * inverse_x_x;
        }
        G = J4 * inverse_x_x;
      }
    }
    const double pT2 = terms.prefactor_J_per_m3_K4 * T * T;
    if constexpr ((need & need_heat_capacity) != 0) state.heat_capacity_J_per_m3_K += pT2 * T * F;
    if constexpr (want_slope) state.heat_capacity_slope_J_per_m3_K2 += pT2 * (3.0 * F + T_dF_dT);
    if constexpr (want_G) state.thermal_energy_J_per_m3 += pT2 * T * T * G;
  }
  return state;
}

// A pure power law C = a T^n: dC/dT = n C/T, U = C T/(n + 1).
PhononThermalState power_law_state(double coefficient, int exponent, double temperature_K) {
  require_valid_temperature(temperature_K);
  PhononThermalState state;
  const double T = temperature_K;
  state.heat_capacity_slope_J_per_m3_K2 =
      exponent * coefficient * small_integer_power(T, exponent - 1);
  state.heat_capacity_J_per_m3_K = state.heat_capacity_slope_J_per_m3_K2 * T / exponent;
  state.thermal_energy_J_per_m3 = state.heat_capacity_J_per_m3_K * T / (exponent + 1);
  return state;
}

double sum_inverse_velocity_power(const AcousticBranches& branches, int power) {
  return 1.0 / std::pow(branches.longitudinal.value(), power) +
         2.0 / std::pow(branches.transverse.value(), power);
}

VolumetricHeatCapacity typed_heat_capacity(const PhononThermalState& state) {
  return from_si<VolumetricHeatCapacity>(state.heat_capacity_J_per_m3_K);
}
HeatCapacitySlope typed_slope(const PhononThermalState& state) {
  return from_si<HeatCapacitySlope>(state.heat_capacity_slope_J_per_m3_K2);
}
EnergyDensity typed_energy(const PhononThermalState& state) {
  return from_si<EnergyDensity>(state.thermal_energy_J_per_m3);
}

PhononParameters validated_film(const PhononParameters& parameters, const char* model) {
  require_valid_branches(parameters.branches, model);
  require_positive_finite(parameters.film_thickness.value(), model, "film thickness", "m");
  return parameters;
}

PhononParameters validated_bulk(const PhononParameters& parameters, const char* model) {
  require_valid_branches(parameters.branches, model);
  return parameters;
}
}  // namespace

ConfinedFilmPhonons::ConfinedFilmPhonons(const PhononParameters& parameters)
    : parameters_(validated_film(parameters, "ConfinedFilmPhonons")),
      spectrum_(PhononSpectrum::film(parameters_)),
      branches_(make_branch_set(spectrum_)) {}

VolumetricHeatCapacity ConfinedFilmPhonons::heat_capacity(Temperature temperature) const {
  return typed_heat_capacity(evaluate_branches<need_heat_capacity>(branches_, temperature.value()));
}
HeatCapacitySlope ConfinedFilmPhonons::heat_capacity_slope(Temperature temperature) const {
  return typed_slope(evaluate_branches<need_slope>(branches_, temperature.value()));
}
EnergyDensity ConfinedFilmPhonons::thermal_energy(Temperature temperature) const {
  return typed_energy(evaluate_branches<need_energy>(branches_, temperature.value()));
}
PhononThermalState ConfinedFilmPhonons::evaluate_si(double temperature_K) const {
  return evaluate_branches<need_all>(branches_, temperature_K);
}

DebyePhonons::DebyePhonons(const PhononParameters& parameters)
    : parameters_(validated_bulk(parameters, "DebyePhonons")),
      spectrum_(PhononSpectrum::bulk(parameters_.branches, parameters_.cutoff)),
      branches_(make_branch_set(spectrum_)) {}

VolumetricHeatCapacity DebyePhonons::heat_capacity(Temperature temperature) const {
  return typed_heat_capacity(evaluate_branches<need_heat_capacity>(branches_, temperature.value()));
}
HeatCapacitySlope DebyePhonons::heat_capacity_slope(Temperature temperature) const {
  return typed_slope(evaluate_branches<need_slope>(branches_, temperature.value()));
}
EnergyDensity DebyePhonons::thermal_energy(Temperature temperature) const {
  return typed_energy(evaluate_branches<need_energy>(branches_, temperature.value()));
}
PhononThermalState DebyePhonons::evaluate_si(double temperature_K) const {
  return evaluate_branches<need_all>(branches_, temperature_K);
}

// Eq. 20 per branch: the complete integral I_5(inf) = 5! zeta(5) over x_x = T_x,i/T.
FilmLowTemperaturePhonons::FilmLowTemperaturePhonons(const PhononParameters& parameters)
    : parameters_(validated_film(parameters, "FilmLowTemperaturePhonons")),
      coefficient_J_per_m3_K5_(bose_heat_integral_complete(5) / (4.0 * pi * pi * pi) *
                               parameters_.film_thickness.value() * k_B *
                               std::pow(1.0 / hbar_over_kB, 4) *
                               sum_inverse_velocity_power(parameters_.branches, 4)) {}

VolumetricHeatCapacity FilmLowTemperaturePhonons::heat_capacity(Temperature temperature) const {
  return typed_heat_capacity(evaluate_si(temperature.value()));
}
HeatCapacitySlope FilmLowTemperaturePhonons::heat_capacity_slope(Temperature temperature) const {
  return typed_slope(evaluate_si(temperature.value()));
}
EnergyDensity FilmLowTemperaturePhonons::thermal_energy(Temperature temperature) const {
  return typed_energy(evaluate_si(temperature.value()));
}
PhononThermalState FilmLowTemperaturePhonons::evaluate_si(double temperature_K) const {
  return power_law_state(coefficient_J_per_m3_K5_, 4, temperature_K);
}

// Eq. 9 with (1/3) sum_i 1/v_i^3 = 1/v_D^3.
DebyeLowTemperaturePhonons::DebyeLowTemperaturePhonons(const PhononParameters& parameters)
    : parameters_(validated_bulk(parameters, "DebyeLowTemperaturePhonons")),
      coefficient_J_per_m3_K4_(2.0 / 5.0 * pi * pi * k_B * std::pow(1.0 / hbar_over_kB, 3) *
                               sum_inverse_velocity_power(parameters_.branches, 3) / 3.0) {}

VolumetricHeatCapacity DebyeLowTemperaturePhonons::heat_capacity(Temperature temperature) const {
  return typed_heat_capacity(evaluate_si(temperature.value()));
}
HeatCapacitySlope DebyeLowTemperaturePhonons::heat_capacity_slope(Temperature temperature) const {
  return typed_slope(evaluate_si(temperature.value()));
}
EnergyDensity DebyeLowTemperaturePhonons::thermal_energy(Temperature temperature) const {
  return typed_energy(evaluate_si(temperature.value()));
}
PhononThermalState DebyeLowTemperaturePhonons::evaluate_si(double temperature_K) const {
  return power_law_state(coefficient_J_per_m3_K4_, 3, temperature_K);
}

// docs/physics.md section 1: Eq. 21 divided by Eq. 9, keeping the -(15/(4 pi^4)) I_4(x_x)
// term that the printed Eq. 22 drops; x_x = 2 pi hbar v/(d k_B T) (the printed x_x lacks hbar).
Dimensionless corrected_eq22_heat_capacity_ratio(Temperature temperature,
                                                 const AcousticBranches& branches,
                                                 Length film_thickness) {
  constexpr const char* model = "corrected Eq. 22 ratio";
  require_valid_branches(branches, model);
  const double d = require_positive_finite(film_thickness.value(), model, "film thickness", "m");
  const double T = temperature.value();
  if (!(T > 0.0) || !std::isfinite(T)) {
    std::ostringstream message;
    message << model << ": temperature must be positive and finite (got " << T << " K)";
    throw std::domain_error(message.str());
  }
  double weighted_ratio = 0.0;
  double weight_sum = 0.0;
  for (const Velocity& velocity : branch_velocities(branches)) {
    const double v = velocity.value();
    const double thermal_wavenumber = T / (hbar_over_kB * v);  // k_B T/(hbar v)
    const double x_x = 2.0 * pi / (d * thermal_wavenumber);
    // The 1 is (15/(4 pi^4)) I_4(inf); grouping it with -I_4(x_x) avoids 1 - 1 at low T.
    const double ratio =
        15.0 * d / (8.0 * std::pow(pi, 5)) * thermal_wavenumber * bose_heat_integral(5, x_x) +
        15.0 / (4.0 * std::pow(pi, 4)) *
            (bose_heat_integral_complete(4) - bose_heat_integral(4, x_x));
    const double weight = 1.0 / (v * v * v);
    weighted_ratio += weight * ratio;
    weight_sum += weight;
  }
  return from_si<Dimensionless>(weighted_ratio / weight_sum);
}

double heat_capacity_log_slope(const PhononThermalState& state, double temperature_K) {
  if (!(state.heat_capacity_J_per_m3_K > 0.0) || !(temperature_K > 0.0) ||
      !std::isfinite(temperature_K)) {
    std::ostringstream message;
    message << "heat capacity log-slope: needs T > 0 and C > 0 (got T = " << temperature_K
            << " K, C = " << state.heat_capacity_J_per_m3_K << " J m^-3 K^-1)";
    throw std::domain_error(message.str());
  }
  return temperature_K * state.heat_capacity_slope_J_per_m3_K2 / state.heat_capacity_J_per_m3_K;
}

}  // namespace filmtherm
