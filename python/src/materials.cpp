// Material models from Python: one Model (a plugin model instance of any
// property) evaluated over flat NumPy arrays with the GIL released, made
// either from keyword settings (filmtherm.heat_capacity) or from a material
// of a library or device file (filmtherm.Material). Broadcasting happens in
// Python; here every input has the points' length, or one element for all.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <array>
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

// An input of an evaluation: one value per point, or one value for every
// point (a scalar argument broadcast against arrays). A constant is expanded
// chunk by chunk into a small buffer, so that it never costs a copy as long as
// the arrays (16 MB of fresh pages for 10^6 points, measurable beside the
// evaluation itself).
struct Input {
  const double* data = nullptr;
  bool constant = false;
};

Input input_of(const std::optional<InputArray>& array, std::size_t count) {
  if (!array) return {};
  const auto size = static_cast<std::size_t>(array->size());
  if (size != count && size != 1) {
    throw std::invalid_argument("filmtherm: input arrays differ in length");
  }
  return {array->data(), size == 1 && count != 1};
}

constexpr std::size_t chunk_points = 4096;

// One evaluation over flat arrays of `count` points (inputs of size 1 apply to
// every point): value, and its slope(s) when asked for.
py::tuple evaluate(const Model& model, std::size_t count, const InputArray& temperature,
                   const std::optional<InputArray>& second_temperature,
                   const std::optional<InputArray>& thickness,
                   const std::optional<InputArray>& phonon_heat_capacity,
                   const std::optional<InputArray>& phonon_heat_capacity_slope, bool with_slope) {
  std::array<Input, 5> inputs{input_of(temperature, count), input_of(second_temperature, count),
                              input_of(thickness, count), input_of(phonon_heat_capacity, count),
                              input_of(phonon_heat_capacity_slope, count)};
  // Powers report both partial derivatives.
  const MaterialProperty property = model.instance->descriptor().property();
  const bool has_second = property == MaterialProperty::electron_phonon_power ||
                          property == MaterialProperty::phonon_escape_power;
  const auto size = [](bool wanted, std::size_t n) {
    return static_cast<py::ssize_t>(wanted ? n : 0);
  };
  py::array_t<double> value(size(true, count));
  py::array_t<double> slope(size(with_slope, count));
  py::array_t<double> second(size(with_slope && has_second, count));
  double* value_out = value.mutable_data();
  double* slope_out = with_slope ? slope.mutable_data() : nullptr;
  double* second_out = with_slope && has_second ? second.mutable_data() : nullptr;
  {
    py::gil_scoped_release release;
    std::unique_lock<std::mutex> lock;
    if (model.serial) lock = std::unique_lock(*model.serial);
    const bool any_constant =
        std::any_of(inputs.begin(), inputs.end(), [](const Input& i) { return i.constant; });
    const std::size_t step = any_constant ? chunk_points : std::max<std::size_t>(count, 1);
    std::array<std::vector<double>, 5> expanded;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      if (inputs[k].constant) expanded[k].assign(std::min(step, count), *inputs[k].data);
    }
    const auto pointer = [&](std::size_t k, std::size_t start) -> const double* {
      if (inputs[k].data == nullptr) return nullptr;
      return inputs[k].constant ? expanded[k].data() : inputs[k].data + start;
    };
    for (std::size_t start = 0; start < count; start += step) {
      filmtherm_evaluation evaluation{};
      evaluation.struct_size = sizeof(filmtherm_evaluation);
      evaluation.count = std::min(step, count - start);
      evaluation.temperature_K = pointer(0, start);
      evaluation.second_temperature_K = pointer(1, start);
      evaluation.film_thickness_m = pointer(2, start);
      evaluation.phonon_heat_capacity = pointer(3, start);
      evaluation.phonon_heat_capacity_slope = pointer(4, start);
      evaluation.value = value_out + start;
      evaluation.value_slope = slope_out ? slope_out + start : nullptr;
      evaluation.value_second_slope = second_out ? second_out + start : nullptr;
      model.instance->evaluate(evaluation);
    }
  }
  if (!with_slope) return py::make_tuple(value, py::none());
  if (has_second) return py::make_tuple(value, slope, second);
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
      .def("evaluate", &evaluate, py::arg("count"), py::arg("temperature"),
           py::arg("second_temperature") = py::none(), py::arg("thickness") = py::none(),
           py::arg("phonon_heat_capacity") = py::none(),
           py::arg("phonon_heat_capacity_slope") = py::none(), py::arg("slope") = false);
  module.def("make_model", &make_model, py::arg("name"), py::arg("property"), py::arg("settings"),
             py::arg("flags"));
  module.def("load_material", &load_material, py::arg("path"), py::arg("name"));
}

}  // namespace filmtherm::python
