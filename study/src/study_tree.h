// Internal to studies: editing a device's YAML tree. The base device is
// flattened once (its imported material libraries inlined under
// `materials:`, so `materials.NAME.…` keys can be swept like any other);
// each point then parses that text into a tree of its own, writes its axis
// values over it and emits it for the device loader.
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <vector>

#include "filmtherm/study.h"

namespace filmtherm::study_tree {

/// The device file's tree with every imported material (transitively, each
/// file once, imports before the file's own materials) under `materials:`,
/// `imports:` removed, and `compare_phonons:` removed. Throws
/// std::runtime_error when a file cannot be read (the device was validated
/// before, so this means it changed under us).
YAML::Node flatten_device(const std::filesystem::path& device_file);

/// Writes `value` at the key path `keys` of `root`, creating missing maps on the way.
void set_value(YAML::Node root, const std::vector<std::string>& keys, const AxisValue& value);

/// Block-style YAML text of a tree, ending in a newline.
std::string emit(const YAML::Node& node);

/// One-line flow-style text of a node ("{model: escape-time, escape_time: 33 ps}").
std::string flow_text(const YAML::Node& node);

}  // namespace filmtherm::study_tree
