// Tests of bose_integrals.h. References share no code with the library: the integrands are
// integrated here in 50-digit arithmetic (Boost.Multiprecision cpp_bin_float_50) with
// Boost.Math adaptive Gauss-Kronrod quadrature, the complete integrals come from
// boost::math::zeta in long double, and the small-x limits are the analytic leading terms.
// The fused pair J_m, J_{m+1} and the unchecked entry points are held to the same
// 50-digit references and, in addition, to exact equality with the checked single functions.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/zeta.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "filmtherm/bose_integrals.h"

namespace filmtherm {
namespace {

using mp = boost::multiprecision::cpp_bin_float_50;
enum class Family { heat, energy };
constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr double eps = std::numeric_limits<double>::epsilon();

// The brief's accuracy target for I_n and J_m on x in [1e-8, 1e4].
constexpr double target_relative_error = 1e-13;

double relative_error(double value, mp reference) {
  return static_cast<double>(abs(mp(value) / reference - 1));
}

mp power(mp t, int p) {
  mp result = 1;
  for (int i = 0; i < p; ++i) result *= t;
  return result;
}

// t^n e^t/(e^t-1)^2 = t^n e^-t/(1 - e^-t)^2 and t^m/(e^t-1) = t^m e^-t/(1 - e^-t); one exp
// per point, and 1 - e^-t loses at most 8 of the 50 digits for t >= 1e-8.
mp integrand(Family family, int order, mp t) {
  const mp e = exp(-t);
  const mp one_minus_e = 1 - e;
  const mp numerator = power(t, order) * e;
  return family == Family::heat ? numerator / (one_minus_e * one_minus_e) : numerator / one_minus_e;
}

double call(Family family, int order, double x) {
  return family == Family::heat ? bose_heat_integral(order, x) : bose_energy_integral(order, x);
}

const char* name(Family family) {
  return family == Family::heat ? "I" : "J";
}

// 56 points log-spaced over [1e-8, 1e4], plus both sides of the library's method switches
// (x = 1.5, 3 and 64) where a mismatch between two expansions would show first.
std::vector<double> reference_grid() {
  std::vector<double> grid;
  constexpr int count = 56;
  for (int i = 0; i < count; ++i) grid.push_back(1e-8 * std::pow(1e12, i / (count - 1.0)));
  for (double s : {1.5, 3.0, 64.0}) {
    grid.push_back(std::nextafter(s, 0.0));
    grid.push_back(s);
  }
  std::sort(grid.begin(), grid.end());
  return grid;
}

// F(x) on the grid, accumulated piece by piece between neighbouring grid points, each
// piece by adaptive Gauss-Kronrod to 1e-25 relative (far below the 1e-13 under test).
// Pieces are cut at powers of two (and at most 8 wide) so that each stays within a few
// widths of the integrand's poles at t = 2 pi i k, where Gauss-Kronrod converges fast.
// Beyond t = 64 the integrand is < 1e-18 of F(x) in total, so one loose piece suffices.
// Each piece is mapped onto [0, 1]: Boost 1.74's adaptive Gauss-Kronrod compares the error
// estimate of the unscaled [-1, 1] rule with a tolerance scaled by the width, so on other
// widths its tolerance is off by the half-width.
std::vector<mp> reference_values(Family family, int order, const std::vector<double>& grid) {
  using quadrature = boost::math::quadrature::gauss_kronrod<mp, 31>;
  const auto f = [family, order](mp t) { return integrand(family, order, t); };
  std::vector<mp> values;
  mp total = 0;
  mp a = 0;
  for (double x : grid) {
    while (a < x) {
      mp b = a < 1 ? mp(1) : std::min<mp>(2 * a, a + 8);
      if (a >= 64) b = mp(x);
      b = std::min<mp>(b, mp(x));
      const mp width = b - a;
      const auto on_unit_interval = [&f, a, width](mp u) { return f(a + width * u); };
      total += width * quadrature::integrate(on_unit_interval, mp(0), mp(1), 20,
                                             mp(a >= 64 ? 1e-10 : 1e-25));
      a = b;
    }
    values.push_back(total);
  }
  return values;
}

struct Function {
  Family family;
  int order;
};

std::vector<Function> all_functions() {
  std::vector<Function> functions;
  for (int n = 2; n <= 6; ++n) functions.push_back({Family::heat, n});
  for (int m = 1; m <= 6; ++m) functions.push_back({Family::energy, m});
  return functions;
}

TEST(BoseIntegrals, MatchFiftyDigitQuadratureOnLogGrid) {
  const std::vector<double> grid = reference_grid();
  double worst_overall = 0;
  for (const Function& fn : all_functions()) {
    const std::vector<mp> reference = reference_values(fn.family, fn.order, grid);
    double worst = 0;
    double worst_x = 0;
    for (std::size_t i = 0; i < grid.size(); ++i) {
      const double error = relative_error(call(fn.family, fn.order, grid[i]), reference[i]);
      // The brief's accuracy requirement; the cancellation F(inf) - tail near x = 3
      // costs at most a factor 27 over double rounding (~1e-14).
      EXPECT_LE(error, target_relative_error)
          << name(fn.family) << "_" << fn.order << "(" << grid[i] << ")";
      if (error > worst) {
        worst = error;
        worst_x = grid[i];
      }
    }
    std::printf("  %s_%d: worst relative error %.2e at x = %.6g (%zu points)\n", name(fn.family),
                fn.order, worst, worst_x, grid.size());
    worst_overall = std::max(worst_overall, worst);
  }
  std::printf("  worst over all I_n, J_m: %.2e\n", worst_overall);
}

TEST(BoseIntegrals, KernelMatchesFiftyDigitIntegrand) {
  double worst = 0;
  for (int n = 2; n <= 6; ++n) {
    for (double x : reference_grid()) {
      const double kernel = bose_heat_kernel(n, x);
      const mp reference = integrand(Family::heat, n, x);
      if (reference < std::numeric_limits<double>::min()) {
        // Past x ~ 720 x^n e^-x leaves the normal doubles: only absolute accuracy is left.
        EXPECT_NEAR(kernel, static_cast<double>(reference), std::numeric_limits<double>::min())
            << "n = " << n << ", x = " << x;
        continue;
      }
      const double error = relative_error(kernel, reference);
      // A handful of roundings (expm1 or exp, a square, a quotient, x^n): ~10 eps.
      EXPECT_LE(error, 20 * eps) << "kernel n = " << n << ", x = " << x;
      worst = std::max(worst, error);
    }
  }
  std::printf("  kernel: worst relative error %.2e\n", worst);
}

TEST(BoseIntegrals, KernelIsTheDerivativeOfTheHeatIntegral) {
  for (int n = 2; n <= 6; ++n) {
    for (double x = 1e-3; x < 30; x *= 1.7) {
      const double h = 1e-4 * x;
      const double derivative =
          (bose_heat_integral(n, x + h) - bose_heat_integral(n, x - h)) / (2 * h);
      // Centred difference: truncation h^2 I'''/(6 I') ~ 1e-8 n^2 relative, rounding
      // eps I/(h I') <= 1e-9 on this range (I'/I >~ 1e-3 up to x = 30).
      EXPECT_NEAR(derivative / bose_heat_kernel(n, x), 1.0, 1e-6) << "n = " << n << ", x = " << x;
    }
  }
}

TEST(BoseIntegrals, CompleteIntegralsAreFactorialTimesZeta) {
  long double factorial = 1;
  for (int p = 1; p <= 6; ++p) {
    factorial *= p;
    // Rounding the long-double reference and the library's product: within 2 eps.
    if (p >= 2) {
      const long double zeta_heat = boost::math::zeta(static_cast<long double>(p));
      EXPECT_NEAR(bose_heat_integral_complete(p) / static_cast<double>(factorial * zeta_heat), 1.0,
                  2 * eps)
          << "n = " << p;
    }
    const long double zeta_energy = boost::math::zeta(static_cast<long double>(p + 1));
    EXPECT_NEAR(bose_energy_integral_complete(p) / static_cast<double>(factorial * zeta_energy),
                1.0, 2 * eps)
        << "m = " << p;
  }
}

TEST(BoseIntegrals, LargeAndInfiniteArgumentsGiveTheCompleteIntegrals) {
  for (double x : {64.0, 1e4, 1e6, 1e300, std::numeric_limits<double>::max(), infinity}) {
    // Past x = 64 the omitted tail is below 2^-60 of the total, so exactly equal.
    for (int n = 2; n <= 6; ++n)
      EXPECT_EQ(bose_heat_integral(n, x), bose_heat_integral_complete(n));
    for (int m = 1; m <= 6; ++m) {
      EXPECT_EQ(bose_energy_integral(m, x), bose_energy_integral_complete(m));
    }
  }
}

TEST(BoseIntegrals, SmallArgumentsFollowTheLeadingTerms) {
  for (int n = 2; n <= 6; ++n) EXPECT_EQ(bose_heat_integral(n, 0.0), 0.0);
  for (int m = 1; m <= 6; ++m) EXPECT_EQ(bose_energy_integral(m, 0.0), 0.0);
  for (double x : {1e-50, 1e-20, 1e-12, 1e-9}) {
    for (int n = 2; n <= 6; ++n) {
      // I_n = x^(n-1)/(n-1) (1 - O(x^2/12)): the omitted term is < 1e-19 here; the rest is
      // rounding of the power and the quotient on both sides, within 8 eps.
      const double leading = std::pow(x, n - 1) / (n - 1);
      EXPECT_NEAR(bose_heat_integral(n, x) / leading, 1.0, 8 * eps) << "n = " << n << " x = " << x;
    }
    for (int m = 1; m <= 6; ++m) {
      // J_m = x^m/m - x^(m+1)/(2(m+1)) + O(x^(m+2)): with the second term the omitted
      // relative correction is < 1e-19; rounding within 8 eps.
      const double leading = std::pow(x, m) / m * (1 - m * x / (2.0 * (m + 1)));
      EXPECT_NEAR(bose_energy_integral(m, x) / leading, 1.0, 8 * eps)
          << "m = " << m << " x = " << x;
    }
  }
  // The kernel's own limits: t^n e^t/(e^t-1)^2 -> t^(n-2).
  EXPECT_EQ(bose_heat_kernel(2, 0.0), 1.0);
  for (int n = 3; n <= 6; ++n) EXPECT_EQ(bose_heat_kernel(n, 0.0), 0.0);
  EXPECT_NEAR(bose_heat_kernel(4, 1e-9) / 1e-18, 1.0, 4 * eps);  // x^2 (1 - x^2/12), rounding
  EXPECT_EQ(bose_heat_kernel(6, 2000.0), 0.0);                   // true value < 1e-850
  EXPECT_EQ(bose_heat_kernel(6, infinity), 0.0);
}

TEST(BoseIntegrals, HeatIntegralIsPartsOfEnergyIntegral) {
  std::mt19937_64 generator(20240611);
  std::uniform_real_distribution<double> log10_x(-6.0, 2.0);
  for (int i = 0; i < 400; ++i) {
    const double x = std::pow(10.0, log10_x(generator));
    for (int n = 2; n <= 6; ++n) {
      const double boundary = -std::pow(x, n) / std::expm1(x);
      const double parts = n * bose_energy_integral(n - 1, x);
      // I_n = -x^n/(e^x-1) + n J_(n-1): each side is good to 1e-13 relative; the sum can
      // cancel (a factor ~n at small x), so the bound scales with the sizes of the terms.
      EXPECT_NEAR(bose_heat_integral(n, x), boundary + parts,
                  target_relative_error * (std::fabs(boundary) + std::fabs(parts)))
          << "n = " << n << ", x = " << x;
    }
  }
}

TEST(BoseIntegrals, IncreaseWithTheUpperLimit) {
  // 2000 points over x in [1e-8, 1e3]: each step changes F by >= ~1e-2 relative wherever F
  // still grows by more than its rounding, so any decrease is a real fault.
  for (const Function& fn : all_functions()) {
    double previous = 0;
    for (int i = 0; i < 2000; ++i) {
      const double x = 1e-8 * std::pow(1e11, i / 1999.0);
      const double value = call(fn.family, fn.order, x);
      EXPECT_GE(value, previous) << name(fn.family) << "_" << fn.order << " at x = " << x;
      previous = value;
    }
    EXPECT_LE(previous, fn.family == Family::heat ? bose_heat_integral_complete(fn.order)
                                                  : bose_energy_integral_complete(fn.order));
  }
}

TEST(BoseIntegrals, EnergyPairMatchesFiftyDigitQuadratureOnLogGrid) {
  const std::vector<double> grid = reference_grid();
  std::vector<std::vector<mp>> reference;  // reference[m - 1] = J_m on the grid
  for (int m = 1; m <= 6; ++m) reference.push_back(reference_values(Family::energy, m, grid));
  double worst = 0;
  for (int m = 1; m <= 5; ++m) {
    for (std::size_t i = 0; i < grid.size(); ++i) {
      const BoseEnergyPair pair = bose_energy_integral_pair(m, grid[i]);
      const double lower_error = relative_error(pair.lower, reference[m - 1][i]);
      const double upper_error = relative_error(pair.upper, reference[m][i]);
      // The same accuracy requirement as the single J_m (the same operations).
      EXPECT_LE(lower_error, target_relative_error) << "J_" << m << "(" << grid[i] << ")";
      EXPECT_LE(upper_error, target_relative_error) << "J_" << m + 1 << "(" << grid[i] << ")";
      worst = std::max({worst, lower_error, upper_error});
    }
  }
  std::printf("  pairs (J_m, J_m+1), m = 1..5: worst relative error %.2e\n", worst);
}

// Arguments that reach every branch of the pair: zero and denormals, both sides of the
// switches at x = 1.5, 3 and 64 (one ulp apart), every tail length of the complement
// (1 + 40/x terms change at x = 40/k), a dense log grid and huge x up to infinity.
std::vector<double> bit_identity_arguments() {
  std::vector<double> xs{0.0,
                         std::numeric_limits<double>::denorm_min(),
                         std::numeric_limits<double>::min(),
                         1e-300,
                         1e300,
                         std::numeric_limits<double>::max(),
                         infinity};
  for (double s : {1.5, 3.0, 64.0}) {
    xs.push_back(std::nextafter(s, 0.0));
    xs.push_back(s);
    xs.push_back(std::nextafter(s, infinity));
  }
  for (int k = 1; k <= 14; ++k) {
    const double switch_x = 40.0 / k;
    xs.push_back(std::nextafter(switch_x, 0.0));
    xs.push_back(switch_x);
    xs.push_back(std::nextafter(switch_x, infinity));
  }
  for (int i = 0; i < 4000; ++i) xs.push_back(1e-10 * std::pow(1e15, i / 3999.0));
  std::mt19937_64 generator(20261124);
  std::uniform_real_distribution<double> uniform(0.0, 70.0);
  for (int i = 0; i < 4000; ++i) xs.push_back(uniform(generator));
  return xs;
}

TEST(BoseIntegrals, EnergyPairIsBitIdenticalToTheSingleIntegrals) {
  // The pair performs, value by value, the operations of bose_energy_integral in the same
  // order (only interleaved), so the guarantee is exact equality, not a tolerance.
  const std::vector<double> xs = bit_identity_arguments();
  int mismatches = 0;
  for (int m = 1; m <= 5; ++m) {
    for (double x : xs) {
      const BoseEnergyPair pair = bose_energy_integral_pair(m, x);
      const double lower = bose_energy_integral(m, x);
      const double upper = bose_energy_integral(m + 1, x);
      EXPECT_EQ(pair.lower, lower) << "J_" << m << "(" << x << ")";
      EXPECT_EQ(pair.upper, upper) << "J_" << m + 1 << "(" << x << ")";
      mismatches += (pair.lower != lower) + (pair.upper != upper);
    }
  }
  std::printf("  pairs vs single J_m: %d mismatches over %zu arguments x 5 orders\n", mismatches,
              xs.size());
}

template <int m>
void expect_unchecked_equal_checked(const std::vector<double>& xs) {
  for (double x : xs) {
    // Unchecked entry points skip only the validation and the dispatch: exact equality.
    EXPECT_EQ(detail::bose_energy_integral_unchecked<m>(x), bose_energy_integral(m, x))
        << "m = " << m << ", x = " << x;
    if constexpr (m <= 5) {
      const BoseEnergyPair unchecked = detail::bose_energy_integral_pair_unchecked<m>(x);
      const BoseEnergyPair checked = bose_energy_integral_pair(m, x);
      EXPECT_EQ(unchecked.lower, checked.lower) << "m = " << m << ", x = " << x;
      EXPECT_EQ(unchecked.upper, checked.upper) << "m = " << m << ", x = " << x;
    }
  }
}

TEST(BoseIntegrals, UncheckedEntryPointsEqualTheCheckedFunctions) {
  const std::vector<double> xs = bit_identity_arguments();
  expect_unchecked_equal_checked<1>(xs);
  expect_unchecked_equal_checked<2>(xs);
  expect_unchecked_equal_checked<3>(xs);
  expect_unchecked_equal_checked<4>(xs);
  expect_unchecked_equal_checked<5>(xs);
  expect_unchecked_equal_checked<6>(xs);
}

TEST(BoseIntegrals, RejectsArgumentsOutsideTheDomain) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (double x : {-1e-300, -1.0, -infinity, nan}) {
    EXPECT_THROW(bose_heat_integral(4, x), std::domain_error);
    EXPECT_THROW(bose_energy_integral(3, x), std::domain_error);
    EXPECT_THROW(bose_heat_kernel(5, x), std::domain_error);
  }
  for (int n : {-1, 0, 1, 7}) {
    EXPECT_THROW(bose_heat_integral(n, 1.0), std::domain_error);
    EXPECT_THROW(bose_heat_kernel(n, 1.0), std::domain_error);
    EXPECT_THROW(bose_heat_integral_complete(n), std::domain_error);
  }
  for (int m : {-1, 0, 7}) {
    EXPECT_THROW(bose_energy_integral(m, 1.0), std::domain_error);
    EXPECT_THROW(bose_energy_integral_complete(m), std::domain_error);
  }
  for (double x : {-1e-300, -1.0, -infinity, nan}) {
    EXPECT_THROW(bose_energy_integral_pair(3, x), std::domain_error);
  }
  for (int m : {-1, 0, 6, 7}) {  // J_6 exists, but the pair J_6, J_7 does not
    EXPECT_THROW(bose_energy_integral_pair(m, 1.0), std::domain_error);
  }
}

}  // namespace
}  // namespace filmtherm
