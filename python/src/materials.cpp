// Material models from Python: one Model (a plugin model instance of any
// property) evaluated over flat NumPy arrays with the GIL released, made
// either from keyword settings (filmtherm.heat_capacity) or from a material
// of a library or device file (filmtherm.Material). Broadcasting happens in
// Python; here every input array has the same length.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <mutex>
#include <optional>

#include "bindings.h"
#include "filmtherm/device_loader.h"
#include "filmtherm/quantity_parser.h"

namespace filmtherm::python {

namespace {

using InputArray = py::array_t<double, py::array::c_style | py::array::forcecast>;

// A model instance; shared so that Python objects can copy the handle. With
// the GIL released, two Python threads may evaluate one instance (a Material
// used from a thread pool): a model its plugin does not declare thread-safe
// is then evaluated by one thread at a time.
struct Model {
  explicit Model(ModelInstance made)
      : instance(std::make_shared<const ModelInstance>(std::move(made))),
        serial(instance->descriptor().thread_safe() ? nullptr : std::make_shared<std::mutex>()) {}
  std::shared_ptr<const ModelInstance> instance;
  std::shared_ptr<std::mutex> serial;
};

// A Python value for a declared parameter as the text the loader parses: a
// str as typed, a bool as 1/0, a number in SI (formatted so it round-trips).
std::string setting_text(const py::handle& value, const ModelParameter* declared) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (py::isinstance<py::bool_>(value)) return value.cast<bool>() ? "1" : "0";
  const double number = value.cast<double>();
  if (declared == nullptr) return py::repr(value).cast<std::string>();
  return format_quantity(number, declared->dimension);
}

const ModelParameter* find_parameter(const ModelDescriptor& model, const std::string& name) {
  for (const ModelParameter& p : model.parameters()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

Model make_model(const std::string& name, const std::string& property_name,
                 const py::dict& settings, const py::dict& flags) {
  const auto registry = registry_snapshot();
  const ModelDescriptor* descriptor = &registry->model(name);
  if (!property_name.empty() && describe(descriptor->property()) != property_name) {
    throw ParameterError("model", "model '" + name + "' supplies the " +
                                      describe(descriptor->property()) + ", not the " +
                                      property_name);
  }
  std::vector<ParameterSetting> parameters;
  // Convenience flags (sound_velocity, debye_temperature, ...) go to the
  // models that declare them, as `filmtherm heat-capacity` does.
  for (const auto& [key, value] : flags) {
    const std::string key_text = key.cast<std::string>();
    if (const ModelParameter* p = find_parameter(*descriptor, key_text)) {
      parameters.push_back({key_text, setting_text(value, p)});
    }
  }
  for (const auto& [key, value] : settings) {
    const std::string key_text = key.cast<std::string>();
    parameters.push_back({key_text, setting_text(value, find_parameter(*descriptor, key_text))});
  }
  return Model(descriptor->instantiate(parameters));
}

Model instantiate_choice(const PluginRegistry& registry, const ModelChoice& choice,
                         MaterialProperty property) {
  return Model(registry.model(choice.model, property).instantiate(choice.parameters));
}

py::dict models_of(const PluginRegistry& registry, const Material& material,
                   const std::optional<ModelChoice>& escape) {
  py::dict out;
  out["phonon_heat_capacity"] = instantiate_choice(registry, material.phonon_heat_capacity,
                                                   MaterialProperty::phonon_heat_capacity);
  out["electron_heat_capacity"] = instantiate_choice(registry, material.electron_heat_capacity,
                                                     MaterialProperty::electron_heat_capacity);
  out["electron_phonon_power"] = instantiate_choice(registry, material.electron_phonon_power,
                                                    MaterialProperty::electron_phonon_power);
  if (material.thermal_conductivity) {
    out["thermal_conductivity"] = instantiate_choice(registry, *material.thermal_conductivity,
                                                     MaterialProperty::thermal_conductivity);
  }
  if (escape) {
    out["phonon_escape_power"] =
        instantiate_choice(registry, *escape, MaterialProperty::phonon_escape_power);
  }
  if (material.critical_temperature) {
    out["critical_temperature"] = material.critical_temperature->value.value();
  }
  if (material.normal_resistivity) {
    out["normal_resistivity"] = material.normal_resistivity->value.value();
  }
  out["name"] = material.name;
  out["file"] = material.mark.file;
  return out;
}

// The material `name` of a library or device file; for a device, its bath's
// escape law comes along. An empty name takes the device's material, or the
// library's only one.
py::dict load_material(const std::filesystem::path& path, const std::string& name) {
  const auto registry = registry_snapshot();
  if (input_file_kind(path) == InputFileKind::device) {
    const Device device = load_device(path, *registry);
    if (!name.empty() && name != device.material.name) {
      raise_argument_error("name", "the device " + path.string() + " is made of '" +
                                       device.material.name + "', not '" + name + "'");
    }
    return models_of(*registry, device.material, device.bath.phonon_escape);
  }
  const MaterialLibrary library = load_material_library(path, *registry);
  std::string known;
  for (const Material& material : library.materials) {
    if (material.name == name || (name.empty() && library.materials.size() == 1)) {
      return models_of(*registry, material, std::nullopt);
    }
    known += (known.empty() ? "" : ", ") + material.name;
  }
  raise_argument_error("name", (name.empty() ? std::string("give the material's name")
                                             : "no material '" + name + "'") +
                                   " in " + path.string() + " (it defines " + known + ")");
}

}  // namespace

py::dict device_material_models(const Device& device) {
  const auto registry = registry_snapshot();
  return models_of(*registry, device.material, device.bath.phonon_escape);
}

namespace {

const double* data_or_null(const std::optional<InputArray>& array, std::size_t count) {
  if (!array) return nullptr;
  if (static_cast<std::size_t>(array->size()) != count) {
    throw std::invalid_argument("filmtherm: input arrays differ in length");
  }
  return array->data();
}

// One evaluation over flat arrays: value, and its slope when asked for.
py::tuple evaluate(const Model& model, const InputArray& temperature,
                   const std::optional<InputArray>& second_temperature,
                   const std::optional<InputArray>& thickness,
                   const std::optional<InputArray>& phonon_heat_capacity,
                   const std::optional<InputArray>& phonon_heat_capacity_slope, bool with_slope) {
  const auto count = static_cast<std::size_t>(temperature.size());
  filmtherm_evaluation evaluation{};
  evaluation.struct_size = sizeof(filmtherm_evaluation);
  evaluation.count = count;
  evaluation.temperature_K = temperature.data();
  evaluation.second_temperature_K = data_or_null(second_temperature, count);
  evaluation.film_thickness_m = data_or_null(thickness, count);
  evaluation.phonon_heat_capacity = data_or_null(phonon_heat_capacity, count);
  evaluation.phonon_heat_capacity_slope = data_or_null(phonon_heat_capacity_slope, count);
  py::array_t<double> value(static_cast<py::ssize_t>(count));
  py::array_t<double> slope(static_cast<py::ssize_t>(with_slope ? count : 0));
  // Powers report both partial derivatives; the second is computed for them
  // whether or not it is kept, as the solvers always ask for it.
  const MaterialProperty property = model.instance->descriptor().property();
  const bool has_second = property == MaterialProperty::electron_phonon_power ||
                          property == MaterialProperty::phonon_escape_power;
  std::vector<double> second_slope(has_second && with_slope ? count : 0);
  evaluation.value = value.mutable_data();
  evaluation.value_slope = with_slope ? slope.mutable_data() : nullptr;
  evaluation.value_second_slope = second_slope.empty() ? nullptr : second_slope.data();
  {
    py::gil_scoped_release release;
    std::unique_lock<std::mutex> lock;
    if (model.serial) lock = std::unique_lock(*model.serial);
    model.instance->evaluate(evaluation);
  }
  if (!with_slope) return py::make_tuple(value, py::none());
  if (has_second) {
    py::array_t<double> second(static_cast<py::ssize_t>(count));
    std::copy(second_slope.begin(), second_slope.end(), second.mutable_data());
    return py::make_tuple(value, slope, second);
  }
  return py::make_tuple(value, slope);
}

}  // namespace

void register_materials(py::module_& module) {
  py::class_<Model>(module, "Model")
      .def_property_readonly("name", [](const Model& m) { return m.instance->descriptor().name(); })
      .def_property_readonly(
          "property", [](const Model& m) { return describe(m.instance->descriptor().property()); })
      .def_property_readonly("plugin",
                             [](const Model& m) { return m.instance->descriptor().plugin_name(); })
      .def_property_readonly("parameters",
                             [](const Model& m) {
                               py::dict out;
                               const auto& declared = m.instance->descriptor().parameters();
                               const auto& values = m.instance->parameter_values_si();
                               for (std::size_t i = 0; i < declared.size(); ++i) {
                                 out[py::str(declared[i].name)] = values[i];
                               }
                               return out;
                             })
      .def("evaluate", &evaluate, py::arg("temperature"),
           py::arg("second_temperature") = py::none(), py::arg("thickness") = py::none(),
           py::arg("phonon_heat_capacity") = py::none(),
           py::arg("phonon_heat_capacity_slope") = py::none(), py::arg("slope") = false);
  module.def("make_model", &make_model, py::arg("name"), py::arg("property"), py::arg("settings"),
             py::arg("flags"));
  module.def("load_material", &load_material, py::arg("path"), py::arg("name"));
}

}  // namespace filmtherm::python
