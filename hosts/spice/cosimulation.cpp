// ngspice's callbacks and the coupling (cosimulation.h, docs/spice.md).
//
// ngspice (dctran.c, shared build) calls the sync callback at two places:
// location 0 before each new step from the last accepted time, and location 1
// after a step attempt, with redostep = 1 when ngspice rejects it (the time
// has then been set back by old_delta) and 0 when it accepts it. Either way
// *delta is the next step ngspice proposes; the host may shorten it. The
// accepted point's values then reach SendData (vector values at that time)
// before the next location-0 call. The wires advance only there, at accepted
// points, so a rejected ngspice step never needs the wire's saved state.
#include "cosimulation.h"

#include <ngspice/sharedspice.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

namespace filmtherm_spice {

namespace {

std::string last_message(int code) {
  const char* text = filmtherm_last_error();
  return std::string(filmtherm_code_name(code)) + ": " + (text ? text : "");
}

struct CoupledWire {
  const MarkedWire* mark = nullptr;
  filmtherm_wire* wire = nullptr;
  double start_s = 0.0;
  bool started = false;
  int sense_vector = -1;
  // The last two accepted points: time, current, R_hs.
  double time_s = 0.0, current_A = 0.0, resistance_Ohm = 0.0;
  double previous_time_s = 0.0, previous_current_A = 0.0, previous_resistance_Ohm = 0.0;
  bool has_previous = false;
  WireTrace trace;

  ~CoupledWire() { filmtherm_wire_destroy(wire); }
};

struct Session {
  const PreparedNetlist* netlist = nullptr;
  CouplingSettings settings;
  std::vector<std::unique_ptr<CoupledWire>> wires;
  CosimulationResult result;
  std::vector<int> vector_of_column;  // SendData index of each stored vector
  int time_vector = -1;
  bool verbose = false;
  bool ngspice_exited = false;
  std::vector<std::string> messages;  // ngspice's stderr
  std::string failure;                // filmtherm's, inside a callback

  void on_accepted(pvecvaluesall values);
  double resistance_at(const CoupledWire& w, double time_s) const;
  double step_cap(double time_s) const;
};

std::string column_name(const std::string& vector) {
  std::string v = vector;
  const std::size_t branch = v.find("#branch");
  if (branch != std::string::npos) return "I(" + v.substr(0, branch) + ")";
  if (v.starts_with("V(") || v.starts_with("v(") || v.starts_with("I(") || v.starts_with("i(")) {
    return v;
  }
  return "V(" + v + ")";
}

void Session::on_accepted(pvecvaluesall values) {
  if (time_vector < 0) {
    for (int i = 0; i < values->veccount; ++i) {
      const pvecvalues v = values->vecsa[i];
      if (v->is_scale) {
        time_vector = i;
        continue;
      }
      const std::string name = v->name;
      bool internal = false;
      for (auto& w : wires) {
        if (name == w->mark->sense_source + "#branch") w->sense_vector = i;
        if (name.find("fts_") != std::string::npos || name.find("ftr_") != std::string::npos ||
            name.find("bfth_") != std::string::npos) {
          internal = true;  // the host's own sense, middle and control nodes
        }
      }
      // ngspice's own internal nodes (a T line's "t1#int1") are not the netlist's.
      const std::size_t hash = name.find('#');
      if (hash != std::string::npos && name.compare(hash, std::string::npos, "#branch") != 0) {
        internal = true;
      }
      if (internal) continue;
      vector_of_column.push_back(i);
      result.vector_names.push_back(column_name(name));
      result.vectors.emplace_back();
    }
    for (auto& w : wires) {
      if (w->sense_vector < 0) {
        failure = "ngspice does not report the current of " + w->mark->sense_source;
      }
    }
  }
  if (!failure.empty()) return;
  const double t = values->vecsa[time_vector]->creal;
  if (!result.time_s.empty() && !(t > result.time_s.back())) return;
  for (auto& wp : wires) {
    CoupledWire& w = *wp;
    const double current = values->vecsa[w.sense_vector]->creal;
    const bool starting = !w.started && t >= w.start_s;
    // The hotspot is there from now on. The step cap lands ngspice on its
    // start; should it overshoot, the wire catches up with the current held.
    const double from_A = starting ? current : w.current_A;
    if (starting) w.started = true;
    if (w.started && t > w.start_s) {
      const int code = filmtherm_wire_advance(w.wire, t, from_A, current);
      if (code != FILMTHERM_OK) {
        failure = "at t = " + std::to_string(t) + " s: " + last_message(code);
        return;
      }
    }
    double r = 0.0, hottest = 0.0, hottest_phonon = 0.0, length = 0.0;
    if (w.started)
      filmtherm_wire_observe(w.wire, current, &r, &hottest, &hottest_phonon, &length);
    else
      filmtherm_wire_observe(w.wire, current, nullptr, &hottest, &hottest_phonon, nullptr);
    if (!w.started) hottest = hottest_phonon = std::min(hottest, hottest_phonon);
    w.previous_time_s = w.time_s;
    w.previous_current_A = w.current_A;
    w.previous_resistance_Ohm = w.resistance_Ohm;
    w.has_previous = !result.time_s.empty();
    w.time_s = t;
    w.current_A = current;
    w.resistance_Ohm = r;
    w.trace.current_A.push_back(current);
    w.trace.resistance_Ohm.push_back(r);
    w.trace.hottest_K.push_back(hottest);
    w.trace.hottest_phonon_K.push_back(hottest_phonon);
    w.trace.length_m.push_back(length);
  }
  result.time_s.push_back(t);
  for (std::size_t c = 0; c < vector_of_column.size(); ++c) {
    result.vectors[c].push_back(values->vecsa[vector_of_column[c]]->creal);
  }
  ++result.accepted_points;
}

double Session::resistance_at(const CoupledWire& w, double time_s) const {
  if (!w.started || time_s <= w.time_s) return w.started ? w.resistance_Ohm : 0.0;
  if (settings.coupling == Coupling::hold || !w.has_previous || !(w.time_s > w.previous_time_s) ||
      w.previous_time_s < w.start_s) {
    return w.resistance_Ohm;
  }
  const double slope =
      (w.resistance_Ohm - w.previous_resistance_Ohm) / (w.time_s - w.previous_time_s);
  return std::max(0.0, w.resistance_Ohm + slope * (time_s - w.time_s));
}

double Session::step_cap(double time_s) const {
  double cap = std::numeric_limits<double>::infinity();
  for (const auto& wp : wires) {
    const CoupledWire& w = *wp;
    if (!w.started) {
      // Land on the hotspot's start.
      if (w.start_s > time_s) cap = std::min(cap, w.start_s - time_s);
      continue;
    }
    const double rate = w.has_previous && w.time_s > w.previous_time_s
                            ? (w.current_A - w.previous_current_A) / (w.time_s - w.previous_time_s)
                            : 0.0;
    double wire_cap = std::numeric_limits<double>::infinity();
    if (filmtherm_wire_max_step(w.wire, w.current_A, rate, settings.relative_change, &wire_cap) ==
        FILMTHERM_OK) {
      cap = std::min(cap, wire_cap);
    }
    if (settings.max_step_s > 0.0 && (w.resistance_Ohm > 0.0)) {
      cap = std::min(cap, settings.max_step_s);
    }
  }
  return std::max(cap, settings.min_step_s);
}

// ---- ngspice callbacks (C linkage through the function pointers) ----------

int on_char(char* text, int, void* user) {
  auto* s = static_cast<Session*>(user);
  std::string line = text ? text : "";
  if (line.starts_with("stderr ")) {
    s->messages.push_back(line.substr(7));
    if (s->verbose) std::fprintf(stderr, "ngspice: %s\n", line.c_str() + 7);
  } else if (s->verbose) {
    std::fprintf(stderr, "ngspice: %s\n",
                 line.starts_with("stdout ") ? line.c_str() + 7 : line.c_str());
  }
  return 0;
}
int on_status(char*, int, void*) {
  return 0;
}
int on_exit(int, NG_BOOL, NG_BOOL, int, void* user) {
  static_cast<Session*>(user)->ngspice_exited = true;
  return 0;
}
int on_data(pvecvaluesall values, int, int, void* user) {
  try {
    static_cast<Session*>(user)->on_accepted(values);
  } catch (const std::exception& e) {
    static_cast<Session*>(user)->failure = e.what();
  }
  return 0;
}
int on_init_data(pvecinfoall, int, void*) {
  return 0;
}
int on_thread(NG_BOOL, int, void*) {
  return 0;
}

int on_voltage(double* value, double time_s, char* name, int, void* user) {
  auto* s = static_cast<Session*>(user);
  *value = 0.0;
  for (const auto& w : s->wires) {
    if (w->mark->resistance_source == name) *value = s->resistance_at(*w, time_s);
  }
  return 0;
}
int on_current(double* value, double, char*, int, void*) {
  *value = 0.0;
  return 0;
}
int on_sync(double time_s, double* delta_s, double, int, int, int, void* user) {
  auto* s = static_cast<Session*>(user);
  ++s->result.sync_calls;
  if (s->failure.empty()) *delta_s = std::min(*delta_s, s->step_cap(time_s));
  return 0;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

CosimulationResult cosimulate(const PreparedNetlist& netlist,
                              const std::vector<const filmtherm_device*>& devices,
                              const filmtherm_run_options& options,
                              const CouplingSettings& settings, bool verbose) {
  static Session session;  // ngspice keeps the pointer: one co-simulation per process
  session = Session{};
  session.netlist = &netlist;
  session.settings = settings;
  session.verbose = verbose;
  for (std::size_t i = 0; i < netlist.wires.size(); ++i) {
    auto w = std::make_unique<CoupledWire>();
    w->mark = &netlist.wires[i];
    w->trace.name = netlist.wires[i].element;
    filmtherm_run_options wire_options = options;
    if (netlist.wires[i].model == "1d") wire_options.wire_model = FILMTHERM_WIRE_MODEL_1D;
    if (netlist.wires[i].model == "lumped") {
      wire_options.wire_model = FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT;
    }
    const int code = filmtherm_wire_create(devices[i], &wire_options, &w->wire);
    if (code != FILMTHERM_OK) {
      throw FilmthermError(code, netlist.wires[i].element + ": " + last_message(code));
    }
    filmtherm_wire_start_time(w->wire, &w->start_s);
    filmtherm_wire_cell_count(w->wire, &w->trace.cell_count);
    int model = FILMTHERM_WIRE_MODEL_1D;
    filmtherm_wire_model_kind(w->wire, &model);
    w->trace.lumped = model == FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT;
    if (w->trace.lumped) {
      w->trace.lumped_constants.struct_size = sizeof(w->trace.lumped_constants);
      filmtherm_wire_lumped_constants(w->wire, &w->trace.lumped_constants);
    }
    session.wires.push_back(std::move(w));
  }

  const auto started = std::chrono::steady_clock::now();
  if (ngSpice_Init(on_char, on_status, on_exit, on_data, on_init_data, on_thread, &session) != 0) {
    throw SpiceError("ngspice did not initialise:\n" + joined(session.messages));
  }
  int ident = 0;
  ngSpice_Init_Sync(on_voltage, on_current, on_sync, &ident, &session);
  std::vector<char*> lines;
  for (const std::string& l : netlist.lines) lines.push_back(const_cast<char*>(l.c_str()));
  lines.push_back(nullptr);
  session.messages.clear();  // start-up chatter (spinit) is not the netlist's
  const int circ = ngSpice_Circ(lines.data());
  const bool parse_error = std::ranges::any_of(
      session.messages, [](const std::string& m) { return m.find("rror") != std::string::npos; });
  if (circ != 0 || parse_error || session.ngspice_exited) {
    throw SpiceError("ngspice refused the netlist:\n" + joined(session.messages));
  }
  char run[] = "run";
  const int ran = ngSpice_Command(run);
  session.result.wall_time_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!session.failure.empty()) throw FilmthermError(FILMTHERM_E_SOLVER, session.failure);
  const bool reached_end = !session.result.time_s.empty() &&
                           session.result.time_s.back() >= netlist.stop_time_s * (1.0 - 1e-9);
  if (ran != 0 || !reached_end || session.ngspice_exited) {
    std::string why = session.messages.empty() ? std::string("(ngspice gave no message)")
                                               : joined(session.messages);
    throw SpiceError("ngspice's transient failed" +
                     (session.result.time_s.empty()
                          ? std::string()
                          : " at t = " + std::to_string(session.result.time_s.back()) + " s") +
                     ":\n" + why);
  }
  for (auto& w : session.wires) {
    long steps = 0;
    filmtherm_wire_solver_steps(w->wire, &steps);
    session.result.wire_solver_steps += steps;
    session.result.wires.push_back(std::move(w->trace));
  }
  char reset[] = "remcirc";
  ngSpice_Command(reset);
  CosimulationResult result = std::move(session.result);
  session.wires.clear();
  return result;
}

}  // namespace filmtherm_spice
