#include "filmtherm/hotspot_cooling.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "exponential_fit.h"
#include "output_times.h"

namespace filmtherm {

namespace {

CvodeSettings cvode_settings(const Device& device, const TwoTemperatureMaterials& materials) {
  const SolverSettings& s = device.solver;
  CvodeSettings settings;
  settings.relative_tolerance = s.relative_tolerance.value;
  const double temperature_tolerance_K = s.absolute_tolerance.value.value();
  // The escaped energy gets the energy that one absolute tolerance of
  // temperature holds in electrons and phonons at the bath.
  const double bath_K = device.bath.temperature.value.value();
  const double heat_capacity =
      materials.electron_heat_capacity.evaluate_si(bath_K).heat_capacity +
      materials.phonon_heat_capacity.evaluate_si(bath_K, device.film.thickness.value.value())
          .heat_capacity;
  settings.absolute_tolerances = {temperature_tolerance_K, temperature_tolerance_K,
                                  temperature_tolerance_K * heat_capacity};
  settings.max_steps = s.max_steps.value;
  return settings;
}

}  // namespace

HotspotCooling::HotspotCooling(const Device& device, const PluginRegistry& registry)
    : device_(device),
      materials_(instantiate_materials(device, registry)),
      system_(materials_, device.film.thickness.value.value(),
              device.bath.temperature.value.value(), PhotonDeposit::from_device(device),
              device.material.critical_temperature
                  ? std::optional<double>(device.material.critical_temperature->value.value())
                  : std::nullopt) {
  const SolverSettings& s = device.solver;
  if (!(s.end_time.value.value() > system_.start_time_s())) {
    throw std::invalid_argument(fmt::format(
        "solver.end_time ({} s) must lie after the photon's arrival (the run starts at {} s)",
        s.end_time.value.value(), system_.start_time_s()));
  }
  if (s.output_count.value < 2) {
    throw std::invalid_argument("solver.output_count must be at least 2");
  }
  if (s.output_spacing == OutputSpacing::logarithmic &&
      !(s.first_output_time.value.value() > 0.0 &&
        s.first_output_time.value.value() < s.end_time.value.value() - system_.start_time_s())) {
    throw std::invalid_argument(fmt::format(
        "solver.first_output_time ({} s) must be positive and shorter than the run ({} s from "
        "the photon's arrival to end_time) for logarithmic output",
        s.first_output_time.value.value(), s.end_time.value.value() - system_.start_time_s()));
  }
}

HotspotCooling::~HotspotCooling() = default;

CoolingResult HotspotCooling::run() {
  const auto started = std::chrono::steady_clock::now();
  make_output_times();
  start_integrator();
  for (const double time_s : output_times_s_) {
    advance_to(time_s);
    record_sample(time_s, integrator_->state());
  }
  summarise_temperatures();
  close_energy_book();
  result_.statistics = integrator_->statistics();
  result_.solve_wall_time_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result_;
}

void HotspotCooling::make_output_times() {
  const double start_s = system_.start_time_s();
  output_times_s_ = detail::output_times_s(device_.solver, start_s, system_.photon());
  const PhotonDeposit& photon = system_.photon();

  result_.phonon_model = device_.material.phonon_heat_capacity.model;
  result_.film_thickness_m = device_.film.thickness.value.value();
  result_.bath_temperature_K = system_.bath_temperature_K();
  result_.hotspot_volume_m3 = photon.hotspot_volume_m3;
  result_.absorbed_energy_J = photon.absorbed_energy_J;
  result_.arrival_time_s = photon.arrival_time_s;
  result_.start_time_s = start_s;
  if (photon.is_pulse()) result_.pulse_fwhm_s = photon.pulse_fwhm_s;
  result_.linearised_time_constants_s = system_.linearised_time_constants_s();
}

void HotspotCooling::start_integrator() {
  const std::array<double, 3> initial = system_.initial_state();
  integrator_ = std::make_unique<CvodeIntegrator>(system_, system_.start_time_s(), initial,
                                                  cvode_settings(device_, materials_));
  const PhotonDeposit& photon = system_.photon();
  if (photon.is_pulse()) {
    // CVODE must not step over the pulse: steps of at most a tenth of the
    // FWHM until its window has passed.
    integrator_->set_max_step(photon.pulse_fwhm_s / 10.0);
    integrator_->set_stop_time(photon.arrival_time_s +
                               PhotonDeposit::pulse_half_window_fwhm * photon.pulse_fwhm_s);
    pulse_window_open_ = true;
  }
}

void HotspotCooling::advance_to(double time_s) {
  if (time_s <= integrator_->time_s()) return;
  while (integrator_->time_s() < time_s) {
    if (pulse_window_open_ && integrator_->time_s() >= system_.photon().arrival_time_s +
                                                           PhotonDeposit::pulse_half_window_fwhm *
                                                               system_.photon().pulse_fwhm_s) {
      integrator_->set_max_step(0.0);
      integrator_->set_stop_time(device_.solver.end_time.value.value());
      pulse_window_open_ = false;
    }
    const AdvanceResult reached = integrator_->advance_to(time_s);
    if (!reached.root_found) continue;
    system_.record_roots(reached.time_s, integrator_->state(), reached.roots);
    if (reached.roots[TwoTemperatureSystem::critical_temperature_root] != 0) {
      // C_e jumps at T_c (cvDisc_dns.c): restart the BDF history at the crossing.
      const std::array<double, 3> state{integrator_->state()[0], integrator_->state()[1],
                                        integrator_->state()[2]};
      integrator_->reinitialize(reached.time_s, state);
    }
  }
}

void HotspotCooling::record_sample(double time_s, std::span<const double> state) {
  const std::array<double, 3> bath{0.0, 0.0, 0.0};
  const bool before_start = time_s < system_.start_time_s();
  const TwoTemperaturePoint point =
      system_.evaluate(before_start ? std::span<const double>(bath) : state);
  const double volume_m3 = system_.photon().hotspot_volume_m3;
  CoolingSample sample;
  sample.time_s = time_s;
  sample.electron_temperature_K = point.electron_temperature_K;
  sample.phonon_temperature_K = point.phonon_temperature_K;
  const std::span<const double> integrated = before_start ? std::span<const double>(bath) : state;
  sample.electron_rise_K = integrated[TwoTemperatureSystem::electron_rise];
  sample.phonon_rise_K = integrated[TwoTemperatureSystem::phonon_rise];
  sample.electron_phonon_power_W_per_m3 = point.electron_phonon_power;
  sample.escape_power_W_per_m3 = point.escape_power;
  sample.absorbed_energy_J =
      before_start ? 0.0 : system_.photon().absorbed_energy_density_until(time_s) * volume_m3;
  sample.electron_energy_J = point.electron_energy * volume_m3;
  sample.phonon_energy_J = point.phonon_energy * volume_m3;
  sample.escaped_energy_J = point.escaped_energy * volume_m3;
  result_.trace.push_back(sample);
}

namespace {

TemperatureSummary summarise(const TemperatureEvents& events, const std::vector<double>& times,
                             const std::vector<double>& rises_K, double bath_K) {
  TemperatureSummary summary;
  summary.peak_reached = events.peak_time_s.has_value();
  if (summary.peak_reached) {
    summary.peak_K = events.peak_temperature_K;
    summary.peak_time_s = *events.peak_time_s;
  } else {
    const auto hottest = std::max_element(rises_K.begin(), rises_K.end());
    summary.peak_K = bath_K + *hottest;
    summary.peak_time_s = times[static_cast<std::size_t>(hottest - rises_K.begin())];
  }
  summary.half_rise_time_s = events.half_rise_time_s;
  summary.one_percent_rise_time_s = events.one_percent_rise_time_s;
  if (summary.peak_reached) {
    summary.tail_decay_time_s =
        fit_tail_decay_time_s(times, rises_K, summary.peak_K - bath_K, summary.peak_time_s);
  }
  return summary;
}

}  // namespace

void HotspotCooling::summarise_temperatures() {
  std::vector<double> times;
  std::vector<double> electron_rise_K;
  std::vector<double> phonon_rise_K;
  for (const CoolingSample& s : result_.trace) {
    times.push_back(s.time_s);
    electron_rise_K.push_back(s.electron_rise_K);
    phonon_rise_K.push_back(s.phonon_rise_K);
  }
  const double bath_K = system_.bath_temperature_K();
  result_.electrons = summarise(system_.electron_events(), times, electron_rise_K, bath_K);
  result_.phonons = summarise(system_.phonon_events(), times, phonon_rise_K, bath_K);
}

void HotspotCooling::close_energy_book() {
  EnergyBook& book = result_.energy;
  const CoolingSample& last = result_.trace.back();
  book.absorbed_J = last.absorbed_energy_J;
  book.electrons_J = last.electron_energy_J;
  book.phonons_J = last.phonon_energy_J;
  book.escaped_J = last.escaped_energy_J;
  const double total_J = system_.photon().absorbed_energy_J;
  auto imbalance = [&](const CoolingSample& s) {
    return std::abs(s.absorbed_energy_J - s.electron_energy_J - s.phonon_energy_J -
                    s.escaped_energy_J) /
           total_J;
  };
  book.relative_error = imbalance(last);
  for (const CoolingSample& s : result_.trace) {
    book.worst_relative_error = std::max(book.worst_relative_error, imbalance(s));
  }
}

std::optional<double> fit_tail_decay_time_s(std::span<const double> time_s,
                                            std::span<const double> rise_K, double peak_rise_K,
                                            double after_time_s) {
  std::vector<std::pair<double, double>> points;  // (t, ln rise)
  for (std::size_t i = 0; i < time_s.size() && i < rise_K.size(); ++i) {
    const double fraction = rise_K[i] / peak_rise_K;
    if (time_s[i] <= after_time_s || fraction > 0.1 || fraction < 0.01) continue;
    points.emplace_back(time_s[i], std::log(rise_K[i]));
  }
  return detail::fitted_decay_time_s(points);
}

}  // namespace filmtherm
