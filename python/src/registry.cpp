// The module's plugin registry: made on first use (built-in plugins and
// FILMTHERM_PLUGIN_PATH, as the command line does), extended by
// load_plugin(path), listed by plugins(). load_plugin copies the registry,
// loads into the copy and swaps it in: a run on another thread keeps the
// snapshot it started with, and a failed load leaves the registry as it was.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <mutex>

#include "bindings.h"
#include "filmtherm/dimension.h"

namespace filmtherm::python {

namespace {

std::mutex registry_mutex;
std::shared_ptr<const PluginRegistry> current_registry;

py::list parameter_list(const ModelDescriptor& model) {
  py::list parameters;
  for (const ModelParameter& p : model.parameters()) {
    py::dict entry;
    entry["name"] = p.name;
    entry["unit"] = base_unit_form(p.dimension);
    entry["dimension"] = describe(p.dimension);
    entry["required"] = p.required;
    entry["default"] = p.has_default && !p.required ? py::object(py::float_(p.default_value_si))
                                                    : py::object(py::none());
    entry["doc"] = p.doc;
    parameters.append(entry);
  }
  return parameters;
}

}  // namespace

std::shared_ptr<const PluginRegistry> registry_snapshot() {
  std::lock_guard lock(registry_mutex);
  if (!current_registry) {
    current_registry =
        std::make_shared<const PluginRegistry>(PluginRegistry::with_default_plugins());
  }
  return current_registry;
}

void register_registry(py::module_& module) {
  module.def(
      "load_plugin",
      [](const std::filesystem::path& path) {
        auto next = std::make_shared<PluginRegistry>(*registry_snapshot());
        next->load(path);  // throws PluginError; the current registry stays
        std::lock_guard lock(registry_mutex);
        current_registry = std::move(next);
      },
      py::arg("path"));
  module.def("plugins", [] {
    const auto registry = registry_snapshot();
    py::list out;
    for (const ModelDescriptor& model : registry->models()) {
      py::dict entry;
      entry["name"] = model.name();
      entry["property"] = describe(model.property());
      entry["description"] = model.description();
      entry["reference"] = model.reference();
      entry["plugin"] = model.plugin_name();
      entry["path"] = model.plugin_path();
      entry["thread_safe"] = model.thread_safe();
      entry["parameters"] = parameter_list(model);
      out.append(entry);
    }
    return out;
  });
}

}  // namespace filmtherm::python
