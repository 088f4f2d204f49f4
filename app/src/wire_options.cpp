#include "wire_options.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli_error.h"
#include "filmtherm/input_limits.h"
#include "filmtherm/quantity_parser.h"

namespace filmtherm::cli {

namespace {

// Where a value given on the command line came from, for messages.
SourceMark command_line(const char* option) {
  return SourceMark{std::string("command line ") + option, 0, 0};
}

}  // namespace

void add_wire_options(CLI::App& command, RunOptions& o) {
  const std::string group = "Electrothermal wire (each overrides the device's wire: key)";
  command
      .add_option("--cells", o.wire_cells,
                  "Wire model: grid cells along the wire (3 to 10^6; default 500)")
      ->group(group);
  command
      .add_option("--temperatures", o.wire_form,
                  "Wire model: one temperature per cell (Yang 2007) or two (T_e, T_ph)")
      ->group(group)
      ->check(CLI::IsMember({"one", "two"}));
  command
      .add_option("--switch", o.wire_switch,
                  "Wire model: the resistive switch resolved at the front inside the cells "
                  "(front, the default), smoothed over a width, or located by root finding")
      ->group(group)
      ->check(CLI::IsMember({"front", "root-finding", "smoothed"}));
  command
      .add_option("--switch-width", o.wire_switch_width,
                  "Wire model: temperature width of the smoothed switch, auto (scaled to the "
                  "film, the default) or e.g. 0.05K")
      ->group(group);
  command
      .add_option("--escape", o.wire_escape,
                  "Wire model: escape law, the model's power or Yang's linearised "
                  "alpha(T)(T - T_sub)/d (default: linearised for one temperature, "
                  "model-power for two)")
      ->group(group)
      ->check(CLI::IsMember({"model-power", "linearised"}));
  command
      .add_option("--scheme", o.wire_scheme,
                  "Wire model: conservative flux form with properties by temperature, or the "
                  "conventions of the published 1D codes (Yang 2007)")
      ->group(group)
      ->check(CLI::IsMember({"conservative", "published"}));
  command
      .add_flag_function(
          "--stop-at-recovery,!--no-stop-at-recovery",
          [&o](std::int64_t count) { o.wire_stop_at_recovery = count > 0; },
          "Wire model: end the run when the current is back within 1% of its dip (or not)")
      ->group(group);
  command
      .add_flag_function(
          "--record-profiles,!--no-record-profiles",
          [&o](std::int64_t count) { o.wire_record_profiles = count > 0; },
          "Wire model: keep and write T(x, t) (default) or not")
      ->group(group);
}

WireSettings wire_settings_from_command_line(const RunOptions& o) {
  WireSettings settings;
  if (o.wire_cells) {
    const long long cells = *o.wire_cells;
    if (cells < 3) {
      throw UsageError(fmt::format("--cells: the wire needs at least 3 cells, got {}", cells));
    }
    if (cells > limits::max_wire_cells) {
      throw UsageError(fmt::format("--cells: at most {} cells ({}), got {}", limits::max_wire_cells,
                                   limits::wire_cells_reason, cells));
    }
    settings.cells = Sourced<int>{static_cast<int>(cells), command_line("--cells"), {}};
  }
  // CLI11 has checked the spellings (IsMember); the solver's parsers map them.
  if (o.wire_form) {
    settings.temperatures = Sourced<std::string>{*o.wire_form, command_line("--temperatures"), {}};
  }
  if (o.wire_switch) {
    settings.resistive_switch = Sourced<std::string>{*o.wire_switch, command_line("--switch"), {}};
  }
  if (o.wire_escape) {
    settings.escape = Sourced<std::string>{*o.wire_escape, command_line("--escape"), {}};
  }
  if (o.wire_switch_width) {
    std::optional<Temperature> width;  // auto
    if (*o.wire_switch_width != "auto") {
      try {
        width = parse_quantity_as<Temperature>(*o.wire_switch_width);
      } catch (const QuantityParseError& error) {
        throw UsageError(
            fmt::format("--switch-width: auto or a temperature, e.g. 0.05K: {}", error.what()));
      }
      if (!(width->value() > 0.0)) {
        throw UsageError(fmt::format(
            "--switch-width must be auto or a positive temperature, e.g. 0.05K; got '{}'",
            *o.wire_switch_width));
      }
    }
    settings.switch_width =
        Sourced<std::optional<Temperature>>{width, command_line("--switch-width"), {}};
  }
  if (o.wire_scheme) {
    settings.scheme = Sourced<std::string>{*o.wire_scheme, command_line("--scheme"), {}};
  }
  if (o.wire_stop_at_recovery) {
    settings.stop_at_recovery =
        Sourced<bool>{*o.wire_stop_at_recovery, command_line("--stop-at-recovery"), {}};
  }
  if (o.wire_record_profiles) {
    settings.record_profiles =
        Sourced<bool>{*o.wire_record_profiles, command_line("--record-profiles"), {}};
  }
  return settings;
}

}  // namespace filmtherm::cli
