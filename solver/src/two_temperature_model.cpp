#include "filmtherm/two_temperature_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <numbers>

namespace filmtherm {

namespace {

std::string where(const SourceMark& mark) {
  if (mark.file.empty()) return "built-in default";
  return fmt::format("{}:{}:{}", mark.file, mark.line, mark.column);
}

ModelInstance instantiate(const ModelChoice& choice, MaterialProperty property, const char* key,
                          const PluginRegistry& registry) {
  try {
    return registry.model(choice.model, property).instantiate(choice.parameters);
  } catch (const ParameterError& error) {
    throw ParameterError(error.parameter(),
                         fmt::format("{} (model '{}', {}): {}", key, choice.model,
                                     where(choice.mark), error.what()));
  }
}

}  // namespace

TwoTemperatureMaterials instantiate_materials(const Device& device,
                                              const PluginRegistry& registry) {
  const Material& m = device.material;
  return TwoTemperatureMaterials{
      MaterialElectronHeatCapacity(instantiate(m.electron_heat_capacity,
                                               MaterialProperty::electron_heat_capacity,
                                               "electron_heat_capacity", registry)),
      MaterialPhononHeatCapacity(instantiate(m.phonon_heat_capacity,
                                             MaterialProperty::phonon_heat_capacity,
                                             "phonon_heat_capacity", registry)),
      MaterialElectronPhononPower(instantiate(m.electron_phonon_power,
                                              MaterialProperty::electron_phonon_power,
                                              "electron_phonon_power", registry)),
      MaterialPhononEscapePower(instantiate(device.bath.phonon_escape,
                                            MaterialProperty::phonon_escape_power, "phonon_escape",
                                            registry))};
}

Device with_phonon_model(const Device& device, const std::string& phonon_model,
                         const PluginRegistry& registry) {
  const ModelDescriptor& descriptor =
      registry.model(phonon_model, MaterialProperty::phonon_heat_capacity);
  Device copy = device;
  ModelChoice& choice = copy.material.phonon_heat_capacity;
  const ModelChoice& original = device.material.phonon_heat_capacity;
  choice.model = phonon_model;
  choice.parameters.clear();
  choice.parameter_marks.clear();
  choice.parameter_provenance.clear();
  for (std::size_t i = 0; i < original.parameters.size(); ++i) {
    const auto& declared = descriptor.parameters();
    const bool known = std::any_of(declared.begin(), declared.end(), [&](const ModelParameter& p) {
      return p.name == original.parameters[i].name;
    });
    if (!known) continue;
    choice.parameters.push_back(original.parameters[i]);
    if (i < original.parameter_marks.size()) {
      choice.parameter_marks.push_back(original.parameter_marks[i]);
    }
    if (i < original.parameter_provenance.size()) {
      choice.parameter_provenance.push_back(original.parameter_provenance[i]);
    }
  }
  return copy;
}

// ---------------------------------------------------------------------------
// PhotonDeposit

namespace {
double gaussian_sigma_s(double fwhm_s) {
  return fwhm_s / (2.0 * std::sqrt(2.0 * std::log(2.0)));
}
}  // namespace

PhotonDeposit PhotonDeposit::from_device(const Device& device) {
  const Photon& photon = device.photon;
  const double thickness_m = device.film.thickness.value.value();
  PhotonDeposit deposit;
  deposit.absorbed_energy_J = photon.absorbed_fraction.value * photon.energy.value.value();
  if (photon.hotspot_length) {
    deposit.hotspot_volume_m3 =
        device.film.width.value.value() * photon.hotspot_length->value.value() * thickness_m;
  } else if (photon.hotspot_radius) {
    const double r = photon.hotspot_radius->value.value();
    deposit.hotspot_volume_m3 = std::numbers::pi * r * r * thickness_m;
  } else {
    throw std::invalid_argument(
        "photon: give hotspot_length (a belt across the strip) or hotspot_radius (a disc)");
  }
  if (!(deposit.hotspot_volume_m3 > 0.0) || !std::isfinite(deposit.hotspot_volume_m3)) {
    throw std::domain_error(
        fmt::format("the hotspot volume is {} m^3; the film thickness, width "
                    "and hotspot size must be positive",
                    deposit.hotspot_volume_m3));
  }
  if (!(deposit.absorbed_energy_J > 0.0)) {
    throw std::domain_error(fmt::format("the absorbed energy eta E is {} J; it must be positive",
                                        deposit.absorbed_energy_J));
  }
  deposit.arrival_time_s = photon.arrival_time.value.value();
  if (photon.hotspot_temperature) {
    if (photon.pulse_width) {
      throw std::invalid_argument(
          "photon: hotspot_temperature (a given start) and pulse_width (a deposit over time) "
          "exclude each other");
    }
    deposit.initial_electron_temperature_K = photon.hotspot_temperature->value.value();
    if (deposit.initial_electron_temperature_K > maximum_hotspot_temperature_K) {
      throw std::domain_error(fmt::format(
          "photon.hotspot_temperature ({} K) lies above {} K, where no detector film survives",
          deposit.initial_electron_temperature_K, maximum_hotspot_temperature_K));
    }
  }
  if (photon.pulse_width) {
    deposit.pulse_fwhm_s = photon.pulse_width->value.value();
    if (!(deposit.pulse_fwhm_s > 0.0)) {
      throw std::domain_error("photon.pulse_width: the FWHM must be positive");
    }
  }
  return deposit;
}

double PhotonDeposit::absorbed_energy_density() const noexcept {
  return absorbed_energy_J / hotspot_volume_m3;
}

double PhotonDeposit::power_density(double time_s) const noexcept {
  if (!is_pulse()) return 0.0;
  const double sigma = gaussian_sigma_s(pulse_fwhm_s);
  const double x = (time_s - arrival_time_s) / sigma;
  return absorbed_energy_density() / (sigma * std::sqrt(2.0 * std::numbers::pi)) *
         std::exp(-0.5 * x * x);
}

double PhotonDeposit::absorbed_energy_density_until(double time_s) const noexcept {
  if (!is_pulse()) return time_s >= arrival_time_s ? absorbed_energy_density() : 0.0;
  const double sigma = gaussian_sigma_s(pulse_fwhm_s);
  return absorbed_energy_density() * 0.5 *
         std::erfc(-(time_s - arrival_time_s) / (sigma * std::numbers::sqrt2));
}

// ---------------------------------------------------------------------------
// TwoTemperatureSystem

struct TwoTemperatureSystem::Rates {
  double electron_temperature_K;
  double phonon_temperature_K;
  HeatCapacityPoint electron;
  HeatCapacityPoint phonon;
  PowerPoint electron_phonon;
  PowerPoint escape;
  double absorbed_power;
};

TwoTemperatureSystem::TwoTemperatureSystem(const TwoTemperatureMaterials& materials,
                                           double film_thickness_m, double bath_temperature_K,
                                           PhotonDeposit photon,
                                           std::optional<double> critical_temperature_K)
    : materials_(materials),
      film_thickness_m_(film_thickness_m),
      bath_temperature_K_(bath_temperature_K),
      photon_(photon),
      critical_temperature_K_(critical_temperature_K) {
  if (!(bath_temperature_K > 0.0) || !(film_thickness_m > 0.0)) {
    throw std::domain_error(
        fmt::format("the bath temperature ({} K) and the film thickness ({} m) must be positive",
                    bath_temperature_K, film_thickness_m));
  }
  bath_electron_energy_ =
      materials_.electron_heat_capacity.evaluate_si(bath_temperature_K).energy_density;
  bath_phonon_energy_ =
      materials_.phonon_heat_capacity.evaluate_si(bath_temperature_K, film_thickness_m)
          .energy_density;
  if (photon_.initial_electron_temperature_K > 0.0) {
    const double start_K = photon_.initial_electron_temperature_K;
    if (!(start_K > bath_temperature_K)) {
      throw std::domain_error(fmt::format(
          "photon.hotspot_temperature ({} K) must lie above the bath temperature ({} K)", start_K,
          bath_temperature_K));
    }
    photon_.absorbed_energy_J =
        photon_.hotspot_volume_m3 *
        (materials_.electron_heat_capacity.evaluate_si(start_K).energy_density -
         bath_electron_energy_);
  }
  if (!photon_.is_pulse()) {
    const double step_temperature_K = step_electron_temperature_K();
    electron_events_.peak_time_s = photon_.arrival_time_s;
    electron_events_.peak_temperature_K = step_temperature_K;
  }
}

std::string TwoTemperatureSystem::component_name(std::size_t index) const {
  switch (index) {
    case electron_rise:
      return "T_e - T_b [K]";
    case phonon_rise:
      return "T_ph - T_b [K]";
    case escaped_energy:
      return "E_escaped [J/m^3]";
    default:
      return OdeSystem::component_name(index);
  }
}

TwoTemperatureSystem::Rates TwoTemperatureSystem::rates(double time_s,
                                                        std::span<const double> state) const {
  Rates r{};
  r.electron_temperature_K = bath_temperature_K_ + state[electron_rise];
  r.phonon_temperature_K = bath_temperature_K_ + state[phonon_rise];
  if (!(r.electron_temperature_K > 0.0) || !(r.phonon_temperature_K > 0.0) ||
      !std::isfinite(r.electron_temperature_K) || !std::isfinite(r.phonon_temperature_K)) {
    throw RecoverableOdeError(fmt::format("trial state T_e = {} K, T_ph = {} K is unphysical",
                                          r.electron_temperature_K, r.phonon_temperature_K));
  }
  r.electron = materials_.electron_heat_capacity.evaluate_si(r.electron_temperature_K);
  r.phonon = materials_.phonon_heat_capacity.evaluate_si(r.phonon_temperature_K, film_thickness_m_);
  r.electron_phonon = materials_.electron_phonon_power.evaluate_si(r.electron_temperature_K,
                                                                   r.phonon_temperature_K);
  r.escape = materials_.phonon_escape_power.evaluate_si(r.phonon_temperature_K, bath_temperature_K_,
                                                        film_thickness_m_, r.phonon.heat_capacity,
                                                        r.phonon.heat_capacity_slope);
  r.absorbed_power = photon_.power_density(time_s);
  return r;
}

void TwoTemperatureSystem::right_hand_side(double time_s, std::span<const double> state,
                                           std::span<double> derivative) {
  const Rates r = rates(time_s, state);
  const double p_ep = r.electron_phonon.power_density;
  const double p_esc = r.escape.power_density;
  derivative[electron_rise] = (r.absorbed_power - p_ep) / r.electron.heat_capacity;
  derivative[phonon_rise] = (p_ep - p_esc) / r.phonon.heat_capacity;
  derivative[escaped_energy] = p_esc;
}

void TwoTemperatureSystem::jacobian(double time_s, std::span<const double> state,
                                    std::span<const double> derivative, JacobianMatrix& jacobian) {
  // f_e = (p - P_ep)/C_e and f_ph = (P_ep - P_esc)/C_ph; the quotient rule
  // gives the -f C'/C terms. The escape model's d_first already includes
  // dC_ph/dT for escape-time laws.
  const Rates r = rates(time_s, state);
  const double c_e = r.electron.heat_capacity;
  const double c_ph = r.phonon.heat_capacity;
  const double dp_ep_dte = r.electron_phonon.d_first;
  const double dp_ep_dtph = r.electron_phonon.d_second;
  const double dp_esc_dtph = r.escape.d_first;
  jacobian.set(electron_rise, electron_rise,
               -dp_ep_dte / c_e - derivative[electron_rise] * r.electron.heat_capacity_slope / c_e);
  jacobian.set(electron_rise, phonon_rise, -dp_ep_dtph / c_e);
  jacobian.set(phonon_rise, electron_rise, dp_ep_dte / c_ph);
  jacobian.set(phonon_rise, phonon_rise,
               (dp_ep_dtph - dp_esc_dtph) / c_ph -
                   derivative[phonon_rise] * r.phonon.heat_capacity_slope / c_ph);
  jacobian.set(escaped_energy, phonon_rise, dp_esc_dtph);
}

bool TwoTemperatureSystem::events_active(double time_s) const {
  // Before the pulse has begun, the rates are zero up to rounding; a sign
  // change there would be noise, not a peak.
  return !photon_.is_pulse() || time_s >= photon_.arrival_time_s - photon_.pulse_fwhm_s;
}

namespace {
// Root functions that are waiting, or done, hold a constant sign: +1 while
// the event is ahead, -1 once it is passed, so they never cross zero again.
constexpr double waiting = 1.0;
constexpr double passed = -1.0;

double fall_root(const TemperatureEvents& events, const std::optional<double>& found, double rise_K,
                 double bath_K, double fraction) {
  if (found) return passed;
  if (!events.peak_time_s) return waiting;
  return rise_K - fraction * (events.peak_temperature_K - bath_K);
}
}  // namespace

void TwoTemperatureSystem::roots(double time_s, std::span<const double> state,
                                 std::span<double> values) {
  const double bath = bath_temperature_K_;
  const bool active = events_active(time_s);
  const bool electron_peak_ahead = !electron_events_.peak_time_s && active;
  const bool phonon_peak_ahead = !phonon_events_.peak_time_s && active;
  // The model calls are the cost of a root evaluation: at most one set.
  std::optional<Rates> r;
  if (electron_peak_ahead || phonon_peak_ahead) r = rates(time_s, state);
  values[0] = electron_peak_ahead            ? r->absorbed_power - r->electron_phonon.power_density
              : electron_events_.peak_time_s ? passed
                                             : waiting;
  values[1] = phonon_peak_ahead ? r->electron_phonon.power_density - r->escape.power_density
              : phonon_events_.peak_time_s ? passed
                                           : waiting;
  values[2] = fall_root(electron_events_, electron_events_.half_rise_time_s, state[electron_rise],
                        bath, 0.5);
  values[3] = fall_root(electron_events_, electron_events_.one_percent_rise_time_s,
                        state[electron_rise], bath, 0.01);
  values[4] =
      fall_root(phonon_events_, phonon_events_.half_rise_time_s, state[phonon_rise], bath, 0.5);
  values[5] = fall_root(phonon_events_, phonon_events_.one_percent_rise_time_s, state[phonon_rise],
                        bath, 0.01);
  values[critical_temperature_root] =
      critical_temperature_K_ ? bath + state[electron_rise] - *critical_temperature_K_ : 1.0;
}

std::vector<int> TwoTemperatureSystem::root_directions() const {
  return {-1, -1, -1, -1, -1, -1, 0};
}

void TwoTemperatureSystem::record_roots(double time_s, std::span<const double> state,
                                        std::span<const int> found) {
  auto found_at = [&](std::size_t k) { return k < found.size() && found[k] != 0; };
  if (found_at(0) && !electron_events_.peak_time_s) {
    electron_events_.peak_time_s = time_s;
    electron_events_.peak_temperature_K = bath_temperature_K_ + state[electron_rise];
  }
  if (found_at(1) && !phonon_events_.peak_time_s) {
    phonon_events_.peak_time_s = time_s;
    phonon_events_.peak_temperature_K = bath_temperature_K_ + state[phonon_rise];
  }
  if (found_at(2)) electron_events_.half_rise_time_s = time_s;
  if (found_at(3)) electron_events_.one_percent_rise_time_s = time_s;
  if (found_at(4)) phonon_events_.half_rise_time_s = time_s;
  if (found_at(5)) phonon_events_.one_percent_rise_time_s = time_s;
}

double TwoTemperatureSystem::start_time_s() const {
  if (!photon_.is_pulse()) return photon_.arrival_time_s;
  return photon_.arrival_time_s - PhotonDeposit::pulse_half_window_fwhm * photon_.pulse_fwhm_s;
}

std::array<double, 3> TwoTemperatureSystem::initial_state() const {
  if (photon_.is_pulse()) return {0.0, 0.0, 0.0};
  return {step_electron_temperature_K() - bath_temperature_K_, 0.0, 0.0};
}

double TwoTemperatureSystem::step_electron_temperature_K() const {
  if (!photon_.is_pulse() && electron_events_.peak_time_s) {
    return electron_events_.peak_temperature_K;
  }
  if (photon_.initial_electron_temperature_K > 0.0) return photon_.initial_electron_temperature_K;
  const double target = photon_.absorbed_energy_density();
  auto excess = [&](double temperature_K) {
    return materials_.electron_heat_capacity.evaluate_si(temperature_K).energy_density -
           bath_electron_energy_ - target;
  };
  // U_e is increasing (C_e > 0): bracket the root by doubling the rise,
  // then TOMS 748, which never leaves the bracket.
  const double low = bath_temperature_K_;
  double high = bath_temperature_K_;
  double step = bath_temperature_K_;
  double excess_high = excess(high);
  for (int i = 0; excess_high < 0.0; ++i) {
    if (high > maximum_hotspot_temperature_K || i == 200) {
      throw std::domain_error(fmt::format(
          "the absorbed energy density ({:.4g} J/m^3, eta E / V) would heat the electrons above "
          "{} K, where no detector film survives: check the photon's energy, the absorbed "
          "fraction and the hotspot size",
          target, maximum_hotspot_temperature_K));
    }
    high += step;
    step *= 2.0;
    excess_high = excess(high);
  }
  const double excess_low = -target;
  if (excess_high == 0.0) return high;
  std::uintmax_t iterations = 200;
  const auto bracket = boost::math::tools::toms748_solve(
      excess, low, high, excess_low, excess_high,
      boost::math::tools::eps_tolerance<double>(std::numeric_limits<double>::digits - 2),
      iterations);
  return 0.5 * (bracket.first + bracket.second);
}

TwoTemperaturePoint TwoTemperatureSystem::evaluate(std::span<const double> state) const {
  const Rates r = rates(0.0, state);
  TwoTemperaturePoint point;
  point.electron_temperature_K = r.electron_temperature_K;
  point.phonon_temperature_K = r.phonon_temperature_K;
  point.electron_heat_capacity = r.electron.heat_capacity;
  point.phonon_heat_capacity = r.phonon.heat_capacity;
  point.electron_phonon_power = r.electron_phonon.power_density;
  point.escape_power = r.escape.power_density;
  point.electron_energy = r.electron.energy_density - bath_electron_energy_;
  point.phonon_energy = r.phonon.energy_density - bath_phonon_energy_;
  point.escaped_energy = state[escaped_energy];
  return point;
}

std::array<double, 2> TwoTemperatureSystem::linearised_time_constants_s() const {
  const std::array<double, 3> bath{0.0, 0.0, 0.0};
  const Rates r = rates(-std::numeric_limits<double>::infinity(), bath);
  const double a11 = -r.electron_phonon.d_first / r.electron.heat_capacity;
  const double a12 = -r.electron_phonon.d_second / r.electron.heat_capacity;
  const double a21 = r.electron_phonon.d_first / r.phonon.heat_capacity;
  const double a22 = (r.electron_phonon.d_second - r.escape.d_first) / r.phonon.heat_capacity;
  const double half_trace = 0.5 * (a11 + a22);
  const double determinant = a11 * a22 - a12 * a21;
  const double root = std::sqrt(std::max(0.0, half_trace * half_trace - determinant));
  // The larger-magnitude eigenvalue without cancellation, the other from the product.
  const double fast = half_trace - root;
  const double slow = determinant / fast;
  return {-1.0 / fast, -1.0 / slow};
}

}  // namespace filmtherm
