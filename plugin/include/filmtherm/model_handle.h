// The C++ face of a plugin model: a ModelDescriptor (what a loaded plugin
// offers: name, property, declared parameters, reference) and a ModelInstance
// (one created model, owning the plugin's instance pointer, evaluated over
// arrays). Every failure the plugin reports, and every output that is NaN,
// infinite or a negative heat capacity, becomes a PluginError that names the
// plugin, the model and the inputs. Parameter settings arrive as text with
// units ("4000 m/s") and are checked against the declared dimensions.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "filmtherm/dimension.h"
#include "filmtherm/plugin.h"

namespace filmtherm {

class LoadedPlugin;

/// A plugin misbehaved or refused a request: load failure, error status,
/// non-finite output. The message names the plugin, the model and the inputs.
class PluginError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A user-supplied parameter is wrong: unknown key, missing required key,
/// wrong dimension, rejected by the model. `parameter()` names the key (empty
/// when the error concerns the set as a whole), so an input file can point at it.
class ParameterError : public std::invalid_argument {
 public:
  ParameterError(std::string parameter, const std::string& message)
      : std::invalid_argument(message), parameter_(std::move(parameter)) {}
  const std::string& parameter() const noexcept { return parameter_; }

 private:
  std::string parameter_;
};

enum class MaterialProperty {
  phonon_heat_capacity = FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY,
  electron_heat_capacity = FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY,
  electron_phonon_power = FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER,
  phonon_escape_power = FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER,
  thermal_conductivity = FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY,
};

/// "phonon heat capacity", ...; "unknown property N" for codes from a newer minor ABI.
std::string describe(MaterialProperty property);

/// A declared parameter, converted from the C descriptor.
struct ModelParameter {
  std::string name;
  Dimension dimension;
  double default_value_si = 0.0;
  bool required = false;
  bool has_default = true;  ///< false: optional, create receives NaN when absent
  std::string doc;
};

/// One parameter as a user gave it: key and text with unit ("4000 m/s").
struct ParameterSetting {
  std::string name;
  std::string text;
};

class ModelInstance;

/// A model offered by a loaded plugin. Cheap to copy; keeps its library loaded.
class ModelDescriptor {
 public:
  ModelDescriptor(std::shared_ptr<const LoadedPlugin> plugin, const filmtherm_model* model);

  const std::string& name() const noexcept { return name_; }
  MaterialProperty property() const noexcept { return property_; }
  const std::string& description() const noexcept { return description_; }
  const std::string& reference() const noexcept { return reference_; }
  const std::vector<ModelParameter>& parameters() const noexcept { return parameters_; }
  bool thread_safe() const noexcept { return thread_safe_; }
  const std::string& plugin_name() const noexcept;
  /// The file the plugin was loaded from.
  const std::string& plugin_path() const noexcept;

  /// Parses each setting with its unit, checks it against the declared
  /// dimension, fills defaults, and creates an instance. Throws ParameterError
  /// (unknown key with a suggestion, missing required key, wrong dimension,
  /// value rejected by the model).
  ModelInstance instantiate(std::span<const ParameterSetting> settings) const;

  /// Creates an instance from SI values in declaration order (absent optional
  /// values as NaN). Throws ParameterError when the model rejects them.
  ModelInstance instantiate_si(std::span<const double> values_si) const;

 private:
  friend class ModelInstance;

  std::shared_ptr<const LoadedPlugin> plugin_;
  const filmtherm_model* model_;
  std::string name_;
  MaterialProperty property_;
  std::string description_;
  std::string reference_;
  std::vector<ModelParameter> parameters_;
  bool thread_safe_;
};

/// One created model. Move-only; destroys the plugin's instance when it dies.
class ModelInstance {
 public:
  ModelInstance(ModelDescriptor descriptor, void* instance,
                std::vector<double> parameter_values_si);
  ModelInstance(ModelInstance&& other) noexcept;
  ModelInstance& operator=(ModelInstance&& other) noexcept;
  ModelInstance(const ModelInstance&) = delete;
  ModelInstance& operator=(const ModelInstance&) = delete;
  ~ModelInstance();

  const ModelDescriptor& descriptor() const noexcept { return descriptor_; }
  /// The SI parameter values the instance was created with, in declaration order.
  const std::vector<double>& parameter_values_si() const noexcept { return parameter_values_si_; }

  /// Calls the plugin's evaluate and checks the result: a non-OK status, or a
  /// NaN/infinite output, or a negative heat capacity, throws PluginError.
  /// The hot path: no allocation unless it throws.
  void evaluate(const filmtherm_evaluation& evaluation) const;

 private:
  [[noreturn]] void fail(const filmtherm_evaluation& evaluation, const std::string& what,
                         std::size_t point) const;

  ModelDescriptor descriptor_;
  void* instance_;
  std::vector<double> parameter_values_si_;
};

}  // namespace filmtherm
