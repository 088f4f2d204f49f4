#include "filmtherm/device_run.h"

#include <fmt/format.h>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

#include "filmtherm/atomic_file.h"
#include "filmtherm/device_loader.h"
#include "filmtherm/electrothermal_wire.h"
#include "filmtherm/hotspot_cooling.h"
#include "filmtherm/two_temperature_model.h"

namespace filmtherm {

namespace {

const std::string lumped_plot_name = "temperatures.png";
const std::string wire_traces_plot_name = "traces.png";

// "trace.csv" for a single run, "trace-debye.csv" when comparing models.
std::string file_name(const std::string& stem, const std::string& model, bool comparing,
                      const std::string& extension) {
  return comparing ? stem + "-" + model + extension : stem + extension;
}

// The device once per variant: itself, or with each compared phonon model.
std::vector<Device> variant_devices(const Device& device, const std::vector<std::string>& models,
                                    const PluginRegistry& registry) {
  std::vector<Device> variants;
  if (models.empty()) variants.push_back(device);
  try {
    for (const std::string& model : models) {
      variants.push_back(with_phonon_model(device, model, registry));
    }
  } catch (const ParameterError& error) {
    throw ParameterError("compare_phonons", error.what());
  }
  return variants;
}

template <class Model, class Result, class... Extra>
Result solve(const Device& variant, const PluginRegistry& registry, const Extra&... extra) {
  Model model(variant, registry, extra...);
  try {
    return model.run();
  } catch (const IntegrationError& error) {
    throw VariantSolveError(variant.material.phonon_heat_capacity.model, error);
  }
}

// Hotter than ten times T_c the electrons are far outside what the models
// were made for (a gap-free film with its low-temperature heat capacities
// and coupling laws): the run is possible, but its numbers are suspect.
constexpr double unusual_hotspot_over_tc = 10.0;

void add_run_warnings(const Device& device, DeviceRunOutcome& outcome) {
  const std::optional<Sourced<Temperature>>& tc = device.material.critical_temperature;
  if (!tc || !(tc->value.value() > 0.0)) return;
  const double tc_K = tc->value.value();
  auto check = [&](const std::string& model, double peak_K) {
    if (peak_K > unusual_hotspot_over_tc * tc_K) {
      outcome.warnings.push_back(fmt::format(
          "phonon model {}: the hotspot reached {:.4g} K, more than 10 T_c ({:.4g} K); the "
          "material models are meant for electrons near T_c, check photon.energy, "
          "absorbed_fraction and the hotspot size",
          model, peak_K, unusual_hotspot_over_tc * tc_K));
    }
  };
  for (const WireRunRecord& run : outcome.wire_runs) {
    check(run.result.phonon_model, run.result.summary.peak_temperature_K);
  }
  for (const RunRecord& run : outcome.lumped_runs) {
    check(run.result.phonon_model, run.result.electrons.peak_K);
  }
}

}  // namespace

std::vector<std::string> phonon_variants(const Device& device, const DeviceRunOptions& options) {
  return !options.compare_phonons.empty() ? options.compare_phonons : device.compare_phonon_models;
}

DeviceRunOutcome run_device_model(const Device& device, const PluginRegistry& registry,
                                  const DeviceRunOptions& options) {
  const std::vector<std::string> models = phonon_variants(device, options);
  const bool comparing = !models.empty();
  DeviceRunOutcome outcome;
  outcome.model = device.model;
  const WireModelOptions wire = wire_model_options(overlay(device.wire, options.wire));
  outcome.record_profiles = wire.record_profiles;
  outcome.provenance = run_provenance(device, registry);
  for (const Device& variant : variant_devices(device, models, registry)) {
    const std::string& model = variant.material.phonon_heat_capacity.model;
    if (device.model == DeviceModelKind::electrothermal_wire) {
      WireRunRecord record;
      record.trace_file = file_name("trace", model, comparing, ".csv");
      record.profile_file = file_name("temperature-profile", model, comparing, ".csv");
      record.map_file = file_name("temperature-map", model, comparing, ".png");
      record.result = solve<ElectrothermalWire, WireResult>(variant, registry, wire);
      outcome.wire_runs.push_back(std::move(record));
    } else {
      outcome.lumped_runs.push_back({solve<HotspotCooling, CoolingResult>(variant, registry),
                                     file_name("trace", model, comparing, ".csv")});
    }
  }
  outcome.warnings = device.warnings;
  add_run_warnings(device, outcome);
  return outcome;
}

std::string device_summary_json(const Device& device, const DeviceRunOutcome& outcome) {
  if (outcome.model == DeviceModelKind::electrothermal_wire) {
    return wire_summary_json(device, outcome.wire_runs, outcome.plot_files, &outcome.provenance,
                             outcome.warnings);
  }
  const std::optional<std::string> plot =
      outcome.plot_files.empty() ? std::nullopt : std::optional(outcome.plot_files.front());
  return summary_json(device, outcome.lumped_runs, plot, &outcome.provenance, outcome.warnings);
}

namespace {

// Writes the whole set into `folder` (a staging folder): data files, the
// plots when asked (gnuplot problems are warnings), the summary last.
void write_set(const Device& device, DeviceRunOutcome& outcome, const std::filesystem::path& folder,
               bool plot, std::ostream& warnings) {
  outcome.plot_files.clear();
  const auto keep_plot = [&](const std::optional<std::string>& problem, const std::string& name) {
    if (problem) {
      warnings << "filmtherm: warning: " << *problem << "\n";
    } else {
      outcome.plot_files.push_back(name);
    }
  };
  if (outcome.model == DeviceModelKind::electrothermal_wire) {
    for (const WireRunRecord& run : outcome.wire_runs) {
      write_file_atomically(folder / run.trace_file, wire_trace_csv(device, run.result));
      if (outcome.record_profiles) {
        write_file_atomically(folder / run.profile_file, wire_profile_csv(device, run.result));
      }
    }
    if (plot) {
      keep_plot(plot_wire_traces(device, outcome.wire_runs, folder, wire_traces_plot_name),
                wire_traces_plot_name);
      for (const WireRunRecord& run : outcome.wire_runs) {
        keep_plot(plot_wire_map(device, run, folder), run.map_file);
      }
    }
  } else {
    for (const RunRecord& run : outcome.lumped_runs) {
      write_file_atomically(folder / run.trace_file, trace_csv(device, run.result));
    }
    if (plot) {
      keep_plot(plot_temperatures(device, outcome.lumped_runs, folder, lumped_plot_name),
                lumped_plot_name);
    }
  }
  write_file_atomically(folder / summary_file_name, device_summary_json(device, outcome));
}

constexpr std::string_view staging_prefix = ".filmtherm-run-";

// Staging folders that processes killed while writing left behind.
void remove_abandoned_staging(const std::filesystem::path& folder) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(staging_prefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + staging_prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      std::filesystem::remove_all(entry.path(), ignored);
    }
  }
}

}  // namespace

void write_device_outputs(const Device& device, DeviceRunOutcome& outcome,
                          const std::filesystem::path& folder, bool plot, std::ostream& warnings,
                          const DeviceRunOptions& options) {
  // The set is written into a hidden folder beside its place and moved in
  // file by file only once all of it exists: a failure half-way (a full disk,
  // gnuplot killed) leaves none of it, and none of an earlier run's files of
  // the same names either.
  const std::filesystem::path staging =
      folder / fmt::format("{}{}", staging_prefix, static_cast<long>(::getpid()));
  std::error_code ignored;
  try {
    remove_abandoned_staging(folder);
    write_set(device, outcome, staging, plot, warnings);
    remove_device_outputs(device, options, folder);
    // Names first, then the moves: a folder is not changed while it is read.
    std::vector<std::filesystem::path> names;
    for (const auto& entry : std::filesystem::directory_iterator(staging)) {
      if (entry.path().filename() != summary_file_name) names.push_back(entry.path().filename());
    }
    for (const std::filesystem::path& name : names) {
      std::filesystem::rename(staging / name, folder / name);
    }
    std::filesystem::rename(staging / summary_file_name, folder / summary_file_name);
    std::filesystem::remove(staging, ignored);
  } catch (...) {
    std::filesystem::remove_all(staging, ignored);
    remove_device_outputs(device, options, folder);
    throw;
  }
}

std::vector<std::filesystem::path> device_output_files(const Device& device,
                                                       const DeviceRunOptions& options,
                                                       const std::filesystem::path& folder) {
  std::vector<std::string> models = phonon_variants(device, options);
  const bool comparing = !models.empty();
  if (!comparing) models.push_back(device.material.phonon_heat_capacity.model);
  std::vector<std::string> names{summary_file_name, lumped_plot_name, wire_traces_plot_name};
  for (const std::string& model : models) {
    names.push_back(file_name("trace", model, comparing, ".csv"));
    if (device.model == DeviceModelKind::electrothermal_wire) {
      names.push_back(file_name("temperature-profile", model, comparing, ".csv"));
      names.push_back(file_name("temperature-map", model, comparing, ".png"));
    }
  }
  std::vector<std::filesystem::path> files;
  for (const std::string& name : names) files.push_back(folder / name);
  return files;
}

void remove_device_outputs(const Device& device, const DeviceRunOptions& options,
                           const std::filesystem::path& folder) {
  std::error_code ignored;
  for (const std::filesystem::path& file : device_output_files(device, options, folder)) {
    std::filesystem::remove(file, ignored);
  }
}

std::string device_summary_table(const Device& device, const DeviceRunOutcome& outcome) {
  return outcome.model == DeviceModelKind::electrothermal_wire
             ? wire_summary_table(device, outcome.wire_runs)
             : summary_table(device, outcome.lumped_runs);
}

}  // namespace filmtherm
