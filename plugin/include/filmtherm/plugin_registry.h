// Finding and loading material plugins. A PluginRegistry dlopens plugin
// libraries (the built-in plugin folder beside libfilmtherm, the folders in
// FILMTHERM_PLUGIN_PATH, and explicit paths), checks the ABI major version and
// the entry symbol, refuses a model name that two plugins both define (naming
// both files), and hands out ModelDescriptors by name. Libraries stay loaded
// while any descriptor or instance of theirs is alive.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "filmtherm/model_handle.h"
#include "filmtherm/plugin.h"

namespace filmtherm {

/// An open plugin library: the dlopen handle and its descriptor.
class LoadedPlugin {
 public:
  /// Opens the library and validates its descriptor. Throws PluginError when
  /// the file cannot be opened, lacks filmtherm_plugin_entry, returns no
  /// descriptor, was built for another ABI major version, or declares a model
  /// that is malformed (no name, no functions, unknown parameter flags).
  explicit LoadedPlugin(const std::filesystem::path& path);
  ~LoadedPlugin();
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;

  const std::string& name() const noexcept { return name_; }
  const std::string& version() const noexcept { return version_; }
  const std::string& path() const noexcept { return path_; }
  const filmtherm_plugin& descriptor() const noexcept { return *descriptor_; }

 private:
  void* handle_ = nullptr;
  const filmtherm_plugin* descriptor_ = nullptr;
  std::string name_;
  std::string version_;
  std::string path_;
};

class PluginRegistry {
 public:
  /// An empty registry; add plugins with load().
  PluginRegistry() = default;

  /// A registry with the built-in plugin folder and every folder or file of
  /// FILMTHERM_PLUGIN_PATH (colon-separated) loaded, plus `extra` paths.
  static PluginRegistry with_default_plugins(const std::vector<std::filesystem::path>& extra = {});

  /// The folder where the built-in plugin lives: <libdir>/filmtherm/plugins
  /// beside libfilmtherm when the loader runs inside that shared library (so
  /// any host finds it), else <exe dir>/../lib/filmtherm/plugins. The same in
  /// the build tree and an install.
  static std::filesystem::path builtin_plugin_folder();

  /// Loads one plugin file, or every *.so in a folder. Throws PluginError, and
  /// on a duplicate model name keeps the registry as it was.
  void load(const std::filesystem::path& path);

  /// The model called `name`. Throws ParameterError("model", ...) listing the
  /// known models and suggesting the nearest name.
  const ModelDescriptor& model(std::string_view name) const;
  /// Same, and checks the property it supplies.
  const ModelDescriptor& model(std::string_view name, MaterialProperty property) const;

  const std::vector<ModelDescriptor>& models() const noexcept { return models_; }
  std::vector<const ModelDescriptor*> models(MaterialProperty property) const;
  const std::vector<std::shared_ptr<const LoadedPlugin>>& plugins() const noexcept {
    return plugins_;
  }

 private:
  void load_file(const std::filesystem::path& file);

  std::vector<std::shared_ptr<const LoadedPlugin>> plugins_;
  std::vector<ModelDescriptor> models_;
};

}  // namespace filmtherm
