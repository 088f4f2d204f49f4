// Devices: a device stack loaded from a file or from YAML text, with its
// film material and its substrate's escape model created at load, so a host
// can evaluate the device's own models without running it.

#include <mutex>

#include "api_error.h"
#include "handles.h"

using filmtherm::api::guarded;
using filmtherm::api::log_of;
using filmtherm::api::require;
using filmtherm::api::write_string;

namespace {

// The device handle for a loaded device, with its escape model and material.
filmtherm_device* make_device(const std::shared_ptr<filmtherm::api::ContextCore>& core,
                              filmtherm::Device device) {
  auto handle = std::make_unique<filmtherm_device>();
  handle->core = core;
  handle->device = std::move(device);
  {
    const std::shared_lock lock(core->registry_mutex);
    handle->escape =
        filmtherm::api::make_model(core, handle->device.bath.phonon_escape,
                                   filmtherm::MaterialProperty::phonon_escape_power, true);
  }
  // make_material takes the registry lock itself.
  handle->material = filmtherm::api::make_material(core, handle->device.material, true);
  return handle.release();
}

// Reads a device under the registry's lock.
template <class Load>
filmtherm::Device load_locked(filmtherm::api::ContextCore& core, Load&& load) {
  const std::shared_lock lock(core.registry_mutex);
  return load(core.registry);
}

}  // namespace

extern "C" {

int filmtherm_device_load_file(filmtherm_context* context, const char* path,
                               filmtherm_device** device) {
  return guarded(__func__, log_of(context), [&] {
    require(context, "context");
    require(path, "path");
    require(device, "device");
    *device = nullptr;
    filmtherm::Device loaded = load_locked(*context->core, [&](const auto& registry) {
      return filmtherm::load_device(path, registry);
    });
    *device = make_device(context->core, std::move(loaded));
  });
}

int filmtherm_device_load_string(filmtherm_context* context, const char* yaml_text,
                                 const char* name_for_messages, filmtherm_device** device) {
  return guarded(__func__, log_of(context), [&] {
    require(context, "context");
    require(yaml_text, "yaml_text");
    require(device, "device");
    *device = nullptr;
    const char* name = name_for_messages != nullptr ? name_for_messages : "<string>";
    filmtherm::Device loaded = load_locked(*context->core, [&](const auto& registry) {
      return filmtherm::load_device_from_string(yaml_text, registry, name);
    });
    *device = make_device(context->core, std::move(loaded));
  });
}

void filmtherm_device_destroy(filmtherm_device* device) {
  delete device;
}

int filmtherm_device_name(const filmtherm_device* device, char* name, size_t name_size,
                          size_t* name_length) {
  return guarded(__func__, log_of(device), [&] {
    require(device, "device");
    write_string(device->device.name, name, name_size, name_length, "the device name");
  });
}

int filmtherm_device_material(const filmtherm_device* device, const filmtherm_material** material) {
  return guarded(__func__, log_of(device), [&] {
    require(device, "device");
    require(material, "material");
    *material = device->material.get();
  });
}

int filmtherm_device_escape_model(const filmtherm_device* device,
                                  const filmtherm_model_handle** model) {
  return guarded(__func__, log_of(device), [&] {
    require(device, "device");
    require(model, "model");
    *model = device->escape.get();
  });
}

int filmtherm_device_film_thickness(const filmtherm_device* device, double* metre) {
  return guarded(__func__, log_of(device), [&] {
    require(device, "device");
    require(metre, "metre");
    *metre = device->device.film.thickness.value.value();
  });
}

int filmtherm_device_bath_temperature(const filmtherm_device* device, double* kelvin) {
  return guarded(__func__, log_of(device), [&] {
    require(device, "device");
    require(kelvin, "kelvin");
    *kelvin = device->device.bath.temperature.value.value();
  });
}

}  // extern "C"
