// Internal to the loader: the set of files one load reads (the root file and
// its transitive imports, with cycle detection), the materials they define,
// and the resolution of a material property (`{model: film, ...}`) to a
// plugin model whose parameters are checked and instantiated once.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "filmtherm/device.h"
#include "filmtherm/input_error.h"
#include "filmtherm/plugin_registry.h"
#include "yaml_reader.h"

namespace filmtherm::input {

/// The top-level keys of a material library.
const std::vector<std::string>& library_keys();

/// A material-level value that model parameters of the same name inherit
/// (critical_temperature, normal_resistivity).
struct InheritedParameter {
  std::string name;
  ValueText value;
};

/// Reads `{model: NAME, parameter: value, ...}` for `property`, resolves the
/// model in the registry, checks every parameter's name and dimension, fills
/// parameters the model declares but the block omits from `inherited`, and
/// instantiates the model once. Reports problems and returns nullopt.
std::optional<ModelChoice> read_model_choice(Reader& reader, const Entry& entry,
                                             MaterialProperty property,
                                             const PluginRegistry& registry,
                                             std::span<const InheritedParameter> inherited = {});

/// The content of a regular file; nullopt with `problem` set ("no file at
/// '...'") when it is missing, not a regular file, or unreadable.
std::optional<std::string> read_text_file(const std::filesystem::path& path, std::string& problem);

/// All files and materials of one load.
class InputSet {
 public:
  InputSet(const PluginRegistry& registry, DiagnosticList& diagnostics)
      : registry_(registry), diagnostics_(diagnostics) {}

  struct File {
    std::unique_ptr<SourceFile> source;
    std::unique_ptr<Reader> reader;
    YAML::Node root;
  };

  /// Registers the root file (its text already read); nullptr on a syntax error.
  File* add_root(std::string name, const std::filesystem::path& path, std::string text);

  /// Follows the `imports:` of `file` (depth first), then reads its `materials:`.
  void read_imports_and_materials(File& file, const Section& top);

  /// A material that was read and validated, or nullptr.
  const Material* find_material(std::string_view name) const;
  /// Every material name defined, valid or not.
  std::vector<std::string> material_names() const;
  /// True when `name` was defined (possibly with errors, already reported).
  bool is_defined(std::string_view name) const;
  /// True when an import could not be read: an undefined material may live there.
  bool import_failed() const noexcept { return import_failed_; }
  const std::vector<Material>& materials() const noexcept { return materials_; }
  const PluginRegistry& registry() const noexcept { return registry_; }

 private:
  void read_imports(File& file, const Entry& imports);
  void read_import(File& file, const YAML::Node& item, const std::string& path);
  void read_materials(File& file, const Entry& materials);
  std::optional<Material> read_material(Reader& reader, const Entry& entry);

  const PluginRegistry& registry_;
  DiagnosticList& diagnostics_;
  std::vector<std::unique_ptr<File>> files_;
  std::vector<std::filesystem::path> loaded_;  ///< canonical paths of every file read
  std::vector<std::filesystem::path> stack_;   ///< the import chain being followed
  std::vector<std::string> stack_names_;
  std::vector<Material> materials_;
  std::vector<std::pair<std::string, SourceMark>> defined_;
  bool import_failed_ = false;
};

}  // namespace filmtherm::input
