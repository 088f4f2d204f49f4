#include "study_axes.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "filmtherm/input_limits.h"
#include "filmtherm/quantity_parser.h"
#include "filmtherm/spelling.h"
#include "study_tree.h"

namespace filmtherm::input {

namespace {

// Device keys a study may vary. The model (which runner), the imports (the
// materials are inlined) and compare_phonons (a point runs one model) are fixed.
const std::vector<std::string> sweepable_sections{
    "name", "materials", "film", "substrate", "photon", "circuit", "solver", "output", "wire"};
const std::vector<std::string> fixed_sections{"model", "imports", "compare_phonons"};

std::string kind_of(const YAML::Node& node) {
  if (node.IsScalar()) return "'" + node.Scalar() + "'";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a map";
  return "nothing";
}

std::string note_for(const std::string& given, const std::vector<std::string>& names) {
  const std::optional<std::string> nearest = nearest_name(given, names);
  return nearest ? "did you mean '" + *nearest + "'?" : "";
}

std::vector<std::string> split_keys(const std::string& path) {
  std::vector<std::string> keys(1);
  for (char c : path) {
    if (c == '.') {
      keys.emplace_back();
    } else {
      keys.back() += c;
    }
  }
  return keys;
}

YAML::Node child_of(const YAML::Node& map, const std::string& key) {
  if (!map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  const YAML::Node child = map[key];
  return child.IsDefined() ? child : YAML::Node(YAML::NodeType::Undefined);
}

std::vector<std::string> keys_of(const YAML::Node& map) {
  std::vector<std::string> names;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (it->first.IsScalar()) names.push_back(it->first.Scalar());
  }
  return names;
}

bool check_key_path(Reader& reader, const Entry& entry, const std::vector<std::string>& keys,
                    const YAML::Node* base) {
  const YAML::Node& at = entry.key_node;
  if (std::any_of(keys.begin(), keys.end(), [](const std::string& k) { return k.empty(); })) {
    reader.report(at, entry.path, "a dotted key path of the device file, e.g. film.thickness",
                  "'" + entry.key + "'");
    return false;
  }
  const std::string& section = keys.front();
  if (std::find(fixed_sections.begin(), fixed_sections.end(), section) != fixed_sections.end()) {
    reader.report(at, entry.path,
                  "a key a study can vary (model, imports and compare_phonons of the base device "
                  "stay as they are)",
                  "'" + section + "'");
    return false;
  }
  if (std::find(sweepable_sections.begin(), sweepable_sections.end(), section) ==
      sweepable_sections.end()) {
    reader.report(at, entry.path, "a key path starting with a section of the device file",
                  "unknown section '" + section + "'", note_for(section, sweepable_sections));
    return false;
  }
  if (section == "materials" && keys.size() < 3) {
    reader.report(at, entry.path, "materials.NAME.KEY, e.g. materials.NbTiN.critical_temperature",
                  "'" + entry.key + "'");
    return false;
  }
  if (base == nullptr) return true;
  YAML::Node node;
  node.reset(*base);
  for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
    const YAML::Node child = child_of(node, keys[i]);
    if (section == "materials" && i == 1 && !child.IsDefined()) {
      const std::vector<std::string> names = keys_of(child_of(*base, "materials"));
      std::string list;
      for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
      reader.report(at, entry.path, "a material of the base device (" + list + ")",
                    "'" + keys[1] + "'", note_for(keys[1], names));
      return false;
    }
    if (!child.IsDefined() || child.IsNull()) return true;  // created when the point is built
    if (!child.IsMap()) {
      std::string prefix;
      for (std::size_t k = 0; k <= i; ++k) prefix += (k == 0 ? "" : ".") + keys[k];
      reader.report(at, entry.path, "a key path through sections (maps) of the base device",
                    "'" + prefix + "', which is " + kind_of(child) + " there, not a section");
      return false;
    }
    node.reset(child);
  }
  return true;
}

// Numbers for a listed axis when every value is a quantity of one dimension,
// in the unit of the first value.
void classify_listed(StudyAxis& axis) {
  std::optional<Dimension> dimension;
  std::string unit;
  double unit_si = 1.0;
  std::vector<double> numbers;
  for (const AxisValue& value : axis.values) {
    if (value.is_block) return;
    const std::optional<std::pair<double, std::string>> split = split_number_and_unit(value.text);
    if (!split) return;
    ParsedQuantity quantity{};
    try {
      quantity = parse_quantity(value.text);
      if (!dimension) {
        dimension = quantity.dimension;
        unit = split->second;
        if (!unit.empty()) unit_si = parse_quantity("1 " + unit).value_si;
      }
    } catch (const QuantityParseError&) {
      return;
    }
    if (quantity.dimension != *dimension) return;
    numbers.push_back(split->second == unit ? split->first : quantity.value_si / unit_si);
  }
  axis.numeric = true;
  axis.unit = unit;
  for (std::size_t i = 0; i < numbers.size(); ++i) axis.values[i].number = numbers[i];
}

std::optional<ParsedQuantity> range_end(Reader& reader, const Entry* entry) {
  if (entry == nullptr) return std::nullopt;
  std::optional<ValueText> text = reader.value_text(*entry, false);
  if (!text) return std::nullopt;
  try {
    return parse_quantity(text->text);
  } catch (const QuantityParseError& error) {
    reader.report(reader.scalar_mark(text->node, error.column()), entry->path,
                  "a number with its unit, e.g. '2 nm'", "'" + text->text + "': " + error.what());
  }
  return std::nullopt;
}

void read_range(Reader& reader, const Entry& entry, StudyAxis& axis) {
  Section range(reader, entry.value, entry.path, {"from", "to", "count", "spacing"},
                reader.mark_of(entry.key_node), "from, to, count, spacing");
  const Entry* from_entry = range.require("from", "the first value with its unit, e.g. '2 nm'");
  const Entry* to_entry = range.require("to", "the last value with its unit, e.g. '20 nm'");
  const Entry* count_entry = range.require("count", "the number of values, e.g. 10");
  axis.spacing = AxisSpacing::linear;
  if (const Entry* spacing = range.find("spacing")) {
    const std::string text = spacing->value.IsScalar() ? spacing->value.Scalar() : "";
    if (text == "log") {
      axis.spacing = AxisSpacing::logarithmic;
    } else if (text != "linear") {
      reader.report(reader.mark_of(*spacing), spacing->path, "linear or log",
                    kind_of(spacing->value), note_for(text, {"linear", "log"}));
    }
  }
  const std::optional<ParsedQuantity> from = range_end(reader, from_entry);
  const std::optional<ParsedQuantity> to = range_end(reader, to_entry);
  const std::optional<Sourced<int>> count =
      count_entry ? reader.integer(*count_entry, 1, static_cast<int>(limits::max_study_points),
                                   limits::study_points_reason)
                  : std::nullopt;
  if (!from || !to || !count) return;
  if (from->dimension != to->dimension) {
    reader.report(reader.mark_of(*to_entry), to_entry->path,
                  "a value of the same dimension as from, " + describe(from->dimension),
                  "'" + to_entry->value.Scalar() + "', which is " + describe(to->dimension));
    return;
  }
  if (axis.spacing == AxisSpacing::logarithmic && !(from->value_si > 0 && to->value_si > 0)) {
    const Entry* bad = from->value_si > 0 ? to_entry : from_entry;
    reader.report(reader.mark_of(*bad), bad->path, "a positive value for spacing: log",
                  "'" + bad->value.Scalar() + "'");
    return;
  }
  const auto from_split = split_number_and_unit(from_entry->value.Scalar());
  const auto to_split = split_number_and_unit(to_entry->value.Scalar());
  const std::string unit = from_split ? from_split->second : "";
  const double unit_si = unit.empty() ? 1.0 : parse_quantity("1 " + unit).value_si;
  const double first = from_split ? from_split->first : from->value_si;
  const double last =
      to_split && to_split->second == unit ? to_split->first : to->value_si / unit_si;
  const int n = count->value;
  const SourceMark mark = reader.mark_of(entry.value);
  for (int k = 0; k < n; ++k) {
    double x = first;
    if (k == n - 1 && n > 1) {
      x = last;
    } else if (k > 0) {
      const double t = static_cast<double>(k) / static_cast<double>(n - 1);
      x = axis.spacing == AxisSpacing::logarithmic ? first * std::pow(last / first, t)
                                                   : first + (last - first) * t;
    }
    // A range near the ends of the double range (from: 1e-308 nm, log) overflows
    // to inf or NaN, or its SI value underflows: refuse it here rather than let
    // inf or NaN reach a device and the results table.
    const double si = x * unit_si;
    if (!std::isfinite(x) || !std::isfinite(si) || (si != 0.0 && !std::isnormal(si))) {
      axis.values.clear();
      reader.report(mark, entry.path,
                    "a range whose values are finite numbers, between 1e-308 and 1e308 in SI "
                    "units (or 0)",
                    fmt::format("value {} of {} is {} {} ({} in SI units)", k + 1, n, x, unit, si));
      return;
    }
    // Twelve digits keep the values readable ("2.58309933003 nm") and exact as written.
    const std::string number = fmt::format("{:.12g}", x);
    const std::string text = unit.empty() ? number : number + " " + unit;
    axis.values.push_back(AxisValue{text, false, std::strtod(number.c_str(), nullptr), mark});
  }
  axis.numeric = true;
  axis.unit = unit;
}

void read_listed(Reader& reader, const Entry& entry, StudyAxis& axis) {
  const YAML::Node& list = entry.value;
  if (list.IsScalar()) {
    axis.values.push_back(AxisValue{list.Scalar(), false, std::nullopt, reader.mark_of(list)});
  } else {
    if (list.size() == 0) {
      reader.report(reader.mark_of(entry), entry.path, "at least one value", "an empty list");
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const YAML::Node item = list[i];
      if (item.IsScalar() && !item.Scalar().empty()) {
        axis.values.push_back(AxisValue{item.Scalar(), false, std::nullopt, reader.mark_of(item)});
      } else if (item.IsMap()) {
        axis.values.push_back(
            AxisValue{study_tree::flow_text(item), true, std::nullopt, reader.mark_of(item)});
      } else {
        reader.report(item, fmt::format("{}[{}]", entry.path, i),
                      "a value such as '4 nm', or a block such as {model: escape-time, ...}",
                      kind_of(item));
      }
    }
  }
  classify_listed(axis);
}

std::optional<StudyAxis> read_axis(Reader& reader, const Entry& entry, const YAML::Node* base) {
  StudyAxis axis;
  axis.key_path = entry.key;
  axis.keys = split_keys(entry.key);
  axis.mark = reader.mark_of(entry.key_node);
  const bool path_ok = check_key_path(reader, entry, axis.keys, base);
  const std::size_t errors_before = reader.diagnostics().size();
  if (entry.value.IsMap()) {
    read_range(reader, entry, axis);
  } else if (entry.value.IsSequence() ||
             (entry.value.IsScalar() && !entry.value.Scalar().empty())) {
    read_listed(reader, entry, axis);
  } else {
    reader.report(reader.mark_of(entry), entry.path,
                  "a list of values, e.g. [4 nm, 6 nm], or a range {from: 2 nm, to: 20 nm, "
                  "count: 10, spacing: log}",
                  kind_of(entry.value));
  }
  if (!path_ok || reader.diagnostics().size() != errors_before || axis.values.empty()) {
    return std::nullopt;
  }
  return axis;
}

}  // namespace

std::optional<std::pair<double, std::string>> split_number_and_unit(const std::string& text) {
  const char* begin = text.c_str();
  char* end = nullptr;
  const double number = std::strtod(begin, &end);
  if (end == begin) return std::nullopt;
  std::string unit(end);
  const auto first = unit.find_first_not_of(" \t");
  if (first == std::string::npos) return std::pair{number, std::string()};
  unit = unit.substr(first, unit.find_last_not_of(" \t") - first + 1);
  return std::pair{number, unit};
}

std::vector<StudySetting> read_settings(Reader& reader, const Entry& entry,
                                        const YAML::Node* base_tree) {
  std::vector<StudySetting> settings;
  Section section(reader, entry.value, "set", {}, reader.mark_of(entry.key_node),
                  "one entry per device key path, e.g. solver.end_time: 20 ns");
  for (const Entry& setting : section.entries()) {
    const std::vector<std::string> keys = split_keys(setting.key);
    const bool path_ok = check_key_path(reader, setting, keys, base_tree);
    const YAML::Node& value = setting.value;
    if (value.IsScalar() && !value.Scalar().empty()) {
      if (path_ok) {
        settings.push_back(
            StudySetting{setting.key, keys,
                         AxisValue{value.Scalar(), false, std::nullopt, reader.mark_of(value)}});
      }
    } else if (value.IsMap()) {
      if (path_ok) {
        settings.push_back(StudySetting{
            setting.key, keys,
            AxisValue{study_tree::flow_text(value), true, std::nullopt, reader.mark_of(value)}});
      }
    } else {
      reader.report(reader.mark_of(setting), setting.path,
                    "one value such as '20 ns', or a block such as {model: escape-time, ...}",
                    kind_of(value));
    }
  }
  return settings;
}

std::vector<StudyAxis> read_axes(Reader& reader, const Entry& entry, const YAML::Node* base_tree) {
  std::vector<StudyAxis> axes;
  Section section(reader, entry.value, "axes", {}, reader.mark_of(entry.key_node),
                  "one entry per device key path, e.g. film.thickness: [4 nm, 6 nm]");
  if (!section.is_map()) return axes;
  if (section.entries().empty()) {
    reader.report(reader.mark_of(entry), entry.path,
                  "at least one axis, e.g. film.thickness: [4 nm, 6 nm]", "no axes");
  }
  for (const Entry& axis_entry : section.entries()) {
    if (std::optional<StudyAxis> axis = read_axis(reader, axis_entry, base_tree)) {
      axes.push_back(std::move(*axis));
    }
  }
  return axes;
}

}  // namespace filmtherm::input
