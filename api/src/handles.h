// What the C API's opaque handles are. Every handle shares its context's
// core (the plugin registry and the error log), so handles may be destroyed
// in any order and a child still reports into its context's log. A material
// owns its models and a device owns its material and escape model; those
// children are "borrowed" by the caller: their destroy functions ignore them.
// (filmtherm_run, used by run.cpp alone, is defined there.)
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>

#include "api_error.h"
#include "filmtherm/device.h"
#include "filmtherm/device_loader.h"
#include "filmtherm/filmtherm.h"
#include "filmtherm/plugin_registry.h"

namespace filmtherm::api {

/// What every handle of one context shares.
struct ContextCore {
  PluginRegistry registry;
  /// Loading a plugin changes the registry; everything else only reads it.
  std::shared_mutex registry_mutex;
  ErrorLog errors;
};

/// The highest property code this version knows (FILMTHERM_PROPERTY_*).
constexpr int property_count = FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY + 1;

}  // namespace filmtherm::api

struct filmtherm_context {
  std::shared_ptr<filmtherm::api::ContextCore> core;
};

struct filmtherm_library {
  std::shared_ptr<filmtherm::api::ContextCore> core;
  filmtherm::MaterialLibrary library;
};

struct filmtherm_model_handle {
  std::shared_ptr<filmtherm::api::ContextCore> core;
  filmtherm::ModelInstance instance;
  /// The parameters as the input gave them (text, provenance), for the getters.
  filmtherm::ModelChoice choice;
  bool borrowed = false;
};

struct filmtherm_material {
  std::shared_ptr<filmtherm::api::ContextCore> core;
  filmtherm::Material material;
  /// Indexed by property code; empty where the material gives no model.
  std::array<std::unique_ptr<filmtherm_model_handle>, filmtherm::api::property_count> models;
  bool borrowed = false;
};

struct filmtherm_device {
  std::shared_ptr<filmtherm::api::ContextCore> core;
  filmtherm::Device device;
  std::unique_ptr<filmtherm_material> material;
  std::unique_ptr<filmtherm_model_handle> escape;
};

namespace filmtherm::api {

/// The error log of a handle's context, or nullptr for a NULL handle.
template <class Handle>
ErrorLog* log_of(const Handle* handle) {
  return handle != nullptr && handle->core ? &handle->core->errors : nullptr;
}

/// Creates a model handle for `choice`, which must supply `property`.
std::unique_ptr<filmtherm_model_handle> make_model(const std::shared_ptr<ContextCore>& core,
                                                   const ModelChoice& choice,
                                                   MaterialProperty property, bool borrowed);

/// Creates a material handle with every model the material gives.
std::unique_ptr<filmtherm_material> make_material(const std::shared_ptr<ContextCore>& core,
                                                  const Material& material, bool borrowed);

}  // namespace filmtherm::api
