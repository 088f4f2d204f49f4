#include "filmtherm/bcs_gap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <numbers>
#include <stdexcept>

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/special_functions/bessel.hpp>
#include <boost/math/special_functions/zeta.hpp>
#include <boost/math/tools/roots.hpp>

#include "filmtherm/constants.h"

namespace filmtherm {
namespace {

const double a = std::numbers::pi / std::exp(std::numbers::egamma);

// Independent reference: the gap equation exactly as docs/physics.md writes it, in units of
// k_B T_c (Delta(0) = a): ln(a/Delta) = 2 int_0^inf f(E)/E de, E = sqrt(e^2 + Delta^2),
// f = 1/(e^{E/t} + 1), integrated over e (not the library's sinh substitution) with Boost's
// exp_sinh double-exponential rule and solved for Delta with TOMS 748.
double reference_reduced_gap(double t) {
  // Boost 1.74 declares integrate() non-const (the const binds to the trailing return type).
  static boost::math::quadrature::exp_sinh<double> integrator;
  const auto residual = [t](double gap) {
    const auto integrand = [&](double e) {
      const double energy = std::hypot(e, gap);
      return 1.0 / (energy * (std::exp(energy / t) + 1.0));
    };
    return std::log(a / gap) - 2.0 * integrator.integrate(integrand, 1e-15);
  };
  std::uintmax_t iterations = 200;
  const auto [low, high] =
      boost::math::tools::toms748_solve(residual, 1e-3 * a * std::sqrt(1.0 - t), a,
                                        boost::math::tools::eps_tolerance<double>(50), iterations);
  return 0.5 * (low + high) / a;
}

// d(s^2)/dt of the reference by the 5-point central difference (truncation h^4 f^(5)/30 <=
// 2e-9 for h = 1e-3, since |d^5 s^2/dt^5| < 5e4 on (0, 1); root noise 1e-15/h = 1e-12).
double reference_gap_squared_slope(double t) {
  constexpr double h = 1e-3;
  const auto gap_squared = [](double tt) {
    const double s = reference_reduced_gap(tt);
    return s * s;
  };
  return (gap_squared(t - 2 * h) - 8 * gap_squared(t - h) + 8 * gap_squared(t + h) -
          gap_squared(t + 2 * h)) /
         (12 * h);
}

TEST(BcsGap, GapRatioIsPiOverExpEuler) {
  // Both are double renderings of pi e^-gamma: equal to the last bit or two.
  EXPECT_NEAR(bcs_gap_ratio, a, 4e-16);
  EXPECT_NEAR(bcs_gap_ratio, 1.76388, 1e-5);  // the value quoted in the brief
}

TEST(BcsGap, GinzburgLandauSlopeConstant) {
  // 8 pi^2/(7 zeta(3) a^2) with Boost's zeta: equal to rounding.
  const double expected =
      8.0 * std::numbers::pi * std::numbers::pi / (7.0 * boost::math::zeta(3.0) * a * a);
  EXPECT_NEAR(-bcs_reduced_gap_squared_slope_at_tc, expected, 1e-15 * expected);
}

TEST(BcsGap, FullGapAtZeroTemperature) {
  EXPECT_EQ(bcs_reduced_gap(0.0), 1.0);
  EXPECT_EQ(bcs_reduced_gap_squared_slope(0.0), 0.0);
  EXPECT_EQ(solve_bcs_gap_equation(0.0).reduced_gap, 1.0);
  // 1 - s = 2 K_0(a/t) ~ 3e-20 at t = 0.04: s = 1 in double precision.
  EXPECT_NEAR(bcs_reduced_gap(0.04), 1.0, 1e-16);
}

TEST(BcsGap, NoGapAboveTc) {
  for (const double t : {1.0, 1.0 + 1e-12, 1.5, 100.0}) {
    EXPECT_EQ(bcs_reduced_gap(t), 0.0);
    EXPECT_EQ(bcs_reduced_gap_squared_slope(t), 0.0);
    EXPECT_EQ(solve_bcs_gap_equation(t).reduced_gap, 0.0);
  }
}

TEST(BcsGap, DirectSolveMatchesReference) {
  // Two spectrally accurate quadratures of the same equation, roots to ~1e-15: they agree
  // to 1e-13 (5e-13 next to T_c, where the equation fixes s^2 through a residual ~ (1 - t)).
  for (const double t : {0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99}) {
    EXPECT_NEAR(solve_bcs_gap_equation(t).reduced_gap, reference_reduced_gap(t), 1e-13) << t;
  }
  EXPECT_NEAR(solve_bcs_gap_equation(0.999).reduced_gap, reference_reduced_gap(0.999), 5e-13);
}

TEST(BcsGap, DirectSlopeMatchesReferenceDifference) {
  // Implicit differentiation in the library vs a 5-point difference of the reference:
  // 1e-8 covers the difference's truncation (2e-9).
  for (const double t : {0.2, 0.4, 0.6, 0.8, 0.95, 0.99}) {
    EXPECT_NEAR(solve_bcs_gap_equation(t).reduced_gap_squared_slope, reference_gap_squared_slope(t),
                1e-8)
        << t;
  }
}

TEST(BcsGap, InterpolationMatchesReference) {
  // 150 points spread over (0.04, 1) that are not table nodes. Stated in bcs_gap.h:
  // |error| in s^2 <= 2e-11 absolute and <= 4e-9 relative, in d(s^2)/dt <= 2e-8 (the
  // comparison adds the reference difference's 2e-9).
  double worst_gap_squared = 0.0;
  double worst_relative = 0.0;
  double worst_slope = 0.0;
  for (int k = 0; k < 150; ++k) {
    const double t = 0.04 + 0.96 * (k + 0.377) / 150.0;
    const double s_ref = reference_reduced_gap(t);
    const BcsReducedGap interpolated = bcs_reduced_gap_state(t);
    const double error =
        std::abs(interpolated.reduced_gap * interpolated.reduced_gap - s_ref * s_ref);
    worst_gap_squared = std::max(worst_gap_squared, error);
    worst_relative = std::max(worst_relative, error / (s_ref * s_ref));
    if (t < 0.997) {  // the 5-point difference needs t + 2h < 1
      worst_slope = std::max(worst_slope, std::abs(interpolated.reduced_gap_squared_slope -
                                                   reference_gap_squared_slope(t)));
    }
  }
  EXPECT_LT(worst_gap_squared, 2e-11);
  EXPECT_LT(worst_relative, 4e-9);
  EXPECT_LT(worst_slope, 2.2e-8);
  RecordProperty("worst_gap_squared_error", std::to_string(worst_gap_squared));
  RecordProperty("worst_relative_gap_squared_error", std::to_string(worst_relative));
  RecordProperty("worst_slope_error", std::to_string(worst_slope));
  std::printf("gap interpolation: worst |ds^2| %.2e, relative %.2e, |d(s^2)/dt| %.2e\n",
              worst_gap_squared, worst_relative, worst_slope);
}

TEST(BcsGap, InterpolationNextToTcAgainstDirectSolve) {
  // Cells of the table next to T_c, against the library's direct solve (validated above):
  // relative error in s^2 <= 4e-9 and slope error <= 2e-8, as stated.
  for (const double one_minus_t : {3e-3, 1e-3, 3e-4, 1e-4, 1e-5}) {
    const double t = 1.0 - one_minus_t;
    const BcsReducedGap direct = solve_bcs_gap_equation(t);
    const BcsReducedGap interpolated = bcs_reduced_gap_state(t);
    const double direct_squared = direct.reduced_gap * direct.reduced_gap;
    EXPECT_NEAR(interpolated.reduced_gap * interpolated.reduced_gap, direct_squared,
                4e-9 * direct_squared);
    EXPECT_NEAR(interpolated.reduced_gap_squared_slope, direct.reduced_gap_squared_slope, 2e-8);
  }
}

TEST(BcsGap, TableNodesAreDirectSolves) {
  // The table is generated at build time (bcs_gap.h: 1025 nodes uniform in y = ln(1/t) over
  // t in [0.04, 1]); at its nodes the interpolant must return the direct solve itself, not
  // just agree to the 1e-11 of mid-cell points: a wrong grid or a stale generated file shows
  // here. -ln(t_i) differs from y_i by an ulp or two (<= 1e-15), which moves s^2 by
  // <= 3e-15 (|d(s^2)/dy| <= 3.02) and d(s^2)/dt, = -(d(s^2)/dy)/t with t >= 0.04, by
  // O(1e-14); tolerances 1e-14 and 1e-12 (at all 1023 inner nodes the differences are
  // 2.2e-16 and 2.2e-15), against ~1e-2 and ~1 for a grid shifted by one node.
  const double step_y = std::log(25.0) / 1024.0;
  for (const int node : {1, 2, 3, 10, 100, 337, 512, 800, 1000, 1023}) {
    const double t = std::exp(-step_y * node);
    const BcsReducedGap direct = solve_bcs_gap_equation(t);
    const BcsReducedGap interpolated = bcs_reduced_gap_state(t);
    EXPECT_NEAR(interpolated.reduced_gap * interpolated.reduced_gap,
                direct.reduced_gap * direct.reduced_gap, 1e-14)
        << "node " << node;
    EXPECT_NEAR(interpolated.reduced_gap_squared_slope, direct.reduced_gap_squared_slope, 1e-12)
        << "node " << node;
  }
}

TEST(BcsGap, GinzburgLandauLimit) {
  // s^2 = A (1 - t) (1 + b (1 - t) + ...) with A = 8 pi^2/(7 zeta(3) a^2): the relative
  // deviation from the GL law must shrink linearly with 1 - t (|b| < 2), for the
  // independent reference and for the interpolated gap.
  const double slope =
      8.0 * std::numbers::pi * std::numbers::pi / (7.0 * boost::math::zeta(3.0) * a * a);
  for (const double one_minus_t : {1e-2, 1e-3, 1e-4}) {
    const double t = 1.0 - one_minus_t;
    const double s_ref = reference_reduced_gap(t);
    EXPECT_NEAR(s_ref * s_ref / (slope * one_minus_t), 1.0, 2.0 * one_minus_t) << t;
    const double s = bcs_reduced_gap(t);
    EXPECT_NEAR(s * s / (slope * one_minus_t), 1.0, 2.0 * one_minus_t) << t;
    // d(s^2)/dt -> -A with the same linear approach.
    EXPECT_NEAR(bcs_reduced_gap_squared_slope(t) / -slope, 1.0, 4.0 * one_minus_t) << t;
  }
  // Delta(T) = 3.06 k_B T_c sqrt(1 - t), the textbook form (3 digits).
  EXPECT_NEAR(a * std::sqrt(slope), 3.06, 5e-3);
}

TEST(BcsGap, LowTemperatureGapFollowsBesselSeries) {
  // Expanding the Fermi function, the gap equation reads -ln s = 2 sum_n (-1)^(n+1)
  // K_0(n a s/t) exactly; for t <= 0.3 three terms reach 1e-7 relative. -ln s is ~1e-4 at
  // t = 0.2, and the table's absolute s^2 error (2e-11) allows 1e-6 relative.
  for (const double t : {0.15, 0.2, 0.25, 0.3}) {
    const double s = bcs_reduced_gap(t);
    const double delta = a * s / t;
    double series = 0.0;
    for (int n = 1; n <= 3; ++n) {
      series += (n % 2 == 1 ? 2.0 : -2.0) * boost::math::cyl_bessel_k(0, n * delta);
    }
    EXPECT_NEAR(-std::log(s), series, 1e-6 * series) << t;
  }
}

TEST(BcsGap, ContinuousAtEdgeOfTable) {
  // Below t = 0.04 the closed form -ln s = 2 K_0(a/t) takes over; both sides agree to
  // rounding in s and to 1e-6 relative in the (tiny, ~6e-17) slope.
  const double below = bcs_reduced_gap_squared_slope(0.04 * (1 - 1e-12));
  const double above = bcs_reduced_gap_squared_slope(0.04 * (1 + 1e-12));
  EXPECT_NEAR(below, above, 1e-6 * std::abs(above));
  EXPECT_NEAR(bcs_reduced_gap(0.04 * (1 - 1e-12)), bcs_reduced_gap(0.04 * (1 + 1e-12)), 1e-16);
}

TEST(BcsGap, TypedGap) {
  // Delta(0) = a k_B T_c; Delta(T) = Delta(0) s(t). 1e-15 relative: one product.
  const Temperature critical = from_si<Temperature>(10.5);
  const double zero_temperature_gap = a * si_constants::boltzmann_J_per_K * 10.5;
  EXPECT_NEAR(bcs_gap(from_si<Temperature>(0.0), critical).value(), zero_temperature_gap,
              1e-15 * zero_temperature_gap);
  EXPECT_NEAR(bcs_gap(from_si<Temperature>(5.25), critical).value(),
              zero_temperature_gap * bcs_reduced_gap(0.5), 1e-15 * zero_temperature_gap);
  EXPECT_EQ(bcs_gap(from_si<Temperature>(11.0), critical).value(), 0.0);
}

TEST(BcsGap, RejectsInvalidTemperatures) {
  EXPECT_THROW(bcs_reduced_gap(-0.1), std::domain_error);
  EXPECT_THROW(bcs_reduced_gap(std::numeric_limits<double>::quiet_NaN()), std::domain_error);
  EXPECT_THROW(solve_bcs_gap_equation(-1.0), std::domain_error);
  EXPECT_THROW(bcs_gap(from_si<Temperature>(1.0), from_si<Temperature>(0.0)), std::domain_error);
}

}  // namespace
}  // namespace filmtherm
