#include "wire_options.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli_error.h"
#include "filmtherm/input_limits.h"
#include "filmtherm/quantity_parser.h"

namespace filmtherm::cli {

void add_wire_options(CLI::App& command, RunOptions& o) {
  const std::string group = "Electrothermal wire";
  command.add_option("--cells", o.wire_cells, "Wire model: grid cells along the wire (3 to 10^6)")
      ->group(group)
      ->default_val(o.wire_cells);
  command
      .add_option("--temperatures", o.wire_form,
                  "Wire model: one temperature per cell (Yang 2007) or two (T_e, T_ph)")
      ->group(group)
      ->check(CLI::IsMember({"one", "two"}))
      ->default_val(o.wire_form);
  command
      .add_option("--switch", o.wire_switch,
                  "Wire model: the resistive switch located by root finding, or smoothed")
      ->group(group)
      ->check(CLI::IsMember({"root-finding", "smoothed"}))
      ->default_val(o.wire_switch);
  command
      .add_option("--switch-width", o.wire_switch_width,
                  "Wire model: temperature width of the smoothed switch, e.g. 0.05K (default: "
                  "a tenth of T*(I_b) - T_sub, at most T_c/20)")
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
      ->check(CLI::IsMember({"conservative", "published"}))
      ->default_val(o.wire_scheme);
  command
      .add_flag("--stop-at-recovery", o.wire_stop_at_recovery,
                "Wire model: end the run when the current is back within 1% of its dip")
      ->group(group);
}

WireModelOptions wire_model_options(const RunOptions& o) {
  WireModelOptions options;
  if (o.wire_cells < 3) {
    throw UsageError(fmt::format("--cells: the wire needs at least 3 cells, got {}", o.wire_cells));
  }
  if (o.wire_cells > limits::max_wire_cells) {
    throw UsageError(fmt::format("--cells: at most {} cells ({}), got {}", limits::max_wire_cells,
                                 limits::wire_cells_reason, o.wire_cells));
  }
  options.cell_count = static_cast<std::size_t>(o.wire_cells);
  // CLI11 has checked the spellings (IsMember); the library's parsers map them.
  options.form = parse_temperature_form(o.wire_form).value_or(options.form);
  options.resistive_switch =
      parse_resistive_switch(o.wire_switch).value_or(options.resistive_switch);
  if (!o.wire_switch_width.empty()) {  // empty: scaled to the film
    try {
      options.switch_width = parse_quantity_as<Temperature>(o.wire_switch_width);
    } catch (const QuantityParseError& error) {
      throw UsageError(fmt::format("--switch-width: {}", error.what()));
    }
    if (!(options.switch_width->value() > 0.0)) {
      throw UsageError("--switch-width must be a positive temperature, e.g. 0.05K");
    }
  }
  options.escape_law = parse_escape_law(o.wire_escape);  // empty: the form's default
  options.scheme = parse_wire_discretisation(o.wire_scheme).value_or(options.scheme);
  if (options.scheme == WireDiscretisation::published_yang2007 &&
      options.form != WireTemperatureForm::one_temperature) {
    throw UsageError("--scheme published has one temperature per cell: drop --temperatures two");
  }
  options.stop_at_recovery = o.wire_stop_at_recovery;
  return options;
}

}  // namespace filmtherm::cli
