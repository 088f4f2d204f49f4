// Running a device as `filmtherm run` does, from any host: the device's model
// (lumped two-temperature or electrothermal wire) once per phonon variant (the
// material's own phonon model, or each model of a comparison), and then, only
// when every variant has succeeded, its whole output set: a trace per variant
// (and T(x, t) for a wire), the plots, and summary.json last, so a folder
// with a summary is complete. Solving and writing are two steps, so a host
// can take the results in memory (device_summary_json gives the text
// summary.json would hold) without touching the file system.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "filmtherm/cooling_outputs.h"
#include "filmtherm/cvode_integrator.h"
#include "filmtherm/device.h"
#include "filmtherm/plugin_registry.h"
#include "filmtherm/provenance.h"
#include "filmtherm/wire_model.h"
#include "filmtherm/wire_outputs.h"
#include "filmtherm/wire_run_options.h"

namespace filmtherm {

struct DeviceRunOptions {
  /// Phonon models to run side by side, e.g. {"film", "debye"}; empty: the
  /// device's compare_phonons, and when that is empty too the material's own.
  std::vector<std::string> compare_phonons;
  /// Electrothermal-wire devices only: settings over the device's `wire:`
  /// section (a host's overrides; an empty field keeps the file's value).
  WireSettings wire;
};

/// Every variant's result, with the names its files get in an output folder.
struct DeviceRunOutcome {
  DeviceModelKind model = DeviceModelKind::lumped_two_temperature;
  std::vector<RunRecord> lumped_runs;    ///< lumped devices
  std::vector<WireRunRecord> wire_runs;  ///< wire devices
  bool record_profiles = false;          ///< wire runs kept T(x, t)
  std::vector<std::string> plot_files;   ///< filled by write_device_outputs
  RunProvenance provenance;              ///< what produced the run
  /// Possible but unusual: the device's (Device::warnings) and the run's
  /// (a hotspot hotter than 10 T_c), each a sentence with its place.
  std::vector<std::string> warnings;
};

/// The solver failed in one variant: IntegrationError with the variant's phonon model.
class VariantSolveError : public IntegrationError {
 public:
  VariantSolveError(std::string phonon_model, const IntegrationError& cause)
      : IntegrationError(cause), phonon_model_(std::move(phonon_model)) {}
  const std::string& phonon_model() const noexcept { return phonon_model_; }

 private:
  std::string phonon_model_;
};

/// The phonon models a run of `device` with `options` solves, in order
/// (empty: the material's own model only, files without a suffix).
std::vector<std::string> phonon_variants(const Device& device, const DeviceRunOptions& options);

/// Solves every variant. Throws ParameterError for an unknown phonon model
/// (parameter() "compare_phonons") or a model that refuses its parameters,
/// std::invalid_argument / std::domain_error for settings the model refuses,
/// VariantSolveError when CVODE fails.
DeviceRunOutcome run_device_model(const Device& device, const PluginRegistry& registry,
                                  const DeviceRunOptions& options);

/// The text summary.json holds for `outcome` (with its plot_files).
std::string device_summary_json(const Device& device, const DeviceRunOutcome& outcome);

/// Writes the set into `folder`: traces (and profiles), the plots when `plot`
/// (gnuplot problems are reported on `warnings` and the set goes on without
/// that plot), summary.json last. The set appears whole or not at all: it is
/// written into a hidden staging folder inside `folder` and moved into place
/// only when complete, replacing an earlier run's files of the same names;
/// on a failure neither this run's files nor an earlier run's remain (see
/// remove_device_outputs, with the `options` the run was made with). Throws
/// std::runtime_error (std::filesystem::filesystem_error) when a file cannot
/// be written.
void write_device_outputs(const Device& device, DeviceRunOutcome& outcome,
                          const std::filesystem::path& folder, bool plot, std::ostream& warnings,
                          const DeviceRunOptions& options = {});

/// The files a run of `device` with `options` may write into `folder`.
std::vector<std::filesystem::path> device_output_files(const Device& device,
                                                       const DeviceRunOptions& options,
                                                       const std::filesystem::path& folder);

/// Removes the files a run of `device` with `options` would write into
/// `folder` (after a failure, so nothing there looks like its result).
void remove_device_outputs(const Device& device, const DeviceRunOptions& options,
                           const std::filesystem::path& folder);

/// The short table printed after a run, one line per variant.
std::string device_summary_table(const Device& device, const DeviceRunOutcome& outcome);

/// "summary.json".
inline const std::string summary_file_name = "summary.json";

}  // namespace filmtherm
