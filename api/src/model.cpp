// Model handles: a plugin model created from parameters with units, and what
// it was created with (values, units, the text as written, provenance).
#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <vector>

#include "api_error.h"
#include "filmtherm/dimension.h"
#include "handles.h"

using filmtherm::api::ApiError;
using filmtherm::api::guarded;
using filmtherm::api::log_of;
using filmtherm::api::require;
using filmtherm::api::write_string;

namespace filmtherm::api {

// The caller holds the registry's lock.
std::unique_ptr<filmtherm_model_handle> make_model(const std::shared_ptr<ContextCore>& core,
                                                   const ModelChoice& choice,
                                                   MaterialProperty property, bool borrowed) {
  const PluginRegistry& registry = core->registry;
  const auto& models = registry.models();
  const bool known = std::any_of(models.begin(), models.end(), [&](const ModelDescriptor& m) {
    return m.name() == choice.model;
  });
  if (!known) {
    try {
      registry.model(choice.model);  // throws, with the known names and a suggestion
    } catch (const ParameterError& error) {
      throw ApiError(FILMTHERM_E_NOT_FOUND, error.what());
    }
  }
  return std::make_unique<filmtherm_model_handle>(filmtherm_model_handle{
      core, registry.model(choice.model, property).instantiate(choice.parameters), choice,
      borrowed});
}

namespace {

const ModelParameter& parameter_at(const filmtherm_model_handle& model, std::size_t index) {
  const auto& parameters = model.instance.descriptor().parameters();
  if (index >= parameters.size()) {
    throw ApiError(FILMTHERM_E_NOT_FOUND,
                   fmt::format("model '{}' has no parameter #{}: it has {}",
                               model.instance.descriptor().name(), index, parameters.size()));
  }
  return parameters[index];
}

// The index of `name` among the parameters as written, or -1 when defaulted.
std::ptrdiff_t written_index(const ModelChoice& choice, const std::string& name) {
  for (std::size_t i = 0; i < choice.parameters.size(); ++i) {
    if (choice.parameters[i].name == name) return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

std::string unit_of(const Dimension& dimension) {
  if (const NamedDimension* named = find_named_dimension(dimension)) {
    return std::string(named->si_unit);
  }
  return base_unit_form(dimension);
}

int provenance_code(ProvenanceKind kind) {
  switch (kind) {
    case ProvenanceKind::measured:
      return FILMTHERM_PROVENANCE_MEASURED;
    case ProvenanceKind::fitted:
      return FILMTHERM_PROVENANCE_FITTED;
    case ProvenanceKind::assumed:
      return FILMTHERM_PROVENANCE_ASSUMED;
    case ProvenanceKind::unspecified:
      break;
  }
  return FILMTHERM_PROVENANCE_UNSPECIFIED;
}

}  // namespace

}  // namespace filmtherm::api

extern "C" {

int filmtherm_model_create(filmtherm_context* context, int property, const char* model_name,
                           size_t count, const char* const* keys, const char* const* values,
                           filmtherm_model_handle** model) {
  return guarded(__func__, log_of(context), [&] {
    require(context, "context");
    require(model_name, "model_name");
    require(model, "model");
    *model = nullptr;
    if (count > 0) {
      require(keys, "keys");
      require(values, "values");
    }
    if (property < FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY ||
        property >= filmtherm::api::property_count) {
      throw ApiError(FILMTHERM_E_INVALID_ARGUMENT, fmt::format("unknown property {}", property));
    }
    filmtherm::ModelChoice choice;
    choice.model = model_name;
    for (std::size_t i = 0; i < count; ++i) {
      if (keys[i] == nullptr || values[i] == nullptr) {
        throw ApiError(FILMTHERM_E_INVALID_ARGUMENT,
                       fmt::format("{}[{}] is NULL", keys[i] == nullptr ? "keys" : "values", i));
      }
      choice.parameters.push_back({keys[i], values[i]});
    }
    const std::shared_lock lock(context->core->registry_mutex);
    *model = filmtherm::api::make_model(context->core, choice,
                                        static_cast<filmtherm::MaterialProperty>(property), false)
                 .release();
  });
}

void filmtherm_model_destroy(filmtherm_model_handle* model) {
  if (model != nullptr && !model->borrowed) delete model;
}

int filmtherm_model_name(const filmtherm_model_handle* model, char* name, size_t name_size,
                         size_t* name_length) {
  return guarded(__func__, log_of(model), [&] {
    require(model, "model");
    write_string(model->instance.descriptor().name(), name, name_size, name_length,
                 "the model name");
  });
}

int filmtherm_model_info(const filmtherm_model_handle* model, int* property,
                         size_t* parameter_count, int* thread_safe) {
  return guarded(__func__, log_of(model), [&] {
    require(model, "model");
    const filmtherm::ModelDescriptor& descriptor = model->instance.descriptor();
    if (property != nullptr) *property = static_cast<int>(descriptor.property());
    if (parameter_count != nullptr) *parameter_count = descriptor.parameters().size();
    if (thread_safe != nullptr) *thread_safe = descriptor.thread_safe() ? 1 : 0;
  });
}

int filmtherm_model_parameter_string(const filmtherm_model_handle* model, size_t index, int field,
                                     char* text, size_t text_size, size_t* text_length) {
  return guarded(__func__, log_of(model), [&] {
    require(model, "model");
    const filmtherm::ModelParameter& parameter = filmtherm::api::parameter_at(*model, index);
    const std::ptrdiff_t written = filmtherm::api::written_index(model->choice, parameter.name);
    const auto at = static_cast<std::size_t>(written);
    std::string value;
    switch (field) {
      case FILMTHERM_PARAMETER_NAME:
        value = parameter.name;
        break;
      case FILMTHERM_PARAMETER_UNIT:
        value = filmtherm::api::unit_of(parameter.dimension);
        break;
      case FILMTHERM_PARAMETER_TEXT:
        if (written >= 0) value = model->choice.parameters[at].text;
        break;
      case FILMTHERM_PARAMETER_SOURCE:
        if (written >= 0 && at < model->choice.parameter_provenance.size()) {
          value = model->choice.parameter_provenance[at].source;
        }
        break;
      case FILMTHERM_PARAMETER_DOC:
        value = parameter.doc;
        break;
      default:
        throw ApiError(FILMTHERM_E_INVALID_ARGUMENT, fmt::format("unknown field {}", field));
    }
    write_string(value, text, text_size, text_length, "the parameter text");
  });
}

int filmtherm_model_parameter_value(const filmtherm_model_handle* model, size_t index,
                                    double* value_si, int* kind) {
  return guarded(__func__, log_of(model), [&] {
    require(model, "model");
    require(value_si, "value_si");
    const filmtherm::ModelParameter& parameter = filmtherm::api::parameter_at(*model, index);
    *value_si = model->instance.parameter_values_si()[index];
    if (kind != nullptr) {
      const std::ptrdiff_t written = filmtherm::api::written_index(model->choice, parameter.name);
      const auto at = static_cast<std::size_t>(written);
      *kind = written >= 0 && at < model->choice.parameter_provenance.size()
                  ? filmtherm::api::provenance_code(model->choice.parameter_provenance[at].kind)
                  : FILMTHERM_PROVENANCE_UNSPECIFIED;
    }
  });
}

}  // extern "C"
