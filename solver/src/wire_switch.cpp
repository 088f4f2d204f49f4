// The wire model's resistive switch (docs/wire-model.md, "The resistive
// switch"): each cell's resistive share s_i and its slopes for the front,
// smoothed and root-finding handlings, R_hs and its rate, and the cells that
// root finding flips.

#include <algorithm>

#include "filmtherm/wire_model.h"
#include "resistive_share.h"
#include "wire_workspace.h"

namespace filmtherm {

void ElectrothermalWireSystem::evaluate_resistive_shares(double current_A, bool with_slopes) const {
  Workspace& w = *work_;
  const WireParameters& p = parameters_;
  w.switching_K = p.switching_temperature_K(current_A);
  w.switching_slope_K_per_A = p.switching_temperature_slope_K_per_A(current_A);
  if (front_ || smoothed_) {
    // s_i = (left half's share + right half's share)/2; the faces' temperatures
    // are the neighbours' means (the bath at the two ends), as in the heat flow.
    const double width_K = switch_width_K_;
    auto share = [&](double centre, double face) {
      return front_ ? detail::front_share(centre, face)
                    : detail::smoothed_share(centre, face, width_K);
    };
    const double bath_above_K = p.substrate_temperature_K - w.switching_K;
    for (std::size_t i = 0; i < cells_; ++i) {
      const double centre = w.electron_K[i] - w.switching_K;
      const double left =
          i == 0 ? bath_above_K : 0.5 * (w.electron_K[i - 1] + w.electron_K[i]) - w.switching_K;
      const double right = i + 1 == cells_
                               ? bath_above_K
                               : 0.5 * (w.electron_K[i] + w.electron_K[i + 1]) - w.switching_K;
      const detail::HalfCellShare l = share(centre, left);
      const detail::HalfCellShare r = share(centre, right);
      w.resistive[i] = 0.5 * (l.share + r.share);
      if (!with_slopes) continue;
      const double face_left = i == 0 ? 0.0 : 0.5 * l.slope_face;
      const double face_right = i + 1 == cells_ ? 0.0 : 0.5 * r.slope_face;
      w.resistive_slope_T[i] = 0.5 * (l.slope_centre + face_left + r.slope_centre + face_right);
      w.resistive_slope_left[i] = 0.5 * face_left;
      w.resistive_slope_right[i] = 0.5 * face_right;
      // T* moves the centre and both faces alike.
      w.resistive_slope_I[i] = -0.5 *
                               (l.slope_centre + l.slope_face + r.slope_centre + r.slope_face) *
                               w.switching_slope_K_per_A;
    }
  } else {
    for (std::size_t i = 0; i < cells_; ++i) w.resistive[i] = resistive_[i] ? 1.0 : 0.0;
    if (with_slopes) {
      std::fill(w.resistive_slope_T.begin(), w.resistive_slope_T.end(), 0.0);
      std::fill(w.resistive_slope_left.begin(), w.resistive_slope_left.end(), 0.0);
      std::fill(w.resistive_slope_right.begin(), w.resistive_slope_right.end(), 0.0);
      std::fill(w.resistive_slope_I.begin(), w.resistive_slope_I.end(), 0.0);
    }
  }
}

double ElectrothermalWireSystem::resistance_slope_per_cell(std::size_t j) const {
  // dR_hs/dT_j / R_cell = sum_i ds_i/dT_j: the cell's own share and its neighbours'.
  const Workspace& w = *work_;
  double slope = w.resistive_slope_T[j];
  if (j > 0) slope += w.resistive_slope_right[j - 1];
  if (j + 1 < cells_) slope += w.resistive_slope_left[j + 1];
  return slope;
}

std::size_t ElectrothermalWireSystem::apply_switch_roots(std::span<const int> found) {
  std::size_t flipped = 0;
  for (std::size_t i = 0; i < cells_ && i < found.size() && root_finding(); ++i) {
    if (found[i] == 0) continue;
    resistive_[i] = found[i] > 0 ? 1 : 0;
    ++flipped;
  }
  return flipped;
}

void ElectrothermalWireSystem::evaluate_resistive_shares(std::span<const double> state,
                                                         bool with_slopes) const {
  Workspace& w = *work_;
  for (std::size_t i = 0; i < cells_; ++i) {
    w.electron_K[i] = parameters_.substrate_temperature_K + state[electron_index(i)];
  }
  evaluate_resistive_shares(state[current_index()], with_slopes);
}

double ElectrothermalWireSystem::hotspot_resistance_Ohm(std::span<const double> state) const {
  evaluate_resistive_shares(state, false);
  double resistive_cells = 0.0;
  for (const double s : work_->resistive) resistive_cells += s;
  return resistive_cells * parameters_.cell_resistance_Ohm();
}

double ElectrothermalWireSystem::hotspot_resistance_rate_Ohm_per_s(
    std::span<const double> state, std::span<const double> rate,
    double current_rate_A_per_s) const {
  evaluate_resistive_shares(state, true);
  const Workspace& w = *work_;
  double share_rate = 0.0;
  for (std::size_t j = 0; j < cells_; ++j) {
    share_rate += resistance_slope_per_cell(j) * rate[electron_index(j)] +
                  w.resistive_slope_I[j] * current_rate_A_per_s;
  }
  return share_rate * parameters_.cell_resistance_Ohm();
}

}  // namespace filmtherm
