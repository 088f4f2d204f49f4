// Reading and rewriting the netlist (netlist.h, docs/spice.md).
#include "netlist.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>

namespace filmtherm_spice {

namespace {

std::string lower(std::string text) {
  std::ranges::transform(text, text.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

struct SourceLine {
  std::string text;
  int number = 0;
};

}  // namespace

double spice_number(const std::string& text) {
  const std::string t = lower(text);
  std::size_t used = 0;
  double value = 0.0;
  try {
    value = std::stod(t, &used);
  } catch (const std::exception&) {
    throw NetlistError("'" + text + "' is not a number");
  }
  const std::string suffix = t.substr(used);
  double scale = 1.0;
  if (suffix.starts_with("meg")) {
    scale = 1e6;
  } else if (suffix.starts_with("mil")) {
    scale = 25.4e-6;
  } else if (!suffix.empty()) {
    switch (suffix[0]) {
      case 't':
        scale = 1e12;
        break;
      case 'g':
        scale = 1e9;
        break;
      case 'k':
        scale = 1e3;
        break;
      case 'm':
        scale = 1e-3;
        break;
      case 'u':
        scale = 1e-6;
        break;
      case 'n':
        scale = 1e-9;
        break;
      case 'p':
        scale = 1e-12;
        break;
      case 'f':
        scale = 1e-15;
        break;
      case 's':
        scale = 1.0;
        break;  // a unit: "100ns" reads as n, "5s" as seconds
      default:
        throw NetlistError("'" + text + "' has an unknown scale suffix");
    }
  }
  if (!std::isfinite(value * scale)) throw NetlistError("'" + text + "' is not finite");
  return value * scale;
}

PreparedNetlist prepare_netlist(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw NetlistError(path + ": cannot read the netlist");
  std::vector<SourceLine> lines;
  int number = 0;
  for (std::string raw; std::getline(file, raw);) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (!lines.empty() && number > 1 && raw.starts_with('+')) {
      lines.back().text += " " + raw.substr(1);
      continue;
    }
    lines.push_back({raw, number});
  }
  if (lines.empty()) throw NetlistError(path + ": the netlist is empty");

  auto where = [&](int line) { return path + ":" + std::to_string(line) + ": "; };
  PreparedNetlist out;
  // Directives first: they may stand anywhere.
  for (const SourceLine& l : lines) {
    const std::string t = lower(l.text);
    const std::size_t start = t.find_first_not_of(" \t");
    if (start == std::string::npos || t.compare(start, 11, "*filmtherm:") != 0) continue;
    const std::vector<std::string> w = words(l.text.substr(l.text.find(':') + 1));
    if (w.size() < 2 || lower(w[0]) != "wire") {
      throw NetlistError(where(l.number) +
                         "a filmtherm directive reads '*filmtherm: wire RNAME [device=FILE] "
                         "[model=1d|lumped]'");
    }
    MarkedWire wire;
    wire.element = w[1];
    wire.line = 0;
    wire.directive_line = l.number;
    for (std::size_t i = 2; i < w.size(); ++i) {
      if (lower(w[i]).starts_with("device=")) {
        wire.device_path = w[i].substr(7);
      } else if (lower(w[i]).starts_with("model=")) {
        wire.model = lower(w[i].substr(6));
        if (wire.model != "1d" && wire.model != "lumped") {
          throw NetlistError(where(l.number) + "model=" + w[i].substr(6) +
                             ": expected model=1d (the wire along its length) or model=lumped "
                             "(the lumped hotspot)");
        }
      } else {
        throw NetlistError(where(l.number) + "unknown word '" + w[i] +
                           "' in the directive; expected device=FILE or model=1d|lumped");
      }
    }
    if (lower(wire.element)[0] != 'r') {
      throw NetlistError(where(l.number) + "'" + wire.element +
                         "' is not a resistor: mark the resistor that stands for the "
                         "nanowire's hotspot (its name starts with R)");
    }
    for (const MarkedWire& other : out.wires) {
      if (lower(other.element) == lower(wire.element)) {
        throw NetlistError(where(l.number) + "'" + wire.element + "' is marked twice");
      }
    }
    const std::string id = lower(wire.element);
    wire.sense_source = "vfts_" + id;
    wire.resistance_source = "vftr_" + id;
    out.wires.push_back(wire);
  }
  if (out.wires.empty()) {
    throw NetlistError(path +
                       ": no nanowire is marked; add a comment line '*filmtherm: wire RNAME' "
                       "naming the resistor that stands for the nanowire's hotspot");
  }

  bool has_end = false;
  bool has_save = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const SourceLine& l = lines[k];
    const std::vector<std::string> w = words(l.text);
    if (k == 0 || w.empty() || w[0][0] == '*') {
      out.lines.push_back(l.text);
      continue;
    }
    const std::string head = lower(w[0]);
    if (head == ".control" || head == ".endc") {
      throw NetlistError(where(l.number) +
                         "remove the .control section: filmtherm-spice runs the transient itself");
    }
    if (head == ".end") {
      has_end = true;
      break;
    }
    if (head == ".save") has_save = true;
    if (head == ".tran") {
      if (w.size() < 3) throw NetlistError(where(l.number) + ".tran needs TSTEP and TSTOP");
      try {
        out.print_step_s = spice_number(w[1]);
        out.stop_time_s = spice_number(w[2]);
      } catch (const NetlistError& e) {
        throw NetlistError(where(l.number) + ".tran: " + e.what());
      }
      if (!(out.stop_time_s > 0.0))
        throw NetlistError(where(l.number) + ".tran: TSTOP must be positive");
    }
    auto marked = std::ranges::find_if(
        out.wires, [&](const MarkedWire& m) { return lower(m.element) == head; });
    if (marked == out.wires.end()) {
      out.lines.push_back(l.text);
      continue;
    }
    if (w.size() < 3) {
      throw NetlistError(where(l.number) + "the resistor '" + w[0] + "' needs two nodes");
    }
    if (marked->line != 0) {
      throw NetlistError(where(l.number) + "'" + w[0] + "' is defined twice");
    }
    marked->line = l.number;
    const std::string id = lower(marked->element);
    const std::string middle = "fts_" + id + "_m";
    const std::string control = "ftr_" + id + "_r";
    out.lines.push_back("* " + marked->element + ": filmtherm's hotspot (R_hs from filmtherm)");
    out.lines.push_back(marked->sense_source + " " + w[1] + " " + middle + " dc 0");
    out.lines.push_back("bfth_" + id + " " + middle + " " + w[2] + " v = v(" + control + ") * i(" +
                        marked->sense_source + ")");
    out.lines.push_back(marked->resistance_source + " " + control + " 0 external");
  }
  for (const MarkedWire& m : out.wires) {
    if (m.line == 0) {
      throw NetlistError(path + ": the directive names '" + m.element +
                         "', but no such resistor stands in the netlist");
    }
  }
  if (out.stop_time_s == 0.0) {
    throw NetlistError(path + ": the netlist has no .tran line (e.g. '.tran 1p 100n')");
  }
  if (has_save) {
    for (const MarkedWire& m : out.wires) out.lines.push_back(".save i(" + m.sense_source + ")");
  }
  (void)has_end;
  out.lines.push_back(".end");
  return out;
}

}  // namespace filmtherm_spice
