#include "run_command.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli_error.h"
#include "filmtherm/device_loader.h"
#include "filmtherm/device_run.h"
#include "filmtherm/plugin_call_marker.h"
#include "wire_options.h"

namespace filmtherm::cli {

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
  command->add_option("--plugin", o.plugin_paths, "Load a plugin file or folder (repeatable)")
      ->allow_extra_args(false);  // one path per --plugin: a following word is not a plugin
  add_wire_options(*command, o);
  return command;
}

namespace {

// A plugin that crashes the process (SIGSEGV, abort(), ...) while the device
// is solved: one line naming the plugin, the model, the function and the
// signal, this run's files removed as after any other failure, exit code
// exit_plugin_crashed (docs/cli.md). A crash outside any plugin call is a bug
// of filmtherm: the same line, then the signal's own end (a core dump).
void install_run_crash_report(const Device& device, const DeviceRunOptions& run_options,
                              const std::filesystem::path& folder, const std::string& device_file) {
  CrashReport report;
  report.prefix = "filmtherm: ";
  report.suffix = fmt::format(" while running {}; no output written\n", device_file);
  report.exit_code_in_plugin = exit_plugin_crashed;
  try {
    for (const std::filesystem::path& file : device_output_files(device, run_options, folder)) {
      report.files_to_remove.push_back(file.string());
    }
  } catch (const std::exception&) {
    // A bad --compare-phonons: run_device_model reports it, before any plugin runs.
  }
  install_crash_report(std::move(report));
}

}  // namespace

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
  const bool wire = device.model == DeviceModelKind::electrothermal_wire;
  DeviceRunOptions run_options;
  run_options.compare_phonons = options.compare_phonons;
  if (wire) run_options.wire = wire_settings_from_command_line(options);
  const std::filesystem::path folder = options.output_folder.empty()
                                           ? device.output.folder
                                           : std::filesystem::path(options.output_folder);

  install_run_crash_report(device, run_options, folder, options.device_file);
  DeviceRunOutcome outcome;
  try {
    outcome = run_device_model(device, registry, run_options);
  } catch (const ParameterError& error) {
    // Whatever failed, no file in the folder may look like this run's result.
    remove_device_outputs(device, run_options, folder);
    if (error.parameter() != "compare_phonons") throw;
    throw UsageError(fmt::format("--compare-phonons: {}", error.what()));
  } catch (const VariantSolveError& error) {
    remove_device_outputs(device, run_options, folder);
    std::cerr << fmt::format(
        "filmtherm: the {}solver failed for '{}' with phonon model '{}' at t = {:.6g} s; no "
        "output written\n  {}\n",
        wire ? "wire " : "", device.name, error.phonon_model(), error.time_reached_s(),
        error.what());
    return exit_solver_error;
  } catch (const std::invalid_argument& error) {
    remove_device_outputs(device, run_options, folder);
    throw UsageError(fmt::format("{}: {}", options.device_file, error.what()));
  } catch (const std::domain_error& error) {
    remove_device_outputs(device, run_options, folder);
    throw UsageError(fmt::format("{}: {}", options.device_file, error.what()));
  }

  // Possible but unusual values: said here, and listed in summary.json.
  for (const std::string& warning : outcome.warnings) {
    std::cerr << "filmtherm: warning: " << warning << "\n";
  }
  write_device_outputs(device, outcome, folder, options.plot && device.output.plot, std::cerr,
                       run_options);
  set_crash_report_files({});  // the set is whole: a later crash must not remove it
  std::cout << device_summary_table(device, outcome);
  const std::string summary = (folder / summary_file_name).string();
  const std::size_t plots = outcome.plot_files.size();
  if (wire) {
    const std::size_t runs = outcome.wire_runs.size();
    std::cout << fmt::format("wrote {} ({} run{}, {} plot{})\n", summary, runs,
                             runs == 1 ? "" : "s", plots, plots == 1 ? "" : "s");
    return 0;
  }
  const std::size_t runs = outcome.lumped_runs.size();
  std::cout << fmt::format(
      "wrote {} ({}{})\n", summary,
      runs == 1 ? outcome.lumped_runs.front().trace_file : fmt::format("{} traces", runs),
      plots > 0 ? ", " + outcome.plot_files.front() : "");
  if (plots > 0) std::cout << "plot: " << (folder / outcome.plot_files.front()).string() << "\n";
  return 0;
}

}  // namespace filmtherm::cli
