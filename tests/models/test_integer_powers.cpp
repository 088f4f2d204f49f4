// The small-integer power fast path (integer_power.h) and the heat-flow laws that use it,
// against x^n and (sigma_b/d)(T^q - T_b^q) evaluated here in 50-digit arithmetic
// (Boost.Multiprecision cpp_bin_float_50, rounded once to double), and against std::pow.
#include "filmtherm/integer_power.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "filmtherm/heat_flow.h"

namespace filmtherm {
namespace {

using mp = boost::multiprecision::cpp_bin_float_50;

// Number of doubles between a and b (both finite, same sign): 0 when equal, 1 for neighbours.
std::int64_t ulp_distance(double a, double b) {
  const auto ordered = [](double x) {
    const auto bits = std::bit_cast<std::int64_t>(x);
    return bits < 0 ? std::numeric_limits<std::int64_t>::min() - bits : bits;
  };
  const std::int64_t d = ordered(a) - ordered(b);
  return d < 0 ? -d : d;
}

// x^n in 50 digits, rounded once: the correctly rounded double power.
double exact_power(double x, int n) {
  mp product = 1;
  for (int k = 0; k < n; ++k) product *= mp(x);
  return static_cast<double>(product);
}

// 1e-3 K to 1e3 K, log-spaced and irregular enough to hit every mantissa pattern, plus the
// ends of binades (where an ulp is largest relative to x^n) and the bath temperatures in use.
std::vector<double> temperatures_K() {
  std::vector<double> t;
  constexpr int count = 40001;
  for (int k = 0; k < count; ++k) t.push_back(1e-3 * std::pow(1e6, k / (count - 1.0)));
  for (int e = -10; e <= 10; ++e) {
    t.push_back(std::ldexp(1.0, e));
    t.push_back(std::nextafter(std::ldexp(1.0, e), 0.0));
  }
  for (const double bath_K : {0.08, 1.5, 2.0, 4.2, 10.5}) t.push_back(bath_K);
  return t;
}

TEST(SmallIntegerPower, WithinFourUlpOfStdPowAndBoundedAgainstExactPowers) {
  const std::vector<double> t = temperatures_K();
  for (int n = 0; n <= max_small_integer_exponent; ++n) {
    std::int64_t worst_against_pow = 0, worst_fast = 0, worst_pow = 0;
    for (const double x : t) {
      const double fast = small_integer_power(x, n);
      const double library = std::pow(x, n);
      const double exact = exact_power(x, n);
      worst_against_pow = std::max(worst_against_pow, ulp_distance(fast, library));
      worst_fast = std::max(worst_fast, ulp_distance(fast, exact));
      worst_pow = std::max(worst_pow, ulp_distance(library, exact));
    }
    // The brief of the fast path: interchangeable with std::pow to a few ulp (<= 4).
    EXPECT_LE(worst_against_pow, 4) << "n = " << n;
    // n - 1 rounded products: within (n - 1) 2^-53 relative of x^n, i.e. under n - 1 ulp
    // of the exact value, so at most n - 1 ulp from its rounding (0 for n = 0, 1: exact).
    EXPECT_LE(worst_fast, std::max(n - 1, 0)) << "n = " << n;
    // glibc documents pow as within 1 ulp.
    EXPECT_LE(worst_pow, 1) << "n = " << n;
  }
}

TEST(SmallIntegerPower, SpecialValuesMatchStdPow) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  for (int n = 0; n <= max_small_integer_exponent; ++n) {
    // Exact cases: 0^n, 1^n, inf^n; x^0 = 1 for every x, NaN included (C's pow).
    EXPECT_EQ(small_integer_power(0.0, n), std::pow(0.0, n)) << n;
    EXPECT_EQ(small_integer_power(1.0, n), 1.0) << n;
    EXPECT_EQ(small_integer_power(inf, n), std::pow(inf, n)) << n;
  }
  EXPECT_EQ(small_integer_power(std::numeric_limits<double>::quiet_NaN(), 0), 1.0);
  EXPECT_TRUE(std::isnan(small_integer_power(std::numeric_limits<double>::quiet_NaN(), 3)));
  // Outside [0, 5] the function is std::pow itself: bit for bit.
  EXPECT_EQ(small_integer_power(3.7, 7), std::pow(3.7, 7));
  EXPECT_EQ(small_integer_power(3.7, -2), std::pow(3.7, -2));
}

TEST(FixedExponentPower, MultipliesOnlySmallNonNegativeIntegers) {
  for (const double p : {0.0, 1.0, 2.0, 3.0, 4.0, 5.0}) {
    EXPECT_TRUE(FixedExponentPower(p).multiplies()) << p;
  }
  for (const double p :
       {-1.0, 0.5, 3.45, 4.0000000000000009, 6.0, 12.0, std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<double>::infinity()}) {
    EXPECT_FALSE(FixedExponentPower(p).multiplies()) << p;
  }
  // The two paths are exactly the functions they stand for (bit for bit).
  for (const double x : {0.3, 2.0, 7.25, 11.65}) {
    EXPECT_EQ(FixedExponentPower(4.0)(x), small_integer_power(x, 4));
    EXPECT_EQ(FixedExponentPower(3.45)(x), std::pow(x, 3.45));
    EXPECT_EQ(FixedExponentPower(3.45).exponent(), 3.45);
  }
}

// (sigma_b/d)(T^q - T_b^q) and its slope q (sigma_b/d) T^(q-1) in 50 digits. T^q - T_b^q
// cancels near T_b, so the tolerance scales with max(T, T_b)^q (the slope's with itself): each
// power is within 4 ulp (9e-16 relative), and sigma_b/d, the difference and the products add one
// rounding each (1.1e-16 each); below 1.4e-15 in all, checked to 2e-15.
TEST(BoundaryLawPhononEscape, IntegerAndRealExponentsAgreeWithFiftyDigitLaw) {
  const double sigma_b = 200.0, d_m = 4e-9, bath_K = 2.0;
  for (const double q : {3.0, 4.0, 5.0, 3.45}) {
    const BoundaryLawPhononEscape escape(from_si<BoundaryConductance>(q * sigma_b),
                                         from_si<Temperature>(1.0), q, from_si<Length>(d_m));
    for (const double T : {0.5, 2.0, 2.000001, 5.0, 10.5, 11.65, 40.0}) {
      const mp prefactor = mp(escape.boundary_coefficient_W_per_m2_K_q()) / mp(d_m);
      const mp power = prefactor * (boost::multiprecision::pow(mp(T), mp(q)) -
                                    boost::multiprecision::pow(mp(bath_K), mp(q)));
      const mp slope = mp(q) * prefactor * boost::multiprecision::pow(mp(T), mp(q) - 1);
      const double scale = static_cast<double>(
          prefactor * boost::multiprecision::pow(mp(std::max(T, bath_K)), mp(q)));
      EXPECT_NEAR(escape.power_W_per_m3(T, bath_K), static_cast<double>(power), 2e-15 * scale)
          << "q = " << q << ", T = " << T;
      EXPECT_NEAR(escape.power_slope_W_per_m3_K(T), static_cast<double>(slope),
                  2e-15 * static_cast<double>(slope))
          << "q = " << q << ", T = " << T;
    }
  }
}

// Sigma (T_e^m - T_ph^m) with m = p + 2 = 5 (integer path) and 5.45 (std::pow), same bound
// (2e-15, the same count of roundings).
TEST(ElectronPhononCoupling, IntegerAndRealExponentsAgreeWithFiftyDigitLaw) {
  const double sigma = 3.0e3;
  for (const double m : {5.0, 5.45}) {
    const auto coupling = ElectronPhononCoupling::from_coupling_constant(sigma, m);
    for (const double electron_K : {2.5, 8.0, 11.65}) {
      const double phonon_K = 2.0;
      const mp power = mp(sigma) * (boost::multiprecision::pow(mp(electron_K), mp(m)) -
                                    boost::multiprecision::pow(mp(phonon_K), mp(m)));
      const mp slope = mp(m) * mp(sigma) * boost::multiprecision::pow(mp(electron_K), mp(m) - 1);
      const double scale = sigma * std::pow(std::max(electron_K, phonon_K), m);
      EXPECT_NEAR(coupling.power_W_per_m3(electron_K, phonon_K), static_cast<double>(power),
                  2e-15 * scale)
          << "m = " << m;
      EXPECT_NEAR(coupling.power_slope_electron_W_per_m3_K(electron_K), static_cast<double>(slope),
                  2e-15 * static_cast<double>(slope))
          << "m = " << m;
    }
  }
}

}  // namespace
}  // namespace filmtherm
