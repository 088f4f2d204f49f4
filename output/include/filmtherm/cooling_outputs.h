// The files and the console summary of `filmtherm run`: a CSV trace per run,
// one JSON summary of all runs, one gnuplot PNG of T_e and T_ph against log
// time, and a short aligned table for stdout. Every file is produced as text
// (or by gnuplot into a temporary name) and renamed into place, so a reader
// never sees half of one.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "filmtherm/device.h"
#include "filmtherm/hotspot_cooling.h"
#include "filmtherm/provenance.h"

namespace filmtherm {

/// One finished run and the name of its trace file in the output folder.
struct RunRecord {
  CoolingResult result;
  std::string trace_file;  ///< "trace.csv", or "trace-<model>.csv" when comparing
};

/// The trace as CSV: '#' comment lines (device, model, units), a header row
/// t_s,T_e_K,T_ph_K,P_ep_W_per_m3,P_esc_W_per_m3,E_absorbed_J,E_electrons_J,E_phonons_J,E_escaped_J,
/// then one row per sample.
std::string trace_csv(const Device& device, const CoolingResult& result);

/// The JSON summary of all runs (see docs/lumped-model.md for the fields).
/// With `provenance` (may be null) the summary says what produced it;
/// `warnings` (unusual values, device_run.h) become its `warnings` array.
std::string summary_json(const Device& device, const std::vector<RunRecord>& runs,
                         const std::optional<std::string>& plot_file,
                         const RunProvenance* provenance = nullptr,
                         const std::vector<std::string>& warnings = {});

/// Plots every run's T_e (solid) and T_ph (dashed) against log time with
/// gnuplot, reading the trace files already in `folder`, into `folder/png_name`
/// (written under a temporary name, then renamed). Returns an explanation
/// when gnuplot is missing or fails; the run is still a success then.
std::optional<std::string> plot_temperatures(const Device& device,
                                             const std::vector<RunRecord>& runs,
                                             const std::filesystem::path& folder,
                                             const std::string& png_name);

/// The short table printed after a run, one line per phonon model.
std::string summary_table(const Device& device, const std::vector<RunRecord>& runs);

/// "12.3 ps", "4.56 ns": a time with an SI prefix, 3 significant digits.
std::string format_time(double time_s);

}  // namespace filmtherm
