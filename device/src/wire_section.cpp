// The `wire:` section of a device file: how the electrothermal wire is
// computed (docs/yaml-reference.md, docs/wire-model.md). Every setting that
// changes an answer is a key here, so that a device file alone defines a run;
// hosts set their overrides over it with overlay().
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "device_sections.h"
#include "filmtherm/device_loader.h"
#include "filmtherm/input_limits.h"
#include "filmtherm/spelling.h"

namespace filmtherm {

const std::vector<WireChoiceKey>& wire_setting_choices() {
  // One row per choice; the first word is the canonical one, the others are
  // the long spellings the solver's parsers accept as well.
  static const std::vector<WireChoiceKey> choices{
      {"temperatures",
       &WireSettings::temperatures,
       {"one", "two", "one-temperature", "two-temperature"},
       "one temperature per cell (Yang 2007) or two (T_e and T_ph)"},
      {"switch",
       &WireSettings::resistive_switch,
       {"front", "smoothed", "root-finding"},
       "the resistive switch resolved at the front inside the cells, smoothed over "
       "switch_width, or located by root finding",
       3},
      {"escape",
       &WireSettings::escape,
       {"linearised", "model-power"},
       "the escape law: Yang's linearised alpha(T)(T - T_sub)/d, or the escape model's power"},
      {"scheme",
       &WireSettings::scheme,
       {"conservative", "published", "published-yang2007"},
       "the discretisation: flux form with properties by temperature, or the published 1D "
       "codes' conventions (one temperature per cell)"},
  };
  return choices;
}

WireSettings overlay(WireSettings base, const WireSettings& over) {
  if (over.cells) base.cells = over.cells;
  for (const WireChoiceKey& choice : wire_setting_choices()) {
    if (over.*choice.field) base.*choice.field = over.*choice.field;
  }
  if (over.switch_width) base.switch_width = over.switch_width;
  if (over.stop_at_recovery) base.stop_at_recovery = over.stop_at_recovery;
  if (over.record_profiles) base.record_profiles = over.record_profiles;
  return base;
}

namespace input {

namespace {

std::vector<std::string> wire_keys() {
  std::vector<std::string> keys{"cells", "switch_width", "stop_at_recovery", "record_profiles"};
  for (const WireChoiceKey& choice : wire_setting_choices()) keys.emplace_back(choice.key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::string joined(const std::vector<std::string>& words, std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count && i < words.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == count ? " or " : ", ") + words[i];
  }
  return text;
}

std::optional<Sourced<bool>> read_flag(Reader& reader, const Entry& entry) {
  const std::string text = entry.value.IsScalar() ? entry.value.Scalar() : "";
  if (text == "true" || text == "false") {
    return Sourced<bool>{text == "true", reader.mark_of(entry), {}};
  }
  reader.report(reader.mark_of(entry), entry.path, "true or false",
                entry.value.IsScalar() ? "'" + text + "'" : "no scalar");
  return std::nullopt;
}

}  // namespace

WireSettings read_wire_settings(Reader& reader, const Section& top, DeviceModelKind model) {
  WireSettings settings;
  const Entry* entry = top.find("wire");
  if (entry == nullptr) return settings;
  if (model != DeviceModelKind::electrothermal_wire) {
    reader.report(reader.mark_of(entry->key_node), entry->path,
                  "wire: only in a device with model: electrothermal-wire", "a lumped device",
                  "the lumped two-temperature model has no wire to divide into cells");
    return settings;
  }
  Section section(reader, entry->value, "wire", wire_keys(), reader.mark_of(entry->key_node),
                  "cells, temperatures, switch, switch_width, escape, scheme, stop_at_recovery, "
                  "record_profiles");
  if (!section.is_map()) return settings;
  if (const Entry* cells = section.find("cells")) {
    if (auto v = reader.integer(*cells, 3, static_cast<int>(limits::max_wire_cells),
                                limits::wire_cells_reason)) {
      settings.cells = *v;
    }
  }
  for (const WireChoiceKey& choice : wire_setting_choices()) {
    const Entry* given = section.find(choice.key);
    if (given == nullptr) continue;
    const std::string text = given->value.IsScalar() ? given->value.Scalar() : "";
    if (std::find(choice.words.begin(), choice.words.end(), text) != choice.words.end()) {
      settings.*choice.field = Sourced<std::string>{text, reader.mark_of(*given), {}};
      continue;
    }
    const std::optional<std::string> nearest = nearest_name(text, choice.words);
    reader.report(reader.mark_of(*given), given->path,
                  joined(choice.words, choice.canonical) + " (" + choice.meaning + ")",
                  given->value.IsScalar() ? "'" + text + "'" : "no word",
                  nearest ? "did you mean '" + *nearest + "'?" : "");
  }
  if (const Entry* width = section.find("switch_width")) {
    if (width->value.IsScalar() && width->value.Scalar() == "auto") {
      settings.switch_width =
          Sourced<std::optional<Temperature>>{std::nullopt, reader.mark_of(*width), {}};
    } else if (auto v = read_quantity<Temperature>(
                   reader, section, "switch_width",
                   "the smoothed switch's temperature width, e.g. '0.05 K', or auto", false,
                   Range::positive, false)) {
      settings.switch_width = Sourced<std::optional<Temperature>>{v->value, v->mark, {}};
    }
  }
  if (const Entry* stop = section.find("stop_at_recovery")) {
    settings.stop_at_recovery = read_flag(reader, *stop);
  }
  if (const Entry* profiles = section.find("record_profiles")) {
    settings.record_profiles = read_flag(reader, *profiles);
  }
  return settings;
}

}  // namespace input

}  // namespace filmtherm
