#include "fit_heat_capacity_command.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli_error.h"
#include "filmtherm/atomic_file.h"
#include "filmtherm/quantity_parser.h"
#include "heat_capacity_data.h"
#include "heat_capacity_fit.h"
#include "heat_capacity_fit_plot.h"
#include "heat_capacity_fit_report.h"

namespace filmtherm::cli {

namespace {

template <class Q>
std::optional<double> optional_quantity(const std::string& option, const std::string& text) {
  if (text.empty()) return std::nullopt;
  double value = 0.0;
  try {
    value = parse_quantity_as<Q>(text).value();
  } catch (const QuantityParseError& error) {
    throw UsageError(fmt::format("{}: {}", option, error.what()));
  }
  if (!(value > 0.0)) throw UsageError(fmt::format("{}: must be positive, got '{}'", option, text));
  return value;
}

HeatCapacityFitSettings settings_from(const FitHeatCapacityOptions& o) {
  HeatCapacityFitSettings s;
  s.film_thickness_m = *optional_quantity<Length>("--thickness", o.film_thickness);
  s.debye_temperature_K =
      optional_quantity<Temperature>("--debye-temperature", o.debye_temperature);
  s.atom_density_per_m3 = optional_quantity<NumberDensity>("--atom-density", o.atom_density);
  s.conserve_mode_count = o.conserve_mode_count;
  for (std::size_t start = 0; start < o.fit.size();) {
    const std::size_t comma = std::min(o.fit.find(',', start), o.fit.size());
    const std::string what = o.fit.substr(start, comma - start);
    start = comma + 1;
    if (what == "branches") {
      s.branch_velocities = true;
    } else if (what == "debye_temperature") {
      s.fit_debye_temperature = true;
    } else if (what == "atom_density") {
      s.fit_atom_density = true;
    } else if (what != "sound_velocity") {
      throw UsageError(fmt::format(
          "--fit: expected sound_velocity, branches, debye_temperature or atom_density, got '{}'",
          what));
    }
  }
  if (s.fit_atom_density && s.debye_temperature_K) {
    throw UsageError(
        "--fit atom_density: the cutoff is then an atom density; drop "
        "--debye-temperature or give a starting --atom-density");
  }
  if (s.fit_debye_temperature && s.atom_density_per_m3) {
    throw UsageError(
        "--fit debye_temperature: the cutoff is then a temperature; drop "
        "--atom-density or give a starting --debye-temperature");
  }
  return s;
}

}  // namespace

CLI::App* add_fit_heat_capacity_command(CLI::App& app, FitHeatCapacityOptions& o) {
  CLI::App* command = app.add_subcommand(
      "fit-heat-capacity",
      "Fit measured C_ph(T) of a film: the confined-film model's sound velocity (and optionally "
      "its cutoff or branch velocities), Debye's T^3 law and a free power law, with standard "
      "uncertainties, chi^2 and the preferred law");
  command
      ->add_option("data", o.data_file,
                   "CSV with a header such as 'T [K], C [J/(m^3 K)], sigma [J/(m^3 K)]'")
      ->required();
  command->add_option("--thickness,-d", o.film_thickness, "Film thickness, e.g. 6nm")->required();
  command->add_option("--fit", o.fit,
                      "Also fit, comma-separated: branches (v_L and v_T instead of one v), "
                      "debye_temperature or atom_density");
  command->add_option("--debye-temperature", o.debye_temperature,
                      "Debye cutoff, e.g. 450K: fixed, or the start of --fit debye_temperature");
  command->add_option("--atom-density", o.atom_density,
                      "Cutoff from the atom density, e.g. 9.4e28/m^3: fixed, or the start of --fit "
                      "atom_density");
  command->add_flag("--conserve-modes", o.conserve_mode_count,
                    "Raise the cutoff so the film keeps the bulk's number of modes");
  command->add_option("--output,-o", o.output, "Write fit.json, residuals.csv and fit.png here");
  command->add_flag("!--no-plot", o.plot, "Do not run gnuplot");
  command->add_option("--plugin", o.plugin_paths, "Load a plugin file or folder (repeatable)");
  return command;
}

int run_fit_heat_capacity(const FitHeatCapacityOptions& o) {
  const HeatCapacityFitSettings settings = settings_from(o);
  const HeatCapacityData data = read_heat_capacity_data(o.data_file);
  // Every law needs a degree of freedom left: the film fits 1-3 parameters, the power law 2.
  const std::size_t parameters = std::max<std::size_t>(film_parameter_count(settings), 2);
  if (data.size() < parameters + 1) {
    throw UsageError(fmt::format(
        "{}:{}: {} data point{}; fitting {} parameters needs at least {} (one degree of freedom "
        "left for chi^2)",
        data.file, data.line.back(), data.size(), data.size() == 1 ? "" : "s", parameters,
        parameters + 1));
  }

  std::vector<std::filesystem::path> extra(o.plugin_paths.begin(), o.plugin_paths.end());
  const PluginRegistry registry = PluginRegistry::with_default_plugins(extra);
  const HeatCapacityFit fit =
      fit_heat_capacity(registry, data.temperature_K, data.heat_capacity, data.sigma, settings);
  std::cout << fit_report(data, fit, settings.film_thickness_m);

  if (!o.output.empty()) {
    const std::filesystem::path folder = o.output;
    std::filesystem::create_directories(folder);
    std::optional<std::string> plot_file;
    if (o.plot) {
      const std::optional<std::string> why =
          plot_fit(data, fit, settings.film_thickness_m, folder, "fit.png");
      if (why) {
        std::cerr << "filmtherm: no plot: " << *why << "\n";
      } else {
        plot_file = "fit.png";
      }
    }
    write_file_atomically(folder / "residuals.csv",
                          residual_table(data, fit, false).render(TableFormat::csv));
    write_file_atomically(folder / "fit.json",
                          fit_json(data, fit, settings.film_thickness_m, plot_file));
    std::cout << fmt::format("wrote {}\n", (folder / "fit.json").string());
  }
  return 0;
}

}  // namespace filmtherm::cli
