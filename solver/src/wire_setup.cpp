// The wire model's set-up: names, materials, parameters from a Device, the
// photon's belt on the grid, the initial state, and the energy integrals that
// are not part of the right-hand side.
#include <fmt/format.h>

#include <algorithm>
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <limits>
#include <numbers>

#include "filmtherm/wire_model.h"

#include "filmtherm/input_limits.h"
#include "wire_published_scheme.h"
#include "wire_workspace.h"

namespace filmtherm {

WireEscapeLaw WireModelOptions::effective_escape_law() const {
  if (escape_law) return *escape_law;
  return form == WireTemperatureForm::one_temperature ? WireEscapeLaw::linearised
                                                      : WireEscapeLaw::model_power;
}

std::string to_string(WireTemperatureForm form) {
  return form == WireTemperatureForm::one_temperature ? "one-temperature" : "two-temperature";
}
std::string to_string(ResistiveSwitch resistive_switch) {
  switch (resistive_switch) {
    case ResistiveSwitch::root_finding:
      return "root-finding";
    case ResistiveSwitch::smoothed:
      return "smoothed";
    case ResistiveSwitch::front:
      return "front";
  }
  return "front";
}
std::string to_string(WireEscapeLaw escape_law) {
  return escape_law == WireEscapeLaw::model_power ? "model-power" : "linearised";
}

std::string to_string(WireDiscretisation scheme) {
  return scheme == WireDiscretisation::conservative ? "conservative" : "published";
}

std::optional<WireTemperatureForm> parse_temperature_form(std::string_view text) {
  if (text == "one" || text == "one-temperature") return WireTemperatureForm::one_temperature;
  if (text == "two" || text == "two-temperature") return WireTemperatureForm::two_temperature;
  return std::nullopt;
}
std::optional<ResistiveSwitch> parse_resistive_switch(std::string_view text) {
  if (text == "smoothed") return ResistiveSwitch::smoothed;
  if (text == "root-finding") return ResistiveSwitch::root_finding;
  if (text == "front") return ResistiveSwitch::front;
  return std::nullopt;
}
std::optional<WireEscapeLaw> parse_escape_law(std::string_view text) {
  if (text == "model-power") return WireEscapeLaw::model_power;
  if (text == "linearised") return WireEscapeLaw::linearised;
  return std::nullopt;
}
std::optional<WireDiscretisation> parse_wire_discretisation(std::string_view text) {
  if (text == "conservative") return WireDiscretisation::conservative;
  if (text == "published" || text == "published-yang2007") {
    return WireDiscretisation::published_yang2007;
  }
  return std::nullopt;
}

WireMaterials instantiate_wire_materials(const Device& device, const PluginRegistry& registry) {
  const std::optional<ModelChoice>& conductivity = device.material.thermal_conductivity;
  if (!conductivity) {
    throw std::invalid_argument(fmt::format(
        "material '{}' gives no thermal_conductivity; the electrothermal-wire model needs one "
        "(e.g. model: wiedemann-franz)",
        device.material.name));
  }
  TwoTemperatureMaterials lumped = instantiate_materials(device, registry);
  ModelInstance kappa = [&] {
    try {
      return registry.model(conductivity->model, MaterialProperty::thermal_conductivity)
          .instantiate(conductivity->parameters);
    } catch (const ParameterError& error) {
      throw ParameterError(
          error.parameter(),
          fmt::format("thermal_conductivity (model '{}', {}:{}:{}): {}", conductivity->model,
                      conductivity->mark.file, conductivity->mark.line, conductivity->mark.column,
                      error.what()));
    }
  }();
  return WireMaterials{
      std::move(lumped.electron_heat_capacity), std::move(lumped.phonon_heat_capacity),
      std::move(lumped.electron_phonon_power), std::move(lumped.phonon_escape_power),
      MaterialThermalConductivity(std::move(kappa))};
}

// ---------------------------------------------------------------------------
// WireParameters

WireParameters WireParameters::from_device(const Device& device, std::size_t cell_count) {
  if (!device.circuit) {
    throw std::invalid_argument(
        "the electrothermal-wire model needs the readout circuit (circuit:)");
  }
  const Material& m = device.material;
  if (!m.critical_temperature || !m.normal_resistivity) {
    throw std::invalid_argument(
        fmt::format("material '{}' must give critical_temperature and normal_resistivity for the "
                    "electrothermal-wire model",
                    m.name));
  }
  // Checked here, where every host's options arrive (command line, Python, C API).
  if (cell_count < 3) {
    throw std::invalid_argument(
        fmt::format("the wire needs at least 3 cells, {} were asked for", cell_count));
  }
  if (cell_count > static_cast<std::size_t>(limits::max_wire_cells)) {
    throw std::invalid_argument(
        fmt::format("the wire takes at most {} cells ({}), {} were asked for",
                    limits::max_wire_cells, limits::wire_cells_reason, cell_count));
  }
  const Circuit& c = *device.circuit;
  WireParameters p;
  p.length_m = device.film.length.value.value();
  p.width_m = device.film.width.value.value();
  p.thickness_m = device.film.thickness.value.value();
  p.cell_count = cell_count;
  p.substrate_temperature_K = device.bath.temperature.value.value();
  p.critical_temperature_K = m.critical_temperature->value.value();
  p.normal_resistivity_Ohm_m = m.normal_resistivity->value.value();
  p.critical_current_A = c.critical_current.value.value();
  p.bias_current_A = c.bias_current.value.value();
  p.load_resistance_Ohm = c.load_resistance.value.value();
  p.kinetic_inductance_H = c.kinetic_inductance.value.value();
  p.bias_tee_capacitance_F = c.bias_tee_capacitance.value.value();
  read_quoted_electron_capacity(m.electron_heat_capacity, p);
  for (const auto& [value, name] : {std::pair{p.length_m, "film.length"},
                                    {p.width_m, "film.width"},
                                    {p.thickness_m, "film.thickness"},
                                    {p.substrate_temperature_K, "substrate.temperature"},
                                    {p.critical_temperature_K, "critical_temperature"},
                                    {p.normal_resistivity_Ohm_m, "normal_resistivity"},
                                    {p.critical_current_A, "circuit.critical_current"},
                                    {p.bias_current_A, "circuit.bias_current"},
                                    {p.load_resistance_Ohm, "circuit.load_resistance"},
                                    {p.kinetic_inductance_H, "circuit.kinetic_inductance"},
                                    {p.bias_tee_capacitance_F, "circuit.bias_tee_capacitance"}}) {
    if (!(value > 0.0) || !std::isfinite(value)) {
      throw std::domain_error(fmt::format("{} must be positive and finite, got {}", name, value));
    }
  }
  if (!(p.bias_current_A < p.critical_current_A)) {
    throw std::domain_error(fmt::format(
        "circuit.bias_current ({} A) must lie below critical_current ({} A): the wire would "
        "be resistive before the photon",
        p.bias_current_A, p.critical_current_A));
  }
  if (!(p.substrate_temperature_K < p.switching_temperature_K(p.bias_current_A))) {
    throw std::domain_error(
        fmt::format("at the bias current the wire switches at T* = {:.4g} K, below the substrate "
                    "temperature {} K: it would be resistive before the photon",
                    p.switching_temperature_K(p.bias_current_A), p.substrate_temperature_K));
  }
  return p;
}

double WireParameters::cell_resistance_Ohm() const noexcept {
  return normal_resistivity_Ohm_m * cell_length_m() / cross_section_m2();
}

double WireParameters::cell_centre_m(std::size_t cell) const noexcept {
  return (static_cast<double>(cell) + 0.5) * cell_length_m();
}

double WireParameters::critical_current_A_at(double temperature_K) const noexcept {
  const double t = temperature_K / critical_temperature_K;
  if (t >= 1.0) return 0.0;
  const double s = 1.0 - t * t;
  return critical_current_A * s * s;
}

double WireParameters::switching_temperature_K(double current_A) const noexcept {
  const double x = std::abs(current_A) / critical_current_A;
  if (x >= 1.0) return 0.0;
  return critical_temperature_K * std::sqrt(1.0 - std::sqrt(x));
}

double WireParameters::switching_temperature_slope_K_per_A(double current_A) const noexcept {
  const double x = std::abs(current_A) / critical_current_A;
  if (x <= 0.0 || x >= 1.0) return 0.0;
  const double root = std::sqrt(x);
  const double slope = -critical_temperature_K / (4.0 * root * std::sqrt(1.0 - root));
  return (current_A < 0.0 ? -slope : slope) / critical_current_A;
}

double effective_switch_width_K(const WireParameters& parameters, const WireModelOptions& options) {
  if (options.switch_width) return options.switch_width->value();
  const double window_K = parameters.switching_temperature_K(parameters.bias_current_A) -
                          parameters.substrate_temperature_K;
  return std::min(switch_width_window_fraction * window_K,
                  switch_width_critical_fraction * parameters.critical_temperature_K);
}

std::array<double, 2> WireParameters::circuit_time_constants_s() const {
  // L C s^2 + R C s + 1 = 0: s = (-R C -+ sqrt(R^2 C^2 - 4 L C)) / (2 L C).
  const double rc = load_resistance_Ohm * bias_tee_capacitance_F;
  const double lc = kinetic_inductance_H * bias_tee_capacitance_F;
  const double discriminant = rc * rc - 4.0 * lc;
  if (discriminant <= 0.0) {
    // Underdamped: both modes decay with 2L/R.
    const double tau = 2.0 * kinetic_inductance_H / load_resistance_Ohm;
    return {tau, tau};
  }
  const double fast_rate = (rc + std::sqrt(discriminant)) / (2.0 * lc);
  const double slow_rate = 1.0 / (lc * fast_rate);  // the product of the roots is 1/(L C)
  return {1.0 / fast_rate, 1.0 / slow_rate};
}

// ---------------------------------------------------------------------------
// ElectrothermalWireSystem: set-up

ElectrothermalWireSystem::ElectrothermalWireSystem(const WireMaterials& materials,
                                                   const WireParameters& parameters,
                                                   const WireModelOptions& options,
                                                   PhotonDeposit photon)
    : materials_(materials),
      parameters_(parameters),
      options_(options),
      photon_(photon),
      escape_law_(options.effective_escape_law()),
      cells_(parameters.cell_count),
      two_temperature_(options.form == WireTemperatureForm::two_temperature),
      smoothed_(options.resistive_switch == ResistiveSwitch::smoothed),
      front_(options.resistive_switch == ResistiveSwitch::front),
      switch_width_K_(effective_switch_width_K(parameters, options)),
      hotspot_edge_margin_K_(1e-4 * (parameters.switching_temperature_K(parameters.bias_current_A) -
                                     parameters.substrate_temperature_K)),
      temperature_count_(two_temperature_ ? 2 * cells_ : cells_),
      resistive_(cells_, 0),
      work_(std::make_unique<Workspace>(cells_, parameters.thickness_m,
                                        parameters.substrate_temperature_K)) {
  if (cells_ < 3) throw std::invalid_argument("the wire needs at least 3 cells");
  if (smoothed_ && !(switch_width_K_ > 0.0 && std::isfinite(switch_width_K_))) {
    throw std::invalid_argument(
        fmt::format("the smoothed switch needs a positive width, got {} K", switch_width_K_));
  }
  set_coverage();
  if (options.scheme == WireDiscretisation::published_yang2007) {
    published_ = std::make_unique<PublishedScheme>(materials, parameters_, options);
  }
}

ElectrothermalWireSystem::~ElectrothermalWireSystem() = default;

std::string ElectrothermalWireSystem::component_name(std::size_t index) const {
  if (index < temperature_count_) {
    const std::size_t cell = two_temperature_ ? index / 2 : index;
    const char* field = !two_temperature_ ? "T" : (index % 2 == 0 ? "T_e" : "T_ph");
    return fmt::format("{} - T_sub at cell {} (x = {:.4g} nm) [K]", field, cell,
                       parameters_.cell_centre_m(cell) * 1e9);
  }
  static constexpr std::array<const char*, 7> names{"I [A]",         "V_C [V]",    "E_Joule [J]",
                                                    "E_escaped [J]", "E_ends [J]", "E_load [J]",
                                                    "W_source [J]"};
  const std::size_t k = index - temperature_count_;
  return k < names.size() ? names[k] : OdeSystem::component_name(index);
}

void ElectrothermalWireSystem::set_coverage() {
  // The hotspot is a belt across the strip, centred on the wire; a disc of
  // radius r becomes the belt of the same volume, length pi r^2/w.
  const WireParameters& p = parameters_;
  const double belt_m = photon_.hotspot_volume_m3 / p.cross_section_m2();
  if (!(belt_m > 0.0) || belt_m > p.length_m) {
    throw std::domain_error(fmt::format(
        "the photon's hotspot ({:.4g} nm long as a belt across the strip) must fit in the "
        "wire ({:.4g} nm)",
        belt_m * 1e9, p.length_m * 1e9));
  }
  const double from_m = 0.5 * (p.length_m - belt_m);
  const double to_m = 0.5 * (p.length_m + belt_m);
  const double dx = p.cell_length_m();
  coverage_.assign(cells_, 0.0);
  for (std::size_t i = 0; i < cells_; ++i) {
    const double left = static_cast<double>(i) * dx;
    const double overlap = std::min(to_m, left + dx) - std::max(from_m, left);
    coverage_[i] = std::clamp(overlap / dx, 0.0, 1.0);
  }
}

double ElectrothermalWireSystem::cell_temperature_for_energy(double energy_above_bath,
                                                             bool electrons_only) const {
  const double bath_K = parameters_.substrate_temperature_K;
  const double d = parameters_.thickness_m;
  auto energy = [&](double temperature_K) {
    double u = materials_.electron_heat_capacity.evaluate_si(temperature_K).energy_density;
    if (!electrons_only) {
      u += materials_.phonon_heat_capacity.evaluate_si(temperature_K, d).energy_density;
    }
    return u;
  };
  const double bath_energy = energy(bath_K);
  auto excess = [&](double temperature_K) {
    return energy(temperature_K) - bath_energy - energy_above_bath;
  };
  if (energy_above_bath <= 0.0) return bath_K;
  // U is increasing: bracket by doubling the rise, then TOMS 748.
  double high = bath_K;
  double step = bath_K;
  double excess_high = excess(high);
  for (int i = 0; excess_high < 0.0; ++i) {
    if (high > maximum_hotspot_temperature_K || i == 200) {
      throw std::domain_error(fmt::format(
          "the photon's energy density in the hotspot ({:.4g} J/m^3) would heat the wire above "
          "{} K, where no detector film survives: check the photon's energy, the absorbed "
          "fraction and the hotspot size",
          energy_above_bath, maximum_hotspot_temperature_K));
    }
    high += step;
    step *= 2.0;
    excess_high = excess(high);
  }
  if (excess_high == 0.0) return high;
  std::uintmax_t iterations = 200;
  const auto bracket = boost::math::tools::toms748_solve(
      excess, bath_K, high, -energy_above_bath, excess_high,
      boost::math::tools::eps_tolerance<double>(std::numeric_limits<double>::digits - 2),
      iterations);
  return 0.5 * (bracket.first + bracket.second);
}

std::vector<double> ElectrothermalWireSystem::initial_state() {
  const WireParameters& p = parameters_;
  const double bath_K = p.substrate_temperature_K;
  std::vector<double> state(size(), 0.0);
  state[current_index()] = p.bias_current_A;
  initial_energy_J_ = 0.0;
  if (!photon_.is_pulse()) {
    // Energy density above the substrate in the belt: eta E / V, or what the
    // given hotspot temperature holds (electrons only in the two-temperature form).
    double belt_energy = photon_.absorbed_energy_density();
    const double hotspot_K = photon_.initial_electron_temperature_K;
    if (hotspot_K > 0.0) {
      if (hotspot_K > maximum_hotspot_temperature_K) {
        throw std::domain_error(fmt::format(
            "photon.hotspot_temperature ({} K) lies above {} K, where no detector film survives",
            hotspot_K, maximum_hotspot_temperature_K));
      }
      if (!(hotspot_K > bath_K)) {
        throw std::domain_error(
            fmt::format("photon.hotspot_temperature ({} K) must lie above the substrate ({} K)",
                        hotspot_K, bath_K));
      }
      auto energy = [&](double temperature_K) {
        double u = materials_.electron_heat_capacity.evaluate_si(temperature_K).energy_density;
        if (!two_temperature_) {
          u += materials_.phonon_heat_capacity.evaluate_si(temperature_K, p.thickness_m)
                   .energy_density;
        }
        return u;
      };
      belt_energy = energy(hotspot_K) - energy(bath_K);
    }
    for (std::size_t i = 0; i < cells_; ++i) {
      if (coverage_[i] <= 0.0) continue;
      const double temperature_K =
          coverage_[i] == 1.0 && hotspot_K > 0.0
              ? hotspot_K
              : cell_temperature_for_energy(coverage_[i] * belt_energy, two_temperature_);
      state[electron_index(i)] = temperature_K - bath_K;
      initial_energy_J_ += coverage_[i] * belt_energy * p.cell_volume_m3();
    }
  }
  const double switching_K = p.switching_temperature_K(p.bias_current_A);
  for (std::size_t i = 0; i < cells_; ++i) {
    resistive_[i] = bath_K + state[electron_index(i)] >= switching_K ? 1 : 0;
  }
  events_ = WireCircuitEvents{};
  return state;
}

double ElectrothermalWireSystem::start_time_s() const {
  if (!photon_.is_pulse()) return photon_.arrival_time_s;
  return photon_.arrival_time_s - PhotonDeposit::pulse_half_window_fwhm * photon_.pulse_fwhm_s;
}

double ElectrothermalWireSystem::absorbed_energy_J(double time_s) const {
  if (!photon_.is_pulse()) return time_s >= photon_.arrival_time_s ? initial_energy_J_ : 0.0;
  double covered_m3 = 0.0;
  for (const double c : coverage_) covered_m3 += c * parameters_.cell_volume_m3();
  return photon_.absorbed_energy_density_until(time_s) * covered_m3;
}

double ElectrothermalWireSystem::stored_energy_J(std::span<const double> state) const {
  if (published_) return published_stored_energy_J(state);
  Workspace& w = *work_;
  const double bath_K = parameters_.substrate_temperature_K;
  for (std::size_t i = 0; i < cells_; ++i) {
    w.electron_K[i] = bath_K + state[electron_index(i)];
    w.phonon_K[i] = bath_K + state[phonon_index(i)];
  }
  const double d = parameters_.thickness_m;
  const double bath_energy = materials_.electron_heat_capacity.evaluate_si(bath_K).energy_density +
                             materials_.phonon_heat_capacity.evaluate_si(bath_K, d).energy_density;
  materials_.phonon_heat_capacity.evaluate_si(w.phonon_K, w.thickness_m, w.phonon_capacity, {},
                                              w.phonon_energy);
  filmtherm_evaluation electrons{};
  electrons.struct_size = sizeof(filmtherm_evaluation);
  electrons.count = cells_;
  electrons.temperature_K = w.electron_K.data();
  electrons.value = w.electron_capacity.data();
  electrons.energy_density = w.electron_energy.data();
  materials_.electron_heat_capacity.instance().evaluate(electrons);
  // Cell by cell, so that the bath's energy cancels before the sum.
  double total = 0.0;
  for (std::size_t i = 0; i < cells_; ++i) {
    total += w.electron_energy[i] + w.phonon_energy[i] - bath_energy;
  }
  return total * parameters_.cell_volume_m3();
}

}  // namespace filmtherm
