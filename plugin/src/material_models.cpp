#include "filmtherm/material_models.h"

#include <fmt/format.h>

namespace filmtherm {

namespace {

ModelInstance checked(ModelInstance instance, MaterialProperty expected) {
  if (instance.descriptor().property() != expected) {
    throw ParameterError(
        "model", fmt::format("model '{}' supplies the {}, not the {}", instance.descriptor().name(),
                             describe(instance.descriptor().property()), describe(expected)));
  }
  return instance;
}

filmtherm_evaluation make_evaluation(std::size_t count) {
  filmtherm_evaluation evaluation{};
  evaluation.struct_size = sizeof(filmtherm_evaluation);
  evaluation.count = count;
  return evaluation;
}

}  // namespace

MaterialPhononHeatCapacity::MaterialPhononHeatCapacity(ModelInstance instance)
    : instance_(checked(std::move(instance), MaterialProperty::phonon_heat_capacity)) {}

HeatCapacityPoint MaterialPhononHeatCapacity::evaluate_si(double temperature_K,
                                                          double film_thickness_m) const {
  HeatCapacityPoint point;
  filmtherm_evaluation evaluation = make_evaluation(1);
  evaluation.temperature_K = &temperature_K;
  evaluation.film_thickness_m = &film_thickness_m;
  evaluation.value = &point.heat_capacity;
  evaluation.value_slope = &point.heat_capacity_slope;
  evaluation.energy_density = &point.energy_density;
  instance_.evaluate(evaluation);
  return point;
}

void MaterialPhononHeatCapacity::evaluate_si(std::span<const double> temperature_K,
                                             std::span<const double> film_thickness_m,
                                             std::span<double> heat_capacity,
                                             std::span<double> slope,
                                             std::span<double> energy_density) const {
  const std::size_t count = temperature_K.size();
  if (film_thickness_m.size() != count || heat_capacity.size() != count ||
      (!slope.empty() && slope.size() != count) ||
      (!energy_density.empty() && energy_density.size() != count)) {
    throw std::invalid_argument("MaterialPhononHeatCapacity::evaluate_si: array sizes differ");
  }
  filmtherm_evaluation evaluation = make_evaluation(count);
  evaluation.temperature_K = temperature_K.data();
  evaluation.film_thickness_m = film_thickness_m.data();
  evaluation.value = heat_capacity.data();
  evaluation.value_slope = slope.empty() ? nullptr : slope.data();
  evaluation.energy_density = energy_density.empty() ? nullptr : energy_density.data();
  instance_.evaluate(evaluation);
}

VolumetricHeatCapacity MaterialPhononHeatCapacity::heat_capacity(Temperature temperature,
                                                                 Length film_thickness) const {
  return from_si<VolumetricHeatCapacity>(
      evaluate_si(temperature.value(), film_thickness.value()).heat_capacity);
}

HeatCapacitySlope MaterialPhononHeatCapacity::heat_capacity_slope(Temperature temperature,
                                                                  Length film_thickness) const {
  return from_si<HeatCapacitySlope>(
      evaluate_si(temperature.value(), film_thickness.value()).heat_capacity_slope);
}

EnergyDensity MaterialPhononHeatCapacity::thermal_energy(Temperature temperature,
                                                         Length film_thickness) const {
  return from_si<EnergyDensity>(
      evaluate_si(temperature.value(), film_thickness.value()).energy_density);
}

MaterialElectronHeatCapacity::MaterialElectronHeatCapacity(ModelInstance instance)
    : instance_(checked(std::move(instance), MaterialProperty::electron_heat_capacity)) {}

HeatCapacityPoint MaterialElectronHeatCapacity::evaluate_si(double temperature_K) const {
  HeatCapacityPoint point;
  filmtherm_evaluation evaluation = make_evaluation(1);
  evaluation.temperature_K = &temperature_K;
  evaluation.value = &point.heat_capacity;
  evaluation.value_slope = &point.heat_capacity_slope;
  evaluation.energy_density = &point.energy_density;
  instance_.evaluate(evaluation);
  return point;
}

VolumetricHeatCapacity MaterialElectronHeatCapacity::heat_capacity(Temperature temperature) const {
  return from_si<VolumetricHeatCapacity>(evaluate_si(temperature.value()).heat_capacity);
}

HeatCapacitySlope MaterialElectronHeatCapacity::heat_capacity_slope(Temperature temperature) const {
  return from_si<HeatCapacitySlope>(evaluate_si(temperature.value()).heat_capacity_slope);
}

EnergyDensity MaterialElectronHeatCapacity::thermal_energy(Temperature temperature) const {
  return from_si<EnergyDensity>(evaluate_si(temperature.value()).energy_density);
}

MaterialElectronPhononPower::MaterialElectronPhononPower(ModelInstance instance)
    : instance_(checked(std::move(instance), MaterialProperty::electron_phonon_power)) {}

PowerPoint MaterialElectronPhononPower::evaluate_si(double electron_temperature_K,
                                                    double phonon_temperature_K) const {
  PowerPoint point;
  filmtherm_evaluation evaluation = make_evaluation(1);
  evaluation.temperature_K = &electron_temperature_K;
  evaluation.second_temperature_K = &phonon_temperature_K;
  evaluation.value = &point.power_density;
  evaluation.value_slope = &point.d_first;
  evaluation.value_second_slope = &point.d_second;
  instance_.evaluate(evaluation);
  return point;
}

PowerDensity MaterialElectronPhononPower::power_density(Temperature electron_temperature,
                                                        Temperature phonon_temperature) const {
  return from_si<PowerDensity>(
      evaluate_si(electron_temperature.value(), phonon_temperature.value()).power_density);
}

MaterialPhononEscapePower::MaterialPhononEscapePower(ModelInstance instance)
    : instance_(checked(std::move(instance), MaterialProperty::phonon_escape_power)) {}

PowerPoint MaterialPhononEscapePower::evaluate_si(double phonon_temperature_K,
                                                  double bath_temperature_K,
                                                  double film_thickness_m,
                                                  double phonon_heat_capacity,
                                                  double phonon_heat_capacity_slope) const {
  PowerPoint point;
  filmtherm_evaluation evaluation = make_evaluation(1);
  evaluation.temperature_K = &phonon_temperature_K;
  evaluation.second_temperature_K = &bath_temperature_K;
  evaluation.film_thickness_m = &film_thickness_m;
  evaluation.phonon_heat_capacity = &phonon_heat_capacity;
  evaluation.phonon_heat_capacity_slope = &phonon_heat_capacity_slope;
  evaluation.value = &point.power_density;
  evaluation.value_slope = &point.d_first;
  evaluation.value_second_slope = &point.d_second;
  instance_.evaluate(evaluation);
  return point;
}

PowerDensity MaterialPhononEscapePower::power_density(
    Temperature phonon_temperature, Temperature bath_temperature, Length film_thickness,
    VolumetricHeatCapacity phonon_heat_capacity,
    HeatCapacitySlope phonon_heat_capacity_slope) const {
  return from_si<PowerDensity>(evaluate_si(phonon_temperature.value(), bath_temperature.value(),
                                           film_thickness.value(), phonon_heat_capacity.value(),
                                           phonon_heat_capacity_slope.value())
                                   .power_density);
}

MaterialThermalConductivity::MaterialThermalConductivity(ModelInstance instance)
    : instance_(checked(std::move(instance), MaterialProperty::thermal_conductivity)) {}

std::pair<double, double> MaterialThermalConductivity::evaluate_si(double temperature_K) const {
  double kappa = 0.0;
  double slope = 0.0;
  filmtherm_evaluation evaluation = make_evaluation(1);
  evaluation.temperature_K = &temperature_K;
  evaluation.value = &kappa;
  evaluation.value_slope = &slope;
  instance_.evaluate(evaluation);
  return {kappa, slope};
}

ThermalConductivity MaterialThermalConductivity::thermal_conductivity(
    Temperature temperature) const {
  return from_si<ThermalConductivity>(evaluate_si(temperature.value()).first);
}

}  // namespace filmtherm
