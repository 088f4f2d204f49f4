// SI dimensions of the built-in models' parameters, as the ABI declares them
// (exponents of m, kg, s, A, K, mol).
#pragma once

#include "filmtherm/plugin.h"

namespace filmtherm::builtin::dimension {

inline constexpr filmtherm_dimension dimensionless = FILMTHERM_DIMENSION(0, 0, 0, 0, 0, 0);
inline constexpr filmtherm_dimension time = FILMTHERM_DIMENSION(0, 0, 1, 0, 0, 0);
inline constexpr filmtherm_dimension temperature = FILMTHERM_DIMENSION(0, 0, 0, 0, 1, 0);
inline constexpr filmtherm_dimension velocity = FILMTHERM_DIMENSION(1, 0, -1, 0, 0, 0);
inline constexpr filmtherm_dimension number_density = FILMTHERM_DIMENSION(-3, 0, 0, 0, 0, 0);
/// J m^-3 K^-1
inline constexpr filmtherm_dimension volumetric_heat_capacity =
    FILMTHERM_DIMENSION(-1, 1, -2, 0, -1, 0);
/// J m^-3 K^-2
inline constexpr filmtherm_dimension sommerfeld_coefficient =
    FILMTHERM_DIMENSION(-1, 1, -2, 0, -2, 0);
/// W m^-3 K^-1
inline constexpr filmtherm_dimension power_density_per_kelvin =
    FILMTHERM_DIMENSION(-1, 1, -3, 0, -1, 0);
/// W m^-2 K^-1
inline constexpr filmtherm_dimension boundary_conductance = FILMTHERM_DIMENSION(0, 1, -3, 0, -1, 0);
/// W m^-2 K^-4
inline constexpr filmtherm_dimension acoustic_mismatch_coefficient =
    FILMTHERM_DIMENSION(0, 1, -3, 0, -4, 0);
/// Ohm m
inline constexpr filmtherm_dimension resistivity = FILMTHERM_DIMENSION(3, 1, -3, -2, 0, 0);
/// W Ohm K^-2
inline constexpr filmtherm_dimension lorenz_number = FILMTHERM_DIMENSION(4, 2, -6, -2, -2, 0);

}  // namespace filmtherm::builtin::dimension
