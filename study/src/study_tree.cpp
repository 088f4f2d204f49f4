#include "study_tree.h"

#include <algorithm>
#include <stdexcept>
#include <system_error>

namespace filmtherm::study_tree {

namespace {

namespace fs = std::filesystem;

fs::path canonical_or_same(const fs::path& path) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(path, error);
  return error ? path.lexically_normal() : canonical;
}

// The value under `key`, or an undefined node (yaml-cpp's const operator[]
// gives an invalid node for a missing key, whose type queries throw).
YAML::Node child_of(const YAML::Node& map, const std::string& key) {
  if (!map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  const YAML::Node child = map[key];
  return child.IsDefined() ? child : YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node load_file(const fs::path& path) {
  try {
    return YAML::LoadFile(path.string());
  } catch (const YAML::Exception& error) {
    throw std::runtime_error("cannot read '" + path.string() + "' again: " + error.what());
  }
}

// The same traversal as the device loader: imports depth first, a file
// reached twice read once, then the file's own materials.
void gather_materials(const fs::path& file, const YAML::Node& root, YAML::Node& materials,
                      std::vector<fs::path>& visited) {
  const YAML::Node imports = child_of(root, "imports");
  std::vector<std::string> paths;
  if (imports.IsScalar()) paths.push_back(imports.Scalar());
  if (imports.IsSequence()) {
    for (const YAML::Node& item : imports) {
      if (item.IsScalar()) paths.push_back(item.Scalar());
    }
  }
  for (const std::string& text : paths) {
    const fs::path relative = text;
    const fs::path resolved =
        relative.is_absolute() ? relative : (file.parent_path() / relative).lexically_normal();
    const fs::path canonical = canonical_or_same(resolved);
    if (std::find(visited.begin(), visited.end(), canonical) != visited.end()) continue;
    visited.push_back(canonical);
    gather_materials(resolved, load_file(resolved), materials, visited);
  }
  const YAML::Node own = child_of(root, "materials");
  if (!own.IsMap()) return;
  for (auto it = own.begin(); it != own.end(); ++it) materials[it->first.Scalar()] = it->second;
}

void set_flow_style(YAML::Node node) {
  if (node.IsMap()) {
    node.SetStyle(YAML::EmitterStyle::Flow);
    for (auto it = node.begin(); it != node.end(); ++it) set_flow_style(it->second);
  } else if (node.IsSequence()) {
    node.SetStyle(YAML::EmitterStyle::Flow);
    for (auto it = node.begin(); it != node.end(); ++it) set_flow_style(*it);
  }
}

}  // namespace

YAML::Node flatten_device(const fs::path& device_file) {
  YAML::Node root = load_file(device_file);
  if (!root.IsMap()) throw std::runtime_error("'" + device_file.string() + "' is not a map");
  YAML::Node materials(YAML::NodeType::Map);
  std::vector<fs::path> visited{canonical_or_same(device_file)};
  gather_materials(device_file, root, materials, visited);
  root.remove("imports");
  root.remove("compare_phonons");
  root["materials"] = materials;
  return root;
}

void set_value(YAML::Node root, const std::vector<std::string>& keys, const AxisValue& value) {
  // yaml-cpp's Node::operator= overwrites the referenced node's content, so
  // walking down the tree rebinds with reset(), never with '='.
  YAML::Node node;
  node.reset(root);
  for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
    if (!child_of(node, keys[i]).IsMap()) node[keys[i]] = YAML::Node(YAML::NodeType::Map);
    YAML::Node child = node[keys[i]];
    node.reset(child);
  }
  if (value.is_block) {
    node[keys.back()] = YAML::Load(value.text);
  } else {
    node[keys.back()] = value.text;
  }
}

std::string emit(const YAML::Node& node) {
  YAML::Emitter out;
  out << node;
  return std::string(out.c_str()) + "\n";
}

std::string flow_text(const YAML::Node& node) {
  YAML::Node copy = YAML::Clone(node);
  set_flow_style(copy);
  YAML::Emitter out;
  out << copy;
  return out.c_str();
}

}  // namespace filmtherm::study_tree
