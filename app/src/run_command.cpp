#include "run_command.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli_error.h"
#include "cooling_outputs.h"
#include "filmtherm/atomic_file.h"
#include "filmtherm/device_loader.h"
#include "filmtherm/hotspot_cooling.h"
#include "wire_run.h"

namespace filmtherm::cli {

namespace {

const std::string summary_name = "summary.json";
const std::string plot_name = "temperatures.png";

std::vector<std::string> phonon_models(const RunOptions& options, const Device& device) {
  if (!options.compare_phonons.empty()) return options.compare_phonons;
  return device.compare_phonon_models;
}

std::string trace_name(const std::string& phonon_model, bool comparing) {
  return comparing ? "trace-" + phonon_model + ".csv" : "trace.csv";
}

// A failed run must not leave files that look like its result: the summary
// (written last) and the files of this run's names from an earlier run go.
void remove_stale_outputs(const std::filesystem::path& folder,
                          const std::vector<std::string>& trace_names) {
  std::error_code ignored;
  std::filesystem::remove(folder / summary_name, ignored);
  std::filesystem::remove(folder / plot_name, ignored);
  for (const std::string& name : trace_names) std::filesystem::remove(folder / name, ignored);
}

}  // namespace

CLI::App* add_run_command(CLI::App& app, RunOptions& o) {
  CLI::App* command = app.add_subcommand(
      "run",
      "Hotspot cooling of a device (lumped two-temperature model), or the electrothermal wire "
      "with its readout: writes trace CSV, summary JSON and plots into the output folder");
  command->add_option("device", o.device_file, "Device file (YAML)")->required();
  command->add_option("--output,-o", o.output_folder,
                      "Output folder (default: the device's output.folder)");
  command
      ->add_option("--compare-phonons", o.compare_phonons,
                   "Run once per phonon model, e.g. film,debye (one plot, one summary)")
      ->delimiter(',');
  command->add_flag("!--no-plot", o.plot, "Do not run gnuplot");
  command->add_option("--plugin", o.plugin_paths, "Load a plugin file or folder (repeatable)");
  add_wire_options(*command, o);
  return command;
}

int run_device(const RunOptions& options) {
  std::vector<std::filesystem::path> extra(options.plugin_paths.begin(),
                                           options.plugin_paths.end());
  const PluginRegistry registry = PluginRegistry::with_default_plugins(extra);
  Device device;
  try {
    device = load_device(options.device_file, registry);
  } catch (const InputError& error) {
    std::cerr << error.what();
    return exit_usage_error;
  }
  if (device.model == DeviceModelKind::electrothermal_wire) {
    return run_wire_device(options, device, registry);
  }
  const std::filesystem::path folder = options.output_folder.empty()
                                           ? device.output.folder
                                           : std::filesystem::path(options.output_folder);
  const std::vector<std::string> models = phonon_models(options, device);
  const bool comparing = !models.empty();

  std::vector<Device> variants;
  try {
    if (!comparing) {
      variants.push_back(device);
    } else {
      for (const std::string& model : models) {
        variants.push_back(with_phonon_model(device, model, registry));
      }
    }
  } catch (const ParameterError& error) {
    throw UsageError(fmt::format("--compare-phonons: {}", error.what()));
  }

  std::vector<RunRecord> runs;
  std::vector<std::string> trace_names;
  for (const Device& variant : variants) {
    trace_names.push_back(trace_name(variant.material.phonon_heat_capacity.model, comparing));
  }
  for (std::size_t i = 0; i < variants.size(); ++i) {
    std::unique_ptr<HotspotCooling> cooling;
    try {
      cooling = std::make_unique<HotspotCooling>(variants[i], registry);
    } catch (const ParameterError&) {
      throw;
    } catch (const std::invalid_argument& error) {
      throw UsageError(fmt::format("{}: {}", options.device_file, error.what()));
    } catch (const std::domain_error& error) {
      throw UsageError(fmt::format("{}: {}", options.device_file, error.what()));
    }
    try {
      runs.push_back({cooling->run(), trace_names[i]});
    } catch (const IntegrationError& error) {
      remove_stale_outputs(folder, trace_names);
      std::cerr << fmt::format(
          "filmtherm: the solver failed for '{}' with phonon model '{}' at t = {:.6g} s; no "
          "output written\n  {}\n",
          device.name, variants[i].material.phonon_heat_capacity.model, error.time_reached_s(),
          error.what());
      return exit_solver_error;
    }
  }

  // Every run succeeded: traces first, the plot, and the summary last, so a
  // folder with a summary is complete.
  for (const RunRecord& run : runs) {
    write_file_atomically(folder / run.trace_file, trace_csv(device, run.result));
  }
  std::optional<std::string> plot_file;
  if (options.plot && device.output.plot) {
    if (const auto problem = plot_temperatures(device, runs, folder, plot_name)) {
      std::cerr << "filmtherm: warning: " << *problem << "\n";
    } else {
      plot_file = plot_name;
    }
  } else {
    std::error_code ignored;
    std::filesystem::remove(folder / plot_name, ignored);
  }
  write_file_atomically(folder / summary_name, summary_json(device, runs, plot_file));

  std::cout << summary_table(device, runs);
  std::cout << fmt::format(
      "wrote {} ({}", (folder / summary_name).string(),
      runs.size() == 1 ? runs.front().trace_file : fmt::format("{} traces", runs.size()));
  std::cout << (plot_file ? ", " + *plot_file + ")\n" : ")\n");
  if (plot_file) std::cout << "plot: " << (folder / *plot_file).string() << "\n";
  return 0;
}

}  // namespace filmtherm::cli
