#include "filmtherm/electron_heat_capacity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <numbers>
#include <stdexcept>

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <boost/math/special_functions/zeta.hpp>
#include <boost/math/tools/roots.hpp>

namespace filmtherm {
namespace {

using std::numbers::pi;
const double a = pi / std::exp(std::numbers::egamma);

SommerfeldCoefficient gamma_of(double value) {
  return from_si<SommerfeldCoefficient>(value);
}
Temperature kelvin(double value) {
  return from_si<Temperature>(value);
}

// Reduced models: gamma = 1 J m^-3 K^-2 and T_c = 1 K, so C = c(t), U = u(t).
const BcsHeatCapacity reduced_bcs(gamma_of(1.0), kelvin(1.0));
const Yang2007HeatCapacity reduced_yang(gamma_of(1.0), kelvin(1.0));

// Boost 1.74 declares exp_sinh::integrate() non-const (the const binds to the return type).
boost::math::quadrature::exp_sinh<double>& half_line() {
  static boost::math::quadrature::exp_sinh<double> integrator;
  return integrator;
}

// Independent reference gap (as in test_bcs_gap.cpp): docs/physics.md's gap equation integrated
// over e with exp_sinh, solved with TOMS 748; units of k_B T_c, returns s = Delta/(a k_B T_c).
double reference_reduced_gap(double t) {
  const auto residual = [t](double gap) {
    const auto integrand = [&](double e) {
      const double energy = std::hypot(e, gap);
      return 1.0 / (energy * (std::exp(energy / t) + 1.0));
    };
    return std::log(a / gap) - 2.0 * half_line().integrate(integrand, 1e-15);
  };
  std::uintmax_t iterations = 200;
  const auto [low, high] =
      boost::math::tools::toms748_solve(residual, 1e-3 * a * std::sqrt(1.0 - t), a,
                                        boost::math::tools::eps_tolerance<double>(50), iterations);
  return 0.5 * (low + high) / a;
}

// Reference C_es/(gamma T_c): the docs/physics.md section 2 integral over e (exp_sinh), with the
// reference gap and d(s^2)/dt by a 5-point difference (h = 5e-4, error ~1e-10, which
// enters C weighted by t/2).
double reference_bcs_heat_capacity(double t) {
  constexpr double h = 5e-4;
  const auto gap_squared = [](double tt) {
    const double s = reference_reduced_gap(tt);
    return s * s;
  };
  const double slope = (gap_squared(t - 2 * h) - 8 * gap_squared(t - h) + 8 * gap_squared(t + h) -
                        gap_squared(t + 2 * h)) /
                       (12 * h);
  const double s = reference_reduced_gap(t);
  const auto integrand = [&](double e) {
    const double x = a * std::sqrt(e * e + s * s) / t;
    const double exp_minus_x = std::exp(-x);
    const double fermi_product = exp_minus_x / ((1 + exp_minus_x) * (1 + exp_minus_x));
    return fermi_product * ((e * e + s * s) / t - 0.5 * slope);
  };
  return 6 * a * a * a / (pi * pi * t) * half_line().integrate(integrand, 1e-14);
}

// int_0^t c dt' of a reduced model by tanh-sinh quadrature to 1e-13 (it copes with the
// e^(-a/t) rise that makes adaptive Gauss-Kronrod crawl).
template <class F>
double integral_from_zero(const F& c, double t) {
  static boost::math::quadrature::tanh_sinh<double> integrator;
  return integrator.integrate(c, 0.0, t, 1e-13);
}

// 5-point central difference of f at x with step h.
template <class F>
double five_point_slope(const F& f, double x, double h) {
  return (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h);
}

// ---- Sommerfeld and the normal side ----------------------------------------------------------

TEST(SommerfeldHeatCapacity, ClosedForms) {
  // C = gamma T, dC/dT = gamma, U = gamma T^2/2: single products, so 1e-15 relative.
  const SommerfeldHeatCapacity model(gamma_of(117.0));
  EXPECT_NEAR(model.heat_capacity(kelvin(10.0)).value(), 1170.0, 1e-12);
  EXPECT_NEAR(model.heat_capacity_slope(kelvin(3.0)).value(), 117.0, 1e-13);
  EXPECT_NEAR(model.energy(kelvin(10.0)).value(), 5850.0, 1e-11);
  EXPECT_NEAR(model.energy_between(kelvin(2.0), kelvin(10.0)).value(), 117.0 * 48.0, 1e-11);
  EXPECT_EQ(model.sommerfeld_coefficient().value(), 117.0);
}

TEST(SommerfeldHeatCapacity, DepositClosedFormAndGenericSolverAgree) {
  // T_e0 = sqrt(T_b^2 + 2E/gamma); the base class's bracketing + TOMS 748 solve (called
  // non-virtually) must find the same root to ~4 ulp.
  const SommerfeldHeatCapacity model(gamma_of(117.0));
  for (const double bath_K : {0.0, 2.0, 8.0}) {
    for (const double energy : {1e-3, 3.2e3, 1e5}) {
      const double expected = std::sqrt(bath_K * bath_K + 2 * energy / 117.0);
      EXPECT_NEAR(model.temperature_after_deposit_K(bath_K, energy), expected, 1e-15 * expected);
      EXPECT_NEAR(model.ElectronHeatCapacity::temperature_after_deposit_K(bath_K, energy), expected,
                  1e-15 * expected);
    }
  }
}

TEST(SuperconductingHeatCapacity, NormalStateAboveTc) {
  // gamma T, gamma and U(T) - U(T_c) = gamma (T^2 - T_c^2)/2 above T_c, exactly (rounding).
  const BcsHeatCapacity bcs(gamma_of(116.0), kelvin(10.5));
  const Yang2007HeatCapacity yang(gamma_of(116.0), kelvin(10.5));
  for (const SuperconductingHeatCapacity* model :
       {static_cast<const SuperconductingHeatCapacity*>(&bcs),
        static_cast<const SuperconductingHeatCapacity*>(&yang)}) {
    for (const double T : {10.5, 11.0, 20.0, 300.0}) {
      EXPECT_NEAR(model->heat_capacity_J_per_m3_K(T), 116.0 * T, 1e-13 * 116.0 * T);
      EXPECT_EQ(model->heat_capacity_slope_J_per_m3_K2(T), 116.0);
      const double expected = 58.0 * (T * T - 10.5 * 10.5);
      EXPECT_NEAR(model->energy_between(kelvin(10.5), kelvin(T)).value(), expected,
                  1e-12 * (expected + 1e4));
    }
  }
}

// ---- BCS --------------------------------------------------------------------------------------

TEST(BcsHeatCapacity, JumpAtTc) {
  // C(T_c - 0)/(gamma T_c) = 1 + 12/(7 zeta(3)); the node at T_c is exact and the slope
  // (4.8) moves it by 5e-12 at 1 - t = 1e-12, hence 1e-10. docs/physics.md: 1.43 +- 0.01.
  const double jump = 12.0 / (7.0 * boost::math::zeta(3.0));
  const double below = reduced_bcs.heat_capacity_J_per_m3_K(1.0 - 1e-12);
  EXPECT_NEAR(below, 1.0 + jump, 1e-10);
  EXPECT_NEAR(below - reduced_bcs.heat_capacity_J_per_m3_K(1.0), 1.43, 0.01);
  EXPECT_EQ(reduced_bcs.heat_capacity_J_per_m3_K(1.0), 1.0);  // T_c itself is the normal side
}

TEST(BcsHeatCapacity, MatchesReferenceIntegral) {
  // Table vs the independent reference at points off the nodes; stated error 2e-11
  // relative, the reference is good to ~1e-12: tolerance 1e-10.
  double worst = 0.0;
  for (const double t : {0.0411, 0.05, 0.0773, 0.1, 0.1537, 0.2, 0.3, 0.4321, 0.5, 0.6, 0.7, 0.8,
                         0.8765, 0.9, 0.95, 0.98, 0.99, 0.997}) {
    const double expected = reference_bcs_heat_capacity(t);
    const double relative = std::abs(reduced_bcs.heat_capacity_J_per_m3_K(t) / expected - 1.0);
    EXPECT_LT(relative, 1e-10) << "t = " << t;
    worst = std::max(worst, relative);
  }
  std::printf("BCS C vs reference: worst relative error %.2e\n", worst);
}

TEST(BcsHeatCapacity, SlopeMatchesReferenceDifference) {
  // dC/dT of the table vs a 5-point difference of the reference (h = 1e-3 t: truncation
  // (h a/t^2)^4/30 <= 1e-8 at t = 0.08, reference noise ~1e-10); stated error 1e-9, so the
  // tolerance is the difference's 3e-8.
  for (const double t : {0.08, 0.25, 0.5, 0.75, 0.95}) {
    const double expected =
        five_point_slope([](double tt) { return reference_bcs_heat_capacity(tt); }, t, 1e-3 * t);
    EXPECT_NEAR(reduced_bcs.heat_capacity_slope_J_per_m3_K2(t), expected, 3e-8 * std::abs(expected))
        << "t = " << t;
  }
}

TEST(BcsHeatCapacity, ExponentialSuppressionAtLowTemperature) {
  // With beta = Delta0/(k_B T) = a/t, C_es/(gamma T_c) -> (6 a/pi^2) sqrt(pi/2) beta^(3/2)
  // e^-beta (1 + 1.375/beta + 1.758/beta^2) (the large-argument series of K_3 + 3 K_1; the
  // prefactor is 1.34, i.e. 3.15 (T_c/T)^(3/2)); the next term is 0.92/beta^3, so 1.5/beta^3.
  // Its log-slope d ln C/d beta -> -1 + 1.5/beta - 1.375/beta^2 (next term ~1/beta^3).
  const double prefactor = 6 * a / (pi * pi) * std::sqrt(pi / 2);
  EXPECT_NEAR(prefactor, 1.34, 5e-3);
  for (const double t : {0.02, 0.03, 0.05, 0.07, 0.1}) {
    const double beta = a / t;
    const double asymptotic = prefactor * std::pow(beta, 1.5) * std::exp(-beta) *
                              (1 + 1.375 / beta + 1.758 / (beta * beta));
    EXPECT_NEAR(reduced_bcs.heat_capacity_J_per_m3_K(t) / asymptotic, 1.0,
                1.5 / (beta * beta * beta))
        << "t = " << t;
    const double log_slope = reduced_bcs.heat_capacity_slope_J_per_m3_K2(t) /
                             reduced_bcs.heat_capacity_J_per_m3_K(t) * (-t * t / a);
    EXPECT_NEAR(log_slope, -1 + 1.5 / beta - 1.375 / (beta * beta), 4 / (beta * beta * beta))
        << "t = " << t;
  }
}

TEST(BcsHeatCapacity, ContinuousAtEdgeOfTable) {
  // At t = 0.04 the closed form takes over from the table: both sides agree to the table's
  // 1e-9 (C, dC/dT relative to 1e-6) and U to 1e-10.
  const double below = 0.04 * (1 - 1e-13);
  const double above = 0.04 * (1 + 1e-13);
  const auto relative_jump = [](double lower, double upper) {
    return std::abs(upper / lower - 1.0);
  };
  EXPECT_LT(relative_jump(reduced_bcs.heat_capacity_J_per_m3_K(below),
                          reduced_bcs.heat_capacity_J_per_m3_K(above)),
            1e-9);
  EXPECT_LT(relative_jump(reduced_bcs.heat_capacity_slope_J_per_m3_K2(below),
                          reduced_bcs.heat_capacity_slope_J_per_m3_K2(above)),
            1e-6);
  EXPECT_LT(relative_jump(reduced_bcs.energy_J_per_m3(below), reduced_bcs.energy_J_per_m3(above)),
            1e-10);
}

TEST(BcsHeatCapacity, SlopeMatchesFiniteDifference) {
  // dC/dT vs a 5-point difference of C itself, h = 1e-4 T: truncation (1e-4 a/t)^4 < 1e-9,
  // rounding 1e-16/1e-4; tolerance 1e-7 relative (C is C^2 in t everywhere below T_c).
  const BcsHeatCapacity model(gamma_of(116.0), kelvin(10.5));
  for (const double T : {0.3, 0.5, 1.0, 2.0, 4.0, 6.0, 8.0, 9.5, 10.3}) {
    const double expected =
        five_point_slope([&](double x) { return model.heat_capacity_J_per_m3_K(x); }, T, 1e-4 * T);
    EXPECT_NEAR(model.heat_capacity_slope_J_per_m3_K2(T), expected, 1e-7 * std::abs(expected)) << T;
  }
}

TEST(BcsHeatCapacity, EnergyIsIntegralOfHeatCapacity) {
  // U(t) vs tanh-sinh quadrature of the library's own C over [0, t] (independent of the energy
  // table and of the closed-form tail): stated 1e-11 relative, quadrature 1e-13.
  for (const double t : {0.03, 0.05, 0.1, 0.3, 0.6, 0.9, 0.999}) {
    const double expected =
        integral_from_zero([](double x) { return reduced_bcs.heat_capacity_J_per_m3_K(x); }, t);
    EXPECT_NEAR(reduced_bcs.energy_J_per_m3(t), expected, 2e-11 * expected) << "t = " << t;
  }
}

TEST(BcsHeatCapacity, EnergySlopeIsHeatCapacity) {
  // dU/dT by a 5-point difference (h = 1e-5 T: truncation (h a/t^2)^4/30 < 1e-10 down to
  // t = 0.005, rounding 1e-16/1e-5) vs C: the Hermite interpolant of ln U carries the exact
  // slope C at the nodes; in between its derivative is off by <= 3e-10 relative (stated),
  // tolerance 1e-9.
  const BcsHeatCapacity model(gamma_of(116.0), kelvin(10.5));
  double worst = 0.0;
  for (int k = 1; k < 200; ++k) {
    const double T = 10.5 * k / 200.0;
    const double slope =
        five_point_slope([&](double x) { return model.energy_J_per_m3(x); }, T, 1e-5 * T);
    const double relative = std::abs(slope / model.heat_capacity_J_per_m3_K(T) - 1.0);
    worst = std::max(worst, relative);
  }
  EXPECT_LT(worst, 1e-9);
  std::printf("BCS dU/dT vs C: worst relative difference %.2e\n", worst);
}

TEST(BcsHeatCapacity, FromHeatCapacityAtReference) {
  // gamma chosen so that C(T_ref) is the given value: reproduces it to rounding.
  const BcsHeatCapacity model = BcsHeatCapacity::from_heat_capacity_at(
      kelvin(10.0), from_si<VolumetricHeatCapacity>(2400.0), kelvin(10.5));
  EXPECT_NEAR(model.heat_capacity_J_per_m3_K(10.0), 2400.0, 1e-10);
  EXPECT_EQ(model.critical_temperature().value(), 10.5);
}

// ---- Yang 2007 ---------------------------------------------------------------------------------

TEST(Yang2007HeatCapacity, ClosedForm) {
  // C = 2.43 gamma T_c exp(-Delta/(k_B T)), Delta = 2.15 k_B T_c (1 - t^2), written out here;
  // dC/dT vs its analytic derivative C * 2.15 T_c (1/T^2 + 1/T_c^2). One exp: 1e-14.
  const double gamma = 116.0;
  const double critical_K = 10.5;
  const Yang2007HeatCapacity model(gamma_of(gamma), kelvin(critical_K));
  for (const double T : {1.0, 3.0, 6.0, 10.0, 10.49}) {
    const double t = T / critical_K;
    const double gap_over_kT = 2.15 * critical_K * (1 - t * t) / T;
    const double expected = 2.43 * gamma * critical_K * std::exp(-gap_over_kT);
    EXPECT_NEAR(model.heat_capacity_J_per_m3_K(T), expected, 1e-14 * expected) << T;
    const double slope =
        expected * 2.15 * critical_K * (1 / (T * T) + 1 / (critical_K * critical_K));
    EXPECT_NEAR(model.heat_capacity_slope_J_per_m3_K2(T), slope, 1e-14 * slope) << T;
  }
  // The jump at T_c: 2.43 - 1 = 1.43 gamma T_c.
  EXPECT_NEAR(model.heat_capacity_J_per_m3_K(critical_K * (1 - 1e-15)) -
                  model.heat_capacity_J_per_m3_K(critical_K),
              1.43 * gamma * critical_K, 1e-9);
}

TEST(Yang2007HeatCapacity, Physics6ConsistencyCheck) {
  // docs/physics.md section 6: c_e(10 K) = 2400 J m^-3 K^-1 with T_c = 10.5 K read as a
  // superconducting value gives gamma = 116 J m^-3 K^-2 (three digits: within 0.5); the
  // closed-form inversion is one exp, 1e-13.
  const Yang2007HeatCapacity model = Yang2007HeatCapacity::from_heat_capacity_at(
      kelvin(10.0), from_si<VolumetricHeatCapacity>(2400.0), kelvin(10.5));
  const double t = 10.0 / 10.5;
  const double expected = 2400.0 / (2.43 * 10.5 * std::exp(-2.15 * 10.5 * (1 - t * t) / 10.0));
  EXPECT_NEAR(model.sommerfeld_coefficient().value(), expected, 1e-13 * expected);
  EXPECT_NEAR(model.sommerfeld_coefficient().value(), 116.0, 0.5);
}

TEST(Yang2007HeatCapacity, EnergyIsIntegralOfClosedForm) {
  // U(t) vs tanh-sinh quadrature of the closed form written out here (independent of the library
  // entirely): stated 1e-11 relative, below and inside the table; quadrature 1e-13.
  const auto closed_form = [](double t) {
    return t == 0.0 ? 0.0 : 2.43 * std::exp(-2.15 * (1 - t * t) / t);
  };
  for (const double t : {0.02, 0.04, 0.0401, 0.1, 0.3, 0.6, 0.9, 1.0}) {
    const double expected = integral_from_zero(closed_form, t);
    EXPECT_NEAR(reduced_yang.energy_J_per_m3(t), expected, 2e-11 * expected) << "t = " << t;
  }
}

TEST(Yang2007HeatCapacity, EnergySlopeIsHeatCapacity) {
  // As for BCS: dU/dT by a 5-point difference (h = 1e-5 t) vs C, 1e-9 relative.
  double worst = 0.0;
  for (int k = 1; k < 200; ++k) {
    const double t = k / 200.0;
    const double slope =
        five_point_slope([](double x) { return reduced_yang.energy_J_per_m3(x); }, t, 1e-5 * t);
    worst = std::max(worst, std::abs(slope / reduced_yang.heat_capacity_J_per_m3_K(t) - 1.0));
  }
  EXPECT_LT(worst, 1e-9);
  std::printf("Yang dU/dT vs C: worst relative difference %.2e\n", worst);
}

// ---- Energy deposit -----------------------------------------------------------------------------

TEST(ElectronHeatCapacity, DepositRoundTrip) {
  // T_e0 solves U(T_e0) - U(T_b) = E: checked by recomputing the energy, for deposits ending
  // below and above T_c. Tolerance 1e-10 E plus what a root exact to a few ulp can give:
  // 1e-14 (U + C T) at T_e0. 3.2e3 J/m^3 is 0.8 eV in a 100 nm x 100 nm x 4 nm hotspot.
  const BcsHeatCapacity bcs(gamma_of(116.0), kelvin(10.5));
  const Yang2007HeatCapacity yang(gamma_of(116.0), kelvin(10.5));
  for (const ElectronHeatCapacity* model : {static_cast<const ElectronHeatCapacity*>(&bcs),
                                            static_cast<const ElectronHeatCapacity*>(&yang)}) {
    for (const double bath_K : {0.0, 0.3, 2.0, 8.0}) {
      for (const double energy : {1e-6, 1.0, 3.2e3, 2e4, 1e6}) {
        const Temperature hot =
            model->temperature_after_deposit(kelvin(bath_K), from_si<EnergyDensity>(energy));
        EXPECT_GT(hot.value(), bath_K);
        const double recovered = model->energy_between(kelvin(bath_K), hot).value();
        const double T = hot.value();
        EXPECT_NEAR(recovered, energy,
                    1e-10 * energy + 1e-14 * (model->energy_J_per_m3(T) +
                                              model->heat_capacity_J_per_m3_K(T) * T))
            << "T_b = " << bath_K << " K, E = " << energy;
      }
    }
    EXPECT_EQ(model->temperature_after_deposit_K(2.0, 0.0), 2.0);
  }
}

TEST(ElectronHeatCapacity, RejectsInvalidInput) {
  const BcsHeatCapacity bcs(gamma_of(116.0), kelvin(10.5));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(bcs.heat_capacity_J_per_m3_K(-1.0), std::domain_error);
  EXPECT_THROW(bcs.energy_J_per_m3(nan), std::domain_error);
  EXPECT_THROW(bcs.temperature_after_deposit_K(2.0, -1.0), std::domain_error);
  EXPECT_THROW(bcs.temperature_after_deposit_K(-2.0, 1.0), std::domain_error);
  EXPECT_THROW(BcsHeatCapacity(gamma_of(0.0), kelvin(10.0)), std::invalid_argument);
  EXPECT_THROW(Yang2007HeatCapacity(gamma_of(100.0), kelvin(nan)), std::invalid_argument);
  EXPECT_THROW(SommerfeldHeatCapacity(gamma_of(-1.0)), std::invalid_argument);
  // C(0.01 K) of a 10.5 K superconductor underflows: gamma cannot be fixed from it.
  EXPECT_THROW(BcsHeatCapacity::from_heat_capacity_at(
                   kelvin(0.01), from_si<VolumetricHeatCapacity>(1.0), kelvin(10.5)),
               std::invalid_argument);
}

TEST(ElectronHeatCapacity, ZeroTemperature) {
  // Everything vanishes at T = 0 (the reference point of U).
  EXPECT_EQ(reduced_bcs.heat_capacity_J_per_m3_K(0.0), 0.0);
  EXPECT_EQ(reduced_bcs.energy_J_per_m3(0.0), 0.0);
  EXPECT_EQ(reduced_yang.heat_capacity_J_per_m3_K(0.0), 0.0);
  EXPECT_EQ(reduced_yang.energy_J_per_m3(0.0), 0.0);
  EXPECT_EQ(reduced_bcs.heat_capacity_slope_J_per_m3_K2(0.0), 0.0);
}

}  // namespace
}  // namespace filmtherm
