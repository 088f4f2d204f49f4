#include <algorithm>
#include <cmath>

#include "device_sections.h"
#include "filmtherm/quantity_parser.h"
#include "filmtherm/spelling.h"

namespace filmtherm::input {

namespace {

// Defaults of the solver and output settings (docs/yaml-reference.md lists them).
constexpr double default_relative_tolerance = 1e-6;
constexpr double default_absolute_tolerance_K = 1e-6;
constexpr int default_max_steps = 100000;
constexpr int default_output_count = 500;
constexpr double default_first_output_fraction = 1e-6;  // of the end time: six decades
constexpr double lumped_end_time_s = 1e-9;
constexpr double wire_end_time_s = 100e-9;

std::string range_text(Range range) {
  switch (range) {
    case Range::positive:
      return "a positive value: ";
    case Range::non_negative:
      return "a value of zero or more: ";
    case Range::fraction:
      return "a fraction between 0 and 1: ";
  }
  return "";
}

bool in_range(double value, Range range) {
  switch (range) {
    case Range::positive:
      return value > 0.0;
    case Range::non_negative:
      return value >= 0.0;
    case Range::fraction:
      return value >= 0.0 && value <= 1.0;
  }
  return false;
}

}  // namespace

template <class Q>
std::optional<Sourced<Q>> read_quantity(Reader& reader, Section& section, const char* key,
                                        const std::string& description, bool required, Range range,
                                        bool allow_provenance) {
  const Entry* entry = required ? section.require(key, description) : section.find(key);
  if (entry == nullptr) return std::nullopt;
  std::optional<Sourced<double>> value =
      reader.quantity_si(*entry, dimension_of<Q>(), allow_provenance);
  if (!value) return std::nullopt;
  if (!in_range(value->value, range)) {
    const std::string text = entry->value.IsScalar()
                                 ? entry->value.Scalar()
                                 : format_quantity(value->value, dimension_of<Q>());
    reader.report(value->mark, entry->path, range_text(range) + description, "'" + text + "'");
    return std::nullopt;
  }
  return Sourced<Q>{from_si<Q>(value->value), value->mark, value->provenance};
}

#define FILMTHERM_READ_QUANTITY(Q)                                                    \
  template std::optional<Sourced<Q>> read_quantity<Q>(Reader&, Section&, const char*, \
                                                      const std::string&, bool, Range, bool);
FILMTHERM_READ_QUANTITY(Length)
FILMTHERM_READ_QUANTITY(Temperature)
FILMTHERM_READ_QUANTITY(Time)
FILMTHERM_READ_QUANTITY(Energy)
FILMTHERM_READ_QUANTITY(Dimensionless)
FILMTHERM_READ_QUANTITY(Current)
FILMTHERM_READ_QUANTITY(Resistance)
FILMTHERM_READ_QUANTITY(Inductance)
FILMTHERM_READ_QUANTITY(Capacitance)
#undef FILMTHERM_READ_QUANTITY

Time default_end_time(DeviceModelKind model) {
  return from_si<Time>(model == DeviceModelKind::electrothermal_wire ? wire_end_time_s
                                                                     : lumped_end_time_s);
}

SolverSettings read_solver_settings(Reader& reader, const Section& top, DeviceModelKind model,
                                    const std::optional<Sourced<Time>>& arrival_time) {
  SolverSettings settings;
  settings.end_time.value = default_end_time(model);
  settings.relative_tolerance.value = default_relative_tolerance;
  settings.absolute_tolerance.value = from_si<Temperature>(default_absolute_tolerance_K);
  settings.max_steps.value = default_max_steps;
  settings.output_count.value = default_output_count;
  const Entry* entry = top.find("solver");
  if (entry == nullptr) {
    settings.first_output_time.value = settings.end_time.value * default_first_output_fraction;
    return settings;
  }
  Section section(
      reader, entry->value, "solver",
      {"end_time", "relative_tolerance", "absolute_tolerance", "max_steps", "output_times"},
      reader.mark_of(entry->key_node), "solver settings");
  if (auto v = read_quantity<Time>(reader, section, "end_time", "the simulated time span", false)) {
    settings.end_time = *v;
    if (arrival_time && !(arrival_time->value < v->value)) {
      reader.report(v->mark, "solver.end_time",
                    "an end time after the photon's arrival time (" +
                        format_quantity(arrival_time->value) + ")",
                    "'" + format_quantity(v->value) + "'");
    }
  }
  if (const Entry* tolerance = section.find("relative_tolerance")) {
    if (auto v = reader.quantity_si(*tolerance, Dimension{})) {
      if (v->value > 0.0 && v->value < 1.0) {
        settings.relative_tolerance = *v;
      } else {
        reader.report(v->mark, tolerance->path, "a bare number between 0 and 1, e.g. 1e-6",
                      "'" + tolerance->value.Scalar() + "'");
      }
    }
  }
  if (auto v = read_quantity<Temperature>(reader, section, "absolute_tolerance",
                                          "the absolute tolerance on temperatures, e.g. '1e-6 K'",
                                          false)) {
    settings.absolute_tolerance = *v;
  }
  if (const Entry* steps = section.find("max_steps")) {
    if (auto v = reader.integer(*steps, 1)) settings.max_steps = *v;
  }
  bool first_given = false;
  if (const Entry* times = section.find("output_times")) {
    Section output(reader, times->value, times->path, {"spacing", "count", "first"},
                   reader.mark_of(times->key_node), "spacing (linear or log), count, first");
    if (const Entry* spacing = output.find("spacing")) {
      const std::string text = spacing->value.IsScalar() ? spacing->value.Scalar() : "";
      if (text == "linear") {
        settings.output_spacing = OutputSpacing::linear;
      } else if (text == "log" || text == "logarithmic") {
        settings.output_spacing = OutputSpacing::logarithmic;
      } else {
        const std::vector<std::string> names{"linear", "log"};
        const std::optional<std::string> nearest = nearest_name(text, names);
        reader.report(reader.mark_of(*spacing), spacing->path, "linear or log", "'" + text + "'",
                      nearest ? "did you mean '" + *nearest + "'?" : "");
      }
    }
    if (const Entry* count = output.find("count")) {
      if (auto v = reader.integer(*count, 2)) settings.output_count = *v;
    }
    if (auto v = read_quantity<Time>(reader, output, "first",
                                     "the first output time of a log spacing", false)) {
      settings.first_output_time = *v;
      first_given = true;
      if (!(v->value < settings.end_time.value)) {
        reader.report(v->mark, output.child_path("first"),
                      "a first output time before the end time (" +
                          format_quantity(settings.end_time.value) + ")",
                      "'" + format_quantity(v->value) + "'");
      }
    }
  }
  if (!first_given) {
    settings.first_output_time.value = settings.end_time.value * default_first_output_fraction;
  }
  return settings;
}

OutputSettings read_output_settings(Reader& reader, const Section& top,
                                    const std::filesystem::path& device_file) {
  OutputSettings settings;
  std::filesystem::path folder = std::filesystem::path("results") / device_file.stem();
  if (const Entry* entry = top.find("output")) {
    Section section(reader, entry->value, "output", {"folder", "formats"},
                    reader.mark_of(entry->key_node), "folder, formats");
    if (const Entry* folder_entry = section.find("folder")) {
      if (auto text = reader.string(*folder_entry, "a folder path relative to the device file")) {
        folder = *text;
      }
    }
    if (const Entry* formats = section.find("formats")) {
      if (!formats->value.IsSequence()) {
        reader.report(reader.mark_of(*formats), formats->path,
                      "a list of formats, e.g. [csv, json, plot]",
                      formats->value.IsScalar() ? "'" + formats->value.Scalar() + "'" : "no list");
      } else {
        settings.csv = settings.json = settings.plot = false;
        const std::vector<std::string> names{"csv", "json", "plot"};
        for (std::size_t i = 0; i < formats->value.size(); ++i) {
          const YAML::Node item = formats->value[i];
          const std::string text = item.IsScalar() ? item.Scalar() : "";
          const std::string path = formats->path + "[" + std::to_string(i) + "]";
          bool* flag = text == "csv"    ? &settings.csv
                       : text == "json" ? &settings.json
                       : text == "plot" ? &settings.plot
                                        : nullptr;
          if (flag == nullptr) {
            const std::optional<std::string> nearest = nearest_name(text, names);
            reader.report(item, path, "one of csv, json, plot",
                          item.IsScalar() ? "'" + text + "'" : "not a name",
                          nearest ? "did you mean '" + *nearest + "'?" : "");
          } else if (*flag) {
            reader.report(item, path, "each format once", "'" + text + "' again");
          } else {
            *flag = true;
          }
        }
      }
    }
  }
  std::error_code error;
  std::filesystem::path base = device_file.parent_path();
  if (base.empty()) base = ".";
  std::filesystem::path absolute = std::filesystem::absolute(base, error);
  if (!error) base = absolute;
  settings.folder = (folder.is_absolute() ? folder : base / folder).lexically_normal();
  return settings;
}

std::vector<std::string> read_compare_phonons(Reader& reader, const Section& top,
                                              const Material* material,
                                              const PluginRegistry& registry) {
  std::vector<std::string> models;
  const Entry* entry = top.find("compare_phonons");
  if (entry == nullptr) return models;
  if (!entry->value.IsSequence()) {
    reader.report(reader.mark_of(*entry), entry->path,
                  "a list of phonon heat-capacity models, e.g. [film, debye]",
                  entry->value.IsScalar() ? "'" + entry->value.Scalar() + "'" : "no list");
    return models;
  }
  std::vector<std::string> known;
  for (const ModelDescriptor* model : registry.models(MaterialProperty::phonon_heat_capacity)) {
    known.push_back(model->name());
  }
  for (std::size_t i = 0; i < entry->value.size(); ++i) {
    const YAML::Node item = entry->value[i];
    const std::string path = entry->path + "[" + std::to_string(i) + "]";
    const std::string name = item.IsScalar() ? item.Scalar() : "";
    const auto descriptor = std::find_if(
        registry.models().begin(), registry.models().end(), [&](const ModelDescriptor& m) {
          return m.name() == name && m.property() == MaterialProperty::phonon_heat_capacity;
        });
    if (descriptor == registry.models().end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      const std::optional<std::string> nearest = nearest_name(name, known);
      reader.report(item, path, "a phonon heat-capacity model (" + list + ")",
                    item.IsScalar() ? "'" + name + "'" : "not a name",
                    nearest ? "did you mean '" + *nearest + "'?" : "");
      continue;
    }
    if (std::find(models.begin(), models.end(), name) != models.end()) {
      reader.report(item, path, "each model once", "'" + name + "' again");
      continue;
    }
    models.push_back(name);
    if (material == nullptr) continue;
    // The compared model takes the material's phonon parameters that it declares.
    std::vector<ParameterSetting> settings;
    for (const ParameterSetting& setting : material->phonon_heat_capacity.parameters) {
      for (const ModelParameter& declared : descriptor->parameters()) {
        if (declared.name == setting.name) settings.push_back(setting);
      }
    }
    try {
      (void)descriptor->instantiate(settings);
    } catch (const std::exception& error) {
      reader.report(item, path,
                    "a model that accepts material " + material->name + "'s phonon parameters",
                    error.what());
    }
  }
  return models;
}

}  // namespace filmtherm::input
