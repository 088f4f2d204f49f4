// Typed faces of plugin model instances, one per material property. Each wraps
// a ModelInstance of the right property, offers single-point calls that take
// and return Boost.Units quantities (for tools and tests), and an SI array call
// for solver inner loops that fills caller-owned buffers without allocating.
#pragma once

#include <span>

#include "filmtherm/model_handle.h"
#include "filmtherm/units.h"

namespace filmtherm {

/// Heat capacity with its slope and energy at one point, in SI.
struct HeatCapacityPoint {
  double heat_capacity = 0.0;        ///< J m^-3 K^-1
  double heat_capacity_slope = 0.0;  ///< J m^-3 K^-2
  double energy_density = 0.0;       ///< J m^-3, integral_0^T C dT'
};

/// A power law between two bodies, with both partial derivatives, in SI.
struct PowerPoint {
  double power_density = 0.0;  ///< W m^-3
  double d_first = 0.0;        ///< dP/dT_first, W m^-3 K^-1
  double d_second = 0.0;       ///< dP/dT_second, W m^-3 K^-1
};

/// C_ph(T, d) from a phonon-heat-capacity model.
class MaterialPhononHeatCapacity {
 public:
  /// Throws ParameterError when the instance supplies another property.
  explicit MaterialPhononHeatCapacity(ModelInstance instance);

  VolumetricHeatCapacity heat_capacity(Temperature temperature, Length film_thickness) const;
  HeatCapacitySlope heat_capacity_slope(Temperature temperature, Length film_thickness) const;
  EnergyDensity thermal_energy(Temperature temperature, Length film_thickness) const;
  HeatCapacityPoint evaluate_si(double temperature_K, double film_thickness_m) const;

  /// Array form; `slope` and `energy_density` may be empty (not computed).
  void evaluate_si(std::span<const double> temperature_K, std::span<const double> film_thickness_m,
                   std::span<double> heat_capacity, std::span<double> slope,
                   std::span<double> energy_density) const;

  const ModelInstance& instance() const noexcept { return instance_; }

 private:
  ModelInstance instance_;
};

/// C_e(T) from an electron-heat-capacity model.
class MaterialElectronHeatCapacity {
 public:
  explicit MaterialElectronHeatCapacity(ModelInstance instance);

  VolumetricHeatCapacity heat_capacity(Temperature temperature) const;
  HeatCapacitySlope heat_capacity_slope(Temperature temperature) const;
  EnergyDensity thermal_energy(Temperature temperature) const;
  HeatCapacityPoint evaluate_si(double temperature_K) const;

  const ModelInstance& instance() const noexcept { return instance_; }

 private:
  ModelInstance instance_;
};

/// P_ep(T_e, T_ph), positive from electrons to phonons.
class MaterialElectronPhononPower {
 public:
  explicit MaterialElectronPhononPower(ModelInstance instance);

  PowerDensity power_density(Temperature electron_temperature,
                             Temperature phonon_temperature) const;
  PowerPoint evaluate_si(double electron_temperature_K, double phonon_temperature_K) const;

  const ModelInstance& instance() const noexcept { return instance_; }

 private:
  ModelInstance instance_;
};

/// P_esc(T_ph, T_b; d), positive from phonons to the bath. Escape-time laws
/// need the phonon heat capacity and its slope at T_ph.
class MaterialPhononEscapePower {
 public:
  explicit MaterialPhononEscapePower(ModelInstance instance);

  PowerDensity power_density(Temperature phonon_temperature, Temperature bath_temperature,
                             Length film_thickness, VolumetricHeatCapacity phonon_heat_capacity,
                             HeatCapacitySlope phonon_heat_capacity_slope) const;
  /// d_first is dP/dT_ph, d_second dP/dT_b.
  PowerPoint evaluate_si(double phonon_temperature_K, double bath_temperature_K,
                         double film_thickness_m, double phonon_heat_capacity,
                         double phonon_heat_capacity_slope) const;

  const ModelInstance& instance() const noexcept { return instance_; }

 private:
  ModelInstance instance_;
};

/// kappa(T) of the film.
class MaterialThermalConductivity {
 public:
  explicit MaterialThermalConductivity(ModelInstance instance);

  ThermalConductivity thermal_conductivity(Temperature temperature) const;
  /// {kappa [W m^-1 K^-1], dkappa/dT [W m^-1 K^-2]}.
  std::pair<double, double> evaluate_si(double temperature_K) const;

  const ModelInstance& instance() const noexcept { return instance_; }

 private:
  ModelInstance instance_;
};

}  // namespace filmtherm
