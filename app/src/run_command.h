// `filmtherm run DEVICE.yaml [--output DIR] [--compare-phonons film,debye]`:
// the hotspot-cooling job. A device with `model: electrothermal-wire` goes to
// the wire model (wire_options.h: --cells/--temperatures/--switch
// options below). Otherwise it loads the device, runs the lumped
// two-temperature model once per phonon model (the material's own, or each model named by
// --compare-phonons or the device's compare_phonons list), and only when every
// run has succeeded writes into the output folder: a CSV trace per run, one
// plot and one JSON summary, each atomically. Prints a short summary table.
// A solver failure prints the time reached, leaves no complete-looking output
// and exits with 3.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace filmtherm::cli {

struct RunOptions {
  std::string device_file;
  std::string output_folder;                 ///< empty: the device's output.folder
  std::vector<std::string> compare_phonons;  ///< e.g. {"film", "debye"}
  bool plot = true;
  std::vector<std::string> plugin_paths;
  // The electrothermal-wire model only, over the device's `wire:` keys; each
  // empty when not given (the device file's value, or the model's default):
  std::optional<long long> wire_cells;     ///< signed, so that "--cells -5" is refused, not wrapped
  std::optional<std::string> wire_form;    ///< one | two (temperatures per cell)
  std::optional<std::string> wire_switch;  ///< front | smoothed | root-finding
  std::optional<std::string> wire_switch_width;  ///< auto | a temperature
  std::optional<std::string> wire_scheme;        ///< conservative | published
  std::optional<std::string> wire_escape;        ///< model-power | linearised
  std::optional<bool> wire_stop_at_recovery;
  std::optional<bool> wire_record_profiles;
};

/// Adds the subcommand; `run_device` is called when it was chosen.
CLI::App* add_run_command(CLI::App& app, RunOptions& options);

/// Returns 0 on success, exit_usage_error (2) for an invalid input file,
/// exit_solver_error (3) when the solver fails.
int run_device(const RunOptions& options);

}  // namespace filmtherm::cli
