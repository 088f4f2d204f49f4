// The extension module `filmtherm._filmtherm`. The public API is the
// pure-Python package around it (python/filmtherm/); this module only moves
// arrays and values across and releases the GIL while C++ computes.
#include "bindings.h"

PYBIND11_MODULE(_filmtherm, module) {
  module.doc() = "C++ core of the filmtherm Python package (use `import filmtherm`).";
  module.attr("version") = FILMTHERM_VERSION;
  filmtherm::python::register_errors(module);
  filmtherm::python::register_registry(module);
  filmtherm::python::register_units(module);
  filmtherm::python::register_materials(module);
  filmtherm::python::register_devices(module);
  filmtherm::python::register_studies(module);
}
