// Fitting measured C_ph(T) of a film of known thickness with three laws
// (docs/fitting.md): the confined-film model through the plugin registry
// (`film`: the sound velocity, optionally the cutoff or the two branch
// velocities; docs/physics.md section 1.2), the Debye T^3 law (`debye-low-T`:
// its velocity, Eq. 9), and a free power law C = C0 (T/T0)^n. Each is a
// weighted Levenberg-Marquardt fit (filmtherm/least_squares.h) in the
// logarithms of the positive parameters, reported with standard
// uncertainties, chi^2, degrees of freedom and the Akaike information
// criterion that picks the preferred law.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "filmtherm/plugin_registry.h"

namespace filmtherm::cli {

struct HeatCapacityFitSettings {
  double film_thickness_m = 0.0;
  /// Fit longitudinal_velocity and transverse_velocity instead of one sound_velocity.
  bool branch_velocities = false;
  bool fit_debye_temperature = false;
  bool fit_atom_density = false;
  /// A fixed cutoff, or the starting value when it is fitted.
  std::optional<double> debye_temperature_K;
  std::optional<double> atom_density_per_m3;
  bool conserve_mode_count = false;
};

/// The number of film-model parameters the settings fit (1 to 3).
std::size_t film_parameter_count(const HeatCapacityFitSettings& settings);

struct FittedValue {
  std::string name;  ///< e.g. "sound_velocity"
  std::string unit;  ///< e.g. "m/s"
  double value = 0.0;
  double uncertainty = 0.0;  ///< standard uncertainty; NaN when the data do not determine it
  bool derived = false;      ///< computed from the fitted parameters, not fitted itself
};

struct LawFit {
  std::string name;     ///< "film", "debye-low-T", "power-law"
  std::string formula;  ///< one line for the report
  std::vector<FittedValue> values{};
  std::vector<double> fitted{};  ///< at the data temperatures
  std::vector<double> curve{};   ///< at HeatCapacityFit::curve_temperature_K
  std::size_t free_parameters = 0;
  double chi_square = 0.0;
  std::size_t degrees_of_freedom = 0;
  double reduced_chi_square = 0.0;
  double aic = 0.0;
  bool converged = false;
};

/// The law's name for people: "film", "Debye T^3", "power law".
std::string law_title(const LawFit& law);

struct HeatCapacityFit {
  /// True when the data carried sigma; otherwise every point weighs the same
  /// and the uncertainties are scaled by the reduced chi^2.
  bool weighted = false;
  std::vector<double> curve_temperature_K;
  std::vector<LawFit> laws;  ///< film, debye-low-T, power-law
  std::string preferred;     ///< the law with the lowest AIC
};

/// Fits the three laws. `sigma` is empty for unweighted data. Throws
/// UsageError when a model cannot be created or there are too few points.
HeatCapacityFit fit_heat_capacity(const PluginRegistry& registry,
                                  std::span<const double> temperature_K,
                                  std::span<const double> heat_capacity,
                                  std::span<const double> sigma,
                                  const HeatCapacityFitSettings& settings);

}  // namespace filmtherm::cli
