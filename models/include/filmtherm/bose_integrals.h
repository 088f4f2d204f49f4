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
// plain doubles: x = hbar omega / (k_B T) is dimensionless. Consecutive energy
// integrals J_m, J_{m+1} at one x come together from bose_energy_integral_pair (one
// pass: shared powers of x in the series, one exp and one e^{-k x} recursion for both
// tails), and detail:: holds unchecked entry points for loops that validated x already.
#pragma once

namespace filmtherm {

/// I_n(x) = integral_0^x t^n e^t/(e^t-1)^2 dt for n = 2..6 and x >= 0
/// (x may be +infinity). Throws std::domain_error for other n or x < 0 / NaN.
double bose_heat_integral(int n, double x);

/// J_m(x) = integral_0^x t^m/(e^t-1) dt for m = 1..6 and x >= 0
/// (x may be +infinity). Throws std::domain_error for other m or x < 0 / NaN.
double bose_energy_integral(int m, double x);

/// J_m(x) and J_{m+1}(x) at one x.
struct BoseEnergyPair {
  double lower = 0.0;  ///< J_m(x)
  double upper = 0.0;  ///< J_{m+1}(x)
};

/// J_m(x) and J_{m+1}(x) for m = 1..5 and x >= 0 (x may be +infinity), sharing the work
/// of both: bit-identical to {bose_energy_integral(m, x), bose_energy_integral(m + 1, x)}
/// at about the cost of one of them. Throws std::domain_error for other m or x < 0 / NaN.
BoseEnergyPair bose_energy_integral_pair(int m, double x);

/// The integrand of I_n at x, x^n e^x/(e^x-1)^2 = dI_n/dx, for n = 2..6 and x >= 0,
/// computed without overflow for large x (0 once it underflows, and at +infinity) and
/// without cancellation for small x (the limit at x = 0 is 1 for n = 2, else 0).
/// Throws std::domain_error for other n or x < 0 / NaN.
double bose_heat_kernel(int n, double x);

/// Complete integrals: I_n(inf) = n! zeta(n) for n = 2..6, J_m(inf) = m! zeta(m+1)
/// for m = 1..6. Throw std::domain_error for other orders.
double bose_heat_integral_complete(int n);
double bose_energy_integral_complete(int m);

namespace detail {
/// Unchecked inner-loop entry points for callers that have already checked x >= 0 (or
/// that x is not NaN: a NaN gives the complete integral) and fix the order at compile
/// time; the same values as the checked functions without the check and the dispatch.
/// Defined for m = 1..6 (the pair: m = 1..5) in bose_integrals.cpp.
template <int m>
double bose_energy_integral_unchecked(double x) noexcept;
template <int m>
BoseEnergyPair bose_energy_integral_pair_unchecked(double x) noexcept;

extern template double bose_energy_integral_unchecked<1>(double) noexcept;
extern template double bose_energy_integral_unchecked<2>(double) noexcept;
extern template double bose_energy_integral_unchecked<3>(double) noexcept;
extern template double bose_energy_integral_unchecked<4>(double) noexcept;
extern template double bose_energy_integral_unchecked<5>(double) noexcept;
extern template double bose_energy_integral_unchecked<6>(double) noexcept;
extern template BoseEnergyPair bose_energy_integral_pair_unchecked<1>(double) noexcept;
extern template BoseEnergyPair bose_energy_integral_pair_unchecked<2>(double) noexcept;
extern template BoseEnergyPair bose_energy_integral_pair_unchecked<3>(double) noexcept;
extern template BoseEnergyPair bose_energy_integral_pair_unchecked<4>(double) noexcept;
extern template BoseEnergyPair bose_energy_integral_pair_unchecked<5>(double) noexcept;
}  // namespace detail

}  // namespace filmtherm
