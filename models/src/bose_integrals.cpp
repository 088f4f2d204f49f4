#include "filmtherm/bose_integrals.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace filmtherm {
namespace {

// B_2j / (2j)!, j = 1..28: t/(e^t - 1) = 1 - t/2 + sum_j b_j t^(2j), radius 2 pi.
constexpr std::array<double, 28> bernoulli_over_factorial{
    8.33333333333333333333e-2,   -1.38888888888888888889e-3,  3.30687830687830687831e-5,
    -8.26719576719576719577e-7,  2.08767569878680989792e-8,   -5.28419013868749318485e-10,
    1.33825365306846788328e-11,  -3.38968029632258286683e-13, 8.58606205627784456414e-15,
    -2.17486869855806187304e-16, 5.5090028283602295152e-18,   -1.39544646858125233407e-19,
    3.53470703962946747169e-21,  -8.9535174270375468504e-23,  2.26795245233768306031e-24,
    -5.74479066887220244526e-26, 1.45517247561486490187e-27,  -3.68599494066531017818e-29,
    9.33673425709504467203e-31,  -2.36502241570062993456e-32, 5.99067176248213430466e-34,
    -1.51745488446829026171e-35, 3.84375812545418823223e-37,  -9.73635307264669103527e-39,
    2.46624704420068095711e-40,  -6.24707674182074369315e-42, 1.58240302446449142975e-43,
    -4.00827368594893596853e-45};

// zeta(s), s = 2..7.
constexpr std::array<double, 6> riemann_zeta_2_to_7{
    1.644934066848226436472, 1.2020569031595942854,   1.082323233711138191516,
    1.036927755143369926331, 1.017343061984449139715, 1.00834927738192282684};

constexpr double factorial(int n) {
  return n <= 1 ? 1.0 : n * factorial(n - 1);
}
constexpr double riemann_zeta(int s) {
  return riemann_zeta_2_to_7[static_cast<std::size_t>(s - 2)];
}

// Below x = 3 the Bernoulli series reaches 2^-56 in 28 terms (14 below x = 1.5).
// From x = 3 up, F = F(inf) - tail cancels at most a factor F(inf)/F(3) = 27 (J_6),
// and the tail sum_k e^(-k x) (...) needs at most 1 + 40/x terms. Above x = 64 the
// tail (~ x^6 e^-x) is below 2^-60 of F(inf).
constexpr double long_series_limit = 3.0;
constexpr double short_series_limit = 1.5;
constexpr int long_series_terms = 28;
constexpr int short_series_terms = 14;
constexpr int max_tail_terms = 14;
constexpr double tail_terms_times_x = 40.0;
constexpr double complete_limit = 64.0;

enum class Family { heat, energy };

// F(x) = x^p (leading + odd_coefficient x + x^2 sum_j coefficients[j] x^(2j)), j >= 0, where
// p = n - 1 for I_n and m for J_m (series of the kernels integrated term by term).
template <Family family, int order>
struct SmallArgumentSeries {
  static constexpr int power = family == Family::heat ? order - 1 : order;
  static constexpr double leading = 1.0 / power;
  // t/(e^t-1) has the odd term -t/2; t^2 e^t/(e^t-1)^2 = 1 - sum_k (k-1) B_k t^k/k! is even.
  static constexpr double odd_coefficient = family == Family::heat ? 0.0 : -0.5 / (order + 1);
  static constexpr std::array<double, long_series_terms> coefficients = [] {
    std::array<double, long_series_terms> c{};
    for (int j = 1; j <= long_series_terms; ++j) {
      const double b = bernoulli_over_factorial[static_cast<std::size_t>(j - 1)];
      c[static_cast<std::size_t>(j - 1)] =
          family == Family::heat ? -(2 * j - 1) * b / (2 * j + order - 1) : b / (2 * j + order);
    }
    return c;
  }();
};

// sum_{i<N} c[i] y^i as two interleaved Horner chains in y^2 (half the latency).
template <int N, std::size_t M>
double polynomial(const std::array<double, M>& c, double y) {
  static_assert(N % 2 == 0 && N <= static_cast<int>(M));
  const double y2 = y * y;
  double even = c[N - 2];
  double odd = c[N - 1];
  for (int i = N - 4; i >= 0; i -= 2) {
    even = even * y2 + c[static_cast<std::size_t>(i)];
    odd = odd * y2 + c[static_cast<std::size_t>(i + 1)];
  }
  return even + y * odd;
}

template <Family family, int order>
double small_argument_series(double x) {
  using S = SmallArgumentSeries<family, order>;
  const double y = x * x;
  const double sum = x < short_series_limit ? polynomial<short_series_terms>(S::coefficients, y)
                                            : polynomial<long_series_terms>(S::coefficients, y);
  double x_power = x;
  for (int i = 1; i < S::power; ++i) x_power *= x;
  return x_power * (S::leading + S::odd_coefficient * x + y * sum);
}

// The two chains of each order run interleaved; every value takes exactly the
// operations of small_argument_series, so the pair is bit-identical to it.
template <int N, std::size_t M>
std::array<double, 2> polynomial_pair(const std::array<double, M>& lower,
                                      const std::array<double, M>& upper, double y) {
  static_assert(N % 2 == 0 && N <= static_cast<int>(M));
  const double y2 = y * y;
  double lower_even = lower[N - 2];
  double lower_odd = lower[N - 1];
  double upper_even = upper[N - 2];
  double upper_odd = upper[N - 1];
  for (int i = N - 4; i >= 0; i -= 2) {
    const auto even = static_cast<std::size_t>(i);
    lower_even = lower_even * y2 + lower[even];
    upper_even = upper_even * y2 + upper[even];
    lower_odd = lower_odd * y2 + lower[even + 1];
    upper_odd = upper_odd * y2 + upper[even + 1];
  }
  return {lower_even + y * lower_odd, upper_even + y * upper_odd};
}

template <int order>
BoseEnergyPair small_argument_series_pair(double x) {
  using L = SmallArgumentSeries<Family::energy, order>;
  using U = SmallArgumentSeries<Family::energy, order + 1>;
  const double y = x * x;
  const auto [lower_sum, upper_sum] =
      x < short_series_limit
          ? polynomial_pair<short_series_terms>(L::coefficients, U::coefficients, y)
          : polynomial_pair<long_series_terms>(L::coefficients, U::coefficients, y);
  double x_power = x;
  for (int i = 1; i < L::power; ++i) x_power *= x;
  const double lower = x_power * (L::leading + L::odd_coefficient * x + y * lower_sum);
  x_power *= x;
  return {lower, x_power * (U::leading + U::odd_coefficient * x + y * upper_sum)};
}

// Tail integral_x^inf: t^n e^t/(e^t-1)^2 = t^n sum_k k e^(-k t) and
// t^m/(e^t-1) = t^m sum_k e^(-k t), with integral_x^inf t^p e^(-k t) dt =
// e^(-k x) p! e_p(k x)/k^(p+1), e_p the exponential series truncated at degree p.
template <Family family, int order>
struct LargeArgumentTail {
  static constexpr int k_power = family == Family::heat ? order : order + 1;
  static constexpr std::array<double, max_tail_terms> inverse_k_powers = [] {
    std::array<double, max_tail_terms> c{};
    for (int k = 1; k <= max_tail_terms; ++k) {
      double k_to_power = 1.0;
      for (int i = 0; i < k_power; ++i) k_to_power *= k;
      c[static_cast<std::size_t>(k - 1)] = 1.0 / k_to_power;
    }
    return c;
  }();
  // order! e_order(y) = sum_j (order!/j!) y^j: integer coefficients, exact in double.
  static constexpr std::array<double, order + 1> exponential_series = [] {
    std::array<double, order + 1> c{};
    for (int j = 0; j <= order; ++j)
      c[static_cast<std::size_t>(j)] = factorial(order) / factorial(j);
    return c;
  }();
};

template <Family family, int order>
double complete_integral() {
  return family == Family::heat ? factorial(order) * riemann_zeta(order)
                                : factorial(order) * riemann_zeta(order + 1);
}

// The k-th tail term e^(-k x) order! e_order(k x)/k^k_power.
template <Family family, int order>
double tail_term(double x, int k, double e_minus_kx) {
  using T = LargeArgumentTail<family, order>;
  const double y = static_cast<double>(k) * x;
  double q = 1.0;
  for (int j = order - 1; j >= 0; --j)
    q = q * y + T::exponential_series[static_cast<std::size_t>(j)];
  return e_minus_kx * q * T::inverse_k_powers[static_cast<std::size_t>(k - 1)];
}

int tail_terms(double x) {
  return std::min(max_tail_terms, 1 + static_cast<int>(tail_terms_times_x / x));
}

template <Family family, int order>
double large_argument_complement(double x) {
  const int terms = tail_terms(x);  // first: its division overlaps the exp
  const double e_minus_x = std::exp(-x);
  // The k >= 2 terms are summed apart: they are below e^-x of the first, so their
  // rounding does not add to the cancellation against F(inf).
  double e_minus_kx = e_minus_x;
  double rest = 0.0;
  for (int k = 2; k <= terms; ++k) {
    e_minus_kx *= e_minus_x;
    rest += tail_term<family, order>(x, k, e_minus_kx);
  }
  return (complete_integral<family, order>() - tail_term<family, order>(x, 1, e_minus_x)) - rest;
}

// Both tails from one exp and one e^(-k x) recursion, each summed exactly as in
// large_argument_complement (bit-identical results).
template <int order>
BoseEnergyPair large_argument_complement_pair(double x) {
  constexpr Family energy = Family::energy;
  const int terms = tail_terms(x);  // first: its division overlaps the exp
  const double e_minus_x = std::exp(-x);
  double e_minus_kx = e_minus_x;
  double lower_rest = 0.0;
  double upper_rest = 0.0;
  for (int k = 2; k <= terms; ++k) {
    e_minus_kx *= e_minus_x;
    lower_rest += tail_term<energy, order>(x, k, e_minus_kx);
    upper_rest += tail_term<energy, order + 1>(x, k, e_minus_kx);
  }
  return {
      (complete_integral<energy, order>() - tail_term<energy, order>(x, 1, e_minus_x)) - lower_rest,
      (complete_integral<energy, order + 1>() - tail_term<energy, order + 1>(x, 1, e_minus_x)) -
          upper_rest};
}

template <Family family, int order>
double bose_integral(double x) {
  if (x < long_series_limit) return small_argument_series<family, order>(x);
  if (x < complete_limit) return large_argument_complement<family, order>(x);
  return complete_integral<family, order>();
}

void check_argument(const char* function, double x) {
  if (!(x >= 0.0)) {
    throw std::domain_error(std::string(function) + ": x = hbar omega/(k_B T) must be >= 0, got " +
                            std::to_string(x) + " (negative or NaN temperature or frequency?)");
  }
}

[[noreturn]] void throw_order(const char* function, const char* name, int order, int low,
                              int high) {
  throw std::domain_error(std::string(function) + ": order " + name + " = " +
                          std::to_string(order) + " is outside the tabulated range " +
                          std::to_string(low) + ".." + std::to_string(high));
}

template <Family family>
double dispatch(int order, double x) {
  switch (order) {
    case 1:
      if constexpr (family == Family::energy) return bose_integral<family, 1>(x);
      break;
    case 2:
      return bose_integral<family, 2>(x);
    case 3:
      return bose_integral<family, 3>(x);
    case 4:
      return bose_integral<family, 4>(x);
    case 5:
      return bose_integral<family, 5>(x);
    case 6:
      return bose_integral<family, 6>(x);
    default:
      break;
  }
  if constexpr (family == Family::heat) {
    throw_order("bose_heat_integral", "n", order, 2, 6);
  } else {
    throw_order("bose_energy_integral", "m", order, 1, 6);
  }
}

}  // namespace

namespace detail {

template <int m>
double bose_energy_integral_unchecked(double x) noexcept {
  return bose_integral<Family::energy, m>(x);
}

template <int m>
BoseEnergyPair bose_energy_integral_pair_unchecked(double x) noexcept {
  if (x < long_series_limit) return small_argument_series_pair<m>(x);
  if (x < complete_limit) return large_argument_complement_pair<m>(x);
  return {complete_integral<Family::energy, m>(), complete_integral<Family::energy, m + 1>()};
}

template double bose_energy_integral_unchecked<1>(double) noexcept;
template double bose_energy_integral_unchecked<2>(double) noexcept;
template double bose_energy_integral_unchecked<3>(double) noexcept;
template double bose_energy_integral_unchecked<4>(double) noexcept;
template double bose_energy_integral_unchecked<5>(double) noexcept;
template double bose_energy_integral_unchecked<6>(double) noexcept;
template BoseEnergyPair bose_energy_integral_pair_unchecked<1>(double) noexcept;
template BoseEnergyPair bose_energy_integral_pair_unchecked<2>(double) noexcept;
template BoseEnergyPair bose_energy_integral_pair_unchecked<3>(double) noexcept;
template BoseEnergyPair bose_energy_integral_pair_unchecked<4>(double) noexcept;
template BoseEnergyPair bose_energy_integral_pair_unchecked<5>(double) noexcept;

}  // namespace detail

double bose_heat_integral(int n, double x) {
  check_argument("bose_heat_integral", x);
  return dispatch<Family::heat>(n, x);
}

double bose_energy_integral(int m, double x) {
  check_argument("bose_energy_integral", x);
  return dispatch<Family::energy>(m, x);
}

BoseEnergyPair bose_energy_integral_pair(int m, double x) {
  check_argument("bose_energy_integral_pair", x);
  switch (m) {
    case 1:
      return detail::bose_energy_integral_pair_unchecked<1>(x);
    case 2:
      return detail::bose_energy_integral_pair_unchecked<2>(x);
    case 3:
      return detail::bose_energy_integral_pair_unchecked<3>(x);
    case 4:
      return detail::bose_energy_integral_pair_unchecked<4>(x);
    case 5:
      return detail::bose_energy_integral_pair_unchecked<5>(x);
    default:
      throw_order("bose_energy_integral_pair", "m", m, 1, 5);
  }
}

double bose_heat_kernel(int n, double x) {
  check_argument("bose_heat_kernel", x);
  if (n < 2 || n > 6) throw_order("bose_heat_kernel", "n", n, 2, 6);
  if (x == 0.0) return n == 2 ? 1.0 : 0.0;
  // Beyond x = 1500 the kernel (< x^6 e^-x) underflows; x^n alone could overflow.
  if (x > 1500.0) return 0.0;
  double x_power = 1.0;
  for (int i = 0; i < n - 2; ++i) x_power *= x;
  if (x < 1.0) {
    // x^2 e^x/(e^x-1)^2 = (x/g)^2 (1+g) with g = e^-x - 1, free of cancellation.
    const double g = std::expm1(-x);
    const double x_over_g = x / g;
    return x_power * (x_over_g * x_over_g) * (1.0 + g);
  }
  // e^-x as a square so that x^n e^-x stays finite where e^-x alone underflows.
  const double half = std::exp(-0.5 * x);
  const double e_minus_x = half * half;
  const double one_minus = 1.0 - e_minus_x;
  return ((x_power * x * x * half) * half) / (one_minus * one_minus);
}

double bose_heat_integral_complete(int n) {
  if (n < 2 || n > 6) throw_order("bose_heat_integral_complete", "n", n, 2, 6);
  return factorial(n) * riemann_zeta(n);
}

double bose_energy_integral_complete(int m) {
  if (m < 1 || m > 6) throw_order("bose_energy_integral_complete", "m", m, 1, 6);
  return factorial(m) * riemann_zeta(m + 1);
}

}  // namespace filmtherm
