#include "filmtherm/plugin_registry.h"

#include <dlfcn.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <set>

#include "filmtherm/spelling.h"

#ifndef FILMTHERM_PLUGIN_SUBDIR
#error "FILMTHERM_PLUGIN_SUBDIR must be defined by the build (lib/filmtherm/plugins)"
#endif

namespace filmtherm {

namespace {

// The sizes of the ABI 1.0 structs: a plugin built against any 1.x header is at
// least this large; later minor versions append fields the host reads only when
// struct_size says they are there.
constexpr std::size_t abi_1_0_model_size =
    offsetof(filmtherm_model, evaluate) + sizeof(filmtherm_model::evaluate);
constexpr std::size_t abi_1_0_plugin_size =
    offsetof(filmtherm_plugin, model_count) + sizeof(filmtherm_plugin::model_count);

constexpr uint32_t known_parameter_flags =
    FILMTHERM_PARAMETER_REQUIRED | FILMTHERM_PARAMETER_NO_DEFAULT;

bool is_shared_library(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  return path.extension() == ".so" || name.find(".so.") != std::string::npos;
}

void validate_model(const filmtherm_model* model, std::size_t index, const std::string& path) {
  if (model == nullptr || model->name == nullptr || *model->name == '\0') {
    throw PluginError(fmt::format("plugin {}: model #{} has no name", path, index));
  }
  if (model->struct_size < abi_1_0_model_size) {
    throw PluginError(fmt::format("plugin {}: model '{}' has struct_size {} < {}", path,
                                  model->name, model->struct_size, abi_1_0_model_size));
  }
  if (model->create == nullptr || model->destroy == nullptr || model->evaluate == nullptr) {
    throw PluginError(
        fmt::format("plugin {}: model '{}' lacks create, destroy or evaluate", path, model->name));
  }
  if (model->parameter_count > 0 && model->parameters == nullptr) {
    throw PluginError(fmt::format("plugin {}: model '{}' declares {} parameters but no table", path,
                                  model->name, model->parameter_count));
  }
  for (std::size_t i = 0; i < model->parameter_count; ++i) {
    const filmtherm_parameter& parameter = model->parameters[i];
    if (parameter.name == nullptr || *parameter.name == '\0') {
      throw PluginError(
          fmt::format("plugin {}: model '{}' parameter #{} has no name", path, model->name, i));
    }
    if ((parameter.flags & ~known_parameter_flags) != 0) {
      throw PluginError(fmt::format("plugin {}: model '{}' parameter '{}' has unknown flags {:#x}",
                                    path, model->name, parameter.name, parameter.flags));
    }
  }
}

}  // namespace

LoadedPlugin::LoadedPlugin(const std::filesystem::path& path) : path_(path.string()) {
  handle_ = dlopen(path_.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr) {
    const char* reason = dlerror();
    throw PluginError(fmt::format("cannot load plugin {}: {}", path_, reason ? reason : "?"));
  }
  try {
    dlerror();
    void* symbol = dlsym(handle_, FILMTHERM_PLUGIN_ENTRY_SYMBOL);
    if (symbol == nullptr) {
      throw PluginError(
          fmt::format("{} is not a filmtherm plugin: it does not export '{}' (define it with "
                      "FILMTHERM_PLUGIN_EXPORT and extern \"C\")",
                      path_, FILMTHERM_PLUGIN_ENTRY_SYMBOL));
    }
    const auto entry = reinterpret_cast<filmtherm_plugin_entry_fn>(symbol);
    descriptor_ = entry();
    if (descriptor_ == nullptr) {
      throw PluginError(fmt::format("plugin {}: {} returned no descriptor", path_,
                                    FILMTHERM_PLUGIN_ENTRY_SYMBOL));
    }
    if (descriptor_->abi_major != FILMTHERM_PLUGIN_ABI_MAJOR) {
      throw PluginError(fmt::format(
          "plugin {} was built for filmtherm plugin ABI {}.{}, but this filmtherm speaks ABI "
          "{}.{}: rebuild the plugin against this filmtherm's plugin.h",
          path_, descriptor_->abi_major, descriptor_->abi_minor, FILMTHERM_PLUGIN_ABI_MAJOR,
          FILMTHERM_PLUGIN_ABI_MINOR));
    }
    if (descriptor_->struct_size < abi_1_0_plugin_size) {
      throw PluginError(fmt::format("plugin {}: descriptor struct_size {} < {}", path_,
                                    descriptor_->struct_size, abi_1_0_plugin_size));
    }
    name_ = descriptor_->name ? descriptor_->name : "";
    version_ = descriptor_->version ? descriptor_->version : "";
    if (name_.empty()) throw PluginError(fmt::format("plugin {} has no name", path_));
    if (descriptor_->model_count > 0 && descriptor_->models == nullptr) {
      throw PluginError(fmt::format("plugin {} declares {} models but no table", path_,
                                    descriptor_->model_count));
    }
    for (std::size_t i = 0; i < descriptor_->model_count; ++i) {
      validate_model(descriptor_->models[i], i, path_);
    }
  } catch (...) {
    dlclose(handle_);
    throw;
  }
}

LoadedPlugin::~LoadedPlugin() {
  if (handle_ != nullptr) dlclose(handle_);
}

std::filesystem::path PluginRegistry::builtin_plugin_folder() {
  // The file this code was loaded from: libfilmtherm.so when a host (Python, a
  // C program, a circuit simulator) loaded the library, which may sit anywhere
  // relative to the host's executable; the executable itself when the loader
  // is linked in statically.
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&PluginRegistry::builtin_plugin_folder), &info) != 0 &&
      info.dli_fname != nullptr) {
    std::error_code error;
    const std::filesystem::path file = std::filesystem::canonical(info.dli_fname, error);
    if (!error && is_shared_library(file)) {
      // <libdir>/libfilmtherm.so -> <libdir>/filmtherm/plugins
      const std::filesystem::path subdir(FILMTHERM_PLUGIN_SUBDIR);
      return file.parent_path() / subdir.parent_path().filename() / subdir.filename();
    }
  }
  std::error_code error;
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  return executable.parent_path().parent_path() / FILMTHERM_PLUGIN_SUBDIR;
}

PluginRegistry PluginRegistry::with_default_plugins(
    const std::vector<std::filesystem::path>& extra) {
  PluginRegistry registry;
  const std::filesystem::path builtin = builtin_plugin_folder();
  if (!builtin.empty() && std::filesystem::is_directory(builtin)) registry.load(builtin);
  if (const char* search_path = std::getenv("FILMTHERM_PLUGIN_PATH")) {
    std::string_view rest = search_path;
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      const std::string_view entry = rest.substr(0, colon);
      if (!entry.empty()) registry.load(std::filesystem::path(entry));
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
  }
  for (const auto& path : extra) registry.load(path);
  return registry;
}

void PluginRegistry::load(const std::filesystem::path& path) {
  if (std::filesystem::is_directory(path)) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
      if (entry.is_regular_file() && is_shared_library(entry.path())) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());  // a stable order makes errors reproducible
    for (const auto& file : files) load_file(file);
    return;
  }
  if (!std::filesystem::exists(path)) {
    throw PluginError(fmt::format("cannot load plugin {}: no such file or folder", path.string()));
  }
  load_file(path);
}

void PluginRegistry::load_file(const std::filesystem::path& file) {
  const std::filesystem::path canonical = std::filesystem::weakly_canonical(file);
  for (const auto& plugin : plugins_) {
    if (plugin->path() == canonical.string()) return;  // already loaded: loading twice is a no-op
  }
  auto plugin = std::make_shared<const LoadedPlugin>(canonical);
  std::vector<ModelDescriptor> added;
  std::set<std::string> names_in_plugin;
  for (std::size_t i = 0; i < plugin->descriptor().model_count; ++i) {
    const filmtherm_model* model = plugin->descriptor().models[i];
    if (!names_in_plugin.insert(model->name).second) {
      throw PluginError(fmt::format("plugin {} ({}) defines model '{}' twice", plugin->name(),
                                    plugin->path(), model->name));
    }
    for (const auto& existing : models_) {
      if (existing.name() == model->name) {
        throw PluginError(fmt::format(
            "model '{}' is defined by two plugins: {} ({}) and {} ({}); remove one of them from "
            "the plugin path",
            model->name, existing.plugin_name(), existing.plugin_path(), plugin->name(),
            plugin->path()));
      }
    }
    added.emplace_back(plugin, model);
  }
  plugins_.push_back(std::move(plugin));
  models_.insert(models_.end(), added.begin(), added.end());
}

const ModelDescriptor& PluginRegistry::model(std::string_view name) const {
  for (const auto& model : models_) {
    if (model.name() == name) return model;
  }
  std::vector<std::string> names;
  for (const auto& model : models_) names.push_back(model.name());
  std::string known;
  for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
  throw ParameterError("model", fmt::format("unknown model '{}'{}; known models: {}", name,
                                            did_you_mean(name, names),
                                            known.empty() ? "none (no plugin loaded)" : known));
}

const ModelDescriptor& PluginRegistry::model(std::string_view name,
                                             MaterialProperty property) const {
  const ModelDescriptor& found = model(name);
  if (found.property() != property) {
    std::string candidates;
    for (const ModelDescriptor* m : models(property)) {
      candidates += (candidates.empty() ? "" : ", ") + m->name();
    }
    throw ParameterError(
        "model", fmt::format("model '{}' supplies the {}, not the {}; {} models: {}", name,
                             describe(found.property()), describe(property), describe(property),
                             candidates));
  }
  return found;
}

std::vector<const ModelDescriptor*> PluginRegistry::models(MaterialProperty property) const {
  std::vector<const ModelDescriptor*> result;
  for (const auto& model : models_) {
    if (model.property() == property) result.push_back(&model);
  }
  return result;
}

}  // namespace filmtherm
