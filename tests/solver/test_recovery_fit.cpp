// The recovery time constant is the tau of a three-parameter least-squares fit
// I_b - I = d_inf + d_0 exp(-t/tau) (docs/wire-model.md, "Figures"): checked on
// data made from exponentials with known time constants, where the answer is
// known exactly, including the bias tee's slow second mode that bent the
// former fit of ln(I_b - I).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "filmtherm/electrothermal_wire.h"

namespace filmtherm {
namespace {

struct Samples {
  std::vector<double> time_s, dip_A;
};

// Log-spaced samples of `dip` from 10 ps to 200 ns, as a wire run's output times are.
template <class Dip>
Samples sample(Dip dip) {
  Samples s;
  for (int k = 0; k <= 400; ++k) {
    const double t = 1e-11 * std::pow(2e4, k / 400.0);
    s.time_s.push_back(t);
    s.dip_A.push_back(dip(t));
  }
  return s;
}

TEST(RecoveryFit, FindsTheTimeConstantOfAnExponentialApproach) {
  const double tau_s = 16.16e-9;  // L_k/R_L of the Yang wire: 808 nH / 50 Ohm
  const double peak_A = 16e-6;
  for (const double baseline_A : {0.0, -0.3e-6, 0.5e-6}) {
    const Samples s = sample([&](double t) { return baseline_A + peak_A * std::exp(-t / tau_s); });
    const auto fitted = fit_recovery_time_constant_s(s.time_s, s.dip_A, peak_A, 0.0);
    ASSERT_TRUE(fitted);
    // Exact data: only Brent's termination (half the digits of a double) limits it.
    EXPECT_NEAR(*fitted, tau_s, 1e-6 * tau_s) << "baseline " << baseline_A;
  }
}

TEST(RecoveryFit, TheBiasTeesSlowModeDoesNotBendIt) {
  // The readout's two modes: L_k/R_L = 16.16 ns and R_L C_bt = 5 us, the slow
  // one negative (the charge the dip left on C_bt), 2% of the dip. A line
  // through ln(I_b - I) between 50% and 5% of the dip reads the fast mode
  // about 2% short; the fit with a free baseline sees the slow mode as a
  // baseline that drifts by 2% x (window / 5 us) over the window.
  const double fast_s = 16.16e-9, slow_s = 5e-6, peak_A = 16e-6;
  const Samples s = sample([&](double t) {
    return 1.02 * peak_A * std::exp(-t / fast_s) - 0.02 * peak_A * std::exp(-t / slow_s);
  });
  const auto fitted = fit_recovery_time_constant_s(s.time_s, s.dip_A, peak_A, 0.0);
  ASSERT_TRUE(fitted);
  // The drift over the ~75 ns window is 0.02 x 75/5000 = 3e-4 of the dip: a
  // few parts in 10^4 of tau at most.
  EXPECT_NEAR(*fitted, fast_s, 1e-3 * fast_s);
  // The former fit, a line through ln(I_b - I) between 50% and 5% of the
  // dip, reads this decay more than 1% short: the bias this fit removes.
  std::vector<std::pair<double, double>> points;
  for (std::size_t i = 0; i < s.time_s.size(); ++i) {
    const double f = s.dip_A[i] / peak_A;
    if (f <= 0.5 && f >= 0.05) points.emplace_back(s.time_s[i], std::log(s.dip_A[i]));
  }
  double mt = 0, my = 0;
  for (const auto& [t, y] : points) mt += t, my += y;
  mt /= points.size();
  my /= points.size();
  double stt = 0, sty = 0;
  for (const auto& [t, y] : points) stt += (t - mt) * (t - mt), sty += (t - mt) * (y - my);
  const double log_line_s = -stt / sty;
  EXPECT_LT(log_line_s, 0.99 * fast_s);
}

TEST(RecoveryFit, NoExponentialNoTimeConstant) {
  // Too few samples, or a flat dip: no tau rather than a number.
  const std::vector<double> t{0.0, 1e-9, 2e-9}, d{1e-6, 0.5e-6, 0.25e-6};
  EXPECT_FALSE(fit_recovery_time_constant_s(t, d, 1e-6, 0.0));
  const Samples flat = sample([](double) { return 1e-6; });
  EXPECT_FALSE(fit_recovery_time_constant_s(flat.time_s, flat.dip_A, 1e-6, 0.0));
}

}  // namespace
}  // namespace filmtherm
