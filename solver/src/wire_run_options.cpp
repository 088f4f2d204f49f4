#include "filmtherm/wire_run_options.h"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "filmtherm/input_limits.h"

namespace filmtherm {

namespace {

template <class Choice>
Choice parsed(const std::optional<Sourced<std::string>>& given, const char* key,
              std::optional<Choice> (*parse)(std::string_view), Choice fallback) {
  if (!given) return fallback;
  if (const std::optional<Choice> choice = parse(given->value)) return *choice;
  throw std::invalid_argument(fmt::format(
      "wire.{}: '{}' is not one of its choices (docs/yaml-reference.md)", key, given->value));
}

/// "file:line:col" of a device key, or "command line --scheme" of a host's override.
std::string where(const SourceMark& mark) {
  return mark.line > 0 ? fmt::format("{}:{}:{}", mark.file, mark.line, mark.column) : mark.file;
}

}  // namespace

WireModelOptions wire_model_options(const WireSettings& w) {
  WireModelOptions options;
  if (w.cells) {
    if (w.cells->value < 3 || w.cells->value > limits::max_wire_cells) {
      throw std::invalid_argument(fmt::format("wire.cells: from 3 to {} cells ({}), got {}",
                                              limits::max_wire_cells, limits::wire_cells_reason,
                                              w.cells->value));
    }
    options.cell_count = static_cast<std::size_t>(w.cells->value);
  }
  // One line per choice key of wire_setting_choices().
  options.form = parsed(w.temperatures, "temperatures", parse_temperature_form, options.form);
  options.resistive_switch =
      parsed(w.resistive_switch, "switch", parse_resistive_switch, options.resistive_switch);
  if (w.escape)
    options.escape_law = parsed(w.escape, "escape", parse_escape_law, WireEscapeLaw::linearised);
  options.scheme = parsed(w.scheme, "scheme", parse_wire_discretisation, options.scheme);
  if (options.scheme == WireDiscretisation::published_yang2007 &&
      options.form != WireTemperatureForm::one_temperature) {
    // Both settings can come from the file or a host; name where each was set.
    throw std::invalid_argument(
        fmt::format("{}: scheme published has one temperature per cell, but {} asks for two; use "
                    "temperatures: one (--temperatures one) or scheme: conservative",
                    where(w.scheme->mark), where(w.temperatures->mark)));
  }
  if (w.switch_width) {
    options.switch_width = w.switch_width->value;
    if (options.switch_width &&
        !(std::isfinite(options.switch_width->value()) && options.switch_width->value() > 0.0)) {
      throw std::invalid_argument(
          fmt::format("wire.switch_width: a positive temperature or auto, got {} K",
                      options.switch_width->value()));
    }
  }
  if (w.stop_at_recovery) options.stop_at_recovery = w.stop_at_recovery->value;
  if (w.record_profiles) options.record_profiles = w.record_profiles->value;
  return options;
}

}  // namespace filmtherm
