#include "heat_capacity_command.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "cli_error.h"
#include "filmtherm/atomic_file.h"
#include "filmtherm/material_models.h"
#include "filmtherm/plugin_registry.h"
#include "filmtherm/quantity_parser.h"
#include "table.h"
#include "temperature_grid.h"

namespace filmtherm::cli {

namespace {

// The built-in phonon models, in the order `--model all` shows them.
const std::vector<std::string> builtin_phonon_models{"film", "film-low-T", "debye", "debye-low-T"};
const std::string bulk_model = "debye";

template <class Q>
void check_quantity(const std::string& option, const std::string& text) {
  if (text.empty()) return;
  try {
    (void)parse_quantity_as<Q>(text);
  } catch (const QuantityParseError& error) {
    throw UsageError(fmt::format("{}: {}", option, error.what()));
  }
}

// The convenience flags, as parameter settings; each model takes those it declares.
std::vector<ParameterSetting> flag_settings(const HeatCapacityOptions& o) {
  std::vector<ParameterSetting> settings;
  auto add = [&](const char* name, const std::string& text) {
    if (!text.empty()) settings.push_back({name, text});
  };
  add("sound_velocity", o.sound_velocity);
  add("longitudinal_velocity", o.longitudinal_velocity);
  add("transverse_velocity", o.transverse_velocity);
  add("debye_temperature", o.debye_temperature);
  add("atom_density", o.atom_density);
  if (o.conserve_mode_count) add("conserve_mode_count", "1");
  return settings;
}

std::vector<ParameterSetting> explicit_settings(const std::vector<std::string>& parameters) {
  std::vector<ParameterSetting> settings;
  for (const std::string& parameter : parameters) {
    const std::size_t equals = parameter.find('=');
    if (equals == std::string::npos || equals == 0) {
      throw UsageError(fmt::format(
          "--param: expected key=value (e.g. sound_velocity=4000m/s), got '{}'", parameter));
    }
    settings.push_back({parameter.substr(0, equals), parameter.substr(equals + 1)});
  }
  return settings;
}

MaterialPhononHeatCapacity instantiate(const PluginRegistry& registry, const std::string& name,
                                       const std::vector<ParameterSetting>& flags,
                                       const std::vector<ParameterSetting>& explicit_parameters) {
  const ModelDescriptor& descriptor = registry.model(name, MaterialProperty::phonon_heat_capacity);
  std::vector<ParameterSetting> settings;
  for (const ParameterSetting& flag : flags) {
    const bool declared =
        std::any_of(descriptor.parameters().begin(), descriptor.parameters().end(),
                    [&](const ModelParameter& p) { return p.name == flag.name; });
    if (declared) settings.push_back(flag);
  }
  settings.insert(settings.end(), explicit_parameters.begin(), explicit_parameters.end());
  try {
    return MaterialPhononHeatCapacity(descriptor.instantiate(settings));
  } catch (const ParameterError& error) {
    throw UsageError(error.what());
  }
}

struct Curve {
  std::vector<double> heat_capacity;
  std::vector<double> log_slope;
};

Curve evaluate(const MaterialPhononHeatCapacity& model, const std::string& name,
               const std::vector<double>& temperatures_K, double film_thickness_m) {
  const std::size_t n = temperatures_K.size();
  Curve curve{std::vector<double>(n), std::vector<double>(n)};
  std::vector<double> thickness(n, film_thickness_m);
  std::vector<double> slope(n);
  model.evaluate_si(temperatures_K, thickness, curve.heat_capacity, slope, {});
  for (std::size_t i = 0; i < n; ++i) {
    // T > 0 here, so C = 0 means C fell below the smallest double (T = 1e-300 K,
    // v = 1e300 m/s): the ratio and d ln C / d ln T would be 0/0. Refuse rather
    // than print NaN with exit code 0.
    if (!(curve.heat_capacity[i] > 0.0)) {
      throw UsageError(fmt::format(
          "model '{}' at T = {} K: the heat capacity underflows to {} J/(m^3 K), below the "
          "smallest positive double, so the ratio and d ln C / d ln T are undefined; choose a "
          "temperature or sound velocity nearer the physical range",
          name, temperatures_K[i], curve.heat_capacity[i]));
    }
    curve.log_slope[i] = temperatures_K[i] * slope[i] / curve.heat_capacity[i];
  }
  return curve;
}

Table build_table(const HeatCapacityOptions& options, const PluginRegistry& registry,
                  const std::vector<double>& temperatures_K, double film_thickness_m) {
  const auto flags = flag_settings(options);
  const auto explicit_parameters = explicit_settings(options.parameters);
  const std::string unit = "J/(m^3 K)";
  Table table;
  table.columns.push_back({"T", "K"});
  table.notes.push_back(fmt::format("film thickness {}", options.film_thickness));
  for (const ParameterSetting& flag : flags) {
    table.notes.push_back(fmt::format("{} {}", flag.name, flag.text));
  }
  for (const ParameterSetting& parameter : explicit_parameters) {
    table.notes.push_back(fmt::format("{} {}", parameter.name, parameter.text));
  }

  std::vector<std::vector<double>> columns;
  columns.push_back(temperatures_K);
  if (options.model == "all") {
    std::vector<Curve> curves;
    for (const std::string& name : builtin_phonon_models) {
      curves.push_back(
          evaluate(instantiate(registry, name, flags, {}), name, temperatures_K, film_thickness_m));
      table.columns.push_back({"C_" + name, unit});
      columns.push_back(curves.back().heat_capacity);
    }
    table.columns.push_back({"C_film/C_debye", ""});
    std::vector<double> ratio(temperatures_K.size());
    for (std::size_t i = 0; i < ratio.size(); ++i) {
      ratio[i] = curves[0].heat_capacity[i] / curves[2].heat_capacity[i];
    }
    columns.push_back(ratio);
    table.columns.push_back({"dlnC_film/dlnT", ""});
    columns.push_back(curves[0].log_slope);
  } else {
    const Curve curve = evaluate(instantiate(registry, options.model, flags, explicit_parameters),
                                 options.model, temperatures_K, film_thickness_m);
    table.notes.push_back(
        fmt::format("model {} ({})", options.model, registry.model(options.model).plugin_name()));
    table.columns.push_back({"C_" + options.model, unit});
    columns.push_back(curve.heat_capacity);
    const bool has_velocity =
        !options.sound_velocity.empty() || !options.longitudinal_velocity.empty();
    if (options.model != bulk_model && has_velocity) {
      const Curve bulk = evaluate(instantiate(registry, bulk_model, flags, {}), bulk_model,
                                  temperatures_K, film_thickness_m);
      std::vector<double> ratio(temperatures_K.size());
      for (std::size_t i = 0; i < ratio.size(); ++i) {
        ratio[i] = curve.heat_capacity[i] / bulk.heat_capacity[i];
      }
      table.columns.push_back({"C_bulk", unit});
      columns.push_back(bulk.heat_capacity);
      table.columns.push_back({"ratio", ""});
      columns.push_back(ratio);
    }
    table.columns.push_back({"dlnC/dlnT", ""});
    columns.push_back(curve.log_slope);
  }
  for (std::size_t row = 0; row < temperatures_K.size(); ++row) {
    auto& line = table.rows.emplace_back();
    for (const auto& column : columns) line.push_back(column[row]);
  }
  return table;
}

}  // namespace

CLI::App* add_heat_capacity_command(CLI::App& app, HeatCapacityOptions& o) {
  CLI::App* command = app.add_subcommand(
      "heat-capacity",
      "Phonon heat capacity C_ph(T, d) of a film: confined (film), bulk Debye, their ratio and "
      "the log-slope d ln C / d ln T");
  command->add_option("--thickness,-d", o.film_thickness, "Film thickness, e.g. 6nm")->required();
  command->add_option("--sound-velocity,-v", o.sound_velocity,
                      "One sound velocity for all three acoustic branches, e.g. 4000m/s");
  command->add_option("--longitudinal-velocity", o.longitudinal_velocity,
                      "Longitudinal sound velocity (with --transverse-velocity)");
  command->add_option("--transverse-velocity", o.transverse_velocity,
                      "Transverse sound velocity (two branches)");
  command->add_option("--debye-temperature", o.debye_temperature,
                      "Debye cutoff as a temperature, e.g. 500K");
  command->add_option("--atom-density", o.atom_density,
                      "Debye cutoff from the atom number density, e.g. 9.4e28/m^3");
  command->add_flag("--conserve-modes", o.conserve_mode_count,
                    "Raise the cutoff so the film keeps the bulk's number of modes");
  // Repeatable options take one value per use: a stray word after "-T 1K" is
  // then reported as an unexpected argument instead of being read as a temperature.
  command->add_option("--temperature,-T", o.temperatures, "A temperature, e.g. 5K (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--temperature-range", o.temperature_range,
                      "FIRST:LAST:COUNT, e.g. 0.5K:50K:100 (default 0.5K:50K:25 with --log)");
  command->add_flag("--log", o.logarithmic, "Space the range logarithmically");
  command
      ->add_option("--model,-m", o.model,
                   "film, film-low-T, debye, debye-low-T, all, or any loaded phonon model")
      ->capture_default_str();
  command->add_option("--param,-p", o.parameters, "Model parameter key=value (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--format,-f", o.format, "table, csv or json")->capture_default_str();
  command->add_option("--output,-o", o.output,
                      "Also write the table to this file (.csv, .json, else text)");
  command->add_option("--plugin", o.plugin_paths, "Load a plugin file or folder (repeatable)")
      ->allow_extra_args(false);
  return command;
}

int run_heat_capacity(const HeatCapacityOptions& o) {
  check_quantity<Length>("--thickness", o.film_thickness);
  check_quantity<Velocity>("--sound-velocity", o.sound_velocity);
  check_quantity<Velocity>("--longitudinal-velocity", o.longitudinal_velocity);
  check_quantity<Velocity>("--transverse-velocity", o.transverse_velocity);
  check_quantity<Temperature>("--debye-temperature", o.debye_temperature);
  check_quantity<NumberDensity>("--atom-density", o.atom_density);
  const double film_thickness_m = parse_quantity_as<Length>(o.film_thickness).value();
  if (!(film_thickness_m > 0.0)) {
    throw UsageError(fmt::format("--thickness: must be positive, got '{}'", o.film_thickness));
  }
  const TableFormat format = parse_table_format(o.format);
  const std::vector<double> temperatures_K =
      temperature_grid(o.temperatures, o.temperature_range, o.logarithmic);

  std::vector<std::filesystem::path> extra(o.plugin_paths.begin(), o.plugin_paths.end());
  const PluginRegistry registry = PluginRegistry::with_default_plugins(extra);
  const Table table = build_table(o, registry, temperatures_K, film_thickness_m);

  std::cout << table.render(format);
  if (!o.output.empty()) {
    write_file_atomically(o.output, table.render(table_format_for_file(o.output)));
    std::cerr << "wrote " << o.output << "\n";
  }
  return 0;
}

}  // namespace filmtherm::cli
