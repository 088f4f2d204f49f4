// `filmtherm fit-heat-capacity DATA.csv --thickness 6nm`: fits measured
// phonon heat capacities C_ph(T) of a film with the confined-film model (the
// seed paper's one-parameter fit, its sound velocity; optionally the cutoff or
// the two branch velocities), Debye's T^3 law and a free power law, and
// reports values with standard uncertainties, chi^2 and the preferred law
// (docs/fitting.md). With --output DIR it writes fit.json, residuals.csv and fit.png.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace filmtherm::cli {

struct FitHeatCapacityOptions {
  std::string data_file;
  std::string film_thickness;
  std::string fit;  ///< comma-separated: branches, debye_temperature, atom_density
  std::string debye_temperature;
  std::string atom_density;
  bool conserve_mode_count = false;
  std::string output;
  bool plot = true;
  std::vector<std::string> plugin_paths;
};

/// Adds the subcommand; `run_fit_heat_capacity` is called when it was chosen.
CLI::App* add_fit_heat_capacity_command(CLI::App& app, FitHeatCapacityOptions& options);

/// Runs the command; throws UsageError for bad input (nothing is written then).
int run_fit_heat_capacity(const FitHeatCapacityOptions& options);

}  // namespace filmtherm::cli
