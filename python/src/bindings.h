// The pieces of the `_filmtherm` extension module, one concept per file: the
// plugin registry the module shares (registry.cpp), errors (errors.cpp), unit
// parsing (units.cpp), material models (materials.cpp), devices and their
// runs (devices.cpp), studies (studies.cpp). The pure-Python package
// `filmtherm` wraps them with NumPy broadcasting, docstrings and records.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>

#include "filmtherm/device.h"
#include "filmtherm/plugin_registry.h"

namespace filmtherm::python {

namespace py = pybind11;

/// The registry every call of the module uses: the built-in plugins, the
/// folders of FILMTHERM_PLUGIN_PATH, and what load_plugin() added. Replaced,
/// never mutated, by load_plugin, so a run that holds a snapshot (with the
/// GIL released) is never disturbed by a plugin loaded meanwhile.
std::shared_ptr<const PluginRegistry> registry_snapshot();

/// Translates filmtherm's C++ exceptions into the Python classes of
/// filmtherm._errors (InputError, SolverError, PluginError).
void register_errors(py::module_& module);
void register_registry(py::module_& module);
void register_units(py::module_& module);
void register_materials(py::module_& module);
void register_devices(py::module_& module);
void register_studies(py::module_& module);

/// The models of a device's material and its bath's escape law, as
/// load_material returns them (materials.cpp).
py::dict device_material_models(const Device& device);

/// Raises filmtherm.InputError for one value given through the Python API
/// (no file): `key` names the argument, `message` says what is wrong.
[[noreturn]] void raise_argument_error(const std::string& key, const std::string& message);

}  // namespace filmtherm::python
