// Reading YAML device stacks and material libraries (docs/yaml-reference.md)
// into typed, unit-checked values. Every value keeps the file, line and column
// it was written at; every dimensional value is checked against the dimension
// the schema (or, for material properties, the plugin model) declares; each
// material model is resolved in the PluginRegistry and instantiated once to
// validate its parameters. All problems of a load are collected and thrown
// together as one InputError (input_error.h); nothing else escapes.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "filmtherm/device.h"
#include "filmtherm/input_error.h"
#include "filmtherm/plugin_registry.h"

namespace filmtherm {

/// What a YAML input file holds, judged by its top-level keys: a material
/// library has only `imports:` and `materials:`; anything else is a device.
enum class InputFileKind { device, material_library };

/// The materials of a library file and of every file it imports, in the order
/// they were read (imports first).
struct MaterialLibrary {
  std::filesystem::path source_file;
  std::vector<Material> materials;
};

/// Reads a device file and the material libraries it imports (paths relative
/// to the importing file). Throws InputError listing every problem found.
Device load_device(const std::filesystem::path& path, const PluginRegistry& registry);

/// Same, from YAML text. `path` names the text in messages and is the base
/// for relative `imports:` and `output.folder`; it need not exist.
Device load_device_from_string(std::string_view yaml_text, const PluginRegistry& registry,
                               const std::filesystem::path& path = "<string>");

/// Reads a material library (and its imports) and validates every material.
/// Throws InputError.
MaterialLibrary load_material_library(const std::filesystem::path& path,
                                      const PluginRegistry& registry);

/// Reads only the top level of `path` to tell a device from a library.
/// Throws InputError when the file is missing or is not YAML.
InputFileKind input_file_kind(const std::filesystem::path& path);

/// "lumped-two-temperature" or "electrothermal-wire", as written in files.
std::string_view device_model_name(DeviceModelKind kind);

/// "measured", "fitted", "assumed", or "unspecified".
std::string_view provenance_kind_name(ProvenanceKind kind);

/// The choice keys of `wire:` (temperatures, switch, escape); a new choice is
/// one more row here (device/src/wire_section.cpp) and one line where the
/// solver maps the word to its option (solver/src/wire_run_options.cpp).
const std::vector<WireChoiceKey>& wire_setting_choices();

/// `base` with every field that `over` sets replaced: a host's overrides
/// (command line, Python, C API) over the device file's `wire:` section.
WireSettings overlay(WireSettings base, const WireSettings& over);

}  // namespace filmtherm
