#include <fmt/format.h>

#include <algorithm>

#include "filmtherm/device_loader.h"
#include "filmtherm/point_runner.h"
#include "filmtherm/spelling.h"
#include "filmtherm/study.h"

#include "filmtherm/input_limits.h"
#include "material_loader.h"
#include "study_axes.h"
#include "study_tree.h"
#include "yaml_reader.h"

namespace filmtherm {

namespace {

using input::Entry;
using input::Reader;
using input::Section;

const std::vector<std::string> study_keys{
    "name", "device", "set", "axes", "combine", "collect", "plot", "output", "point_time_limit"};

std::string note_for(const std::string& given, const std::vector<std::string>& names) {
  const std::optional<std::string> nearest = nearest_name(given, names);
  return nearest ? "did you mean '" + *nearest + "'?" : "";
}

std::string scalar_or_kind(const YAML::Node& node) {
  if (node.IsScalar()) return "'" + node.Scalar() + "'";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a map";
  return "nothing";
}

class StudyReader {
 public:
  StudyReader(Reader& reader, const PluginRegistry& registry, Study& study)
      : reader_(reader), registry_(registry), study_(study) {}

  void read(const YAML::Node& root) {
    Section top(reader_, root, "", study_keys, SourceMark{reader_.file().name, 1, 1},
                "a study (name, device, set, axes, combine, collect, plot, output, "
                "point_time_limit)");
    if (!top.is_map()) return;
    if (const Entry* name = top.find("name")) {
      if (auto text = reader_.string(*name, "the study's name")) study_.name = *text;
    }
    read_device(top);
    read_settings(top);
    read_combination(top);
    if (const Entry* axes = top.require(
            "axes", "a map from device key paths to values, e.g. film.thickness: [4 nm, 6 nm]")) {
      study_.axes = input::read_axes(reader_, *axes, base_tree_ ? &*base_tree_ : nullptr);
    }
    check_zip_lengths();
    check_point_total();
    read_collect(top);
    read_plot(top);
    read_output(top);
    read_point_time_limit(top);
    if (base_tree_) study_.base_device_yaml = study_tree::emit(*base_tree_);
  }

 private:
  void read_device(Section& top) {
    const Entry* entry = top.require("device", "the base device file, relative to this file");
    if (entry == nullptr) return;
    std::optional<std::string> text = reader_.string(*entry, "a device file path");
    if (!text) return;
    const std::filesystem::path relative = *text;
    study_.device_file = relative.is_absolute()
                             ? relative
                             : (reader_.file().path.parent_path() / relative).lexically_normal();
    std::string problem;
    if (!input::read_text_file(study_.device_file, problem)) {
      reader_.report(reader_.mark_of(*entry), entry->path,
                     "a device file (relative to this study's folder)", problem);
      return;
    }
    try {
      const Device device = load_device(study_.device_file, registry_);
      study_.model = device.model;
    } catch (const InputError& error) {
      for (const Diagnostic& d : error.diagnostics()) reader_.diagnostics().add(d);
      reader_.report(reader_.mark_of(*entry), entry->path, "a valid device file",
                     fmt::format("'{}' with {} problem(s), listed with its name", *text,
                                 error.diagnostics().size()));
      return;
    }
    if (!has_point_runner(study_.model)) {
      reader_.report(reader_.mark_of(*entry), entry->path,
                     "a device whose model sweeps can run (lumped-two-temperature)",
                     fmt::format("'{}', an {} device, which has no point runner yet", *text,
                                 device_model_name(study_.model)));
      return;
    }
    try {
      base_tree_ = study_tree::flatten_device(study_.device_file);
    } catch (const std::exception& error) {
      reader_.report(reader_.mark_of(*entry), entry->path, "a readable device file", error.what());
    }
  }

  // The `set:` values are written into the base tree, and the result must be a valid device.
  void read_settings(Section& top) {
    const Entry* entry = top.find("set");
    if (entry == nullptr) return;
    study_.settings = input::read_settings(reader_, *entry, base_tree_ ? &*base_tree_ : nullptr);
    if (!base_tree_ || study_.settings.empty()) return;
    for (const StudySetting& setting : study_.settings) {
      study_tree::set_value(*base_tree_, setting.keys, setting.value);
    }
    try {
      load_device_from_string(study_tree::emit(*base_tree_), registry_, study_.device_file);
    } catch (const InputError& error) {
      for (const Diagnostic& d : error.diagnostics()) report_setting(d);
      base_tree_.reset();
    }
  }

  void report_setting(const Diagnostic& d) {
    std::size_t best = 0;
    for (const StudySetting& s : study_.settings)
      best = std::max(best, common(s.key_path, d.key_path));
    for (const StudySetting& s : study_.settings) {
      if (best > 0 && common(s.key_path, d.key_path) != best) continue;
      std::string note = "the device loader refuses " + s.key_path + " = " + s.value.text;
      if (!d.key_path.empty() && d.key_path != s.key_path) note += " (at " + d.key_path + ")";
      if (!d.note.empty()) note += "; " + d.note;
      reader_.report(s.value.mark, "set." + s.key_path, d.expected, d.found, note);
    }
  }

  static std::size_t common(const std::string& a, const std::string& b) {
    std::size_t segments = 0;
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) {
      ++i;
      const bool end_a = i == a.size() || a[i] == '.';
      const bool end_b = i == b.size() || b[i] == '.';
      if (end_a && end_b) ++segments;
    }
    return segments;
  }

  void read_combination(Section& top) {
    const Entry* entry = top.find("combine");
    if (entry == nullptr) return;
    const std::string text = entry->value.IsScalar() ? entry->value.Scalar() : "";
    if (text == "grid") {
      study_.combination = AxisCombination::grid;
    } else if (text == "zip") {
      study_.combination = AxisCombination::zip;
    } else {
      reader_.report(reader_.mark_of(*entry), entry->path,
                     "grid (every combination) or zip (the i-th values together)",
                     scalar_or_kind(entry->value), note_for(text, {"grid", "zip"}));
    }
  }

  void check_zip_lengths() {
    if (study_.combination != AxisCombination::zip || study_.axes.size() < 2) return;
    const StudyAxis& first = study_.axes.front();
    for (const StudyAxis& axis : study_.axes) {
      if (axis.values.size() == first.values.size()) continue;
      reader_.report(axis.mark, "axes." + axis.key_path,
                     fmt::format("as many values as the first axis, {} ({}), for combine: zip",
                                 first.key_path, first.values.size()),
                     fmt::format("{} value(s)", axis.values.size()));
    }
  }

  // The grid's product is checked before anything builds a point: 10^8 points
  // made `check` and `sweep` run silently for hours (or the product overflow).
  void check_point_total() {
    if (study_.axes.empty()) return;
    std::size_t total = 1;
    std::string shape;
    bool too_many = false;
    const bool zip = study_.combination == AxisCombination::zip;
    // Zip: the points are the first axis's values (check_zip_lengths reports the others).
    for (const StudyAxis& axis : study_.axes) {
      if (zip && &axis != &study_.axes.front()) break;
      const std::size_t n = axis.values.size();
      shape += fmt::format("{}{}", shape.empty() ? "" : " x ", n);
      if (n != 0 && total > limits::max_study_points / n) too_many = true;
      if (!too_many) total *= n;
    }
    if (!too_many && total <= limits::max_study_points) return;
    reader_.report(study_.axes.front().mark, "axes",
                   fmt::format("at most {} points in all ({})", limits::max_study_points,
                               limits::study_points_reason),
                   fmt::format("{} {} = {} points", zip ? "zipped axes of" : "a grid of", shape,
                               too_many ? fmt::format("more than {}", limits::max_study_points)
                                        : std::to_string(total)));
  }

  std::vector<std::string> figure_names() const {
    std::vector<std::string> names;
    for (const FigureDeclaration& f : point_figures(study_.model)) names.push_back(f.name);
    return names;
  }

  void read_collect(Section& top) {
    const std::vector<std::string> names = figure_names();
    const Entry* entry = top.find("collect");
    if (entry == nullptr || (entry->value.IsScalar() && entry->value.Scalar() == "all")) {
      study_.collect = names;
      return;
    }
    if (!entry->value.IsSequence() || entry->value.size() == 0) {
      reader_.report(reader_.mark_of(*entry), entry->path,
                     "a list of summary figures, e.g. [electron_peak_temperature], or all",
                     scalar_or_kind(entry->value));
      return;
    }
    for (std::size_t i = 0; i < entry->value.size(); ++i) {
      const YAML::Node item = entry->value[i];
      const std::string text = item.IsScalar() ? item.Scalar() : "";
      const std::string path = fmt::format("{}[{}]", entry->path, i);
      if (std::find(names.begin(), names.end(), text) == names.end()) {
        reader_.report(item, path, "a summary figure of the device's model (see docs)",
                       scalar_or_kind(item), note_for(text, names));
      } else if (std::find(study_.collect.begin(), study_.collect.end(), text) !=
                 study_.collect.end()) {
        reader_.report(item, path, "each figure once", "'" + text + "' again");
      } else {
        study_.collect.push_back(text);
      }
    }
  }

  bool read_scale(Section& section, const char* key, bool fallback) {
    const Entry* entry = section.find(key);
    if (entry == nullptr) return fallback;
    const std::string text = entry->value.IsScalar() ? entry->value.Scalar() : "";
    if (text == "log" || text == "linear") return text == "log";
    reader_.report(reader_.mark_of(*entry), entry->path, "linear or log",
                   scalar_or_kind(entry->value), note_for(text, {"linear", "log"}));
    return fallback;
  }

  void read_plot(Section& top) {
    const Entry* entry = top.find("plot");
    if (entry == nullptr) return;
    if (!entry->value.IsSequence()) {
      read_one_plot(entry->value, "plot", reader_.mark_of(entry->key_node));
      return;
    }
    for (std::size_t i = 0; i < entry->value.size(); ++i) {
      read_one_plot(entry->value[i], fmt::format("plot[{}]", i), reader_.mark_of(entry->value[i]));
    }
  }

  void read_one_plot(const YAML::Node& node, const std::string& path, const SourceMark& anchor) {
    Section section(reader_, node, path, {"y", "x", "x_scale", "y_scale"}, anchor,
                    "y, x, x_scale, y_scale");
    if (!section.is_map() || node.IsNull()) return;
    StudyPlot plot;
    bool ok = true;
    if (const Entry* y = section.require("y", "the summary figure to plot")) {
      const std::string text = y->value.IsScalar() ? y->value.Scalar() : "";
      const std::vector<std::string> names = figure_names();
      if (std::find(names.begin(), names.end(), text) == names.end()) {
        reader_.report(reader_.mark_of(*y), y->path, "a summary figure of the device's model",
                       scalar_or_kind(y->value), note_for(text, names));
        ok = false;
      }
      plot.figure = text;
    } else {
      ok = false;
    }
    const Entry* x = section.find("x");
    if (x != nullptr) {
      const std::string text = x->value.IsScalar() ? x->value.Scalar() : "";
      std::vector<std::string> axis_names;
      for (const StudyAxis& axis : study_.axes) axis_names.push_back(axis.key_path);
      const auto it = std::find(axis_names.begin(), axis_names.end(), text);
      if (it == axis_names.end()) {
        if (!study_.axes.empty()) {
          reader_.report(reader_.mark_of(*x), x->path, "one of the study's axes",
                         scalar_or_kind(x->value), note_for(text, axis_names));
        }
        ok = false;
      } else {
        plot.x_axis = static_cast<std::size_t>(it - axis_names.begin());
      }
    }
    if (ok && plot.x_axis < study_.axes.size() && !study_.axes[plot.x_axis].numeric) {
      const StudyAxis& axis = study_.axes[plot.x_axis];
      reader_.report(x != nullptr ? reader_.mark_of(*x) : anchor, path + ".x",
                     "an axis with numeric values to plot against",
                     fmt::format("'{}', whose values are names", axis.key_path),
                     "name a numeric axis with x: KEY");
      ok = false;
    }
    const bool log_x_default = plot.x_axis < study_.axes.size() &&
                               study_.axes[plot.x_axis].spacing == AxisSpacing::logarithmic;
    plot.log_x = read_scale(section, "x_scale", log_x_default);
    plot.log_y = read_scale(section, "y_scale", false);
    if (ok && !study_.axes.empty()) study_.plots.push_back(plot);
  }

  // A point's wall-clock limit: a point that runs longer is stopped and
  // recorded as failed (docs/studies.md, "Crashing and hanging points").
  void read_point_time_limit(Section& top) {
    const Entry* entry = top.find("point_time_limit");
    if (entry == nullptr) return;
    const std::optional<Sourced<double>> limit =
        reader_.quantity_si(*entry, Dimension{.second = 1}, false);
    if (!limit) return;
    if (!(limit->value >= 1e-3) || limit->value > max_point_time_limit_s) {
      reader_.report(limit->mark, entry->path,
                     "a time from 1 ms to 1e6 s (about 11 days), e.g. 30 s",
                     "'" + entry->value.Scalar() + "'");
      return;
    }
    study_.point_time_limit_s = limit->value;
  }

  void read_output(Section& top) {
    std::filesystem::path folder = std::filesystem::path("results") / study_.source_file.stem();
    if (const Entry* entry = top.find("output")) {
      Section section(reader_, entry->value, "output", {"folder"}, reader_.mark_of(entry->key_node),
                      "folder");
      if (const Entry* f = section.find("folder")) {
        if (auto text = reader_.string(*f, "a folder path relative to the study file")) {
          folder = *text;
        }
      }
    }
    std::filesystem::path base = study_.source_file.parent_path();
    if (base.empty()) base = ".";
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(base, error);
    if (!error) base = absolute;
    study_.output_folder = (folder.is_absolute() ? folder : base / folder).lexically_normal();
  }

  Reader& reader_;
  const PluginRegistry& registry_;
  Study& study_;
  std::optional<YAML::Node> base_tree_;
};

}  // namespace

Study load_study_from_string(std::string_view text, const PluginRegistry& registry,
                             const std::filesystem::path& path) {
  DiagnosticList diagnostics;
  const input::SourceFile source(path.string(), path, std::string(text));
  Reader reader(source, diagnostics);
  Study study;
  study.source_file = path;
  study.source_text = source.text;
  study.name = path.stem().string();
  try {
    if (const std::optional<YAML::Node> root = reader.parse()) {
      StudyReader(reader, registry, study).read(*root);
    }
  } catch (const YAML::Exception& error) {
    diagnostics.add(Diagnostic{path.string(), error.mark.line + 1, error.mark.column + 1, "",
                               "valid YAML", error.msg, "", ""});
  }
  diagnostics.throw_if_any();
  return study;
}

Study load_study(const std::filesystem::path& path, const PluginRegistry& registry) {
  std::string problem;
  std::optional<std::string> text = input::read_text_file(path, problem);
  if (!text) {
    throw InputError(
        {Diagnostic{path.string(), 0, 0, "", "a readable study file", problem, "", ""}});
  }
  return load_study_from_string(*text, registry, path);
}

}  // namespace filmtherm
