// Bose-Einstein (Debye-type) integrals, evaluated to near machine precision
// without quadrature:
//
//   I_n(x) = integral_0^x t^n e^t / (e^t - 1)^2 dt   (heat-capacity kernel), n = 2..6
//   J_m(x) = integral_0^x t^m / (e^t - 1) dt         (energy kernel),        m = 1..6
//
// related by I_n(x) = -x^n / (e^x - 1) + n J_{n-1}(x) (integration by parts).
// Below x = 3 the kernels' Bernoulli series (of t/(e^t - 1) and of
// t^2 e^t/(e^t - 1)^2) are integrated term by term; from x = 3 on the integral is
// the complete value minus the tail sum_k e^{-k x} (polynomial in k x), the classic
// Debye-function algorithm; from x = 64 on the tail is below 2^-60 and the complete
// value is returned. Relative error <= 1e-13 on x in [1e-8, 1e4] (about 5e-15 seen
// against 50-digit quadrature; the worst is just above x = 3, where the complement
// cancels); x = 0 gives 0, tiny x the leading terms x^{n-1}/(n-1) and x^m/m, and
// x = +inf the complete integrals (I_n(inf) = n! zeta(n), J_m(inf) = m! zeta(m+1)).
// These run in solver inner loops (~5-12 ns per call), so they take and return
// plain doubles: x = hbar omega / (k_B T) is dimensionless.
#pragma once

namespace filmtherm {

/// I_n(x) = integral_0^x t^n e^t/(e^t-1)^2 dt for n = 2..6 and x >= 0
/// (x may be +infinity). Throws std::domain_error for other n or x < 0 / NaN.
double bose_heat_integral(int n, double x);

/// J_m(x) = integral_0^x t^m/(e^t-1) dt for m = 1..6 and x >= 0
/// (x may be +infinity). Throws std::domain_error for other m or x < 0 / NaN.
double bose_energy_integral(int m, double x);

/// The integrand of I_n at x, x^n e^x/(e^x-1)^2 = dI_n/dx, for n = 2..6 and x >= 0,
/// computed without overflow for large x (0 once it underflows, and at +infinity) and
/// without cancellation for small x (the limit at x = 0 is 1 for n = 2, else 0).
/// Throws std::domain_error for other n or x < 0 / NaN.
double bose_heat_kernel(int n, double x);

/// Complete integrals: I_n(inf) = n! zeta(n) for n = 2..6, J_m(inf) = m! zeta(m+1)
/// for m = 1..6. Throw std::domain_error for other orders.
double bose_heat_integral_complete(int n);
double bose_energy_integral_complete(int m);

}  // namespace filmtherm
