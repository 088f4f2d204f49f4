// Private to the solver: the time constant of an exponential decay, from the
// least-squares line through (t, ln y). Shared by the lumped model's tail fit
// and the wire's recovery fit, which choose their points differently.
#pragma once

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
