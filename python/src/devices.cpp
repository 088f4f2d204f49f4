// Devices from Python: load a device file (or YAML text made from a dict),
// run it once per phonon model through the same code as `filmtherm run`
// (run_device_model, with the GIL released), and hand back every trace
// column as a NumPy array, T(x, t) of a wire as a 2-D array, and the text of
// summary.json. With an output folder the trace CSVs and summary.json are
// written there too, as `filmtherm run --no-plot` writes them.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cmath>
#include <functional>
#include <sstream>

#include "bindings.h"
#include "filmtherm/device_loader.h"
#include "filmtherm/device_run.h"
#include "filmtherm/input_limits.h"
#include "filmtherm/quantity_parser.h"

namespace filmtherm::python {

namespace {

template <class Sample>
py::array_t<double> column(const std::vector<Sample>& trace,
                           const std::function<double(const Sample&)>& field) {
  py::array_t<double> out(static_cast<py::ssize_t>(trace.size()));
  double* data = out.mutable_data();
  for (std::size_t i = 0; i < trace.size(); ++i) data[i] = field(trace[i]);
  return out;
}

py::array_t<double> vector_array(const std::vector<double>& values) {
  py::array_t<double> out(static_cast<py::ssize_t>(values.size()));
  std::copy(values.begin(), values.end(), out.mutable_data());
  return out;
}

py::array_t<double> matrix_array(const std::vector<double>& values, std::size_t rows) {
  const std::size_t columns = rows == 0 ? 0 : values.size() / rows;
  py::array_t<double> out({static_cast<py::ssize_t>(rows), static_cast<py::ssize_t>(columns)});
  std::copy(values.begin(), values.end(), out.mutable_data());
  return out;
}

py::dict lumped_run(const RunRecord& run) {
  using S = CoolingSample;
  const std::vector<S>& trace = run.result.trace;
  py::dict arrays;
  arrays["t"] = column<S>(trace, [](const S& s) { return s.time_s; });
  arrays["T_e"] = column<S>(trace, [](const S& s) { return s.electron_temperature_K; });
  arrays["T_ph"] = column<S>(trace, [](const S& s) { return s.phonon_temperature_K; });
  arrays["P_ep"] = column<S>(trace, [](const S& s) { return s.electron_phonon_power_W_per_m3; });
  arrays["P_esc"] = column<S>(trace, [](const S& s) { return s.escape_power_W_per_m3; });
  arrays["E_absorbed"] = column<S>(trace, [](const S& s) { return s.absorbed_energy_J; });
  arrays["E_electrons"] = column<S>(trace, [](const S& s) { return s.electron_energy_J; });
  arrays["E_phonons"] = column<S>(trace, [](const S& s) { return s.phonon_energy_J; });
  arrays["E_escaped"] = column<S>(trace, [](const S& s) { return s.escaped_energy_J; });
  py::dict out;
  out["phonon_model"] = run.result.phonon_model;
  out["trace_file"] = run.trace_file;
  out["arrays"] = arrays;
  out["solve_wall_time"] = run.result.solve_wall_time_s;
  out["arrival_time"] = run.result.arrival_time_s;
  out["start_time"] = run.result.start_time_s;
  return out;
}

py::dict wire_run(const WireRunRecord& run) {
  using S = WireSample;
  const WireResult& r = run.result;
  const std::vector<S>& trace = r.trace;
  py::dict arrays;
  arrays["t"] = column<S>(trace, [](const S& s) { return s.time_s; });
  arrays["I"] = column<S>(trace, [](const S& s) { return s.current_A; });
  arrays["V_out"] = column<S>(trace, [](const S& s) { return s.output_voltage_V; });
  arrays["V_C"] = column<S>(trace, [](const S& s) { return s.capacitor_voltage_V; });
  arrays["R_hs"] = column<S>(trace, [](const S& s) { return s.hotspot_resistance_Ohm; });
  arrays["hotspot_length"] = column<S>(trace, [](const S& s) { return s.hotspot_length_m; });
  arrays["T_max"] = column<S>(trace, [](const S& s) { return s.hottest_K; });
  arrays["T_ph_max"] = column<S>(trace, [](const S& s) { return s.hottest_phonon_K; });
  arrays["E_absorbed"] = column<S>(trace, [](const S& s) { return s.absorbed_energy_J; });
  arrays["E_stored"] = column<S>(trace, [](const S& s) { return s.stored_energy_J; });
  arrays["E_joule"] = column<S>(trace, [](const S& s) { return s.joule_energy_J; });
  arrays["E_escaped"] = column<S>(trace, [](const S& s) { return s.escaped_energy_J; });
  arrays["E_ends"] = column<S>(trace, [](const S& s) { return s.end_energy_J; });
  arrays["E_load"] = column<S>(trace, [](const S& s) { return s.load_energy_J; });
  arrays["W_source"] = column<S>(trace, [](const S& s) { return s.source_work_J; });
  const WireProfiles& p = r.profiles;
  arrays["x"] = vector_array(p.position_m);
  arrays["t_profile"] = vector_array(p.times_s);
  arrays["T_xt"] = matrix_array(p.temperature_K, p.times_s.size());
  if (!p.phonon_temperature_K.empty()) {
    arrays["T_ph_xt"] = matrix_array(p.phonon_temperature_K, p.times_s.size());
  }
  py::dict out;
  out["phonon_model"] = r.phonon_model;
  out["trace_file"] = run.trace_file;
  out["arrays"] = arrays;
  out["solve_wall_time"] = r.solve_wall_time_s;
  out["arrival_time"] = r.arrival_time_s;
  out["start_time"] = r.start_time_s;
  return out;
}

// The run's overrides of the device's `wire:` keys (only those given).
WireSettings wire_overrides(const py::dict& given) {
  WireSettings settings;
  const SourceMark host{"Device.run", 0, 0};
  for (const auto& [key, value] : given) {
    const std::string name = key.cast<std::string>();
    const std::string text = py::isinstance<py::str>(value) ? value.cast<std::string>() : "";
    auto word = [&](std::optional<Sourced<std::string>>& setting, bool known, const char* words) {
      if (!known) raise_argument_error(name, words);
      setting = Sourced<std::string>{text, host, {}};
    };
    if (name == "cells") {
      const long cells = value.cast<long>();
      if (cells < 3) raise_argument_error("cells", "the wire needs at least 3 cells");
      if (cells > limits::max_wire_cells) {
        raise_argument_error("cells", "at most " + std::to_string(limits::max_wire_cells) +
                                          " cells (" + limits::wire_cells_reason + ")");
      }
      settings.cells = Sourced<int>{static_cast<int>(cells), host, {}};
    } else if (name == "temperatures") {
      word(settings.temperatures, parse_temperature_form(text).has_value(), "'one' or 'two'");
    } else if (name == "switch") {
      word(settings.resistive_switch, parse_resistive_switch(text).has_value(),
           "'front', 'smoothed' or 'root-finding'");
    } else if (name == "switch_width") {
      std::optional<Temperature> width;  // None: auto, scaled to the film
      if (!value.is_none()) {
        width = from_si<Temperature>(value.cast<double>());
        if (!(std::isfinite(width->value()) && width->value() > 0.0)) {
          raise_argument_error(name, "must be 'auto' or a positive temperature");
        }
      }
      settings.switch_width = Sourced<std::optional<Temperature>>{width, host, {}};
    } else if (name == "escape") {
      word(settings.escape, parse_escape_law(text).has_value(), "'model-power' or 'linearised'");
    } else if (name == "scheme") {
      word(settings.scheme, parse_wire_discretisation(text).has_value(),
           "'conservative' or 'published'");
    } else if (name == "stop_at_recovery") {
      settings.stop_at_recovery = Sourced<bool>{value.cast<bool>(), host, {}};
    } else if (name == "record_profiles") {
      settings.record_profiles = Sourced<bool>{value.cast<bool>(), host, {}};
    } else {
      raise_argument_error(name,
                           "unknown wire option (cells, temperatures, switch, switch_width, "
                           "escape, stop_at_recovery, record_profiles)");
    }
  }
  return settings;
}

struct PyDevice {
  Device device;
};

py::dict run(const PyDevice& self, const std::vector<std::string>& phonon_models,
             const std::optional<std::filesystem::path>& output, const py::dict& wire) {
  DeviceRunOptions options;
  options.compare_phonons = phonon_models;
  options.wire = wire_overrides(wire);
  const auto registry = registry_snapshot();
  DeviceRunOutcome outcome;
  std::string summary;
  {
    py::gil_scoped_release release;
    try {
      outcome = run_device_model(self.device, *registry, options);
    } catch (const IntegrationError&) {
      // As `filmtherm run`: nothing in the folder may look like this run's result.
      if (output) remove_device_outputs(self.device, options, *output);
      throw;
    }
    if (output) {
      std::ostringstream warnings;  // only plot warnings, and no plots are drawn
      write_device_outputs(self.device, outcome, *output, false, warnings, options);
    }
    summary = device_summary_json(self.device, outcome);
  }
  py::list runs;
  for (const RunRecord& record : outcome.lumped_runs) runs.append(lumped_run(record));
  for (const WireRunRecord& record : outcome.wire_runs) runs.append(wire_run(record));
  py::dict out;
  out["runs"] = runs;
  out["summary_json"] = summary;
  return out;
}

std::optional<double> optional_value(const auto& sourced) {
  if (!sourced) return std::nullopt;
  return sourced->value.value();
}

}  // namespace

void register_devices(py::module_& module) {
  py::class_<PyDevice>(module, "Device")
      .def_property_readonly("name", [](const PyDevice& d) { return d.device.name; })
      .def_property_readonly("source_file", [](const PyDevice& d) { return d.device.source_file; })
      .def_property_readonly(
          "model", [](const PyDevice& d) { return std::string(device_model_name(d.device.model)); })
      .def_property_readonly("material", [](const PyDevice& d) { return d.device.material.name; })
      .def_property_readonly(
          "phonon_model",
          [](const PyDevice& d) { return d.device.material.phonon_heat_capacity.model; })
      .def_property_readonly(
          "thickness", [](const PyDevice& d) { return d.device.film.thickness.value.value(); })
      .def_property_readonly("width",
                             [](const PyDevice& d) { return d.device.film.width.value.value(); })
      .def_property_readonly(
          "bath_temperature",
          [](const PyDevice& d) { return d.device.bath.temperature.value.value(); })
      .def_property_readonly(
          "critical_temperature",
          [](const PyDevice& d) { return optional_value(d.device.material.critical_temperature); })
      .def_property_readonly("compare_phonons",
                             [](const PyDevice& d) { return d.device.compare_phonon_models; })
      .def_property_readonly("output_folder",
                             [](const PyDevice& d) { return d.device.output.folder; })
      .def("material_models", [](const PyDevice& d) { return device_material_models(d.device); })
      .def("run", &run, py::arg("phonon_models"), py::arg("output"), py::arg("wire"));
  module.def(
      "load_device",
      [](const std::filesystem::path& path) {
        return PyDevice{load_device(path, *registry_snapshot())};
      },
      py::arg("path"));
  module.def(
      "load_device_from_string",
      [](const std::string& text, const std::filesystem::path& path) {
        return PyDevice{load_device_from_string(text, *registry_snapshot(), path)};
      },
      py::arg("text"), py::arg("path"));
}

}  // namespace filmtherm::python
