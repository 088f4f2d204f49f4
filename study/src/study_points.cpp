#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <tuple>

#include "filmtherm/device_loader.h"
#include "filmtherm/study.h"
#include "study_tree.h"
#include "yaml_reader.h"

namespace filmtherm {

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : path) {
    if (c == '.') {
      parts.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  parts.push_back(part);
  return parts;
}

std::size_t common_segments(const std::string& a, const std::string& b) {
  const std::vector<std::string> x = split_path(a);
  const std::vector<std::string> y = split_path(b);
  std::size_t n = 0;
  while (n < x.size() && n < y.size() && x[n] == y[n]) ++n;
  return n;
}

std::string line_of(const std::string& text, int line) {
  std::istringstream in(text);
  std::string current;
  for (int i = 1; std::getline(in, current); ++i) {
    if (i == line) {
      if (!current.empty() && current.back() == '\r') current.pop_back();
      return current;
    }
  }
  return {};
}

// The axes a loader complaint is about: those sharing the longest key-path
// prefix with it; all of them when none shares any (a combination of values).
std::vector<std::size_t> responsible_axes(const Study& study, const std::string& key_path) {
  std::size_t best = 0;
  for (const StudyAxis& axis : study.axes) {
    best = std::max(best, common_segments(axis.key_path, key_path));
  }
  std::vector<std::size_t> axes;
  for (std::size_t a = 0; a < study.axes.size(); ++a) {
    if (best == 0 || common_segments(study.axes[a].key_path, key_path) == best) axes.push_back(a);
  }
  return axes;
}

}  // namespace

InvalidPointError::InvalidPointError(const std::string& message,
                                     std::vector<Diagnostic> diagnostics)
    : std::invalid_argument(message), diagnostics_(std::move(diagnostics)) {}

std::size_t Study::point_count() const {
  if (axes.empty()) return 0;
  if (combination == AxisCombination::zip) return axes.front().values.size();
  std::size_t count = 1;
  for (const StudyAxis& axis : axes) count *= axis.values.size();
  return count;
}

std::vector<std::size_t> Study::value_indices(std::size_t index) const {
  std::vector<std::size_t> indices(axes.size(), index);
  if (combination == AxisCombination::zip) return indices;
  for (std::size_t a = axes.size(); a-- > 0;) {
    indices[a] = index % axes[a].values.size();
    index /= axes[a].values.size();
  }
  return indices;
}

StudyPoint Study::point(std::size_t index) const {
  StudyPoint point;
  point.index = index;
  point.value_indices = value_indices(index);
  YAML::Node root = YAML::Load(base_device_yaml);
  for (std::size_t a = 0; a < axes.size(); ++a) {
    study_tree::set_value(root, axes[a].keys, axes[a].values[point.value_indices[a]]);
  }
  point.device_yaml = study_tree::emit(root);
  point.parameter_hash = text_hash(point.device_yaml);
  return point;
}

std::string Study::describe_point(std::size_t index) const {
  const std::vector<std::size_t> indices = value_indices(index);
  std::string text;
  for (std::size_t a = 0; a < axes.size(); ++a) {
    text += fmt::format("{}{} = {}", a == 0 ? "" : ", ", axes[a].key_path,
                        axes[a].values[indices[a]].text);
  }
  return text;
}

std::string Study::fingerprint() const {
  std::string text = base_device_yaml;
  text += combination == AxisCombination::zip ? "\nzip\n" : "\ngrid\n";
  for (const StudyAxis& axis : axes) {
    text += axis.key_path + ":";
    for (const AxisValue& value : axis.values) {
      text += (value.is_block ? "\n  block " : "\n  value ") + value.text;
    }
    text += "\n";
  }
  return text_hash(text);
}

Device load_point_device(const Study& study, const StudyPoint& point,
                         const PluginRegistry& registry) {
  try {
    return load_device_from_string(point.device_yaml, registry, study.device_file);
  } catch (const InputError& error) {
    std::vector<Diagnostic> diagnostics;
    std::string complaints;
    for (const Diagnostic& d : error.diagnostics()) {
      complaints += fmt::format("{}{}: {}", complaints.empty() ? "" : "; ",
                                d.key_path.empty() ? "device" : d.key_path, d.message());
      for (const std::size_t a : responsible_axes(study, d.key_path)) {
        const StudyAxis& axis = study.axes[a];
        const AxisValue& value = axis.values[point.value_indices[a]];
        std::string note = fmt::format(
            "the device loader refuses {} = {} (point {}{})", axis.key_path, value.text,
            point.index,
            d.key_path.empty() || d.key_path == axis.key_path ? "" : ", at " + d.key_path);
        if (!d.note.empty()) note += "; " + d.note;
        diagnostics.push_back(Diagnostic{
            study.source_file.string(), value.mark.line, value.mark.column, "axes." + axis.key_path,
            d.expected, d.found, note, line_of(study.source_text, value.mark.line)});
      }
    }
    throw InvalidPointError(
        fmt::format("invalid point ({}): {}", study.describe_point(point.index), complaints),
        std::move(diagnostics));
  }
}

void check_study_points(const Study& study, const PluginRegistry& registry) {
  DiagnosticList list;
  std::vector<std::tuple<int, int, std::string, std::string, std::string>> seen;
  for (std::size_t i = 0; i < study.point_count(); ++i) {
    try {
      load_point_device(study, study.point(i), registry);
    } catch (const InvalidPointError& error) {
      for (const Diagnostic& d : error.diagnostics()) {
        // A value refused in one grid point is refused in all: report it once.
        auto key = std::make_tuple(d.line, d.column, d.key_path, d.expected, d.found);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(std::move(key));
        list.add(d);
      }
    }
  }
  list.throw_if_any();
}

bool is_study_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  DiagnosticList ignored;
  const input::SourceFile source(path.string(), path, text.str());
  input::Reader reader(source, ignored);
  try {
    const std::optional<YAML::Node> root = reader.parse();
    if (!root || !root->IsMap()) return false;
    for (auto it = root->begin(); it != root->end(); ++it) {
      if (!it->first.IsScalar()) continue;
      if (it->first.Scalar() == "axes" || it->first.Scalar() == "device") return true;
    }
  } catch (const YAML::Exception&) {
    return false;
  }
  return false;
}

}  // namespace filmtherm
