// BCS energy gap (docs/physics.md section 2): the weak-coupling gap equation
//
//   ln(Delta(0)/Delta(T)) = 2 integral_0^inf f(E)/E de,  E = sqrt(e^2 + Delta^2),
//
// f the Fermi function at T, with Delta(0) = a k_B T_c, a = pi/e^gamma_Euler. Offers the
// reduced gap s(t) = Delta(T)/Delta(0) and d(s^2)/dt of the reduced temperature t = T/T_c
// (both 0 for t >= 1) as fast functions for ODE right-hand sides, a direct (slow, accurate)
// solve of the gap equation, and the typed gap Delta(T).
//
// How the fast functions work: at build time the gap equation is solved, by this
// library's own solve_bcs_gap_equation (models/tools/generate_superconductor_tables.cpp), at
// 1025 nodes uniform in y = ln(1/t) over t in [0.04, 1] and s^2 is interpolated with cubic
// Hermite polynomials in y through the exact node values and slopes. In y both ends are
// smooth (s^2 ~ 1 - 4 K_0(a e^y) at low t, ~ (8 pi^2/(7 zeta(3) a^2))(1 - e^-y) near T_c;
// in t or 1/t one end has large fourth derivatives). Interpolation error, measured against
// the direct solve on 40000 points: <= 1.1e-11 in s^2, <= 2.6e-9 relative to s^2 (worst in
// the cells next to T_c), <= 1.3e-9 relative in s, <= 1.1e-8 in d(s^2)/dt (whose scale is 3).
// Below t = 0.04 the low-temperature limit -ln s = 2 K_0(a/t) is used (1 - s < 1e-19
// there). The first evaluation only copies the compiled-in nodes (~10 us); an evaluation
// ~20 ns.
#pragma once

#include "filmtherm/units.h"

namespace filmtherm {

/// a = Delta(0)/(k_B T_c) = pi/e^gamma_Euler of weak-coupling BCS theory.
inline constexpr double bcs_gap_ratio = 1.7638769888620457;

/// Slope of s^2 at T_c: s^2 = (8 pi^2/(7 zeta(3) a^2)) (1 - t) + O((1 - t)^2) (the
/// Ginzburg-Landau limit; in units of (k_B T_c)^2 the coefficient is 8 pi^2/(7 zeta(3))).
inline constexpr double bcs_reduced_gap_squared_slope_at_tc = -3.0159912442341175;

/// s = Delta(T)/Delta(0) together with d(s^2)/dt at one reduced temperature t = T/T_c.
struct BcsReducedGap {
  double reduced_gap = 0.0;                ///< s, in [0, 1]
  double reduced_gap_squared_slope = 0.0;  ///< d(s^2)/dt, <= 0
};

/// Solves the gap equation at t directly (Newton on s with a spectrally accurate
/// quadrature; ~1e-15 relative in s, ~1e-13 next to T_c; within 1e-6 of T_c, where the
/// equation loses digits to cancellation, the GL law s^2 = A (1 - t) is returned, good to
/// ~1e-6 relative). About 2 us: for tables and checks, not inner loops. t >= 1 gives {0, 0}.
/// Throws std::domain_error unless t >= 0 and finite.
BcsReducedGap solve_bcs_gap_equation(double reduced_temperature);

/// Interpolated s and d(s^2)/dt at t (errors in the file comment); t >= 1 gives {0, 0},
/// t = 0 gives {1, 0}. Throws std::domain_error unless t >= 0 and finite.
BcsReducedGap bcs_reduced_gap_state(double reduced_temperature);

/// s(t) = Delta(T)/Delta(0), interpolated.
double bcs_reduced_gap(double reduced_temperature);

/// d(s^2)/dt, interpolated; jumps from bcs_reduced_gap_squared_slope_at_tc to 0 at t = 1.
double bcs_reduced_gap_squared_slope(double reduced_temperature);

/// Delta(T) = a k_B T_c s(T/T_c). Throws std::domain_error unless T >= 0 and T_c > 0,
/// both finite.
Energy bcs_gap(Temperature temperature, Temperature critical_temperature);

}  // namespace filmtherm
