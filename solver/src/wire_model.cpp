// The wire model's right-hand side, Jacobian, sparsity pattern and root
// functions (docs/physics.md section 5). Each property is evaluated for all cells in
// one plugin call.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "filmtherm/wire_model.h"
#include "wire_workspace.h"

namespace filmtherm {

namespace {

filmtherm_evaluation arrays(std::size_t count, const double* temperature_K) {
  filmtherm_evaluation e{};
  e.struct_size = sizeof(filmtherm_evaluation);
  e.count = count;
  e.temperature_K = temperature_K;
  return e;
}

// Root functions that are waiting, or done, hold a constant sign (as in the lumped model).
constexpr double waiting = 1.0;
constexpr double passed = -1.0;

}  // namespace

// Only the Jacobian asks for the shifted escape, and only the Jacobian needs the heat
// capacities' and kappa's slopes: the right-hand side asks the models for values alone
// (C_e's slope costs Yang's exponential a second time), plus the escape slope where the
// linearised law is its value.
void ElectrothermalWireSystem::evaluate_cells(std::span<const double> state,
                                              bool with_shifted_escape) const {
  const bool with_slopes = with_shifted_escape;
  const bool with_escape_slope = with_slopes || escape_law_ == WireEscapeLaw::linearised;
  Workspace& w = *work_;
  const WireParameters& p = parameters_;
  const double bath_K = p.substrate_temperature_K;
  for (std::size_t i = 0; i < cells_; ++i) {
    w.electron_K[i] = bath_K + state[electron_index(i)];
    w.phonon_K[i] = bath_K + state[phonon_index(i)];
    if (!(w.electron_K[i] > 0.0) || !(w.phonon_K[i] > 0.0) || !std::isfinite(w.electron_K[i]) ||
        !std::isfinite(w.phonon_K[i])) {
      throw RecoverableOdeError(
          fmt::format("trial temperature {} K / {} K at cell {} is unphysical", w.electron_K[i],
                      w.phonon_K[i], i));
    }
  }
  const double current_A = state[current_index()];
  if (!std::isfinite(current_A)) throw RecoverableOdeError("trial current is not finite");

  filmtherm_evaluation e = arrays(cells_, w.electron_K.data());
  e.value = w.electron_capacity.data();
  e.value_slope = with_slopes ? w.electron_capacity_slope.data() : nullptr;
  materials_.electron_heat_capacity.instance().evaluate(e);

  // A fixed-time escape law's slope takes dC_ph/dT as an input.
  e = arrays(cells_, w.phonon_K.data());
  e.film_thickness_m = w.thickness_m.data();
  e.value = w.phonon_capacity.data();
  e.value_slope = with_escape_slope ? w.phonon_capacity_slope.data() : nullptr;
  materials_.phonon_heat_capacity.instance().evaluate(e);

  e = arrays(cells_, w.phonon_K.data());
  e.second_temperature_K = w.substrate_K.data();
  e.film_thickness_m = w.thickness_m.data();
  e.phonon_heat_capacity = w.phonon_capacity.data();
  e.phonon_heat_capacity_slope = with_escape_slope ? w.phonon_capacity_slope.data() : nullptr;
  e.value = w.escape_power.data();
  e.value_slope = with_escape_slope ? w.escape_slope.data() : nullptr;
  materials_.phonon_escape_power.instance().evaluate(e);
  if (escape_law_ == WireEscapeLaw::linearised && with_shifted_escape) {
    // d/dT of alpha(T)/d for the Jacobian, by a forward difference.
    for (std::size_t i = 0; i < cells_; ++i) w.shifted_K[i] = w.phonon_K[i] * (1.0 + 1e-6);
    e.temperature_K = w.shifted_K.data();
    e.value = w.shifted_escape_power.data();
    e.value_slope = w.shifted_escape_slope.data();
    materials_.phonon_escape_power.instance().evaluate(e);
  }

  if (two_temperature_) {
    e = arrays(cells_, w.electron_K.data());
    e.second_temperature_K = w.phonon_K.data();
    e.value = w.coupling_power.data();
    e.value_slope = with_slopes ? w.coupling_slope_electron.data() : nullptr;
    e.value_second_slope = with_slopes ? w.coupling_slope_phonon.data() : nullptr;
    materials_.electron_phonon_power.instance().evaluate(e);
  }

  // kappa at the faces, at the mean of the two neighbours' (electron) temperatures.
  for (std::size_t f = 0; f <= cells_; ++f) {
    const double left_K = f == 0 ? bath_K : w.electron_K[f - 1];
    const double right_K = f == cells_ ? bath_K : w.electron_K[f];
    w.face_K[f] = 0.5 * (left_K + right_K);
  }
  e = arrays(cells_ + 1, w.face_K.data());
  e.value = w.conductivity.data();
  e.value_slope = with_slopes ? w.conductivity_slope.data() : nullptr;
  materials_.thermal_conductivity.instance().evaluate(e);
  const double dx = p.cell_length_m();
  for (std::size_t f = 0; f <= cells_; ++f) {
    const double left_K = f == 0 ? bath_K : w.electron_K[f - 1];
    const double right_K = f == cells_ ? bath_K : w.electron_K[f];
    const double distance = (f == 0 || f == cells_) ? 0.5 * dx : dx;
    w.heat_flow[f] = w.conductivity[f] * (left_K - right_K) / distance;
  }

  evaluate_resistive_shares(current_A, with_slopes);
}

void ElectrothermalWireSystem::right_hand_side(double time_s, std::span<const double> state,
                                               std::span<double> derivative) {
  if (published_) return published_right_hand_side(time_s, state, derivative);
  evaluate_cells(state, false);
  const Workspace& w = *work_;
  const WireParameters& p = parameters_;
  const double bath_K = p.substrate_temperature_K;
  const double dx = p.cell_length_m();
  const double current_A = state[current_index()];
  const double joule_density = p.normal_resistivity_Ohm_m * current_A * current_A /
                               (p.cross_section_m2() * p.cross_section_m2());
  const double photon_density = photon_.power_density(time_s);
  double resistive_cells = 0.0;
  double escape_sum = 0.0;
  for (std::size_t i = 0; i < cells_; ++i) {
    const double escape = escape_law_ == WireEscapeLaw::linearised
                              ? w.escape_slope[i] * (w.phonon_K[i] - bath_K)
                              : w.escape_power[i];
    escape_sum += escape;
    resistive_cells += w.resistive[i];
    const double heating = (w.heat_flow[i] - w.heat_flow[i + 1]) / dx +
                           w.resistive[i] * joule_density + coverage_[i] * photon_density;
    if (two_temperature_) {
      derivative[electron_index(i)] = (heating - w.coupling_power[i]) / w.electron_capacity[i];
      derivative[phonon_index(i)] = (w.coupling_power[i] - escape) / w.phonon_capacity[i];
    } else {
      derivative[electron_index(i)] =
          (heating - escape) / (w.electron_capacity[i] + w.phonon_capacity[i]);
    }
  }
  const double hotspot_Ohm = resistive_cells * p.cell_resistance_Ohm();
  const double diverted_A = p.bias_current_A - current_A;
  const double capacitor_V = state[capacitor_index()];
  derivative[current_index()] =
      (capacitor_V + p.load_resistance_Ohm * diverted_A - hotspot_Ohm * current_A) /
      p.kinetic_inductance_H;
  derivative[capacitor_index()] = diverted_A / p.bias_tee_capacitance_F;
  derivative[joule_energy_index()] = hotspot_Ohm * current_A * current_A;
  derivative[escaped_energy_index()] = escape_sum * p.cell_volume_m3();
  derivative[end_energy_index()] = (w.heat_flow[cells_] - w.heat_flow[0]) * p.cross_section_m2();
  derivative[load_energy_index()] = p.load_resistance_Ohm * diverted_A * diverted_A;
  derivative[source_work_index()] =
      p.bias_current_A * (capacitor_V + p.load_resistance_Ohm * diverted_A);
}

void ElectrothermalWireSystem::jacobian(double, std::span<const double> state,
                                        std::span<const double> derivative, JacobianMatrix& jac) {
  if (published_) return published_jacobian(state, derivative, jac);
  evaluate_cells(state, true);
  const Workspace& w = *work_;
  const WireParameters& p = parameters_;
  const double bath_K = p.substrate_temperature_K;
  const double dx = p.cell_length_m();
  const double area = p.cross_section_m2();
  const double current_A = state[current_index()];
  const double cell_Ohm = p.cell_resistance_Ohm();
  const double joule_density = p.normal_resistivity_Ohm_m * current_A * current_A / (area * area);
  const double joule_slope_I = 2.0 * p.normal_resistivity_Ohm_m * current_A / (area * area);
  const std::size_t current = current_index();

  // Heat flow through face f, q_f = kappa(T_f)(T_left - T_right)/distance:
  // its slopes with respect to the left and right cell temperatures.
  auto flow_slope = [&](std::size_t f, bool left) {
    const double left_K = f == 0 ? bath_K : w.electron_K[f - 1];
    const double right_K = f == cells_ ? bath_K : w.electron_K[f];
    const double distance = (f == 0 || f == cells_) ? 0.5 * dx : dx;
    const double through_kappa = 0.5 * w.conductivity_slope[f] * (left_K - right_K) / distance;
    return through_kappa + (left ? 1.0 : -1.0) * w.conductivity[f] / distance;
  };

  double resistive_cells = 0.0;
  double resistive_slope_I = 0.0;  // sum_i ds_i/dI
  for (std::size_t i = 0; i < cells_; ++i) {
    const std::size_t e = electron_index(i);
    const double escape_slope =
        escape_law_ == WireEscapeLaw::linearised
            ? w.escape_slope[i] + (w.shifted_escape_slope[i] - w.escape_slope[i]) /
                                      (w.shifted_K[i] - w.phonon_K[i]) * (w.phonon_K[i] - bath_K)
            : w.escape_slope[i];
    const double ds_dI = w.resistive_slope_I[i];
    resistive_cells += w.resistive[i];
    resistive_slope_I += ds_dI;

    const double capacity =
        two_temperature_ ? w.electron_capacity[i] : w.electron_capacity[i] + w.phonon_capacity[i];
    const double capacity_slope = two_temperature_
                                      ? w.electron_capacity_slope[i]
                                      : w.electron_capacity_slope[i] + w.phonon_capacity_slope[i];
    double diagonal = (flow_slope(i, false) - flow_slope(i + 1, true)) / dx +
                      w.resistive_slope_T[i] * joule_density;
    if (two_temperature_) {
      diagonal -= w.coupling_slope_electron[i];
      jac.set(e, phonon_index(i), -w.coupling_slope_phonon[i] / capacity);
    } else {
      diagonal -= escape_slope;
    }
    jac.set(e, e, diagonal / capacity - derivative[e] * capacity_slope / capacity);
    if (i > 0) {
      jac.set(e, electron_index(i - 1),
              (flow_slope(i, true) / dx + w.resistive_slope_left[i] * joule_density) / capacity);
    }
    if (i + 1 < cells_) {
      jac.set(
          e, electron_index(i + 1),
          (-flow_slope(i + 1, false) / dx + w.resistive_slope_right[i] * joule_density) / capacity);
    }
    jac.set(e, current, (w.resistive[i] * joule_slope_I + ds_dI * joule_density) / capacity);

    if (two_temperature_) {
      const std::size_t ph = phonon_index(i);
      const double c_ph = w.phonon_capacity[i];
      jac.set(ph, e, w.coupling_slope_electron[i] / c_ph);
      jac.set(ph, ph,
              (w.coupling_slope_phonon[i] - escape_slope) / c_ph -
                  derivative[ph] * w.phonon_capacity_slope[i] / c_ph);
    }
    const double dR_dT = cell_Ohm * resistance_slope_per_cell(i);
    jac.set(current, e, -current_A * dR_dT / p.kinetic_inductance_H);
    jac.set(joule_energy_index(), e, current_A * current_A * dR_dT);
    jac.set(escaped_energy_index(), phonon_index(i), escape_slope * p.cell_volume_m3());
  }
  const double hotspot_Ohm = resistive_cells * cell_Ohm;
  const double dR_dI = resistive_slope_I * cell_Ohm;
  jac.set(current, current,
          -(p.load_resistance_Ohm + hotspot_Ohm + current_A * dR_dI) / p.kinetic_inductance_H);
  jac.set(current, capacitor_index(), 1.0 / p.kinetic_inductance_H);
  jac.set(capacitor_index(), current, -1.0 / p.bias_tee_capacitance_F);
  jac.set(joule_energy_index(), current,
          2.0 * hotspot_Ohm * current_A + current_A * current_A * dR_dI);
  jac.set(end_energy_index(), electron_index(0), -flow_slope(0, false) * area);
  jac.set(end_energy_index(), electron_index(cells_ - 1), flow_slope(cells_, true) * area);
  jac.set(load_energy_index(), current,
          -2.0 * p.load_resistance_Ohm * (p.bias_current_A - current_A));
  jac.set(source_work_index(), current, -p.bias_current_A * p.load_resistance_Ohm);
  jac.set(source_work_index(), capacitor_index(), p.bias_current_A);
}

std::vector<std::vector<std::size_t>> ElectrothermalWireSystem::jacobian_pattern() const {
  std::vector<std::vector<std::size_t>> rows(size());
  const std::size_t current = current_index();
  for (std::size_t i = 0; i < cells_; ++i) {
    const std::size_t e = electron_index(i);
    if (i > 0) rows[e].push_back(electron_index(i - 1));
    if (i + 1 < cells_) rows[e].push_back(electron_index(i + 1));
    rows[e].push_back(current);
    if (two_temperature_) {
      rows[e].push_back(phonon_index(i));
      rows[phonon_index(i)].push_back(e);
    }
    rows[current].push_back(e);
    rows[joule_energy_index()].push_back(e);
    rows[escaped_energy_index()].push_back(phonon_index(i));
  }
  rows[current].push_back(capacitor_index());
  rows[capacitor_index()].push_back(current);
  rows[joule_energy_index()].push_back(current);
  rows[end_energy_index()] = {electron_index(0), electron_index(cells_ - 1)};
  rows[load_energy_index()].push_back(current);
  rows[source_work_index()] = {current, capacitor_index()};
  return rows;
}

// ---------------------------------------------------------------------------
// Roots and events

std::size_t ElectrothermalWireSystem::circuit_root_offset() const noexcept {
  return root_finding() ? cells_ : 0;
}

std::size_t ElectrothermalWireSystem::root_count() const {
  return circuit_root_offset() + 6;
}

std::vector<int> ElectrothermalWireSystem::root_directions() const {
  std::vector<int> directions(root_count(), 0);
  const std::size_t k = circuit_root_offset();
  directions[k] = +1;      // dI/dt rising through zero: the current's minimum
  directions[k + 1] = -1;  // the dip falling to 10%
  directions[k + 2] = -1;  // and to 1%
  directions[k + 3] = 0;   // the hottest cell leaving the resistive range, or entering it again
  directions[k + 4] = -1;  // the current rising through 0.9 I_b (falling through it is +1)
  directions[k + 5] = -1;  // and through 0.99 I_b
  return directions;
}

void ElectrothermalWireSystem::roots(double, std::span<const double> state,
                                     std::span<double> values) {
  const WireParameters& p = parameters_;
  const double current_A = state[current_index()];
  const double switching_K = p.switching_temperature_K(current_A);
  double hottest_above_switch_K = -std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < cells_; ++i) {
    const double above_K = p.substrate_temperature_K + state[electron_index(i)] - switching_K;
    if (root_finding()) values[i] = above_K;
    hottest_above_switch_K = std::max(hottest_above_switch_K, above_K);
  }
  const std::size_t k = circuit_root_offset();
  values[k] = events_.minimum_time_s ? passed : current_rate_A_per_s(state);
  auto recovery = [&](const std::optional<double>& found, double fraction) {
    if (found) return passed;
    if (!events_.minimum_time_s) return waiting;
    return (p.bias_current_A - current_A) -
           fraction * (p.bias_current_A - events_.minimum_current_A);
  };
  values[k + 1] = recovery(events_.recovery_90_time_s, 0.1);
  values[k + 2] = recovery(events_.recovery_99_time_s, 0.01);
  // The hotspot ends (or forms again) where the last resistance goes: T*(I) -
  // w/2 when smoothed; for the sharp switches a hair (1e-4 of the window
  // T*(I_b) - T_sub) below T*. Not T* itself: near the latching threshold the
  // hottest cell can rest on T*(I), which CVODE would report as a root "at and
  // very near" t; below T* nothing heats a cell, so it passes the level.
  values[k + 3] =
      hottest_above_switch_K + (smoothed_ ? 0.5 * switch_width_K_ : hotspot_edge_margin_K_);
  // The real function from the start: the fall through the level before the
  // minimum has the other direction, so no constant has to switch sign.
  auto back_to_bias = [&](const std::optional<double>& found, double fraction) {
    return found ? passed : fraction * p.bias_current_A - current_A;
  };
  values[k + 4] = back_to_bias(events_.bias_recovery_90_time_s, 0.9);
  values[k + 5] = back_to_bias(events_.bias_recovery_99_time_s, 0.99);
}

void ElectrothermalWireSystem::record_circuit_roots(double time_s, std::span<const double> state,
                                                    std::span<const int> found) {
  const std::size_t k = circuit_root_offset();
  auto at = [&](std::size_t j) { return k + j < found.size() && found[k + j] != 0; };
  if (at(0) && !events_.minimum_time_s) record_current_minimum(time_s, state[current_index()]);
  if (at(1) && !events_.recovery_90_time_s) events_.recovery_90_time_s = time_s;
  if (at(2) && !events_.recovery_99_time_s) events_.recovery_99_time_s = time_s;
  if (at(3)) {
    if (found[k + 3] < 0) {
      events_.hotspot_gone_time_s = time_s;
    } else if (events_.hotspot_gone_time_s) {
      ++events_.hotspot_reformations;
    }
  }
  if (events_.minimum_time_s) {
    if (at(4) && !events_.bias_recovery_90_time_s) events_.bias_recovery_90_time_s = time_s;
    if (at(5) && !events_.bias_recovery_99_time_s) events_.bias_recovery_99_time_s = time_s;
  }
}

void ElectrothermalWireSystem::record_current_minimum(double time_s, double current_A) {
  events_.minimum_time_s = time_s;
  events_.minimum_current_A = current_A;
}

double ElectrothermalWireSystem::current_rate_A_per_s(std::span<const double> state) const {
  const WireParameters& p = parameters_;
  const double current_A = state[current_index()];
  return (state[capacitor_index()] + p.load_resistance_Ohm * (p.bias_current_A - current_A) -
          hotspot_resistance_Ohm(state) * current_A) /
         p.kinetic_inductance_H;
}

}  // namespace filmtherm
