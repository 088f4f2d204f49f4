// Internal to studies: reading the `axes:` and `set:` maps of a study file. Each key is a
// key path of the device file, checked against the (flattened) base device
// tree; each value is a list (values written into the device as they are) or
// a range {from, to, count, spacing} whose values are written in the unit of
// `from`. Problems are reported through the Reader with line and column.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "filmtherm/study.h"
#include "yaml_reader.h"

namespace filmtherm::input {

/// The axes under `entry` (the `axes:` key). `base_tree` is the flattened base
/// device, or nullptr when it could not be read (key paths are then not checked).
std::vector<StudyAxis> read_axes(Reader& reader, const Entry& entry, const YAML::Node* base_tree);

/// The `set:` map under `entry`: key paths checked as for axes, one value each
/// (a scalar, or a block that replaces the key's whole value).
std::vector<StudySetting> read_settings(Reader& reader, const Entry& entry,
                                        const YAML::Node* base_tree);

/// Splits "2.5 nm" into its number and its unit text ("nm"; "" for a bare
/// number); nullopt when the text does not start with a number.
std::optional<std::pair<double, std::string>> split_number_and_unit(const std::string& text);

}  // namespace filmtherm::input
