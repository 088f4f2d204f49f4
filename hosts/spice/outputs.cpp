// Traces, summary and plots of a co-simulation (outputs.h).
#include "outputs.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace filmtherm_spice {

namespace fs = std::filesystem;

WireFigures wire_figures(const std::vector<double>& time_s, const WireTrace& trace) {
  WireFigures f;
  if (time_s.empty()) return f;
  f.bias_current_A = trace.current_A.front();
  std::size_t minimum = 0;
  for (std::size_t i = 0; i < time_s.size(); ++i) {
    if (trace.current_A[i] < trace.current_A[minimum]) minimum = i;
    f.max_hotspot_resistance_Ohm = std::max(f.max_hotspot_resistance_Ohm, trace.resistance_Ohm[i]);
    f.peak_temperature_K = std::max(f.peak_temperature_K, trace.hottest_K[i]);
    if (i > 0 && trace.resistance_Ohm[i - 1] > 0.0 && trace.resistance_Ohm[i] == 0.0) {
      f.hotspot_lifetime_s = time_s[i];
    }
  }
  f.minimum_current_A = trace.current_A[minimum];
  f.minimum_time_s = time_s[minimum];
  for (std::size_t i = minimum; i < time_s.size(); ++i) {
    if (trace.current_A[i] >= 0.9 * f.bias_current_A) {
      // Linear between the two points that straddle 0.9 I_b.
      if (i > minimum) {
        const double a = trace.current_A[i - 1], b = trace.current_A[i];
        const double u = (0.9 * f.bias_current_A - a) / (b - a);
        f.recovery_90_time_s = time_s[i - 1] + u * (time_s[i] - time_s[i - 1]);
      } else {
        f.recovery_90_time_s = time_s[i];
      }
      break;
    }
  }
  // The outcome by the rule of ElectrothermalWire::classify_outcome: a domain
  // at the end is latched unless it still collapsed in the run's second
  // half; no domain is a reset unless it formed again and the current never
  // came back to 0.9 I_b after its last collapse.
  std::optional<double> last_collapse_s;
  for (std::size_t i = 1; i < time_s.size(); ++i) {
    const bool was = trace.resistance_Ohm[i - 1] > 0.0, is = trace.resistance_Ohm[i] > 0.0;
    if (was && !is) last_collapse_s = time_s[i];
    if (!was && is && last_collapse_s) ++f.hotspot_reformations;
  }
  const double middle_s = 0.5 * (time_s.front() + time_s.back());
  if (trace.resistance_Ohm.back() > 0.0) {
    const bool still_collapsing =
        f.hotspot_reformations > 0 && last_collapse_s && *last_collapse_s > middle_s;
    f.outcome = still_collapsing ? "relaxation-oscillation" : "latched";
  } else if (f.hotspot_reformations > 0 && last_collapse_s) {
    bool back = false;
    for (std::size_t i = 0; i < time_s.size(); ++i) {
      back = back || (time_s[i] > *last_collapse_s && trace.current_A[i] >= 0.9 * f.bias_current_A);
    }
    if (!back) f.outcome = "relaxation-oscillation";
  }
  f.latched = f.outcome != "recovered";
  if (trace.resistance_Ohm.back() > 0.0) f.hotspot_lifetime_s.reset();
  return f;
}

namespace {

std::string number(double v) {
  if (!std::isfinite(v)) return "null";
  char text[40];
  std::snprintf(text, sizeof text, "%.10g", v);
  return text;
}
std::string number(const std::optional<double>& v) {
  return v ? number(*v) : "null";
}
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Writes `text` to path.tmp and renames it: the file is whole or absent.
void write_file(const fs::path& path, const std::string& text) {
  const fs::path staged = path.string() + ".tmp";
  {
    std::ofstream out(staged, std::ios::binary);
    out << text;
    out.flush();
    if (!out) {
      throw std::runtime_error("cannot write '" + staged.string() + "': " + std::strerror(errno));
    }
  }
  std::error_code error;
  fs::rename(staged, path, error);
  if (error) {
    throw std::runtime_error("cannot write '" + path.string() + "': " + error.message());
  }
}

std::string traces_csv(const CosimulationResult& r) {
  std::ostringstream out;
  out << "t_s";
  for (const std::string& name : r.vector_names) out << ',' << name;
  // A lumped wire has no temperatures: its T columns are left out.
  for (const WireTrace& w : r.wires) {
    out << ",I_" << w.name << "_A,R_hs_" << w.name << "_Ohm";
    if (!w.lumped) out << ",T_max_" << w.name << "_K,T_ph_max_" << w.name << "_K";
    out << ",hotspot_length_" << w.name << "_m";
  }
  out << '\n';
  for (std::size_t i = 0; i < r.time_s.size(); ++i) {
    out << number(r.time_s[i]);
    for (const auto& v : r.vectors) out << ',' << number(v[i]);
    for (const WireTrace& w : r.wires) {
      out << ',' << number(w.current_A[i]) << ',' << number(w.resistance_Ohm[i]);
      if (!w.lumped) out << ',' << number(w.hottest_K[i]) << ',' << number(w.hottest_phonon_K[i]);
      out << ',' << number(w.length_m[i]);
    }
    out << '\n';
  }
  return out.str();
}

std::string summary_json(const CosimulationResult& r, const RunDescription& d) {
  std::ostringstream out;
  out << "{\n  \"netlist\": " << quoted(d.netlist_path) << ",\n  \"devices\": [";
  for (std::size_t i = 0; i < d.device_paths.size(); ++i) {
    out << (i ? ", " : "") << quoted(d.device_paths[i]);
  }
  out << "],\n  \"coupling\": {\"scheme\": "
      << quoted(d.settings.coupling == Coupling::hold ? "hold" : "extrapolate")
      << ", \"relative_change\": " << number(d.settings.relative_change)
      << ", \"max_step_s\": " << number(d.settings.max_step_s)
      << ", \"cells\": " << (d.cell_count > 0 ? std::to_string(d.cell_count) : std::string("null"))
      << "},\n";
  out << "  \"accepted_points\": " << r.accepted_points << ",\n  \"sync_calls\": " << r.sync_calls
      << ",\n  \"wire_solver_steps\": " << r.wire_solver_steps
      << ",\n  \"wall_time_s\": " << number(r.wall_time_s) << ",\n  \"vectors\": {";
  for (std::size_t c = 0; c < r.vector_names.size(); ++c) {
    const auto& v = r.vectors[c];
    std::size_t hi = 0, lo = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i] > v[hi]) hi = i;
      if (v[i] < v[lo]) lo = i;
    }
    out << (c ? "," : "") << "\n    " << quoted(r.vector_names[c])
        << ": {\"max\": " << number(v.empty() ? NAN : v[hi])
        << ", \"max_time_s\": " << number(v.empty() ? NAN : r.time_s[hi])
        << ", \"min\": " << number(v.empty() ? NAN : v[lo])
        << ", \"min_time_s\": " << number(v.empty() ? NAN : r.time_s[lo]) << "}";
  }
  out << "\n  },\n  \"wires\": {";
  for (std::size_t k = 0; k < r.wires.size(); ++k) {
    const WireFigures f = wire_figures(r.time_s, r.wires[k]);
    const WireTrace& w = r.wires[k];
    out << (k ? "," : "") << "\n    " << quoted(w.name) << ": {"
        << "\"model\": " << quoted(w.lumped ? "lumped" : "1d")
        << ", \"bias_current_A\": " << number(f.bias_current_A)
        << ", \"minimum_current_A\": " << number(f.minimum_current_A)
        << ", \"minimum_time_s\": " << number(f.minimum_time_s)
        << ", \"max_hotspot_resistance_Ohm\": " << number(f.max_hotspot_resistance_Ohm)
        << ", \"peak_temperature_K\": "
        << (w.lumped ? std::string("null") : number(f.peak_temperature_K))
        << ", \"hotspot_lifetime_s\": " << number(f.hotspot_lifetime_s)
        << ", \"recovery_90_time_s\": " << number(f.recovery_90_time_s)
        << ", \"latched\": " << (f.latched ? "true" : "false")
        << ", \"outcome\": " << quoted(f.outcome)
        << ", \"hotspot_reformations\": " << f.hotspot_reformations;
    if (w.lumped) {
      const filmtherm_lumped_hotspot_constants& c = w.lumped_constants;
      out << ",\n      \"lumped_hotspot\": {"
          << "\"heat_capacity_J_per_m3_K\": " << number(c.heat_capacity_J_per_m3_K)
          << ", \"heat_transfer_W_per_m2_K\": " << number(c.heat_transfer_W_per_m2_K)
          << ", \"thermal_conductivity_W_per_m_K\": " << number(c.thermal_conductivity_W_per_m_K)
          << ", \"velocity_scale_m_per_s\": " << number(c.velocity_scale_m_per_s)
          << ", \"stekly_parameter\": " << number(c.stekly_parameter)
          << ", \"switching_current_A\": " << number(c.switching_current_A)
          << ", \"minimum_current_A\": " << number(c.minimum_current_A)
          << ", \"propagation_current_A\": " << number(c.propagation_current_A)
          << ", \"initial_length_m\": " << number(c.initial_length_m)
          << ", \"wire_length_m\": " << number(c.wire_length_m)
          << ", \"resistance_per_length_Ohm_per_m\": " << number(c.resistance_per_length_Ohm_per_m)
          << ", \"photon_energy_density_J_per_m3\": " << number(c.photon_energy_density_J_per_m3)
          << ", \"switching_energy_density_J_per_m3\": "
          << number(c.switching_energy_density_J_per_m3) << "}";
    }
    out << "}";
  }
  out << "\n  }\n}\n";
  return out.str();
}

std::string gnuplot_script(const CosimulationResult& r) {
  std::ostringstream gp;
  gp << "# gnuplot traces.gp (in this folder) remakes the plots\n"
     << "set datafile separator ','\nset key autotitle columnhead\nset grid\n"
     << "set terminal pngcairo size 900,600 noenhanced\n"
     << "# time on a log axis from 1 ps: the hotspot lives picoseconds, the recovery nanoseconds\n"
     << "set logscale x\nset xrange [1e-3:*]\nset xlabel 'time (ns)'\n";
  gp << "set output 'voltages.png'\nset ylabel 'voltage (mV)'\nplot ";
  std::size_t column = 2;
  bool first = true;
  for (const std::string& name : r.vector_names) {
    if (name.starts_with("V(")) {
      gp << (first ? "" : ", ") << "'traces.csv' using ($1*1e9):($" << column << "*1e3) with lines";
      first = false;
    }
    ++column;
  }
  if (first) gp << "0 notitle";
  gp << "\nset output 'wires.png'\nset multiplot layout 2,1\nset ylabel 'current (uA)'\nplot ";
  // Each wire's first column (its current): 5 columns per 1D wire, 3 per lumped one.
  std::vector<std::size_t> wire_column;
  std::size_t next = 2 + r.vector_names.size();
  for (const WireTrace& w : r.wires) {
    wire_column.push_back(next);
    next += w.lumped ? 3 : 5;
  }
  for (std::size_t k = 0; k < r.wires.size(); ++k) {
    gp << (k ? ", " : "") << "'traces.csv' using ($1*1e9):($" << wire_column[k]
       << "*1e6) with lines";
  }
  gp << "\nset ylabel 'R_hs (Ohm)'\nplot ";
  for (std::size_t k = 0; k < r.wires.size(); ++k) {
    gp << (k ? ", " : "") << "'traces.csv' using ($1*1e9):" << wire_column[k] + 1 << " with lines";
  }
  gp << "\nunset multiplot\n";
  return gp.str();
}

}  // namespace

void write_outputs(const std::string& folder, const CosimulationResult& result,
                   const RunDescription& description, bool plot) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) throw std::runtime_error("cannot create '" + folder + "': " + error.message());
  write_file(fs::path(folder) / "traces.csv", traces_csv(result));
  write_file(fs::path(folder) / "summary.json", summary_json(result, description));
  write_file(fs::path(folder) / "traces.gp", gnuplot_script(result));
  if (plot) {
    const std::string command = "cd '" + folder + "' && gnuplot traces.gp 2>/dev/null";
    if (std::system(command.c_str()) != 0) {
      std::fprintf(stderr, "filmtherm-spice: gnuplot made no plots (is it installed?)\n");
    }
  }
}

}  // namespace filmtherm_spice
