// Bose-Einstein (Debye-type) integrals, evaluated to near machine precision
// without quadrature:
//
//   I_n(x) = integral_0^x t^n e^t / (e^t - 1)^2 dt   (heat-capacity kernel), n = 2..6
//   J_m(x) = integral_0^x t^m / (e^t - 1) dt         (energy kernel),        m = 1..6
//
// related by I_n(x) = -x^n / (e^x - 1) + n J_{n-1}(x) (integration by parts).
// Small x uses the Bernoulli series of t/(e^t - 1); large x uses the complement
// n! zeta(n+1) - sum_k e^{-k x} (...), the classic Debye-function algorithm.
// Relative error <= 1e-13 on x in [1e-8, 1e4]; x = 0 gives 0 and x = +inf the
// complete integrals (I_n(inf) = n! zeta(n), J_m(inf) = m! zeta(m+1)).
// These run in solver inner loops, so they take and return plain doubles.
#pragma once

namespace filmtherm {

/// I_n(x) = integral_0^x t^n e^t/(e^t-1)^2 dt for n = 2..6 and x >= 0
/// (x may be +infinity). Throws std::domain_error for other n or x < 0 / NaN.
double bose_heat_integral(int n, double x);

/// J_m(x) = integral_0^x t^m/(e^t-1) dt for m = 1..6 and x >= 0
/// (x may be +infinity). Throws std::domain_error for other m or x < 0 / NaN.
double bose_energy_integral(int m, double x);

/// The integrand of I_n at x, t^n e^t/(e^t-1)^2 = dI_n/dx, computed without
/// overflow for large x and without cancellation for small x.
double bose_heat_kernel(int n, double x);

/// Complete integrals: I_n(inf) = n! zeta(n), J_m(inf) = m! zeta(m+1).
double bose_heat_integral_complete(int n);
double bose_energy_integral_complete(int m);

}  // namespace filmtherm
