// The netlist side of filmtherm-spice: reads a SPICE netlist, finds the
// nanowires it marks with `*filmtherm: wire RNAME [device=FILE] [model=1d|lumped]` comment
// directives, and rewrites each marked resistor RNAME into the three elements
// through which ngspice and filmtherm exchange the wire's current and its
// hotspot resistance (docs/spice.md, "Marking the nanowire"):
//     V<sense>  a   m   dc 0                   the wire's current I
//     B<hs>     m   b   V = V(r) * I(V<sense>)  the hotspot, R_hs I
//     V<res>    r   0   external                R_hs, set by filmtherm each step
// Continuation lines ('+') are joined first. Every problem is a NetlistError
// that names the file, the line and what was expected.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace filmtherm_spice {

class NetlistError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One marked nanowire.
struct MarkedWire {
  std::string element;            ///< the resistor's name as written (e.g. Rhs1)
  std::string device_path;        ///< device=FILE of the directive ("" : the --device one)
  std::string model;              ///< model=1d|lumped of the directive ("": --wire-model's)
  int directive_line = 0;         ///< where the directive stood
  int line = 0;                   ///< where the resistor stood
  std::string sense_source;       ///< lower-case name of the sensing V source
  std::string resistance_source;  ///< lower-case name of the EXTERNAL V source
};

struct PreparedNetlist {
  std::vector<std::string> lines;  ///< for ngSpice_Circ, the title first, ".end" last
  std::vector<MarkedWire> wires;
  double stop_time_s = 0.0;   ///< from .tran
  double print_step_s = 0.0;  ///< from .tran
};

/// Reads and rewrites `path`. Throws NetlistError (unreadable file, no
/// directive, a directive naming no resistor or one twice, no .tran, a
/// .control section, which the host's own run would conflict with).
PreparedNetlist prepare_netlist(const std::string& path);

/// A SPICE number with an optional scale suffix (1n, 16.5u, 2meg, 100p, 3e-9).
/// Throws NetlistError for anything else.
double spice_number(const std::string& text);

}  // namespace filmtherm_spice
