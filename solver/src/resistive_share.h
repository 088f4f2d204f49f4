// The resistive share of a cell (docs/wire-model.md, "The resistive switch"):
// the part of the cell that is resistive when the temperature is interpolated
// linearly between the cell centres (and the bath at the two ends). With the
// front switch a point is resistive where T >= T*(I): the hotspot's edge is a
// point that moves continuously through the cells instead of a whole cell
// switching at once, so R_hs and the Joule heat are continuous functions of
// the state with no width to choose, and a domain at rest can end anywhere
// inside a cell (no pinning to the lattice). The smoothed switch gives each
// point the share S((T - T*)/w + 1/2) of a resistive transition of width w
// instead; it tends to the front switch as w -> 0.
#pragma once

#include <cmath>

namespace filmtherm::detail {

/// The C2 step S(x) = 6x^5 - 15x^4 + 10x^3 on [0, 1] (0 below, 1 above), its
/// slope, and its integral from 0.
inline double smooth_step(double x) noexcept {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  return x * x * x * (10.0 + x * (-15.0 + 6.0 * x));
}
inline double smooth_step_slope(double x) noexcept {
  if (x <= 0.0 || x >= 1.0) return 0.0;
  const double y = x * (1.0 - x);
  return 30.0 * y * y;
}
inline double smooth_step_integral(double x) noexcept {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 0.5 + (x - 1.0);
  return x * x * x * x * (2.5 + x * (-3.0 + x));
}

/// The resistive share of a half cell over which the temperature runs
/// linearly from `centre_K` (the cell's centre) to `face_K` (its face), both
/// measured from T*, with its slopes with respect to the two.
struct HalfCellShare {
  double share = 0.0;
  double slope_centre = 0.0;  // d share / d centre_K [1/K]
  double slope_face = 0.0;    // d share / d face_K [1/K]
};

/// Sharp: the fraction of the half cell above T*.
inline HalfCellShare front_share(double centre_K, double face_K) noexcept {
  if (centre_K <= 0.0 && face_K <= 0.0) return {0.0, 0.0, 0.0};
  if (centre_K >= 0.0 && face_K >= 0.0) return {1.0, 0.0, 0.0};
  // One end above T*, the other below: the front lies where the line crosses 0.
  const double span = centre_K - face_K;
  const double squared = span * span;
  return {std::fmax(centre_K, face_K) / std::fabs(span), std::fabs(face_K) / squared,
          std::fabs(centre_K) / squared};
}

/// Smoothed over `width_K`: the mean of S((T - T*)/w + 1/2) along the line,
/// (G(v) - G(u))/(v - u) with G the integral of S and u, v the two ends.
inline HalfCellShare smoothed_share(double centre_K, double face_K, double width_K) noexcept {
  const double u = centre_K / width_K + 0.5;
  const double v = face_K / width_K + 0.5;
  if ((u <= 0.0 && v <= 0.0) || (u >= 1.0 && v >= 1.0)) {
    return {smooth_step(0.5 * (u + v)), 0.0, 0.0};
  }
  const double span = v - u;
  if (std::fabs(span) < 1e-4) {
    // The mean of S over a short line is S at its middle to O(span^2) = 1e-8.
    const double middle = 0.5 * (u + v);
    const double half_slope = 0.5 * smooth_step_slope(middle) / width_K;
    return {smooth_step(middle), half_slope, half_slope};
  }
  const double share = (smooth_step_integral(v) - smooth_step_integral(u)) / span;
  return {share, (share - smooth_step(u)) / span / width_K,
          (smooth_step(v) - share) / span / width_K};
}

}  // namespace filmtherm::detail
