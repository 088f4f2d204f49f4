// `filmtherm heat-capacity`: the phonon heat capacity C_ph(T, d) of a film
// from any loaded phonon model (the built-in film, film-low-T, debye and
// debye-low-T, or a plugin's), tabulated over temperatures beside the bulk
// Debye value, their ratio and the log-slope d ln C / d ln T.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace filmtherm::cli {

struct HeatCapacityOptions {
  std::string film_thickness;
  std::string sound_velocity;
  std::string longitudinal_velocity;
  std::string transverse_velocity;
  std::string debye_temperature;
  std::string atom_density;
  bool conserve_mode_count = false;
  std::vector<std::string> temperatures;
  std::string temperature_range;
  bool logarithmic = false;
  std::string model = "film";
  std::vector<std::string> parameters;
  std::string format = "table";
  std::string output;
  std::vector<std::string> plugin_paths;
};

/// Adds the subcommand; `run_heat_capacity` is called when it was chosen.
CLI::App* add_heat_capacity_command(CLI::App& app, HeatCapacityOptions& options);

/// Runs the command; throws UsageError for bad input.
int run_heat_capacity(const HeatCapacityOptions& options);

}  // namespace filmtherm::cli
