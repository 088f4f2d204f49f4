// The wire driven by a host's current (filmtherm/driven_wire.h): a thin
// OdeSystem around ElectrothermalWireSystem that replaces the state's current
// by the host's straight line before every call and freezes the circuit's
// two states (I and V_C: their derivatives and Jacobian rows are zero).
#include "filmtherm/driven_wire.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "wire_cvode_settings.h"

namespace filmtherm {

namespace {

/// ElectrothermalWireSystem with the current prescribed as a function of time.
class CurrentDrivenSystem final : public OdeSystem {
 public:
  explicit CurrentDrivenSystem(ElectrothermalWireSystem& wire)
      : wire_(wire), scratch_(wire.size()) {}

  void set_current_line(double start_s, double start_A, double end_s, double end_A) {
    start_s_ = start_s;
    start_A_ = start_A;
    slope_A_per_s_ = end_s > start_s ? (end_A - start_A) / (end_s - start_s) : 0.0;
  }
  double current_A(double time_s) const { return start_A_ + slope_A_per_s_ * (time_s - start_s_); }

  std::size_t size() const override { return wire_.size(); }
  std::string component_name(std::size_t index) const override {
    return wire_.component_name(index);
  }
  void right_hand_side(double time_s, std::span<const double> state,
                       std::span<double> derivative) override {
    wire_.right_hand_side(time_s, with_current(time_s, state), derivative);
    // The circuit is the host's: its states and the books that need it stand still.
    for (const std::size_t i : frozen()) derivative[i] = 0.0;
  }
  bool has_jacobian() const override { return true; }
  void jacobian(double time_s, std::span<const double> state, std::span<const double> derivative,
                JacobianMatrix& jacobian) override {
    wire_.jacobian(time_s, with_current(time_s, state), derivative, jacobian);
    // No component depends on the state's current any more, and the frozen rows are empty.
    if (pattern_.empty()) pattern_ = wire_.jacobian_pattern();
    const auto frozen_rows = frozen();
    for (std::size_t row = 0; row < pattern_.size(); ++row) {
      const bool frozen_row = std::ranges::find(frozen_rows, row) != frozen_rows.end();
      for (const std::size_t column : pattern_[row]) {
        if (frozen_row || column == wire_.current_index()) jacobian.set(row, column, 0.0);
      }
    }
  }
  std::vector<std::vector<std::size_t>> jacobian_pattern() const override {
    if (pattern_.empty()) pattern_ = wire_.jacobian_pattern();
    return pattern_;
  }

 private:
  std::span<const double> with_current(double time_s, std::span<const double> state) {
    std::copy(state.begin(), state.end(), scratch_.begin());
    scratch_[wire_.current_index()] = current_A(time_s);
    return scratch_;
  }
  std::array<std::size_t, 4> frozen() const {
    return {wire_.current_index(), wire_.capacitor_index(), wire_.load_energy_index(),
            wire_.source_work_index()};
  }

  ElectrothermalWireSystem& wire_;
  std::vector<double> scratch_;
  mutable std::vector<std::vector<std::size_t>> pattern_;
  double start_s_ = 0.0;
  double start_A_ = 0.0;
  double slope_A_per_s_ = 0.0;
};

// The tolerances of ElectrothermalWire's run (solver.relative_tolerance and
// solver.absolute_tolerance for the temperatures), so that both runs resolve
// the cells alike; the frozen components get floors at their natural scales.
CvodeSettings driven_settings(const Device& device, const ElectrothermalWireSystem& system,
                              LinearSolverKind kind) {
  CvodeSettings settings = wire_cvode_settings(device, system, kind);
  settings.max_steps = std::numeric_limits<long>::max() / 2;  // the host sets the pace
  return settings;
}

}  // namespace

struct DrivenWire::Impl {
  Impl(const Device& device, const PluginRegistry& registry, const WireModelOptions& options)
      : materials(instantiate_wire_materials(device, registry)),
        wire(materials, WireParameters::from_device(device, options.cell_count), options,
             PhotonDeposit::from_device(device)),
        driven(wire) {
    const std::vector<double> initial = wire.initial_state();
    driven.set_current_line(wire.start_time_s(), wire.parameters().bias_current_A,
                            wire.start_time_s(), wire.parameters().bias_current_A);
    integrator = std::make_unique<CvodeIntegrator>(
        driven, wire.start_time_s(), initial, driven_settings(device, wire, options.linear_solver));
    saved_time_s = wire.start_time_s();
    saved_state = initial;
  }

  /// The state with the host's current in it (for the system's own observers).
  std::vector<double> state_with(double current_A) const {
    std::vector<double> state(integrator->state().begin(), integrator->state().end());
    state[wire.current_index()] = current_A;
    return state;
  }

  WireMaterials materials;
  ElectrothermalWireSystem wire;
  CurrentDrivenSystem driven;
  std::unique_ptr<CvodeIntegrator> integrator;
  double saved_time_s = 0.0;
  std::vector<double> saved_state;
};

DrivenWire::DrivenWire(const Device& device, const PluginRegistry& registry,
                       const WireModelOptions& options) {
  if (options.resistive_switch == ResistiveSwitch::root_finding) {
    throw std::invalid_argument(
        "a wire driven by a circuit simulator takes the front or the smoothed switch (root "
        "finding restarts at each switch, which needs the current's future)");
  }
  impl_ = std::make_unique<Impl>(device, registry, options);
}

DrivenWire::~DrivenWire() = default;

double DrivenWire::start_time_s() const {
  return impl_->wire.start_time_s();
}
double DrivenWire::time_s() const {
  return impl_->integrator->time_s();
}
const WireParameters& DrivenWire::parameters() const {
  return impl_->wire.parameters();
}
long DrivenWire::solver_steps() const {
  return impl_->integrator->statistics().steps;
}

void DrivenWire::advance(double end_time_s, double start_current_A, double end_current_A) {
  const double start_s = time_s();
  if (!(end_time_s > start_s) || !std::isfinite(end_time_s)) {
    throw std::invalid_argument(fmt::format(
        "the wire can only go forward: it is at {} s, asked for {} s", start_s, end_time_s));
  }
  if (!std::isfinite(start_current_A) || !std::isfinite(end_current_A)) {
    throw std::invalid_argument("the current driving the wire must be finite");
  }
  // A kink of the current at the step's start is a kink of the right-hand
  // side: CVODE's BDF history copes with it (the error test cuts the step).
  impl_->driven.set_current_line(start_s, start_current_A, end_time_s, end_current_A);
  impl_->integrator->set_stop_time(end_time_s);
  while (impl_->integrator->time_s() < end_time_s) impl_->integrator->advance_to(end_time_s);
}

DrivenWireObservation DrivenWire::observe(double current_A) const {
  const ElectrothermalWireSystem& w = impl_->wire;
  const WireParameters& p = w.parameters();
  const std::vector<double> state = impl_->state_with(current_A);
  DrivenWireObservation o;
  o.time_s = time_s();
  o.current_A = current_A;
  o.hotspot_resistance_Ohm = w.hotspot_resistance_Ohm(state);
  o.hotspot_length_m = o.hotspot_resistance_Ohm / p.cell_resistance_Ohm() * p.cell_length_m();
  double hottest = 0.0;
  double hottest_phonon = 0.0;
  for (std::size_t i = 0; i < w.cell_count(); ++i) {
    hottest = std::max(hottest, state[w.electron_index(i)]);
    hottest_phonon = std::max(hottest_phonon, state[w.phonon_index(i)]);
  }
  o.hottest_K = p.substrate_temperature_K + hottest;
  o.hottest_phonon_K = p.substrate_temperature_K + hottest_phonon;
  return o;
}

// docs/spice.md, "The coupling step": R_hs changes at dR_hs/dt (the cells'
// shares' slopes times their rates); a step is as long as lets it change by
// `relative_change` of R_hs + R_L. A cell that carries no resistance changes
// nothing until it reaches its switch band (T*(I) -+ w/2 for the smoothed
// switch, T*(I) itself for the front switch), at a time its present rate
// predicts: the step stops short of that with an allowance for a small start.
double DrivenWire::max_step_s(double current_A, double current_rate_A_per_s,
                              double relative_change) const {
  Impl& m = *impl_;
  const ElectrothermalWireSystem& w = m.wire;
  const WireParameters& p = w.parameters();
  const std::vector<double> state = m.state_with(current_A);
  std::vector<double> rate(state.size());
  m.driven.set_current_line(time_s(), current_A, time_s() + 1.0, current_A + current_rate_A_per_s);
  m.driven.right_hand_side(time_s(), state, rate);
  const double switching_K = p.switching_temperature_K(current_A);
  const double switching_rate =
      p.switching_temperature_slope_K_per_A(current_A) * current_rate_A_per_s;
  const double scale_Ohm = w.hotspot_resistance_Ohm(state) + p.load_resistance_Ohm;
  const double allowed_share = relative_change * scale_Ohm / p.cell_resistance_Ohm();
  // The band over which a point's share goes from 0 to 1 (a single
  // temperature, T*, for the front switch).
  const double lower_K = switching_K - 0.5 * w.switch_width_K();
  const double upper_K = switching_K + 0.5 * w.switch_width_K();
  const std::size_t cells = w.cell_count();
  auto temperature = [&](std::size_t j) {
    return p.substrate_temperature_K + state[w.electron_index(j)];
  };
  double to_edge_s = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < cells; ++i) {
    const double t_K = temperature(i);
    const double left_K = i == 0 ? p.substrate_temperature_K : temperature(i - 1);
    const double right_K = i + 1 == cells ? p.substrate_temperature_K : temperature(i + 1);
    const double approach = rate[w.electron_index(i)] - switching_rate;  // d(T - T*)/dt
    // A local maximum below the band rising into it (a new hotspot, or a
    // second hot region), or a local minimum above it falling into it (a
    // plateau's collapse): its share starts to change, as the entry over the
    // drop to its faces, so it may enter by allowed_share of that drop. The
    // allowance keeps the steps finite where a cell sits just at an edge (a
    // cap of half the time to the edge alone would halve the step for ever);
    // its floor, 1e-4 of the window T*(I) - T_sub, does so on a flat plateau.
    const double drop_K = 0.5 * std::max(std::abs(t_K - left_K), std::abs(t_K - right_K));
    const double allowance_K = std::max(std::min(1.0, allowed_share) * drop_K,
                                        1e-4 * (switching_K - p.substrate_temperature_K));
    if (t_K < lower_K && approach > 0.0 && left_K <= t_K && right_K <= t_K) {
      to_edge_s = std::min(to_edge_s, (lower_K - t_K + allowance_K) / approach);
    }
    if (t_K > upper_K && approach < 0.0 && left_K >= t_K && right_K >= t_K) {
      to_edge_s = std::min(to_edge_s, (t_K - upper_K + allowance_K) / -approach);
    }
  }
  const double resistance_rate =
      std::abs(w.hotspot_resistance_rate_Ohm_per_s(state, rate, current_rate_A_per_s));
  const double by_resistance = resistance_rate > 0.0 ? relative_change * scale_Ohm / resistance_rate
                                                     : std::numeric_limits<double>::infinity();
  // Half the predicted time: the rate may grow on the way.
  return std::min(by_resistance, 0.5 * to_edge_s);
}

void DrivenWire::save() {
  impl_->saved_time_s = time_s();
  impl_->saved_state.assign(impl_->integrator->state().begin(), impl_->integrator->state().end());
}

void DrivenWire::restore() {
  impl_->integrator->reinitialize(impl_->saved_time_s, impl_->saved_state);
}

std::vector<double> DrivenWire::electron_temperatures_K() const {
  const ElectrothermalWireSystem& w = impl_->wire;
  std::vector<double> t(w.cell_count());
  for (std::size_t i = 0; i < t.size(); ++i) {
    t[i] = w.parameters().substrate_temperature_K + impl_->integrator->state()[w.electron_index(i)];
  }
  return t;
}

}  // namespace filmtherm
