// filmtherm-spice NETLIST --device DEVICE.yaml [options]: a SPICE netlist
// simulated by ngspice with filmtherm's electrothermal hotspot in each marked
// nanowire (docs/spice.md). Reaches filmtherm through its C API alone.
// Exit codes: 0 success, 1 an output that cannot be written, 2 bad input (the
// command line, the netlist, a device file), 3 a failure of ngspice (its own
// messages) or of filmtherm's solver.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cosimulation.h"
#include "filmtherm/filmtherm.h"
#include "netlist.h"
#include "outputs.h"

namespace {

using namespace filmtherm_spice;
namespace fs = std::filesystem;

constexpr const char* usage =
    "usage: filmtherm-spice NETLIST --device DEVICE.yaml [--output DIR] [--cells N]\n"
    "         [--wire-model 1d|lumped] [--form one|two] [--coupling hold|extrapolate]\n"
    "         [--relative-change X] [--max-step TIME] [--plugin PATH] [--no-plot] [--verbose]\n"
    "Mark the nanowire's hotspot resistor in the netlist with a comment line\n"
    "  *filmtherm: wire RNAME [device=FILE] [model=1d|lumped]\n"
    "(docs/spice.md).\n";

struct Arguments {
  std::string netlist;
  std::string device;
  std::string output;
  std::vector<std::string> plugins;
  filmtherm_run_options options{};
  CouplingSettings settings;
  bool plot = true;
  bool verbose = false;
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

Arguments parse(int argc, char** argv) {
  Arguments a;
  filmtherm_run_options_init(&a.options);
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw UsageError(arg + " needs a value");
      return argv[++i];
    };
    auto positive = [&](const std::string& name, const std::string& text) {
      double v = 0.0;
      try {
        v = spice_number(text);
      } catch (const NetlistError&) {
        throw UsageError(name + ": expected a number, given '" + text + "'");
      }
      if (!(v > 0.0)) throw UsageError(name + ": expected a positive value, given '" + text + "'");
      return v;
    };
    if (arg == "--device") {
      a.device = value();
    } else if (arg == "--output" || arg == "-o") {
      a.output = value();
    } else if (arg == "--cells") {
      const std::string text = value();
      try {
        std::size_t used = 0;
        const long n = std::stol(text, &used);
        if (used != text.size() || n < 3) throw std::invalid_argument("");
        a.options.wire_cell_count = static_cast<std::size_t>(n);
      } catch (const std::exception&) {
        throw UsageError("--cells: expected a whole number of at least 3, given '" + text + "'");
      }
    } else if (arg == "--wire-model") {
      const std::string m = value();
      if (m == "1d")
        a.options.wire_model = FILMTHERM_WIRE_MODEL_1D;
      else if (m == "lumped")
        a.options.wire_model = FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT;
      else
        throw UsageError(
            "--wire-model: expected 1d (the wire along its length) or lumped (the "
            "lumped hotspot), given '" +
            m + "'");
    } else if (arg == "--form") {
      const std::string f = value();
      if (f == "one" || f == "one-temperature")
        a.options.wire_form = FILMTHERM_WIRE_ONE_TEMPERATURE;
      else if (f == "two" || f == "two-temperature")
        a.options.wire_form = FILMTHERM_WIRE_TWO_TEMPERATURE;
      else
        throw UsageError("--form: expected one or two, given '" + f + "'");
    } else if (arg == "--coupling") {
      const std::string c = value();
      if (c == "hold")
        a.settings.coupling = Coupling::hold;
      else if (c == "extrapolate")
        a.settings.coupling = Coupling::extrapolate;
      else
        throw UsageError("--coupling: expected hold or extrapolate, given '" + c + "'");
    } else if (arg == "--relative-change") {
      a.settings.relative_change = positive(arg, value());
      if (a.settings.relative_change > 1.0) {
        throw UsageError("--relative-change: expected a fraction in (0, 1]");
      }
    } else if (arg == "--max-step") {
      a.settings.max_step_s = positive(arg, value());
    } else if (arg == "--plugin") {
      a.plugins.push_back(value());
    } else if (arg == "--no-plot") {
      a.plot = false;
    } else if (arg == "--verbose") {
      a.verbose = true;
    } else if (arg == "--help" || arg == "-h") {
      std::fputs(usage, stdout);
      std::exit(0);
    } else if (!arg.empty() && arg[0] == '-') {
      throw UsageError("unknown option '" + arg + "'");
    } else if (a.netlist.empty()) {
      a.netlist = arg;
    } else {
      throw UsageError("unexpected argument '" + arg + "'");
    }
  }
  if (a.netlist.empty()) throw UsageError("give the netlist");
  if (a.output.empty()) a.output = (fs::path("out") / fs::path(a.netlist).stem()).string();
  return a;
}

std::string message_of(filmtherm_context* context, int code) {
  const char* text = context ? filmtherm_context_errmsg(context) : filmtherm_last_error();
  return text && text[0] ? text : filmtherm_code_name(code);
}

int run(const Arguments& a) {
  const PreparedNetlist netlist = prepare_netlist(a.netlist);
  filmtherm_context* raw_context = nullptr;
  if (int code = filmtherm_context_create(&raw_context); code != FILMTHERM_OK) {
    std::fprintf(stderr, "filmtherm-spice: %s\n", message_of(nullptr, code).c_str());
    return 2;
  }
  std::unique_ptr<filmtherm_context, void (*)(filmtherm_context*)> context(
      raw_context, filmtherm_context_destroy);
  for (const std::string& plugin : a.plugins) {
    if (int code = filmtherm_context_load_plugin(context.get(), plugin.c_str());
        code != FILMTHERM_OK) {
      std::fprintf(stderr, "filmtherm-spice: %s\n", message_of(context.get(), code).c_str());
      return 2;
    }
  }
  std::vector<std::unique_ptr<filmtherm_device, void (*)(filmtherm_device*)>> devices;
  std::vector<const filmtherm_device*> device_of_wire;
  RunDescription description{a.netlist, {}, a.settings, a.options.wire_cell_count};
  for (const MarkedWire& wire : netlist.wires) {
    std::string path = wire.device_path.empty()
                           ? a.device
                           : (fs::path(a.netlist).parent_path() / wire.device_path).string();
    if (path.empty()) {
      std::fprintf(stderr,
                   "filmtherm-spice: %s:%d: the wire '%s' has no device: give --device "
                   "DEVICE.yaml or device=FILE in its directive\n",
                   a.netlist.c_str(), wire.line, wire.element.c_str());
      return 2;
    }
    filmtherm_device* device = nullptr;
    if (int code = filmtherm_device_load_file(context.get(), path.c_str(), &device);
        code != FILMTHERM_OK) {
      std::fprintf(stderr, "filmtherm-spice: %s\n", message_of(context.get(), code).c_str());
      return 2;
    }
    devices.emplace_back(device, filmtherm_device_destroy);
    device_of_wire.push_back(device);
    description.device_paths.push_back(path);
  }
  CosimulationResult result;
  try {
    result = cosimulate(netlist, device_of_wire, a.options, a.settings, a.verbose);
  } catch (const FilmthermError& e) {
    std::fprintf(stderr, "filmtherm-spice: %s\n", e.what());
    return e.code == FILMTHERM_E_SOLVER ? 3 : 2;
  } catch (const SpiceError& e) {
    std::fprintf(stderr, "filmtherm-spice: %s\n", e.what());
    return 3;
  }
  try {
    // The grid of the first 1D wire (0 when every wire is lumped).
    description.cell_count = 0;
    for (const WireTrace& w : result.wires) {
      if (!w.lumped) {
        description.cell_count = w.cell_count;
        break;
      }
    }
    write_outputs(a.output, result, description, a.plot);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "filmtherm-spice: %s\n", e.what());
    return 1;
  }
  std::printf("filmtherm-spice: %ld accepted points, %ld wire solver steps, %.3g s; wrote %s\n",
              result.accepted_points, result.wire_solver_steps, result.wall_time_s,
              a.output.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const UsageError& e) {
    std::fprintf(stderr, "filmtherm-spice: %s\n%s", e.what(), usage);
    return 2;
  } catch (const NetlistError& e) {
    std::fprintf(stderr, "filmtherm-spice: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "filmtherm-spice: %s\n", e.what());
    return 3;
  }
}
