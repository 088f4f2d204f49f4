#include "filmtherm/point_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "filmtherm/device_loader.h"
#include "filmtherm/hotspot_cooling.h"
#include "filmtherm/two_temperature_model.h"

namespace filmtherm {

namespace {

const std::string heat_capacity_unit = "J/(m^3 K)";

const std::vector<FigureDeclaration> lumped_figures{
    {"electron_peak_temperature", "K", "highest electron temperature T_e"},
    {"electron_peak_time", "s", "when T_e peaks, after the photon's arrival"},
    {"electron_half_rise_time", "s", "when T_e falls back to T_b + rise/2, after arrival"},
    {"electron_one_percent_rise_time", "s", "when T_e falls back to T_b + rise/100, after arrival"},
    {"electron_tail_decay_time", "s", "exponential decay time fitted to the T_e tail"},
    {"phonon_peak_temperature", "K", "highest phonon temperature T_ph"},
    {"phonon_peak_time", "s", "when T_ph peaks, after arrival"},
    {"phonon_peak_reached", "", "1 when T_ph peaked before the end time, else 0"},
    {"phonon_half_rise_time", "s", "when T_ph falls back to T_b + rise/2, after arrival"},
    {"phonon_one_percent_rise_time", "s", "when T_ph falls back to T_b + rise/100, after arrival"},
    {"phonon_tail_decay_time", "s", "exponential decay time fitted to the T_ph tail"},
    {"fast_time_constant", "s", "faster time constant of the model linearised at the bath"},
    {"slow_time_constant", "s", "slower time constant of the model linearised at the bath"},
    {"electron_heat_capacity_at_bath", heat_capacity_unit, "C_e(T_b)"},
    {"phonon_heat_capacity_at_bath", heat_capacity_unit, "C_ph(T_b, d) of the phonon model"},
    {"absorbed_energy", "J", "energy absorbed by the hotspot, eta E"},
    {"energy_relative_error", "", "|absorbed - stored - escaped| / absorbed at the end time"},
    {"energy_worst_relative_error", "", "the same, largest over the trace"},
    {"steps", "", "CVODE steps"},
    {"rhs_evaluations", "", "right-hand-side evaluations"},
    {"jacobian_evaluations", "", "Jacobian evaluations"},
    {"error_test_failures", "", "CVODE error-test failures"},
};

const std::vector<FigureDeclaration> no_figures;

std::optional<double> after(const std::optional<double>& time_s, double arrival_s) {
  return time_s ? std::optional<double>(*time_s - arrival_s) : std::nullopt;
}

}  // namespace

void SummaryFigures::add(std::string name, std::string unit, std::optional<double> value) {
  entries_.push_back(FigureValue{std::move(name), std::move(unit), value});
}

const FigureValue* SummaryFigures::find(std::string_view name) const {
  const auto it = std::find_if(entries_.begin(), entries_.end(),
                               [&](const FigureValue& f) { return f.name == name; });
  return it == entries_.end() ? nullptr : &*it;
}

const std::vector<FigureDeclaration>& LumpedCoolingRunner::figures() const {
  return lumped_figures;
}

SummaryFigures LumpedCoolingRunner::run(const Device& device) {
  HotspotCooling cooling(device, registry_);
  const CoolingResult r = cooling.run();
  const TwoTemperatureMaterials materials = instantiate_materials(device, registry_);
  const double bath_K = r.bath_temperature_K;
  const double arrival_s = r.arrival_time_s;

  std::vector<std::optional<double>> values{
      r.electrons.peak_K,
      r.electrons.peak_time_s - arrival_s,
      after(r.electrons.half_rise_time_s, arrival_s),
      after(r.electrons.one_percent_rise_time_s, arrival_s),
      r.electrons.tail_decay_time_s,
      r.phonons.peak_K,
      r.phonons.peak_time_s - arrival_s,
      r.phonons.peak_reached ? 1.0 : 0.0,
      after(r.phonons.half_rise_time_s, arrival_s),
      after(r.phonons.one_percent_rise_time_s, arrival_s),
      r.phonons.tail_decay_time_s,
      r.linearised_time_constants_s[0],
      r.linearised_time_constants_s[1],
      materials.electron_heat_capacity.evaluate_si(bath_K).heat_capacity,
      materials.phonon_heat_capacity.evaluate_si(bath_K, r.film_thickness_m).heat_capacity,
      r.absorbed_energy_J,
      r.energy.relative_error,
      r.energy.worst_relative_error,
      static_cast<double>(r.statistics.steps),
      static_cast<double>(r.statistics.rhs_evaluations),
      static_cast<double>(r.statistics.jacobian_evaluations),
      static_cast<double>(r.statistics.error_test_failures),
  };
  SummaryFigures figures;
  for (std::size_t i = 0; i < lumped_figures.size(); ++i) {
    figures.add(lumped_figures[i].name, lumped_figures[i].unit, values[i]);
  }
  return figures;
}

const std::vector<FigureDeclaration>& point_figures(DeviceModelKind model) {
  switch (model) {
    case DeviceModelKind::lumped_two_temperature:
      return lumped_figures;
    case DeviceModelKind::electrothermal_wire:
      return wire_figures();
  }
  return no_figures;
}

bool has_point_runner(DeviceModelKind model) {
  return !point_figures(model).empty();
}

std::unique_ptr<PointRunner> make_point_runner(DeviceModelKind model,
                                               const PluginRegistry& registry) {
  switch (model) {
    case DeviceModelKind::lumped_two_temperature:
      return std::make_unique<LumpedCoolingRunner>(registry);
    case DeviceModelKind::electrothermal_wire:
      return make_wire_runner(registry);
  }
  throw std::invalid_argument(
      fmt::format("the {} model has no point runner yet", device_model_name(model)));
}

}  // namespace filmtherm
