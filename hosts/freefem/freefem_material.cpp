// The loaded material of the FreeFEM plugin over filmtherm's C API
// (freefem_material.h). Every C API failure becomes a message naming what was
// being done and the C API's own reason.
#include "freefem_material.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace filmtherm::freefem {
namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

/// Splits "key=value;key=value" into keys and values; a message on a bad item.
std::string split_parameters(const std::string& text, std::vector<std::string>* keys,
                             std::vector<std::string>* values) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    const std::string item = trim(text.substr(start, end - start));
    start = end + 1;
    if (item.empty()) continue;
    const std::size_t equals = item.find('=');
    if (equals == std::string::npos || trim(item.substr(0, equals)).empty() ||
        trim(item.substr(equals + 1)).empty()) {
      return "parameter '" + item +
             "' is not key=value (expected e.g. \"boundary_coefficient=86.9 W/(m^2 K^4)\")";
    }
    keys->push_back(trim(item.substr(0, equals)));
    values->push_back(trim(item.substr(equals + 1)));
  }
  return "";
}

/// One string of a model's parameter (filmtherm_model_parameter_string).
std::string parameter_string(const filmtherm_model_handle* model, std::size_t index, int field) {
  std::size_t length = 0;
  filmtherm_model_parameter_string(model, index, field, nullptr, 0, &length);
  std::string text(length + 1, '\0');
  if (filmtherm_model_parameter_string(model, index, field, text.data(), text.size(), nullptr) !=
      FILMTHERM_OK) {
    return "";
  }
  text.resize(length);
  return text;
}

const char* domain_of(MaterialFunction f, int argument) {
  const bool bath = argument == 1 && (f == MaterialFunction::escape_power ||
                                      f == MaterialFunction::escape_power_slope_phonon ||
                                      f == MaterialFunction::escape_power_slope_bath);
  return bath ? ">= 0" : "> 0";
}

/// The arguments of f with their SI units, for messages.
const char* const* argument_names(MaterialFunction f) {
  static const char* const one[] = {"T [K]"};
  static const char* const capacity[] = {"T [K]", "d [m]"};
  static const char* const eph[] = {"Te [K]", "Tph [K]"};
  static const char* const escape[] = {"T [K]", "Tb [K]", "d [m]"};
  switch (f) {
    case MaterialFunction::phonon_heat_capacity:
    case MaterialFunction::phonon_heat_capacity_slope:
      return capacity;
    case MaterialFunction::electron_phonon_power:
    case MaterialFunction::electron_phonon_power_slope_electron:
    case MaterialFunction::electron_phonon_power_slope_phonon:
      return eph;
    case MaterialFunction::escape_power:
    case MaterialFunction::escape_power_slope_phonon:
    case MaterialFunction::escape_power_slope_bath:
      return escape;
    default:
      return one;
  }
}

}  // namespace

void FreeFemMaterial::release() {
  filmtherm_model_destroy(own_escape_);
  filmtherm_model_destroy(own_phonons_);
  filmtherm_material_destroy(material_);
  filmtherm_device_destroy(device_);
  filmtherm_context_destroy(context_);
  context_ = nullptr;
  material_ = nullptr;
  device_ = nullptr;
  own_escape_ = own_phonons_ = nullptr;
  film_ = nullptr;
  phonons_ = escape_ = nullptr;
}

std::string FreeFemMaterial::failure(int code, const std::string& doing) const {
  const char* reason =
      context_ != nullptr ? filmtherm_context_errmsg(context_) : filmtherm_last_error();
  return doing + ": " + reason + " (" + filmtherm_code_name(code) + ")";
}

std::string FreeFemMaterial::load_library_material(const std::string& library_path,
                                                   const std::string& name) {
  release();
  const std::string doing = "loading material '" + name + "' of library '" + library_path + "'";
  int code = filmtherm_context_create(&context_);
  filmtherm_library* library = nullptr;
  if (code == FILMTHERM_OK)
    code = filmtherm_library_load_file(context_, library_path.c_str(), &library);
  if (code == FILMTHERM_OK) code = filmtherm_material_create(library, name.c_str(), &material_);
  filmtherm_library_destroy(library);  // the material does not need it once made
  if (code == FILMTHERM_OK) {
    film_ = material_;
    code = filmtherm_material_model(film_, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, &phonons_);
  }
  if (code == FILMTHERM_OK) return "";
  const std::string message = failure(code, doing);
  release();
  return message;
}

std::string FreeFemMaterial::load_device(const std::string& device_path) {
  release();
  const std::string doing = "loading device '" + device_path + "'";
  int code = filmtherm_context_create(&context_);
  if (code == FILMTHERM_OK)
    code = filmtherm_device_load_file(context_, device_path.c_str(), &device_);
  if (code == FILMTHERM_OK) code = filmtherm_device_material(device_, &film_);
  if (code == FILMTHERM_OK) code = filmtherm_device_escape_model(device_, &escape_);
  if (code == FILMTHERM_OK)
    code = filmtherm_material_model(film_, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, &phonons_);
  if (code == FILMTHERM_OK) return "";
  const std::string message = failure(code, doing);
  release();
  return message;
}

std::string FreeFemMaterial::create_model(int property, const std::string& model,
                                          const std::string& parameters,
                                          filmtherm_model_handle** created) {
  std::vector<std::string> keys, values;
  const std::string bad = split_parameters(parameters, &keys, &values);
  if (!bad.empty()) return "model '" + model + "': " + bad;
  std::vector<const char*> key_pointers, value_pointers;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    key_pointers.push_back(keys[i].c_str());
    value_pointers.push_back(values[i].c_str());
  }
  const int code = filmtherm_model_create(context_, property, model.c_str(), keys.size(),
                                          key_pointers.data(), value_pointers.data(), created);
  return code == FILMTHERM_OK ? "" : failure(code, "creating model '" + model + "'");
}

std::string FreeFemMaterial::set_escape(const std::string& model, const std::string& parameters) {
  if (film_ == nullptr)
    return "no material loaded: call filmthermMaterial or filmthermDevice first";
  filmtherm_model_handle* created = nullptr;
  const std::string message =
      create_model(FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER, model, parameters, &created);
  if (!message.empty()) return message;
  filmtherm_model_destroy(own_escape_);
  own_escape_ = created;
  escape_ = created;
  return "";
}

std::string FreeFemMaterial::set_phonons(const std::string& model) {
  if (film_ == nullptr)
    return "no material loaded: call filmthermMaterial or filmthermDevice first";
  const filmtherm_model_handle* own = nullptr;
  int code = filmtherm_material_model(film_, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, &own);
  std::size_t count = 0;
  if (code == FILMTHERM_OK) code = filmtherm_model_info(own, nullptr, &count, nullptr);
  if (code != FILMTHERM_OK) return failure(code, "reading the material's phonon model");
  // The material's parameters as written (shared names across the phonon
  // models, docs/physics.md section 1.6); defaulted ones are left out.
  std::string parameters;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string text = parameter_string(own, i, FILMTHERM_PARAMETER_TEXT);
    if (!text.empty())
      parameters += parameter_string(own, i, FILMTHERM_PARAMETER_NAME) + "=" + text + ";";
  }
  filmtherm_model_handle* created = nullptr;
  const std::string message =
      create_model(FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, model, parameters, &created);
  if (!message.empty()) return message;
  filmtherm_model_destroy(own_phonons_);
  own_phonons_ = created;
  phonons_ = created;
  return "";
}

std::string FreeFemMaterial::evaluate(MaterialFunction f, double a, double b, double c,
                                      double* result) const {
  if (film_ == nullptr)
    return "no material loaded: call filmthermMaterial or filmthermDevice first";
  using F = MaterialFunction;
  const double args[3] = {a, b, c};
  int arg_count = 1;
  if (f == F::phonon_heat_capacity || f == F::phonon_heat_capacity_slope ||
      f == F::electron_phonon_power || f == F::electron_phonon_power_slope_electron ||
      f == F::electron_phonon_power_slope_phonon)
    arg_count = 2;
  if (f == F::escape_power || f == F::escape_power_slope_phonon || f == F::escape_power_slope_bath)
    arg_count = 3;
  for (int i = 0; i < arg_count; ++i) {
    const bool bath_allowed = std::string(domain_of(f, i)) == ">= 0";
    if (!std::isfinite(args[i]) || args[i] < 0.0 || (args[i] == 0.0 && !bath_allowed)) {
      char value[32];
      std::snprintf(value, sizeof value, "%.17g", args[i]);
      return "argument " + std::to_string(i + 1) + " (" + argument_names(f)[i] + ") is " + value +
             ": out of domain (must be finite and " + domain_of(f, i) + ")";
    }
  }
  double value = 0.0, first = 0.0, second = 0.0;
  int code = FILMTHERM_OK;
  const filmtherm_model_handle* model = nullptr;
  switch (f) {
    case F::phonon_heat_capacity:
    case F::phonon_heat_capacity_slope:
      code = filmtherm_phonon_heat_capacity(phonons_, 1, &a, &b, &value, &first, nullptr);
      break;
    case F::electron_heat_capacity:
    case F::electron_heat_capacity_slope:
      code = filmtherm_material_model(film_, FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY, &model);
      if (code == FILMTHERM_OK)
        code = filmtherm_electron_heat_capacity(model, 1, &a, &value, &first, nullptr);
      break;
    case F::electron_phonon_power:
    case F::electron_phonon_power_slope_electron:
    case F::electron_phonon_power_slope_phonon:
      code = filmtherm_material_model(film_, FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER, &model);
      if (code == FILMTHERM_OK)
        code = filmtherm_electron_phonon_power(model, 1, &a, &b, &value, &first, &second);
      break;
    case F::escape_power:
    case F::escape_power_slope_phonon:
    case F::escape_power_slope_bath: {
      if (escape_ == nullptr)
        return "no phonon-escape law: load a device (filmthermDevice) or set one "
               "(filmthermEscape)";
      double heat_capacity = 0.0, heat_capacity_slope = 0.0;
      code = filmtherm_phonon_heat_capacity(phonons_, 1, &a, &c, &heat_capacity,
                                            &heat_capacity_slope, nullptr);
      if (code == FILMTHERM_OK)
        code = filmtherm_phonon_escape_power(escape_, 1, &a, &b, &c, &heat_capacity,
                                             &heat_capacity_slope, &value, &first, &second);
      break;
    }
    case F::thermal_conductivity:
    case F::thermal_conductivity_slope:
      code = filmtherm_material_model(film_, FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY, &model);
      if (code == FILMTHERM_OK) code = filmtherm_thermal_conductivity(model, 1, &a, &value, &first);
      break;
  }
  if (code != FILMTHERM_OK) return failure(code, "evaluating");
  switch (f) {
    case F::phonon_heat_capacity_slope:
    case F::electron_heat_capacity_slope:
    case F::electron_phonon_power_slope_electron:
    case F::escape_power_slope_phonon:
    case F::thermal_conductivity_slope:
      *result = first;
      break;
    case F::electron_phonon_power_slope_phonon:
    case F::escape_power_slope_bath:
      *result = second;
      break;
    default:
      *result = value;
  }
  return "";
}

}  // namespace filmtherm::freefem
