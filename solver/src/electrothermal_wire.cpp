#include "filmtherm/electrothermal_wire.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

#include "exponential_fit.h"
#include "output_times.h"
#include "wire_cvode_settings.h"

namespace filmtherm {

CvodeSettings wire_cvode_settings(const Device& device, const ElectrothermalWireSystem& system,
                                  LinearSolverKind kind) {
  if (kind == LinearSolverKind::banded) {
    throw std::invalid_argument("the wire model offers the sparse and dense linear solvers");
  }
  const SolverSettings& s = device.solver;
  const WireParameters& p = system.parameters();
  CvodeSettings settings;
  settings.relative_tolerance = s.relative_tolerance.value;
  const double floor = 1e-3 * settings.relative_tolerance;
  const double energy_scale_J = 0.5 * p.kinetic_inductance_H * p.bias_current_A * p.bias_current_A;
  settings.absolute_tolerances.assign(system.size(), floor * energy_scale_J);
  for (std::size_t i = 0; i < system.current_index(); ++i) {
    settings.absolute_tolerances[i] = s.absolute_tolerance.value.value();
  }
  settings.absolute_tolerances[system.current_index()] = floor * p.bias_current_A;
  settings.absolute_tolerances[system.capacitor_index()] =
      floor * p.load_resistance_Ohm * p.bias_current_A;
  settings.max_steps = s.max_steps.value;
  settings.linear_solver.kind = kind;
  return settings;
}

ElectrothermalWire::ElectrothermalWire(const Device& device, const PluginRegistry& registry,
                                       const WireModelOptions& options)
    : device_(device),
      options_(options),
      materials_(instantiate_wire_materials(device, registry)),
      system_(materials_, WireParameters::from_device(device, options.cell_count), options,
              PhotonDeposit::from_device(device)) {
  const SolverSettings& s = device.solver;
  const double start_s = system_.start_time_s();
  if (!(s.end_time.value.value() > start_s)) {
    throw std::invalid_argument(fmt::format(
        "solver.end_time ({} s) must lie after the photon's arrival (the run starts at {} s)",
        s.end_time.value.value(), start_s));
  }
  if (s.output_count.value < 2) {
    throw std::invalid_argument("solver.output_count must be at least 2");
  }
  if (s.output_spacing == OutputSpacing::logarithmic &&
      !(s.first_output_time.value.value() > 0.0 &&
        s.first_output_time.value.value() < s.end_time.value.value() - start_s)) {
    throw std::invalid_argument(fmt::format(
        "solver.first_output_time ({} s) must be positive and shorter than the run ({} s) for "
        "logarithmic output",
        s.first_output_time.value.value(), s.end_time.value.value() - start_s));
  }
}

ElectrothermalWire::~ElectrothermalWire() = default;

WireResult ElectrothermalWire::run() {
  const auto started = std::chrono::steady_clock::now();
  const std::clock_t started_cpu = std::clock();
  make_output_times();
  start_integrator();
  record_sample(system_.start_time_s());
  for (const double time_s : output_times_s_) {
    advance_to(time_s);
    record_sample(integrator_->time_s());
    if (recovered_ && options_.stop_at_recovery) break;
  }
  result_.end_time_s = integrator_->time_s();
  summarise();
  close_energy_books();
  result_.statistics = integrator_->statistics();
  result_.solve_wall_time_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result_.solve_cpu_time_s =
      static_cast<double>(std::clock() - started_cpu) / static_cast<double>(CLOCKS_PER_SEC);
  return result_;
}

void ElectrothermalWire::make_output_times() {
  const double start_s = system_.start_time_s();
  // The state at the start is the initial condition, not an output.
  std::vector<double> times = detail::output_times_s(device_.solver, start_s, system_.photon());
  std::erase_if(times, [start_s](double t) { return t <= start_s; });
  output_times_s_ = std::move(times);

  const PhotonDeposit& photon = system_.photon();
  const WireParameters& p = system_.parameters();
  result_.phonon_model = device_.material.phonon_heat_capacity.model;
  result_.options = options_;
  result_.escape_law = system_.escape_law();
  result_.effective_switch_width_K = system_.switch_width_K();
  result_.parameters = p;
  result_.arrival_time_s = photon.arrival_time_s;
  result_.start_time_s = start_s;
  if (photon.is_pulse()) result_.pulse_fwhm_s = photon.pulse_fwhm_s;
  result_.hotspot_belt_length_m = photon.hotspot_volume_m3 / p.cross_section_m2();
  if (options_.record_profiles) {
    for (std::size_t i = 0; i < p.cell_count; ++i) {
      result_.profiles.position_m.push_back(p.cell_centre_m(i));
    }
  }
}

void ElectrothermalWire::start_integrator() {
  const std::vector<double> initial = system_.initial_state();
  integrator_ = std::make_unique<CvodeIntegrator>(
      system_, system_.start_time_s(), initial,
      wire_cvode_settings(device_, system_, options_.linear_solver));
  integrator_->set_stop_time(device_.solver.end_time.value.value());
  const PhotonDeposit& photon = system_.photon();
  if (photon.is_pulse()) {
    // CVODE must not step over the pulse (as in the lumped run).
    integrator_->set_max_step(photon.pulse_fwhm_s / 10.0);
    integrator_->set_stop_time(photon.arrival_time_s +
                               PhotonDeposit::pulse_half_window_fwhm * photon.pulse_fwhm_s);
    pulse_window_open_ = true;
  }
}

void ElectrothermalWire::advance_to(double time_s) {
  const PhotonDeposit& photon = system_.photon();
  const double window_end_s =
      photon.arrival_time_s + PhotonDeposit::pulse_half_window_fwhm * photon.pulse_fwhm_s;
  while (integrator_->time_s() < time_s) {
    if (pulse_window_open_ && integrator_->time_s() >= window_end_s) {
      integrator_->set_max_step(0.0);
      integrator_->set_stop_time(device_.solver.end_time.value.value());
      pulse_window_open_ = false;
    }
    const AdvanceResult reached = integrator_->advance_to(time_s);
    if (reached.root_found) handle_roots(reached);
    if (recovered_ && options_.stop_at_recovery) return;
  }
}

void ElectrothermalWire::handle_roots(const AdvanceResult& reached) {
  const double time_s = reached.time_s;
  const std::vector<double> state(integrator_->state().begin(), integrator_->state().end());
  system_.record_circuit_roots(time_s, state, reached.roots);
  if (options_.resistive_switch == ResistiveSwitch::root_finding) {
    const double rate_before = system_.current_rate_A_per_s(state);
    const std::size_t flipped = system_.apply_switch_roots(reached.roots);
    if (flipped > 0) {
      result_.switch_events += static_cast<long>(flipped);
      // dI/dt jumps with R_hs: a minimum of I can fall on the switch itself.
      if (!system_.circuit_events().minimum_time_s && rate_before < 0.0 &&
          system_.current_rate_A_per_s(state) >= 0.0) {
        system_.record_current_minimum(time_s, state[system_.current_index()]);
      }
      const double hotspot_Ohm = system_.hotspot_resistance_Ohm(state);
      WireSummary& s = result_.summary;
      if (hotspot_Ohm > s.max_hotspot_resistance_Ohm) {
        s.max_hotspot_resistance_Ohm = hotspot_Ohm;
        s.max_hotspot_time_s = time_s - result_.arrival_time_s;
      }
      // The right-hand side jumps: restart the BDF history here (cvDisc_dns.c).
      integrator_->reinitialize(time_s, state);
    }
  }
  if (system_.circuit_events().recovery_99_time_s) recovered_ = true;
}

void ElectrothermalWire::record_sample(double time_s) {
  const std::span<const double> state = integrator_->state();
  const WireParameters& p = system_.parameters();
  const std::size_t cells = p.cell_count;
  WireSample s;
  s.time_s = time_s;
  s.current_A = state[system_.current_index()];
  s.output_voltage_V = p.load_resistance_Ohm * (p.bias_current_A - s.current_A);
  s.capacitor_voltage_V = state[system_.capacitor_index()];
  s.hotspot_resistance_Ohm = system_.hotspot_resistance_Ohm(state);
  s.hotspot_length_m = s.hotspot_resistance_Ohm / p.cell_resistance_Ohm() * p.cell_length_m();
  const double bath_K = p.substrate_temperature_K;
  double hottest_rise = 0.0, hottest_phonon_rise = 0.0;
  for (std::size_t i = 0; i < cells; ++i) {
    hottest_rise = std::max(hottest_rise, state[system_.electron_index(i)]);
    hottest_phonon_rise = std::max(hottest_phonon_rise, state[system_.phonon_index(i)]);
  }
  s.hottest_K = bath_K + hottest_rise;
  s.hottest_phonon_K = bath_K + hottest_phonon_rise;
  s.absorbed_energy_J = system_.absorbed_energy_J(time_s);
  s.stored_energy_J = system_.stored_energy_J(state);
  s.joule_energy_J = state[system_.joule_energy_index()];
  s.escaped_energy_J = state[system_.escaped_energy_index()];
  s.end_energy_J = state[system_.end_energy_index()];
  s.load_energy_J = state[system_.load_energy_index()];
  s.source_work_J = state[system_.source_work_index()];
  result_.trace.push_back(s);

  if (options_.record_profiles) {
    WireProfiles& profiles = result_.profiles;
    profiles.times_s.push_back(time_s);
    for (std::size_t i = 0; i < cells; ++i) {
      profiles.temperature_K.push_back(bath_K + state[system_.electron_index(i)]);
      if (system_.two_temperature()) {
        profiles.phonon_temperature_K.push_back(bath_K + state[system_.phonon_index(i)]);
      }
    }
  }
}

void ElectrothermalWire::summarise() {
  WireSummary& s = result_.summary;
  const WireParameters& p = system_.parameters();
  const double arrival_s = result_.arrival_time_s;
  const WireCircuitEvents& events = system_.circuit_events();
  std::vector<double> times, dips;
  for (const WireSample& sample : result_.trace) {
    times.push_back(sample.time_s);
    dips.push_back(p.bias_current_A - sample.current_A);
    if (sample.output_voltage_V > s.peak_output_voltage_V) {
      s.peak_output_voltage_V = sample.output_voltage_V;
      s.peak_output_time_s = sample.time_s - arrival_s;
      s.minimum_current_A = sample.current_A;
    }
    if (sample.hotspot_resistance_Ohm > s.max_hotspot_resistance_Ohm) {
      s.max_hotspot_resistance_Ohm = sample.hotspot_resistance_Ohm;
      s.max_hotspot_time_s = sample.time_s - arrival_s;
    }
    s.peak_temperature_K = std::max(s.peak_temperature_K, sample.hottest_K);
  }
  if (events.minimum_time_s) {
    // The located minimum is exact; the samples only bracket it.
    s.minimum_current_A = events.minimum_current_A;
    s.peak_output_voltage_V = p.load_resistance_Ohm * (p.bias_current_A - s.minimum_current_A);
    s.peak_output_time_s = *events.minimum_time_s - arrival_s;
  }
  s.max_hotspot_length_m =
      s.max_hotspot_resistance_Ohm / p.cell_resistance_Ohm() * p.cell_length_m();
  s.final_hotspot_resistance_Ohm = result_.trace.back().hotspot_resistance_Ohm;
  // Resistance at the end is a domain only where some point is above T*
  // (T*(I) - w/2 for the smoothed switch, whose scaled width keeps that edge
  // 95% of the window T*(I) - T_sub above the bath): no cell near the bath
  // can fake one. classify_outcome tells a domain from an oscillation.
  s.hotspot_reformations = events.hotspot_reformations;
  s.outcome = classify_outcome();
  s.latched = s.outcome != WireOutcome::recovered;
  if (!s.latched && events.hotspot_gone_time_s) {
    s.hotspot_lifetime_s = *events.hotspot_gone_time_s - arrival_s;
  }
  if (events.recovery_90_time_s) s.recovery_90_time_s = *events.recovery_90_time_s - arrival_s;
  if (events.recovery_99_time_s) s.recovery_99_time_s = *events.recovery_99_time_s - arrival_s;
  if (events.bias_recovery_90_time_s) {
    s.current_recovery_90_time_s = *events.bias_recovery_90_time_s - arrival_s;
  }
  if (events.bias_recovery_99_time_s) {
    s.current_recovery_99_time_s = *events.bias_recovery_99_time_s - arrival_s;
  }
  s.inductive_time_constant_s = p.kinetic_inductance_H / p.load_resistance_Ohm;
  s.circuit_time_constants_s = p.circuit_time_constants_s();
  if (!s.latched && events.minimum_time_s) {
    const double after_s = std::max(*events.minimum_time_s,
                                    events.hotspot_gone_time_s.value_or(*events.minimum_time_s));
    s.recovery_time_constant_s =
        fit_recovery_time_constant_s(times, dips, p.bias_current_A - s.minimum_current_A, after_s);
  }
}

// docs/wire-model.md, "Latching and relaxation oscillations". Resistance at
// the end is a stationary domain unless the hotspot still collapsed in the
// run's second half; no resistance is a reset unless the hotspot formed again
// and the current never came back to 0.9 I_b after its last collapse.
WireOutcome ElectrothermalWire::classify_outcome() const {
  const WireCircuitEvents& events = system_.circuit_events();
  const double middle_s = 0.5 * (result_.start_time_s + result_.end_time_s);
  if (result_.trace.back().hotspot_resistance_Ohm > 0.0) {
    const bool still_collapsing =
        events.hotspot_reformations > 0 && events.hotspot_gone_time_s.value_or(0.0) > middle_s;
    return still_collapsing ? WireOutcome::relaxation_oscillation : WireOutcome::latched;
  }
  if (events.hotspot_reformations == 0 || !events.hotspot_gone_time_s) {
    return WireOutcome::recovered;
  }
  const double level_A = 0.9 * system_.parameters().bias_current_A;
  for (const WireSample& sample : result_.trace) {
    if (sample.time_s > *events.hotspot_gone_time_s && sample.current_A >= level_A) {
      return WireOutcome::recovered;
    }
  }
  return WireOutcome::relaxation_oscillation;
}

void ElectrothermalWire::close_energy_books() {
  const WireParameters& p = system_.parameters();
  auto inductor_J = [&](const WireSample& s) {
    return 0.5 * p.kinetic_inductance_H * (s.current_A - p.bias_current_A) *
           (s.current_A + p.bias_current_A);
  };
  auto capacitor_J = [&](const WireSample& s) {
    return 0.5 * p.bias_tee_capacitance_F * s.capacitor_voltage_V * s.capacitor_voltage_V;
  };
  auto heat_imbalance = [](const WireSample& s) {
    return std::abs(s.absorbed_energy_J + s.joule_energy_J - s.stored_energy_J -
                    s.escaped_energy_J - s.end_energy_J);
  };
  auto circuit_terms = [&](const WireSample& s) {
    return std::array<double, 5>{s.source_work_J, s.joule_energy_J, s.load_energy_J, inductor_J(s),
                                 capacitor_J(s)};
  };
  // Each book is measured against the largest energy that passed through it
  // during the run, so that the first femtoseconds of a pulse, when every
  // term is tiny, do not count as large relative errors.
  double heat_scale = 0.0, circuit_scale = 0.0;
  for (const WireSample& s : result_.trace) {
    heat_scale = std::max(heat_scale, s.absorbed_energy_J + s.joule_energy_J);
    double magnitudes = 0.0;
    for (const double term : circuit_terms(s)) magnitudes += std::abs(term);
    circuit_scale = std::max(circuit_scale, magnitudes);
  }
  auto heat_error = [&](const WireSample& s) {
    return heat_scale > 0.0 ? heat_imbalance(s) / heat_scale : 0.0;
  };
  auto circuit_error = [&](const WireSample& s) {
    const auto t = circuit_terms(s);
    return circuit_scale > 0.0 ? std::abs(t[0] - t[1] - t[2] - t[3] - t[4]) / circuit_scale : 0.0;
  };
  WireEnergyBook& book = result_.energy;
  const WireSample& last = result_.trace.back();
  book.absorbed_J = last.absorbed_energy_J;
  book.joule_J = last.joule_energy_J;
  book.stored_J = last.stored_energy_J;
  book.escaped_J = last.escaped_energy_J;
  book.through_ends_J = last.end_energy_J;
  book.source_work_J = last.source_work_J;
  book.load_J = last.load_energy_J;
  book.inductor_change_J = inductor_J(last);
  book.capacitor_J = capacitor_J(last);
  book.heat_relative_error = heat_error(last);
  book.circuit_relative_error = circuit_error(last);
  for (const WireSample& s : result_.trace) {
    book.heat_worst_relative_error = std::max(book.heat_worst_relative_error, heat_error(s));
    book.circuit_worst_relative_error =
        std::max(book.circuit_worst_relative_error, circuit_error(s));
  }
}

std::string to_string(WireOutcome outcome) {
  switch (outcome) {
    case WireOutcome::recovered:
      return "recovered";
    case WireOutcome::latched:
      return "latched";
    case WireOutcome::relaxation_oscillation:
      return "relaxation-oscillation";
  }
  return "recovered";
}

std::optional<double> fit_recovery_time_constant_s(std::span<const double> time_s,
                                                   std::span<const double> dip_A, double peak_dip_A,
                                                   double after_time_s, double upper,
                                                   double lower) {
  std::vector<std::pair<double, double>> points;  // (t, I_b - I)
  for (std::size_t i = 0; i < time_s.size() && i < dip_A.size(); ++i) {
    const double fraction = dip_A[i] / peak_dip_A;
    if (time_s[i] < after_time_s || fraction > upper) continue;
    if (fraction < lower) break;  // the rest is the baseline, where noise outweighs the decay
    points.emplace_back(time_s[i], dip_A[i]);
  }
  const std::optional<detail::ExponentialApproach> fit =
      detail::fitted_exponential_approach(points);
  if (!fit) return std::nullopt;
  return fit->time_constant_s;
}

}  // namespace filmtherm
