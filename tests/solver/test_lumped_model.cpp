// The lumped two-temperature model against closed forms: the small-signal
// (linearised) solution, the energy step, the one-temperature limit of a very
// fast escape, and the qualitative shape of a hot start.
#include <gtest/gtest.h>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>

#include "filmtherm/hotspot_cooling.h"
#include "lumped_test_devices.h"

namespace filmtherm {
namespace {

using testing::lumped_device;
using testing::LumpedParameters;
using testing::registry;

// Energy eta E that raises Sommerfeld electrons from T_b by `rise_K`:
// integral_{T_b}^{T_b+rise} gamma T dT = gamma (T_b rise + rise^2 / 2).
double energy_for_rise(const LumpedParameters& p, double rise_K) {
  return p.sommerfeld * (p.bath_temperature * rise_K + 0.5 * rise_K * rise_K) * p.hotspot_volume();
}

TEST(LumpedModel, EnergyStepSolvesTheSommerfeldIntegral) {
  LumpedParameters p;
  HotspotCooling run(lumped_device(p), registry());
  const CoolingResult result = run.run();
  // Closed form: gamma/2 (T0^2 - T_b^2) = eta E / V.
  const double expected_K =
      std::sqrt(p.bath_temperature * p.bath_temperature +
                2.0 * p.absorbed_energy / (p.hotspot_volume() * p.sommerfeld));
  // TOMS 748 to 50 bits on U(T) - U(T_b): a few ulp of T.
  EXPECT_NEAR(result.electrons.peak_K, expected_K, 1e-13 * expected_K);
  EXPECT_DOUBLE_EQ(result.trace.front().electron_temperature_K, result.electrons.peak_K);
}

// Linearised at the bath, d(theta_e, theta_ph)/dt = A (theta_e, theta_ph) with
// A = [[-G/C_e, G/C_e], [G/C_ph, -G/C_ph - 1/tau_esc]], G = dP_ep/dT_e = m Sigma T_b^(m-1),
// and dP_esc/dT_ph = C_ph/tau_esc at T_ph = T_b. Solved by the 2x2 matrix exponential.
struct LinearisedSolution {
  double a11, a12, a21, a22;
  std::array<double, 2> at(double t, double theta_e0) const {
    const double m = 0.5 * (a11 + a22);
    const double s = std::sqrt(m * m - (a11 * a22 - a12 * a21));
    const double ch = std::cosh(s * t), sh = std::sinh(s * t) / s, e = std::exp(m * t);
    return {e * (ch + sh * (a11 - m)) * theta_e0, e * sh * a21 * theta_e0};
  }
  std::array<double, 2> time_constants() const {
    const double m = 0.5 * (a11 + a22);
    const double s = std::sqrt(m * m - (a11 * a22 - a12 * a21));
    return {-1.0 / (m - s), -1.0 / (m + s)};
  }
};

LinearisedSolution linearised(const LumpedParameters& p) {
  const double tb = p.bath_temperature;
  const double g = p.power_exponent() * p.sigma() * std::pow(tb, p.power_exponent() - 1.0);
  const double ce = p.electron_heat_capacity(tb);
  const double cph = p.phonon_heat_capacity(tb);
  return {-g / ce, g / ce, g / cph, -g / cph - 1.0 / p.escape_time};
}

TEST(LumpedModel, SmallSignalMatchesTheLinearisedTwoExponentialSolution) {
  LumpedParameters p;
  const double rise_K = 2e-8 * p.bath_temperature;
  p.absorbed_energy = energy_for_rise(p, rise_K);
  const LinearisedSolution exact = linearised(p);
  Device device = lumped_device(p);
  const double slow_s = exact.time_constants()[1];
  device.solver.end_time.value = from_si<Time>(3.0 * slow_s);
  // Plugins receive absolute temperatures, so a rise carries rounding noise of
  // about 1e-16 T_b / rise = 1e-8 relative: the tolerances stay above that floor.
  device.solver.absolute_tolerance.value = from_si<Temperature>(1e-20);
  device.solver.relative_tolerance.value = 1e-9;
  HotspotCooling run(device, registry());
  const CoolingResult result = run.run();

  const auto constants = result.linearised_time_constants_s;
  // Same 2x2 eigenproblem from the plugin's slopes: rounding only.
  EXPECT_NEAR(constants[0], exact.time_constants()[0], 1e-12 * constants[0]);
  EXPECT_NEAR(constants[1], exact.time_constants()[1], 1e-12 * constants[1]);

  double worst = 0.0;
  for (const CoolingSample& s : result.trace) {
    const auto theta = exact.at(s.time_s, rise_K);
    worst = std::max({worst, std::abs(s.electron_rise_K - theta[0]) / theta[0],
                      s.time_s > 0.0 ? std::abs(s.phonon_rise_K - theta[1]) / theta[1] : 0.0});
  }
  // Required: 1e-6 relative over the whole trace (1 fs to three slow time
  // constants). Contributions: the nonlinearity, about m * rise/T_b = 1.1e-7;
  // rounding, about 1e-8 per evaluation; the solver at rtol 1e-9.
  EXPECT_LT(worst, 1e-6);
  std::printf("small-signal worst relative error %.3g over %zu samples, %ld steps\n", worst,
              result.trace.size(), result.statistics.steps);
}

// Relative error of T_e - T_b against the one-temperature model
// C_e dT_e/dt = -P_ep(T_e, T_b), whose solution is t(T) = int_T^{T0} C_e/P_ep dT'.
double one_temperature_deviation(const LumpedParameters& p, const CoolingResult& result) {
  const double tb = p.bath_temperature;
  const double t0 = result.electrons.peak_K;
  auto rate = [&](double te) {
    return p.electron_heat_capacity(te) / p.electron_phonon_power(te, tb);
  };
  double worst = 0.0;
  for (const CoolingSample& s : result.trace) {
    if (s.time_s <= 0.0 || s.electron_rise_K < 0.01 * (t0 - tb)) continue;
    const double te = s.electron_temperature_K;
    const double t_reference =
        boost::math::quadrature::gauss_kronrod<double, 61>::integrate(rate, te, t0, 10, 1e-13);
    // First order: a time error dt shifts the rise by dt * P_ep / C_e.
    const double rise_error = (s.time_s - t_reference) / rate(te);
    worst = std::max(worst, std::abs(rise_error) / s.electron_rise_K);
  }
  return worst;
}

// With tau_esc -> 0 the phonons stay at T_b: the deviation from the
// one-temperature model is of first order in tau_esc G / C_ph (G = dP_ep/dT_e).
TEST(LumpedModel, VeryFastEscapeReducesToTheOneTemperatureModel) {
  std::array<double, 2> deviation{};
  const std::array<double, 2> ratios{1e-5, 1e-6};
  for (int k = 0; k < 2; ++k) {
    LumpedParameters p;
    const double tb = p.bath_temperature;
    const double g = p.power_exponent() * p.sigma() * std::pow(tb, p.power_exponent() - 1.0);
    p.escape_time = ratios[k] * p.phonon_heat_capacity(tb) / g;
    Device device = lumped_device(p);
    device.solver.end_time.value = from_si<Time>(15e-9);
    device.solver.relative_tolerance.value = 1e-9;
    HotspotCooling run(device, registry());
    const CoolingResult result = run.run();
    deviation[k] = one_temperature_deviation(p, result);
    std::printf("tau_esc G/C_ph = %.0e: deviation from the one-temperature model %.3g\n", ratios[k],
                deviation[k]);
    // The phonons stay at the bath up to the quasi-static rise tau_esc P_ep / C_ph
    // (2x: they lag P_ep by about tau_esc, and C_ph(T_ph) >= C_ph(T_b)).
    for (const CoolingSample& s : result.trace) {
      EXPECT_LT(s.phonon_rise_K, 2.0 * p.escape_time * s.electron_phonon_power_W_per_m3 /
                                         p.phonon_heat_capacity(tb) +
                                     1e-15)
          << s.time_s;
    }
  }
  // First order in tau_esc: ten times faster escape, about ten times closer
  // (0.2 leaves room for the solver's error at rtol 1e-9).
  EXPECT_LT(deviation[1], 0.2 * deviation[0]);
  // The deviation per unit ratio integrates over a few e-folds of the decay.
  EXPECT_LT(deviation[1], 1e-5);
}

TEST(LumpedModel, HotStartRelaxesMonotonicallyToTheBath) {
  LumpedParameters p;
  p.absorbed_energy *= 5.0;  // a strongly nonlinear start: T_e0 about 12 K over a 2 K bath
  Device device = lumped_device(p);
  device.solver.relative_tolerance.value = 1e-8;
  device.solver.absolute_tolerance.value = from_si<Temperature>(1e-10);
  HotspotCooling run(device, registry());
  const CoolingResult result = run.run();
  const auto& trace = result.trace;
  const double electron_peak_rise = result.electrons.peak_K - p.bath_temperature;
  const double phonon_peak_time = result.phonons.peak_time_s;
  // Allow the solver's local error (rtol 1e-8 of the peak rise) as noise.
  const double slack = 1e-8 * electron_peak_rise;
  for (std::size_t i = 1; i < trace.size(); ++i) {
    EXPECT_LE(trace[i].electron_rise_K, trace[i - 1].electron_rise_K + slack) << i;
    EXPECT_GE(trace[i].electron_rise_K, trace[i].phonon_rise_K - slack) << i;
    EXPECT_GE(trace[i].phonon_rise_K, -slack) << i;
    if (trace[i - 1].time_s >= phonon_peak_time) {
      EXPECT_LE(trace[i].phonon_rise_K, trace[i - 1].phonon_rise_K + slack) << i;
    } else if (trace[i].time_s <= phonon_peak_time) {
      EXPECT_GE(trace[i].phonon_rise_K, trace[i - 1].phonon_rise_K - slack) << i;
    }
  }
  ASSERT_TRUE(result.phonons.peak_reached);
  EXPECT_LT(trace.back().electron_rise_K, 0.01 * electron_peak_rise);
  ASSERT_TRUE(result.electrons.one_percent_rise_time_s.has_value());
  ASSERT_TRUE(result.phonons.one_percent_rise_time_s.has_value());
  EXPECT_LT(*result.electrons.half_rise_time_s, *result.electrons.one_percent_rise_time_s);
  ASSERT_TRUE(result.electrons.tail_decay_time_s && result.phonons.tail_decay_time_s);
}

TEST(LumpedModel, TailDecayOfASmallDepositIsTheSlowTimeConstant) {
  LumpedParameters p;
  p.absorbed_energy = energy_for_rise(p, 1e-3 * p.bath_temperature);
  Device device = lumped_device(p);
  device.solver.end_time.value = from_si<Time>(40e-9);
  HotspotCooling run(device, registry());
  const CoolingResult result = run.run();
  const double slow_s = linearised(p).time_constants()[1];
  ASSERT_TRUE(result.electrons.tail_decay_time_s && result.phonons.tail_decay_time_s);
  // By the tail (rise 10% to 1%) the fast mode (tens of ps) is gone; what is
  // left of the nonlinearity at a 0.1% rise is below 1%.
  EXPECT_NEAR(*result.electrons.tail_decay_time_s, slow_s, 0.01 * slow_s);
  EXPECT_NEAR(*result.phonons.tail_decay_time_s, slow_s, 0.01 * slow_s);
}

TEST(LumpedModel, RootFoundEventsAgreeWithTheTrace) {
  LumpedParameters p;
  Device device = lumped_device(p);
  device.solver.output_count.value = 2000;
  HotspotCooling run(device, registry());
  const CoolingResult result = run.run();
  const double bath = p.bath_temperature;
  auto crossing = [&](double threshold_rise, bool electrons) {
    for (std::size_t i = 1; i < result.trace.size(); ++i) {
      const auto& a = result.trace[i - 1];
      const auto& b = result.trace[i];
      const double ra = electrons ? a.electron_rise_K : a.phonon_rise_K;
      const double rb = electrons ? b.electron_rise_K : b.phonon_rise_K;
      if (a.time_s > 0.0 && ra > threshold_rise && rb <= threshold_rise) {
        // log-log interpolation between samples
        const double f = std::log(threshold_rise / ra) / std::log(rb / ra);
        return std::exp(std::log(a.time_s) + f * std::log(b.time_s / a.time_s));
      }
    }
    return std::nan("");
  };
  const double electron_rise = result.electrons.peak_K - bath;
  const double phonon_rise = result.phonons.peak_K - bath;
  ASSERT_TRUE(result.electrons.half_rise_time_s && result.phonons.half_rise_time_s);
  // 2000 log-spaced samples over 19 decades: 2.2% per interval; log-log
  // interpolation of a smooth decay is good to well under 0.1%.
  EXPECT_NEAR(*result.electrons.half_rise_time_s, crossing(0.5 * electron_rise, true),
              1e-3 * *result.electrons.half_rise_time_s);
  EXPECT_NEAR(*result.phonons.half_rise_time_s, crossing(0.5 * phonon_rise, false),
              1e-3 * *result.phonons.half_rise_time_s);
  // The phonon peak is where P_ep = P_esc; the trace never exceeds it.
  for (const CoolingSample& s : result.trace)
    EXPECT_LE(s.phonon_temperature_K, result.phonons.peak_K + 1e-12);
}

}  // namespace
}  // namespace filmtherm
