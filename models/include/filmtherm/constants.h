// Physical constants: the CODATA 2018 exact values (SI 2019 redefinition) and
// the few derived constants filmtherm uses, as SI doubles for inner loops
// (namespace si_constants) and as Boost.Units quantities for typed APIs.
#pragma once

#include <numbers>

#include "filmtherm/units.h"

namespace filmtherm {

namespace si_constants {
/// Boltzmann constant [J/K], exact.
inline constexpr double boltzmann_J_per_K = 1.380649e-23;
/// Planck constant h [J s], exact.
inline constexpr double planck_J_s = 6.62607015e-34;
/// Reduced Planck constant hbar = h / (2 pi) [J s]; CODATA 2018 quotes
/// 1.054571817...e-34.
inline constexpr double reduced_planck_J_s = planck_J_s / (2.0 * std::numbers::pi);
/// Elementary charge [C], exact.
inline constexpr double elementary_charge_C = 1.602176634e-19;
/// Speed of light in vacuum [m/s], exact.
inline constexpr double speed_of_light_m_per_s = 299792458.0;
/// Sommerfeld value of the Lorenz number pi^2 k_B^2 / (3 e^2) [W Ohm K^-2];
/// docs/physics.md section 7 discusses the 2.45e-8 that Yang 2007 uses.
inline constexpr double lorenz_number_W_Ohm_per_K2 =
    std::numbers::pi * std::numbers::pi * boltzmann_J_per_K * boltzmann_J_per_K /
    (3.0 * elementary_charge_C * elementary_charge_C);
/// hbar / k_B [K s]: turns an angular frequency into a temperature.
inline constexpr double hbar_over_kB_K_s = reduced_planck_J_s / boltzmann_J_per_K;
}  // namespace si_constants

inline constexpr Energy electron_volt = from_si<Energy>(si_constants::elementary_charge_C);

}  // namespace filmtherm
