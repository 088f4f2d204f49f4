// The files and the console summary of a wire run (`filmtherm run` on an
// electrothermal-wire device): per phonon model a trace CSV (I, V_out, R_hs,
// hotspot length, hottest temperature, energy integrals) and a T(x, t) CSV;
// one JSON summary of all runs; a gnuplot heat map of T(x, t) per run and one
// traces plot. Text files are written atomically; plots are made by gnuplot
// under a temporary name and renamed into place.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "filmtherm/device.h"
#include "filmtherm/electrothermal_wire.h"
#include "filmtherm/provenance.h"

namespace filmtherm {

/// One finished wire run and the names of its files in the output folder.
struct WireRunRecord {
  WireResult result;
  std::string trace_file;    ///< "trace.csv" or "trace-<model>.csv"
  std::string profile_file;  ///< "temperature-profile.csv" or "...-<model>.csv"
  std::string map_file;      ///< "temperature-map.png" or "...-<model>.png"
};

/// The trace: '#' comment lines, then the header
/// t_s,I_A,V_out_V,V_C_V,R_hs_Ohm,hotspot_length_m,T_max_K,T_ph_max_K,E_absorbed_J,
/// E_stored_J,E_joule_J,E_escaped_J,E_ends_J,E_load_J,W_source_J and one row per sample.
std::string wire_trace_csv(const Device& device, const WireResult& result);

/// T(x, t) (T_e in the two-temperature form) as a gnuplot "nonuniform matrix":
/// '#' comment lines; a first row holding the column count and the cell
/// centres [nm]; then per output time a row with t - t_start [s] and the
/// temperatures [K]. More than `max_columns` cells are thinned evenly.
std::string wire_profile_csv(const Device& device, const WireResult& result,
                             std::size_t max_columns = 1000);

/// The JSON summary of all runs (docs/wire-model.md lists the fields).
/// With `provenance` (may be null) the summary says what produced it;
/// `warnings` (unusual values, device_run.h) become its `warnings` array.
std::string wire_summary_json(const Device& device, const std::vector<WireRunRecord>& runs,
                              const std::vector<std::string>& plot_files,
                              const RunProvenance* provenance = nullptr,
                              const std::vector<std::string>& warnings = {});

/// Plots I(t), V_out(t), R_hs(t), hotspot length and the hottest temperature
/// of every run against log time into `folder/png_name`. Returns an
/// explanation when gnuplot is missing or fails.
std::optional<std::string> plot_wire_traces(const Device& device,
                                            const std::vector<WireRunRecord>& runs,
                                            const std::filesystem::path& folder,
                                            const std::string& png_name);

/// The heat map of one run's T(x, t) (position against log time).
std::optional<std::string> plot_wire_map(const Device& device, const WireRunRecord& run,
                                         const std::filesystem::path& folder);

/// The short table printed after a run, one line per phonon model.
std::string wire_summary_table(const Device& device, const std::vector<WireRunRecord>& runs);

}  // namespace filmtherm
