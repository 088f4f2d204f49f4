#include "filmtherm/model_handle.h"

#include <fmt/format.h>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

#include "filmtherm/plugin_call_marker.h"
#include "filmtherm/plugin_registry.h"
#include "filmtherm/quantity_parser.h"
#include "filmtherm/spelling.h"

namespace filmtherm {

namespace {

constexpr std::size_t error_buffer_size = 512;

Dimension dimension_from_abi(const filmtherm_dimension& d) {
  return Dimension{d.length, d.mass, d.time, d.current, d.temperature, d.amount};
}

std::vector<ModelParameter> convert_parameters(const filmtherm_model& model) {
  std::vector<ModelParameter> parameters;
  parameters.reserve(model.parameter_count);
  for (std::size_t i = 0; i < model.parameter_count; ++i) {
    const filmtherm_parameter& p = model.parameters[i];
    ModelParameter parameter;
    parameter.name = p.name;
    parameter.dimension = dimension_from_abi(p.dimension);
    parameter.required = (p.flags & FILMTHERM_PARAMETER_REQUIRED) != 0;
    parameter.has_default = !parameter.required && (p.flags & FILMTHERM_PARAMETER_NO_DEFAULT) == 0;
    parameter.default_value_si =
        parameter.has_default ? p.default_value : std::numeric_limits<double>::quiet_NaN();
    parameter.doc = p.doc ? p.doc : "";
    parameters.push_back(std::move(parameter));
  }
  return parameters;
}

bool is_heat_capacity(MaterialProperty property) {
  return property == MaterialProperty::phonon_heat_capacity ||
         property == MaterialProperty::electron_heat_capacity;
}

const char* status_name(int32_t status) {
  switch (status) {
    case FILMTHERM_STATUS_OUT_OF_DOMAIN:
      return "out of domain";
    case FILMTHERM_STATUS_INVALID_ARGUMENT:
      return "invalid argument";
    case FILMTHERM_STATUS_INTERNAL_ERROR:
      return "internal error";
    default:
      return "unknown status";
  }
}

// The property's name as static text, for the crash report's marker.
const char* property_name(MaterialProperty property) noexcept {
  switch (property) {
    case MaterialProperty::phonon_heat_capacity:
      return "phonon heat capacity";
    case MaterialProperty::electron_heat_capacity:
      return "electron heat capacity";
    case MaterialProperty::electron_phonon_power:
      return "electron-phonon power";
    case MaterialProperty::phonon_escape_power:
      return "phonon escape power";
    case MaterialProperty::thermal_conductivity:
      return "thermal conductivity";
  }
  return "unknown property";
}

std::string format_point(const filmtherm_evaluation& e, std::size_t i) {
  std::string text = fmt::format("T = {} K", e.temperature_K[i]);
  if (e.second_temperature_K) text += fmt::format(", second T = {} K", e.second_temperature_K[i]);
  if (e.film_thickness_m) text += fmt::format(", d = {} m", e.film_thickness_m[i]);
  return text;
}

}  // namespace

std::string describe(MaterialProperty property) {
  const std::string name = property_name(property);
  return name == "unknown property" ? fmt::format("unknown property {}", static_cast<int>(property))
                                    : name;
}

ModelDescriptor::ModelDescriptor(std::shared_ptr<const LoadedPlugin> plugin,
                                 const filmtherm_model* model)
    : plugin_(std::move(plugin)),
      model_(model),
      name_(model->name),
      property_(static_cast<MaterialProperty>(model->property)),
      description_(model->description ? model->description : ""),
      reference_(model->reference ? model->reference : ""),
      parameters_(convert_parameters(*model)),
      thread_safe_(model->thread_safe != 0) {}

const std::string& ModelDescriptor::plugin_name() const noexcept {
  return plugin_->name();
}
const std::string& ModelDescriptor::plugin_path() const noexcept {
  return plugin_->path();
}

ModelInstance ModelDescriptor::instantiate(std::span<const ParameterSetting> settings) const {
  std::vector<double> values(parameters_.size());
  std::vector<bool> given(parameters_.size(), false);
  std::vector<std::string> names;
  for (const auto& parameter : parameters_) names.push_back(parameter.name);

  for (const ParameterSetting& setting : settings) {
    const auto it = std::find(names.begin(), names.end(), setting.name);
    if (it == names.end()) {
      std::string known;
      for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
      throw ParameterError(
          setting.name,
          fmt::format("model '{}' has no parameter '{}'{}; its parameters: {}", name_, setting.name,
                      did_you_mean(setting.name, names), known.empty() ? "none" : known));
    }
    const std::size_t index = static_cast<std::size_t>(it - names.begin());
    const ModelParameter& parameter = parameters_[index];
    ParsedQuantity quantity;
    try {
      quantity = parse_quantity(setting.text);
    } catch (const QuantityParseError& error) {
      throw ParameterError(setting.name, fmt::format("parameter '{}' of model '{}': {}",
                                                     setting.name, name_, error.what()));
    }
    if (quantity.dimension != parameter.dimension) {
      throw ParameterError(
          setting.name,
          fmt::format("parameter '{}' of model '{}' expects {}, got '{}', which is {}",
                      setting.name, name_, describe(parameter.dimension), setting.text,
                      describe(quantity.dimension)));
    }
    // After the value's own checks: a value that is wrong in itself is the
    // error to fix first; "given twice" for it would hide that.
    if (given[index]) {
      throw ParameterError(setting.name, fmt::format("parameter '{}' of model '{}' is given twice",
                                                     setting.name, name_));
    }
    values[index] = quantity.value_si;
    given[index] = true;
  }

  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    if (given[i]) continue;
    if (parameters_[i].required) {
      throw ParameterError(
          parameters_[i].name,
          fmt::format("model '{}' needs parameter '{}' ({}: {})", name_, parameters_[i].name,
                      describe(parameters_[i].dimension), parameters_[i].doc));
    }
    values[i] = parameters_[i].default_value_si;
  }
  return instantiate_si(values);
}

ModelInstance ModelDescriptor::instantiate_si(std::span<const double> values_si) const {
  if (values_si.size() != parameters_.size()) {
    throw ParameterError("", fmt::format("model '{}' takes {} parameters, {} given", name_,
                                         parameters_.size(), values_si.size()));
  }
  std::array<char, error_buffer_size> error{};
  void* instance = nullptr;
  const PluginCallSite site{plugin_name().c_str(), name_.c_str(), property_name(property_),
                            "create"};
  const PluginCallScope inside(site);
  const int32_t status =
      model_->create(values_si.data(), values_si.size(), &instance, error.data(), error.size());
  error.back() = '\0';
  if (status != FILMTHERM_STATUS_OK || instance == nullptr) {
    throw ParameterError(
        "", fmt::format("model '{}' (plugin {}) rejected its parameters: {}", name_, plugin_name(),
                        error[0] ? error.data() : "no reason given"));
  }
  return ModelInstance(*this, instance, std::vector<double>(values_si.begin(), values_si.end()));
}

ModelInstance::ModelInstance(ModelDescriptor descriptor, void* instance,
                             std::vector<double> parameter_values_si)
    : descriptor_(std::move(descriptor)),
      instance_(instance),
      parameter_values_si_(std::move(parameter_values_si)) {}

ModelInstance::ModelInstance(ModelInstance&& other) noexcept
    : descriptor_(other.descriptor_),
      instance_(std::exchange(other.instance_, nullptr)),
      parameter_values_si_(std::move(other.parameter_values_si_)) {}

ModelInstance& ModelInstance::operator=(ModelInstance&& other) noexcept {
  if (this != &other) {
    if (instance_ != nullptr) descriptor_.model_->destroy(instance_);
    descriptor_ = other.descriptor_;
    instance_ = std::exchange(other.instance_, nullptr);
    parameter_values_si_ = std::move(other.parameter_values_si_);
  }
  return *this;
}

ModelInstance::~ModelInstance() {
  if (instance_ == nullptr) return;
  const PluginCallSite site{descriptor_.plugin_name().c_str(), descriptor_.name().c_str(),
                            property_name(descriptor_.property()), "destroy"};
  const PluginCallScope inside(site);
  descriptor_.model_->destroy(instance_);
}

void ModelInstance::evaluate(const filmtherm_evaluation& evaluation) const {
  std::array<char, error_buffer_size> error;
  error[0] = '\0';
  // Marked for the crash report: a plugin that dies here is named (four
  // pointer stores and a thread-local one, no allocation).
  const PluginCallSite site{descriptor_.plugin_name().c_str(), descriptor_.name().c_str(),
                            property_name(descriptor_.property()), "evaluate"};
  int32_t status = FILMTHERM_STATUS_OK;
  {
    const PluginCallScope inside(site);
    status = descriptor_.model_->evaluate(instance_, &evaluation, error.data(), error.size());
  }
  if (status != FILMTHERM_STATUS_OK) {
    error.back() = '\0';
    fail(evaluation,
         fmt::format("{} (status {}): {}", status_name(status), status,
                     error[0] ? error.data() : "no reason given"),
         evaluation.count);
  }
  const bool heat_capacity = is_heat_capacity(descriptor_.property());
  for (std::size_t i = 0; i < evaluation.count; ++i) {
    const double value = evaluation.value[i];
    if (!std::isfinite(value)) fail(evaluation, fmt::format("returned {}", value), i);
    if (heat_capacity && value < 0.0) {
      fail(evaluation, fmt::format("returned a negative heat capacity {} J/(m^3 K)", value), i);
    }
    if (evaluation.value_slope && !std::isfinite(evaluation.value_slope[i])) {
      fail(evaluation, fmt::format("returned a slope of {}", evaluation.value_slope[i]), i);
    }
    if (evaluation.value_second_slope && !std::isfinite(evaluation.value_second_slope[i])) {
      fail(evaluation,
           fmt::format("returned a second slope of {}", evaluation.value_second_slope[i]), i);
    }
    if (evaluation.energy_density && !std::isfinite(evaluation.energy_density[i])) {
      fail(evaluation, fmt::format("returned an energy of {}", evaluation.energy_density[i]), i);
    }
  }
}

void ModelInstance::fail(const filmtherm_evaluation& evaluation, const std::string& what,
                         std::size_t point) const {
  std::string where;
  if (point < evaluation.count) {
    where = fmt::format(" at point {} ({})", point, format_point(evaluation, point));
  } else if (evaluation.count == 1) {
    where = fmt::format(" at {}", format_point(evaluation, 0));
  } else if (evaluation.count > 1) {
    where =
        fmt::format(" for {} points starting at {}", evaluation.count, format_point(evaluation, 0));
  }
  throw PluginError(fmt::format("plugin {} model '{}' ({}){}: {}", descriptor_.plugin_name(),
                                descriptor_.name(), describe(descriptor_.property()), where, what));
}

}  // namespace filmtherm
