#include "filmtherm/cooling_outputs.h"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "filmtherm/device_loader.h"

#include "filmtherm/gnuplot_runner.h"
#include "filmtherm/gnuplot_text.h"
#include "summary_sections.h"

namespace filmtherm {

namespace {

using nlohmann::ordered_json;

constexpr double electron_volt_J = 1.602176634e-19;

ordered_json optional_number(const std::optional<double>& value, double offset = 0.0) {
  return value ? ordered_json(*value - offset) : ordered_json(nullptr);
}

// Event times are reported after the photon's arrival t_a (the trace keeps absolute t).
ordered_json temperature_json(const TemperatureSummary& s, double arrival_s) {
  return ordered_json{
      {"peak_K", s.peak_K},
      {"peak_time_after_arrival_s", s.peak_time_s - arrival_s},
      {"peak_reached", s.peak_reached},
      {"half_rise_time_after_arrival_s", optional_number(s.half_rise_time_s, arrival_s)},
      {"one_percent_rise_time_after_arrival_s",
       optional_number(s.one_percent_rise_time_s, arrival_s)},
      {"tail_decay_time_s", optional_number(s.tail_decay_time_s)}};
}

ordered_json statistics_json(const SolverStatistics& s) {
  return ordered_json{{"steps", s.steps},
                      {"rhs_evaluations", s.rhs_evaluations},
                      {"jacobian_evaluations", s.jacobian_evaluations},
                      {"linear_solver_setups", s.linear_solver_setups},
                      {"error_test_failures", s.error_test_failures},
                      {"nonlinear_iterations", s.nonlinear_iterations},
                      {"nonlinear_convergence_failures", s.nonlinear_convergence_failures},
                      {"root_function_evaluations", s.root_evaluations},
                      {"last_order", s.last_order},
                      {"last_step_s", s.last_step_s}};
}

ordered_json run_json(const RunRecord& run) {
  const CoolingResult& r = run.result;
  const EnergyBook& e = r.energy;
  return ordered_json{
      {"phonon_model", r.phonon_model},
      {"trace_file", run.trace_file},
      {"electrons", temperature_json(r.electrons, r.arrival_time_s)},
      {"phonons", temperature_json(r.phonons, r.arrival_time_s)},
      {"linearised_time_constants_s",
       {{"fast", r.linearised_time_constants_s[0]}, {"slow", r.linearised_time_constants_s[1]}}},
      {"energy_book",
       {{"absorbed_J", e.absorbed_J},
        {"stored_J", e.stored_J()},
        {"stored_in_electrons_J", e.electrons_J},
        {"stored_in_phonons_J", e.phonons_J},
        {"escaped_J", e.escaped_J},
        {"relative_error", e.relative_error},
        {"worst_relative_error_over_trace", e.worst_relative_error}}},
      {"solver_statistics", statistics_json(r.statistics)},
      {"solve_wall_time_s", r.solve_wall_time_s}};
}

}  // namespace

std::string format_time(double time_s) {
  if (time_s == 0.0 || !std::isfinite(time_s)) return fmt::format("{} s", time_s);
  static constexpr std::array<std::pair<double, const char*>, 6> prefixes{
      {{1.0, "s"}, {1e-3, "ms"}, {1e-6, "us"}, {1e-9, "ns"}, {1e-12, "ps"}, {1e-15, "fs"}}};
  for (const auto& [scale, unit] : prefixes) {
    if (std::abs(time_s) >= scale) return fmt::format("{:.3g} {}", time_s / scale, unit);
  }
  return fmt::format("{:.3g} fs", time_s / 1e-15);
}

// Comment lines and the column header written by trace_csv, skipped by gnuplot.
constexpr int trace_csv_header_lines = 6;

std::string trace_csv(const Device& device, const CoolingResult& r) {
  std::string text;
  text += fmt::format("# filmtherm {} lumped two-temperature trace\n", FILMTHERM_VERSION);
  text += fmt::format("# device: {} ({})\n", device.name, device.source_file.string());
  text +=
      fmt::format("# phonon model: {}; bath {} K; film thickness {} m; hotspot volume {} m^3\n",
                  r.phonon_model, r.bath_temperature_K, r.film_thickness_m, r.hotspot_volume_m3);
  text += "# powers per unit volume of film; energies for the whole hotspot volume\n";
  text +=
      "t_s,T_e_K,T_ph_K,P_ep_W_per_m3,P_esc_W_per_m3,E_absorbed_J,E_electrons_J,E_phonons_J,"
      "E_escaped_J\n";
  for (const CoolingSample& s : r.trace) {
    text += fmt::format("{},{},{},{},{},{},{},{},{}\n", s.time_s, s.electron_temperature_K,
                        s.phonon_temperature_K, s.electron_phonon_power_W_per_m3,
                        s.escape_power_W_per_m3, s.absorbed_energy_J, s.electron_energy_J,
                        s.phonon_energy_J, s.escaped_energy_J);
  }
  return text;
}

std::string summary_json(const Device& device, const std::vector<RunRecord>& runs,
                         const std::optional<std::string>& plot_file,
                         const RunProvenance* provenance,
                         const std::vector<std::string>& warnings) {
  const CoolingResult& first = runs.front().result;
  ordered_json photon{{"absorbed_energy_J", first.absorbed_energy_J},
                      {"absorbed_energy_eV", first.absorbed_energy_J / electron_volt_J},
                      {"hotspot_volume_m3", first.hotspot_volume_m3},
                      {"arrival_time_s", first.arrival_time_s},
                      {"pulse_fwhm_s", optional_number(first.pulse_fwhm_s)}};
  ordered_json all_runs = ordered_json::array();
  for (const RunRecord& run : runs) all_runs.push_back(run_json(run));
  ordered_json summary{{"filmtherm_version", FILMTHERM_VERSION},
                       {"input_file", std::filesystem::absolute(device.source_file).string()},
                       {"device", device.name},
                       {"model", std::string(device_model_name(device.model))},
                       {"material", device.material.name},
                       {"film_thickness_m", first.film_thickness_m},
                       {"bath_temperature_K", first.bath_temperature_K},
                       {"photon", photon},
                       {"solver_settings", summary_sections::solver_settings(device.solver)},
                       {"plot_file", plot_file ? ordered_json(*plot_file) : ordered_json(nullptr)},
                       {"warnings", warnings},
                       {"runs", all_runs}};
  if (provenance) summary["provenance"] = summary_sections::provenance(*provenance);
  return summary.dump(2) + "\n";
}

std::optional<std::string> plot_temperatures(const Device& device,
                                             const std::vector<RunRecord>& runs,
                                             const std::filesystem::path& folder,
                                             const std::string& png_name) {
  static constexpr std::array<const char*, 6> colours{"#1f77b4", "#d62728", "#2ca02c",
                                                      "#9467bd", "#ff7f0e", "#8c564b"};
  const std::filesystem::path png = folder / png_name;
  const std::filesystem::path partial = folder / ("." + png_name + ".partial");

  const CoolingResult& first = runs.front().result;
  std::string script;
  script += "set terminal pngcairo size 1100,700 enhanced font 'DejaVu Sans,12'\n";
  script += "set output " + gnuplot_string(partial.string()) + "\n";
  script += "set datafile separator ','\n";
  script += "set logscale x\nset format x '10^{%L}'\nset grid\nset key top right\n";
  script += first.pulse_fwhm_s
                ? "set xlabel 'time after the pulse window opens, t - t_a + 5 FWHM [s]'\n"
                : "set xlabel 'time after the photon arrives, t - t_a [s]'\n";
  script += "set ylabel 'temperature [K]'\n";
  script += fmt::format(
      "set title {} noenhanced\n",
      gnuplot_string(fmt::format("{}: photon {:.3g} eV absorbed, film {:.3g} nm, bath {:.3g} K",
                                 device.name, first.absorbed_energy_J / electron_volt_J,
                                 first.film_thickness_m * 1e9, first.bath_temperature_K)));
  script += "plot ";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const std::string data = gnuplot_string((folder / runs[i].trace_file).string());
    const std::string model = enhanced_safe(runs[i].result.phonon_model);
    const char* colour = colours[i % colours.size()];
    script += fmt::format(
        "{}{} skip {} using ($1-{:.17g}):2 with lines lw 2 lc rgb '{}' title 'T_e ({})', \\\n"
        "     {} skip {} using ($1-{:.17g}):3 with lines lw 2 dt 2 lc rgb '{}' title 'T_{{ph}} "
        "({})'",
        i == 0 ? "" : ", \\\n     ", data, trace_csv_header_lines, first.start_time_s, colour,
        model, data, trace_csv_header_lines, first.start_time_s, colour, model);
  }
  script += "\n";
  return run_gnuplot(script, partial, png);
}

std::string summary_table(const Device& device, const std::vector<RunRecord>& runs) {
  const CoolingResult& first = runs.front().result;
  std::string text = fmt::format(
      "{}: {:.3g} eV absorbed in {:.3g} um^3 of {:.3g} nm film, bath {:.3g} K\n", device.name,
      first.absorbed_energy_J / electron_volt_J, first.hotspot_volume_m3 * 1e18,
      first.film_thickness_m * 1e9, first.bath_temperature_K);
  text += fmt::format("{:<14} {:>9} {:>9} {:>10} {:>10} {:>10} {:>10} {:>10} {:>8} {:>7}\n",
                      "phonon model", "T_e peak", "T_ph peak", "T_ph at", "T_e 1/2", "T_e 1%",
                      "tail tau", "tau slow", "E error", "steps");
  text += "(times after the photon's arrival; tau slow: linearised at the bath)\n";
  for (const RunRecord& run : runs) {
    const CoolingResult& r = run.result;
    const double arrival_s = r.arrival_time_s;
    auto time = [&](const std::optional<double>& t) {
      return t ? format_time(*t - arrival_s) : std::string("-");
    };
    // A rise below the solver's absolute tolerance is no rise: its "falls"
    // would be the integrator's noise, and a '-' would read as "did not come
    // back by the end".
    const bool rose =
        r.electrons.peak_K - r.bath_temperature_K > device.solver.absolute_tolerance.value.value();
    text += fmt::format(
        "{:<14} {:>7.3f} K {:>7.3f} K {:>10} {:>10} {:>10} {:>10} {:>10} {:>8.1e} {:>7}\n",
        r.phonon_model, r.electrons.peak_K, r.phonons.peak_K,
        r.phonons.peak_reached ? format_time(r.phonons.peak_time_s - arrival_s) : "> end",
        rose ? time(r.electrons.half_rise_time_s) : "no rise",
        rose ? time(r.electrons.one_percent_rise_time_s) : "no rise",
        r.electrons.tail_decay_time_s ? format_time(*r.electrons.tail_decay_time_s)
        : rose                        ? "-"
                                      : "no rise",
        format_time(r.linearised_time_constants_s[1]), r.energy.relative_error, r.statistics.steps);
  }
  return text;
}

}  // namespace filmtherm
