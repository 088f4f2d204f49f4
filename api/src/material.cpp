// Material libraries and materials: a YAML library loaded with its imports,
// a material taken by name with its models created, and what it states
// beyond its models (T_c, rho_n).
#include <fmt/format.h>

#include <mutex>
#include <vector>

#include "api_error.h"
#include "filmtherm/spelling.h"
#include "handles.h"

using filmtherm::api::ApiError;
using filmtherm::api::guarded;
using filmtherm::api::log_of;
using filmtherm::api::require;
using filmtherm::api::write_string;

namespace filmtherm::api {

std::unique_ptr<filmtherm_material> make_material(const std::shared_ptr<ContextCore>& core,
                                                  const Material& material, bool borrowed) {
  auto handle = std::make_unique<filmtherm_material>();
  handle->core = core;
  handle->material = material;
  handle->borrowed = borrowed;
  const std::shared_lock lock(core->registry_mutex);
  auto add = [&](const ModelChoice& choice, MaterialProperty property) {
    handle->models[static_cast<std::size_t>(property)] =
        make_model(core, choice, property, /*borrowed=*/true);
  };
  add(material.phonon_heat_capacity, MaterialProperty::phonon_heat_capacity);
  add(material.electron_heat_capacity, MaterialProperty::electron_heat_capacity);
  add(material.electron_phonon_power, MaterialProperty::electron_phonon_power);
  if (material.thermal_conductivity) {
    add(*material.thermal_conductivity, MaterialProperty::thermal_conductivity);
  }
  return handle;
}

}  // namespace filmtherm::api

extern "C" {

int filmtherm_library_load_file(filmtherm_context* context, const char* path,
                                filmtherm_library** library) {
  return guarded(__func__, log_of(context), [&] {
    require(context, "context");
    require(path, "path");
    require(library, "library");
    *library = nullptr;
    auto handle = std::make_unique<filmtherm_library>();
    handle->core = context->core;
    {
      const std::shared_lock lock(context->core->registry_mutex);
      handle->library = filmtherm::load_material_library(path, context->core->registry);
    }
    *library = handle.release();
  });
}

void filmtherm_library_destroy(filmtherm_library* library) {
  delete library;
}

int filmtherm_library_material_count(const filmtherm_library* library, size_t* count) {
  return guarded(__func__, log_of(library), [&] {
    require(library, "library");
    require(count, "count");
    *count = library->library.materials.size();
  });
}

int filmtherm_library_material_name(const filmtherm_library* library, size_t index, char* name,
                                    size_t name_size, size_t* name_length) {
  return guarded(__func__, log_of(library), [&] {
    require(library, "library");
    const auto& materials = library->library.materials;
    if (index >= materials.size()) {
      throw ApiError(FILMTHERM_E_NOT_FOUND,
                     fmt::format("no material #{}: the library holds {}", index, materials.size()));
    }
    write_string(materials[index].name, name, name_size, name_length, "the material name");
  });
}

int filmtherm_material_create(const filmtherm_library* library, const char* name,
                              filmtherm_material** material) {
  return guarded(__func__, log_of(library), [&] {
    require(library, "library");
    require(name, "name");
    require(material, "material");
    *material = nullptr;
    // A later import may redefine a material: the last definition counts,
    // as it does for a device that imports the library.
    const auto& materials = library->library.materials;
    const filmtherm::Material* found = nullptr;
    std::vector<std::string> names;
    for (const filmtherm::Material& m : materials) {
      if (m.name == name) found = &m;
      names.push_back(m.name);
    }
    if (found == nullptr) {
      throw ApiError(FILMTHERM_E_NOT_FOUND, fmt::format("no material '{}' in {}{}", name,
                                                        library->library.source_file.string(),
                                                        filmtherm::did_you_mean(name, names)));
    }
    *material = filmtherm::api::make_material(library->core, *found, false).release();
  });
}

void filmtherm_material_destroy(filmtherm_material* material) {
  if (material != nullptr && !material->borrowed) delete material;
}

int filmtherm_material_name(const filmtherm_material* material, char* name, size_t name_size,
                            size_t* name_length) {
  return guarded(__func__, log_of(material), [&] {
    require(material, "material");
    write_string(material->material.name, name, name_size, name_length, "the material name");
  });
}

int filmtherm_material_model(const filmtherm_material* material, int property,
                             const filmtherm_model_handle** model) {
  return guarded(__func__, log_of(material), [&] {
    require(material, "material");
    require(model, "model");
    *model = nullptr;
    if (property < FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY ||
        property >= filmtherm::api::property_count) {
      throw ApiError(FILMTHERM_E_INVALID_ARGUMENT, fmt::format("unknown property {}", property));
    }
    const auto& found = material->models[static_cast<std::size_t>(property)];
    if (!found) {
      throw ApiError(
          FILMTHERM_E_NOT_FOUND,
          fmt::format("material '{}' gives no {} model{}", material->material.name,
                      filmtherm::describe(static_cast<filmtherm::MaterialProperty>(property)),
                      property == FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER
                          ? " (phonon escape belongs to a device's substrate)"
                          : ""));
    }
    *model = found.get();
  });
}

int filmtherm_material_critical_temperature(const filmtherm_material* material, double* kelvin) {
  return guarded(__func__, log_of(material), [&] {
    require(material, "material");
    require(kelvin, "kelvin");
    const auto& value = material->material.critical_temperature;
    if (!value) {
      throw ApiError(
          FILMTHERM_E_NOT_FOUND,
          fmt::format("material '{}' gives no critical_temperature", material->material.name));
    }
    *kelvin = value->value.value();
  });
}

int filmtherm_material_normal_resistivity(const filmtherm_material* material, double* ohm_metre) {
  return guarded(__func__, log_of(material), [&] {
    require(material, "material");
    require(ohm_metre, "ohm_metre");
    const auto& value = material->material.normal_resistivity;
    if (!value) {
      throw ApiError(FILMTHERM_E_NOT_FOUND, fmt::format("material '{}' gives no normal_resistivity",
                                                        material->material.name));
    }
    *ohm_metre = value->value.value();
  });
}

}  // extern "C"
