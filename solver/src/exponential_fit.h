// Private to the solver: the time constant of an exponential decay, from the
// least-squares line through (t, ln y) (the lumped model's tail fit), and the
// three-parameter least-squares fit of an exponential approach
// y = y_final - A exp(-t/tau) (the wire's current recovery).
#pragma once

#include <algorithm>
#include <boost/math/tools/minima.hpp>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace filmtherm::detail {

/// tau of y ~ exp(-t / tau) fitted to `points` = (t, ln y); nullopt for fewer
/// than 4 points or a slope that is not negative.
inline std::optional<double> fitted_decay_time_s(
    const std::vector<std::pair<double, double>>& points) {
  if (points.size() < 4) return std::nullopt;
  double mean_t = 0.0, mean_y = 0.0;
  for (const auto& [t, y] : points) {
    mean_t += t;
    mean_y += y;
  }
  mean_t /= static_cast<double>(points.size());
  mean_y /= static_cast<double>(points.size());
  double s_tt = 0.0, s_ty = 0.0;
  for (const auto& [t, y] : points) {
    s_tt += (t - mean_t) * (t - mean_t);
    s_ty += (t - mean_t) * (y - mean_y);
  }
  const double slope = s_ty / s_tt;
  if (!(slope < 0.0)) return std::nullopt;
  return -1.0 / slope;
}

}  // namespace filmtherm::detail

namespace filmtherm::detail {

/// y(t) = final - amplitude exp(-(t - t_0) / tau), t_0 the first sample.
struct ExponentialApproach {
  double final_value = 0.0;
  double amplitude = 0.0;
  double time_constant_s = 0.0;
};

/// The three-parameter least-squares fit of an exponential approach to
/// `points` = (t, y). For a fixed tau the model is linear in (final,
/// amplitude), so their least-squares values are solved for exactly
/// (variable projection, Golub and Pereyra 1973) and the residual is
/// minimised over ln tau by Brent's method between a thousandth and a hundred
/// times the points' time span. Unlike a line through (t, ln(y_final - y)),
/// this needs no assumed final value, so a slow drift of the baseline (the
/// bias tee's mode) does not bend tau. nullopt for fewer than 5 points, a
/// zero time span, data that do not change, or a minimum at the bracket's
/// edge or an amplitude far below the change (no exponential seen).
inline std::optional<ExponentialApproach> fitted_exponential_approach(
    const std::vector<std::pair<double, double>>& points) {
  if (points.size() < 5) return std::nullopt;
  const double t0 = points.front().first;
  const double span = points.back().first - t0;
  if (!(span > 0.0)) return std::nullopt;
  // Scaled to O(1) so that the 2x2 normal equations are well conditioned.
  double y_scale = 0.0, y_low = points.front().second, y_high = y_low;
  for (const auto& [t, y] : points) {
    y_scale = std::max(y_scale, std::abs(y));
    y_low = std::min(y_low, y);
    y_high = std::max(y_high, y);
  }
  if (!(y_high - y_low > 1e-12 * y_scale)) return std::nullopt;  // nothing changes
  struct Linear {
    double final_value, amplitude, residual;
  };
  const auto solve = [&](double tau) {
    double n = 0.0, se = 0.0, see = 0.0, sy = 0.0, sey = 0.0;
    for (const auto& [t, y] : points) {
      const double e = std::exp(-(t - t0) / tau);
      const double v = y / y_scale;
      n += 1.0;
      se += e;
      see += e * e;
      sy += v;
      sey += e * v;
    }
    // y = a + c e with c = -amplitude: [n se; se see] [a; c] = [sy; sey].
    const double det = n * see - se * se;
    if (!(std::abs(det) > 1e-300)) return Linear{0.0, 0.0, std::numeric_limits<double>::infinity()};
    const double a = (sy * see - se * sey) / det;
    const double c = (n * sey - se * sy) / det;
    double residual = 0.0;
    for (const auto& [t, y] : points) {
      const double r = y / y_scale - a - c * std::exp(-(t - t0) / tau);
      residual += r * r;
    }
    return Linear{a * y_scale, -c * y_scale, residual};
  };
  const double low = std::log(1e-3 * span), high = std::log(1e2 * span);
  const auto [log_tau, residual] =
      boost::math::tools::brent_find_minima([&](double u) { return solve(std::exp(u)).residual; },
                                            low, high, std::numeric_limits<double>::digits / 2);
  (void)residual;
  // A minimum on the bracket's edge is no exponential within reach of the data.
  const double edge = 1e-6 * (high - low);
  if (log_tau - low < edge || high - log_tau < edge) return std::nullopt;
  const double tau = std::exp(log_tau);
  const Linear best = solve(tau);
  // An exponential too small to account for the change is no fit of it.
  if (!(std::abs(best.amplitude) > 0.1 * (y_high - y_low))) return std::nullopt;
  return ExponentialApproach{best.final_value, best.amplitude, tau};
}

}  // namespace filmtherm::detail
