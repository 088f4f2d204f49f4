#include "wire_run.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli_error.h"
#include "filmtherm/atomic_file.h"
#include "filmtherm/quantity_parser.h"
#include "filmtherm/two_temperature_model.h"
#include "wire_outputs.h"

namespace filmtherm::cli {

namespace {

const std::string summary_name = "summary.json";
const std::string traces_plot_name = "traces.png";

std::string suffixed(const std::string& stem, const std::string& model, bool comparing,
                     const std::string& extension) {
  return comparing ? stem + "-" + model + extension : stem + extension;
}

void remove_outputs(const std::filesystem::path& folder, const std::vector<WireRunRecord>& runs) {
  std::error_code ignored;
  std::filesystem::remove(folder / summary_name, ignored);
  std::filesystem::remove(folder / traces_plot_name, ignored);
  for (const WireRunRecord& run : runs) {
    for (const std::string& name : {run.trace_file, run.profile_file, run.map_file}) {
      std::filesystem::remove(folder / name, ignored);
    }
  }
}

}  // namespace

void add_wire_options(CLI::App& command, RunOptions& o) {
  const std::string group = "Electrothermal wire";
  command.add_option("--cells", o.wire_cells, "Wire model: grid cells along the wire (>= 3)")
      ->group(group)
      ->default_val(o.wire_cells);
  command
      .add_option("--temperatures", o.wire_form,
                  "Wire model: one temperature per cell (Yang 2007) or two (T_e, T_ph)")
      ->group(group)
      ->check(CLI::IsMember({"one", "two"}))
      ->default_val(o.wire_form);
  command
      .add_option("--switch", o.wire_switch,
                  "Wire model: the resistive switch located by root finding, or smoothed")
      ->group(group)
      ->check(CLI::IsMember({"root-finding", "smoothed"}))
      ->default_val(o.wire_switch);
  command
      .add_option("--switch-width", o.wire_switch_width,
                  "Wire model: temperature width of the smoothed switch, e.g. 0.05K")
      ->group(group)
      ->default_val(o.wire_switch_width);
  command
      .add_option("--escape", o.wire_escape,
                  "Wire model: escape law, the model's power or Yang's linearised "
                  "alpha(T)(T - T_sub)/d (default: linearised for one temperature, "
                  "model-power for two)")
      ->group(group)
      ->check(CLI::IsMember({"model-power", "linearised"}));
  command
      .add_flag("--stop-at-recovery", o.wire_stop_at_recovery,
                "Wire model: end the run when the current is back within 1% of its dip")
      ->group(group);
}

WireModelOptions wire_model_options(const RunOptions& o) {
  WireModelOptions options;
  options.cell_count = o.wire_cells;
  if (o.wire_cells < 3) {
    throw UsageError(fmt::format("--cells: the wire needs at least 3 cells, got {}", o.wire_cells));
  }
  options.form = o.wire_form == "two" ? WireTemperatureForm::two_temperature
                                      : WireTemperatureForm::one_temperature;
  options.resistive_switch =
      o.wire_switch == "smoothed" ? ResistiveSwitch::smoothed : ResistiveSwitch::root_finding;
  try {
    options.switch_width = parse_quantity_as<Temperature>(o.wire_switch_width);
  } catch (const QuantityParseError& error) {
    throw UsageError(fmt::format("--switch-width: {}", error.what()));
  }
  if (!(options.switch_width.value() > 0.0)) {
    throw UsageError("--switch-width must be a positive temperature, e.g. 0.05K");
  }
  if (o.wire_escape == "model-power") options.escape_law = WireEscapeLaw::model_power;
  if (o.wire_escape == "linearised") options.escape_law = WireEscapeLaw::linearised;
  options.stop_at_recovery = o.wire_stop_at_recovery;
  return options;
}

int run_wire_device(const RunOptions& options, const Device& device,
                    const PluginRegistry& registry) {
  const WireModelOptions model_options = wire_model_options(options);
  const std::filesystem::path folder = options.output_folder.empty()
                                           ? device.output.folder
                                           : std::filesystem::path(options.output_folder);
  const std::vector<std::string> models =
      !options.compare_phonons.empty() ? options.compare_phonons : device.compare_phonon_models;
  const bool comparing = !models.empty();
  std::vector<Device> variants;
  try {
    if (!comparing) variants.push_back(device);
    for (const std::string& model : models) {
      variants.push_back(with_phonon_model(device, model, registry));
    }
  } catch (const ParameterError& error) {
    throw UsageError(fmt::format("--compare-phonons: {}", error.what()));
  }

  std::vector<WireRunRecord> runs;
  for (const Device& variant : variants) {
    const std::string model = variant.material.phonon_heat_capacity.model;
    WireRunRecord record;
    record.trace_file = suffixed("trace", model, comparing, ".csv");
    record.profile_file = suffixed("temperature-profile", model, comparing, ".csv");
    record.map_file = suffixed("temperature-map", model, comparing, ".png");
    runs.push_back(std::move(record));
  }
  for (std::size_t i = 0; i < variants.size(); ++i) {
    std::unique_ptr<ElectrothermalWire> wire;
    try {
      wire = std::make_unique<ElectrothermalWire>(variants[i], registry, model_options);
    } catch (const ParameterError&) {
      throw;
    } catch (const std::invalid_argument& error) {
      throw UsageError(fmt::format("{}: {}", options.device_file, error.what()));
    } catch (const std::domain_error& error) {
      throw UsageError(fmt::format("{}: {}", options.device_file, error.what()));
    }
    try {
      runs[i].result = wire->run();
    } catch (const IntegrationError& error) {
      remove_outputs(folder, runs);
      std::cerr << fmt::format(
          "filmtherm: the wire solver failed for '{}' with phonon model '{}' at t = {:.6g} s; "
          "no output written\n  {}\n",
          device.name, variants[i].material.phonon_heat_capacity.model, error.time_reached_s(),
          error.what());
      return exit_solver_error;
    }
  }

  // Every run succeeded: data files, then the plots, and the summary last.
  for (const WireRunRecord& run : runs) {
    write_file_atomically(folder / run.trace_file, wire_trace_csv(device, run.result));
    if (model_options.record_profiles) {
      write_file_atomically(folder / run.profile_file, wire_profile_csv(device, run.result));
    }
  }
  std::vector<std::string> plots;
  std::error_code ignored;
  if (options.plot && device.output.plot) {
    if (const auto problem = plot_wire_traces(device, runs, folder, traces_plot_name)) {
      std::cerr << "filmtherm: warning: " << *problem << "\n";
    } else {
      plots.push_back(traces_plot_name);
    }
    for (const WireRunRecord& run : runs) {
      if (const auto problem = plot_wire_map(device, run, folder)) {
        std::cerr << "filmtherm: warning: " << *problem << "\n";
      } else {
        plots.push_back(run.map_file);
      }
    }
  } else {
    std::filesystem::remove(folder / traces_plot_name, ignored);
    for (const WireRunRecord& run : runs) std::filesystem::remove(folder / run.map_file, ignored);
  }
  write_file_atomically(folder / summary_name, wire_summary_json(device, runs, plots));

  std::cout << wire_summary_table(device, runs);
  std::cout << fmt::format("wrote {} ({} run{}, {} plot{})\n", (folder / summary_name).string(),
                           runs.size(), runs.size() == 1 ? "" : "s", plots.size(),
                           plots.size() == 1 ? "" : "s");
  return 0;
}

}  // namespace filmtherm::cli
