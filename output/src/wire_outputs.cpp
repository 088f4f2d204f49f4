#include "filmtherm/wire_outputs.h"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "filmtherm/cooling_outputs.h"
#include "filmtherm/device_loader.h"

#include "filmtherm/gnuplot_runner.h"
#include "filmtherm/gnuplot_text.h"
#include "summary_sections.h"

namespace filmtherm {

namespace {

using nlohmann::ordered_json;

ordered_json optional_number(const std::optional<double>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

std::string form_title(const WireResult& r) {
  return fmt::format(
      "{}, {} cells, {} switch, {} escape{}", to_string(r.options.form), r.parameters.cell_count,
      to_string(r.options.resistive_switch), to_string(r.escape_law),
      r.options.scheme == WireDiscretisation::conservative ? "" : ", published scheme");
}

// Every wire setting as the run used it (the device's `wire:` keys, with a
// host's overrides, and the defaults for the rest), so the summary alone says
// how to reproduce the run.
ordered_json wire_settings(const WireResult& r) {
  const WireModelOptions& o = r.options;
  const bool smoothed = o.resistive_switch == ResistiveSwitch::smoothed;
  return ordered_json{
      {"cells", o.cell_count},
      {"temperatures", o.form == WireTemperatureForm::two_temperature ? "two" : "one"},
      {"switch", to_string(o.resistive_switch)},
      // auto: the width scaled to the film; switch_width_K is the width used.
      {"switch_width_auto", !o.switch_width.has_value()},
      {"switch_width_K",
       smoothed ? ordered_json(effective_switch_width_K(r.parameters, o)) : nullptr},
      {"escape", to_string(r.escape_law)},
      {"scheme", to_string(o.scheme)},
      {"stop_at_recovery", o.stop_at_recovery},
      {"record_profiles", o.record_profiles}};
}

constexpr int trace_header_lines = 5;
constexpr int profile_header_lines = 4;

}  // namespace

std::string wire_trace_csv(const Device& device, const WireResult& r) {
  std::string text;
  text += fmt::format("# filmtherm {} electrothermal-wire trace\n", FILMTHERM_VERSION);
  text += fmt::format("# device: {} ({})\n", device.name, device.source_file.string());
  text += fmt::format("# phonon model: {}; {}\n", r.phonon_model, form_title(r));
  text += "# T_max: hottest cell (T_e in the two-temperature form); energies in J for the wire\n";
  text +=
      "t_s,I_A,V_out_V,V_C_V,R_hs_Ohm,hotspot_length_m,T_max_K,T_ph_max_K,E_absorbed_J,"
      "E_stored_J,E_joule_J,E_escaped_J,E_ends_J,E_load_J,W_source_J\n";
  for (const WireSample& s : r.trace) {
    text += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", s.time_s, s.current_A,
                        s.output_voltage_V, s.capacitor_voltage_V, s.hotspot_resistance_Ohm,
                        s.hotspot_length_m, s.hottest_K, s.hottest_phonon_K, s.absorbed_energy_J,
                        s.stored_energy_J, s.joule_energy_J, s.escaped_energy_J, s.end_energy_J,
                        s.load_energy_J, s.source_work_J);
  }
  return text;
}

std::string wire_profile_csv(const Device& device, const WireResult& r, std::size_t max_columns) {
  const WireProfiles& p = r.profiles;
  const std::size_t cells = p.position_m.size();
  const std::size_t stride = cells <= max_columns ? 1 : (cells + max_columns - 1) / max_columns;
  std::vector<std::size_t> columns;
  for (std::size_t i = 0; i < cells; i += stride) columns.push_back(i);
  std::string text;
  text += fmt::format("# filmtherm {} electrothermal-wire T(x, t), device {}\n", FILMTHERM_VERSION,
                      device.name);
  text += fmt::format("# {} temperature [K]; every {} cell(s) of {}\n",
                      r.options.form == WireTemperatureForm::two_temperature ? "electron" : "wire",
                      stride, cells);
  text += "# gnuplot nonuniform matrix: first row = column count, then x [nm];\n";
  text += "# each further row = t - t_start [s], then T at each x\n";
  text += fmt::format("{}", columns.size());
  for (const std::size_t i : columns) text += fmt::format(",{}", p.position_m[i] * 1e9);
  text += "\n";
  for (std::size_t k = 0; k < p.times_s.size(); ++k) {
    text += fmt::format("{}", p.times_s[k] - r.start_time_s);
    for (const std::size_t i : columns) {
      text += fmt::format(",{}", p.temperature_K[k * cells + i]);
    }
    text += "\n";
  }
  return text;
}

std::string wire_summary_json(const Device& device, const std::vector<WireRunRecord>& runs,
                              const std::vector<std::string>& plot_files,
                              const RunProvenance* provenance,
                              const std::vector<std::string>& warnings) {
  ordered_json all = ordered_json::array();
  for (const WireRunRecord& run : runs) {
    const WireResult& r = run.result;
    const WireSummary& s = r.summary;
    const WireEnergyBook& e = r.energy;
    const SolverStatistics& st = r.statistics;
    all.push_back(ordered_json{
        {"phonon_model", r.phonon_model},
        {"trace_file", run.trace_file},
        {"profile_file", r.options.record_profiles ? ordered_json(run.profile_file) : nullptr},
        {"form", to_string(r.options.form)},
        {"resistive_switch", to_string(r.options.resistive_switch)},
        {"switch_width_K", r.options.resistive_switch == ResistiveSwitch::smoothed
                               ? ordered_json(r.effective_switch_width_K)
                               : ordered_json(nullptr)},
        {"escape_law", to_string(r.escape_law)},
        {"scheme", to_string(r.options.scheme)},
        {"cells", r.parameters.cell_count},
        {"cell_length_m", r.parameters.cell_length_m()},
        {"peak_output_voltage_V", s.peak_output_voltage_V},
        {"peak_output_time_after_arrival_s", s.peak_output_time_s},
        {"minimum_current_A", s.minimum_current_A},
        {"max_hotspot_length_m", s.max_hotspot_length_m},
        {"max_hotspot_resistance_Ohm", s.max_hotspot_resistance_Ohm},
        {"max_hotspot_time_after_arrival_s", s.max_hotspot_time_s},
        {"peak_temperature_K", s.peak_temperature_K},
        {"hotspot_lifetime_s", optional_number(s.hotspot_lifetime_s)},
        {"time_to_90pct_current_recovery_s", optional_number(s.current_recovery_90_time_s)},
        {"time_to_99pct_current_recovery_s", optional_number(s.current_recovery_99_time_s)},
        {"time_to_90pct_recovery_of_dip_s", optional_number(s.recovery_90_time_s)},
        {"time_to_99pct_recovery_of_dip_s", optional_number(s.recovery_99_time_s)},
        {"fitted_recovery_time_constant_s", optional_number(s.recovery_time_constant_s)},
        {"inductive_time_constant_L_over_R_s", s.inductive_time_constant_s},
        {"circuit_time_constants_s",
         {{"fast", s.circuit_time_constants_s[0]}, {"slow", s.circuit_time_constants_s[1]}}},
        {"latched", s.latched},
        {"outcome", to_string(s.outcome)},
        {"hotspot_reformations", s.hotspot_reformations},
        {"final_hotspot_resistance_Ohm", s.final_hotspot_resistance_Ohm},
        {"end_time_s", r.end_time_s},
        {"energy_book",
         {{"absorbed_J", e.absorbed_J},
          {"joule_J", e.joule_J},
          {"stored_J", e.stored_J},
          {"escaped_J", e.escaped_J},
          {"through_ends_J", e.through_ends_J},
          {"heat_relative_error", e.heat_relative_error},
          {"heat_worst_relative_error_over_trace", e.heat_worst_relative_error},
          {"source_work_J", e.source_work_J},
          {"load_J", e.load_J},
          {"inductor_change_J", e.inductor_change_J},
          {"capacitor_J", e.capacitor_J},
          {"circuit_relative_error", e.circuit_relative_error},
          {"circuit_worst_relative_error_over_trace", e.circuit_worst_relative_error}}},
        {"solver_statistics",
         {{"steps", st.steps},
          {"rhs_evaluations", st.rhs_evaluations},
          {"jacobian_evaluations", st.jacobian_evaluations},
          {"linear_solver_setups", st.linear_solver_setups},
          {"error_test_failures", st.error_test_failures},
          {"nonlinear_convergence_failures", st.nonlinear_convergence_failures},
          {"root_function_evaluations", st.root_evaluations},
          {"switch_events", r.switch_events}}},
        {"solve_wall_time_s", r.solve_wall_time_s},
        {"solve_cpu_time_s", r.solve_cpu_time_s}});
  }
  const WireResult& first = runs.front().result;
  const WireParameters& p = first.parameters;
  ordered_json summary{{"filmtherm_version", FILMTHERM_VERSION},
                       {"input_file", std::filesystem::absolute(device.source_file).string()},
                       {"device", device.name},
                       {"model", std::string(device_model_name(device.model))},
                       {"material", device.material.name},
                       {"wire",
                        {{"length_m", p.length_m},
                         {"width_m", p.width_m},
                         {"thickness_m", p.thickness_m},
                         {"substrate_temperature_K", p.substrate_temperature_K},
                         {"critical_temperature_K", p.critical_temperature_K},
                         {"normal_resistivity_Ohm_m", p.normal_resistivity_Ohm_m}}},
                       {"circuit",
                        {{"bias_current_A", p.bias_current_A},
                         {"critical_current_A", p.critical_current_A},
                         {"load_resistance_Ohm", p.load_resistance_Ohm},
                         {"kinetic_inductance_H", p.kinetic_inductance_H},
                         {"bias_tee_capacitance_F", p.bias_tee_capacitance_F}}},
                       {"photon",
                        {{"arrival_time_s", first.arrival_time_s},
                         {"hotspot_belt_length_m", first.hotspot_belt_length_m},
                         {"pulse_fwhm_s", optional_number(first.pulse_fwhm_s)}}},
                       {"solver_settings", summary_sections::solver_settings(device.solver)},
                       {"wire_settings", wire_settings(first)},
                       {"plot_files", plot_files},
                       {"warnings", warnings},
                       {"runs", all}};
  if (provenance) summary["provenance"] = summary_sections::provenance(*provenance);
  return summary.dump(2) + "\n";
}

std::optional<std::string> plot_wire_traces(const Device& device,
                                            const std::vector<WireRunRecord>& runs,
                                            const std::filesystem::path& folder,
                                            const std::string& png_name) {
  static constexpr std::array<const char*, 6> colours{"#1f77b4", "#d62728", "#2ca02c",
                                                      "#9467bd", "#ff7f0e", "#8c564b"};
  const std::filesystem::path partial = folder / ("." + png_name + ".partial");
  const WireResult& first = runs.front().result;
  const WireParameters& p = first.parameters;
  std::string script;
  script += "set terminal pngcairo size 1100,1300 enhanced font 'DejaVu Sans,11'\n";
  script += "set output " + gnuplot_string(partial.string()) + "\n";
  script += "set datafile separator ','\nset logscale x\nset format x '10^{%L}'\nset grid\n";
  // The legend beside each panel: the current starts and ends at the top
  // right, where a legend inside would cover it.
  script += "set key outside right top vertical\n";
  // The same margins in every panel, so the time axes line up whatever the legends' widths.
  script += "set lmargin at screen 0.08\nset rmargin at screen 0.83\n";
  script += fmt::format(
      "set multiplot layout 4,1 title {} noenhanced\n",
      gnuplot_string(fmt::format("{}: I_b {:.4g} uA, R_L {:.4g} Ohm, L_k {:.4g} nH, {}",
                                 device.name, p.bias_current_A * 1e6, p.load_resistance_Ohm,
                                 p.kinetic_inductance_H * 1e9, form_title(first))));
  struct Panel {
    const char* ylabel;
    const char* column;
    const char* label;
  };
  const std::array<Panel, 4> panels{{{"current I [uA]", "($2*1e6)", "I"},
                                     {"V_{out} [mV]", "($3*1e3)", "V_{out}"},
                                     {"R_{hs} [kOhm]", "($5*1e-3)", "R_{hs}"},
                                     {"hottest T [K]", "7", "T_{max}"}}};
  for (std::size_t k = 0; k < panels.size(); ++k) {
    script += fmt::format("set ylabel '{}'\n", panels[k].ylabel);
    script += k + 1 == panels.size() ? "set xlabel 'time after the photon, t - t_0 [s]'\n"
                                     : "unset xlabel\n";
    script += "plot ";
    for (std::size_t i = 0; i < runs.size(); ++i) {
      script += fmt::format(
          "{}{} skip {} using ($1-{:.17g}):{} with lines lw 2 lc rgb '{}' dt {} title '{} ({})'",
          i == 0 ? "" : ", ", gnuplot_string((folder / runs[i].trace_file).string()),
          trace_header_lines, first.start_time_s, panels[k].column, colours[i % colours.size()],
          1 + i % 5, panels[k].label, runs[i].result.phonon_model);
    }
    script += "\n";
  }
  script += "unset multiplot\n";
  return run_gnuplot(script, partial, folder / png_name);
}

std::optional<std::string> plot_wire_map(const Device& device, const WireRunRecord& run,
                                         const std::filesystem::path& folder) {
  const WireResult& r = run.result;
  if (!r.options.record_profiles) return std::nullopt;
  const std::filesystem::path partial = folder / ("." + run.map_file + ".partial");
  std::string script;
  script += "set terminal pngcairo size 1000,700 enhanced font 'DejaVu Sans,11'\n";
  script += "set output " + gnuplot_string(partial.string()) + "\n";
  script += "set datafile separator ','\nset view map\nset pm3d map corners2color c1\n";
  script += "set logscale y\nset format y '10^{%L}'\nset palette rgb 21,22,23\n";
  script += "set xlabel 'position along the wire x [nm]'\n";
  script += "set ylabel 'time after the photon, t - t_0 [s]'\n";
  script += fmt::format("set cblabel '{}'\n", r.options.form == WireTemperatureForm::two_temperature
                                                  ? "electron temperature T_e [K]"
                                                  : "temperature T [K]");
  script += fmt::format("set title {} noenhanced\n",
                        gnuplot_string(fmt::format("{} ({}): T(x, t), {}", device.name,
                                                   r.phonon_model, form_title(r))));
  script += fmt::format("set xrange [0:{:.6g}]\n", r.parameters.length_m * 1e9);
  // The first row (t = 0) cannot sit on a log axis.
  const std::vector<double>& times = r.profiles.times_s;
  if (times.size() > 2) {
    script += fmt::format("set yrange [{:.6e}:{:.6e}]\n", times[1] - r.start_time_s,
                          times.back() - r.start_time_s);
  }
  script += fmt::format(
      "splot {} skip {} nonuniform matrix using 1:($2 > 0 ? $2 : 1/0):3 with pm3d notitle\n",
      gnuplot_string((folder / run.profile_file).string()), profile_header_lines);
  return run_gnuplot(script, partial, folder / run.map_file);
}

std::string wire_summary_table(const Device& device, const std::vector<WireRunRecord>& runs) {
  const WireResult& first = runs.front().result;
  std::string text = fmt::format(
      "{}: {} ({}), I_b {:.4g} uA, R_L {:.4g} Ohm, L_k {:.4g} nH\n", device.name, form_title(first),
      std::string(device_model_name(device.model)), first.parameters.bias_current_A * 1e6,
      first.parameters.load_resistance_Ohm, first.parameters.kinetic_inductance_H * 1e9);
  text += fmt::format("{:<12} {:>9} {:>10} {:>9} {:>10} {:>10} {:>10} {:>10} {:>8} {:>8} {:>7}\n",
                      "phonons", "V_out pk", "hs length", "R_hs max", "hs life", "0.9 I_b at",
                      "tau fit", "L_k/R_L", "latched", "E error", "steps");
  for (const WireRunRecord& run : runs) {
    const WireResult& r = run.result;
    const WireSummary& s = r.summary;
    auto time = [](const std::optional<double>& t) {
      return t ? format_time(*t) : std::string("-");
    };
    text += fmt::format(
        "{:<12} {:>6.3f} mV {:>7.1f} nm {:>5.2f} kO {:>10} {:>10} {:>10} {:>10} {:>8} {:>8.1e} "
        "{:>7}\n",
        r.phonon_model, s.peak_output_voltage_V * 1e3, s.max_hotspot_length_m * 1e9,
        s.max_hotspot_resistance_Ohm * 1e-3, time(s.hotspot_lifetime_s),
        time(s.current_recovery_90_time_s), time(s.recovery_time_constant_s),
        format_time(s.inductive_time_constant_s), s.latched ? "yes" : "no",
        std::max(r.energy.heat_relative_error, r.energy.circuit_relative_error),
        r.statistics.steps);
  }
  return text;
}

}  // namespace filmtherm
