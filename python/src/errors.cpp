// C++ exceptions -> the Python classes of filmtherm._errors. The classes are
// written in Python (docstrings, attributes, ValueError as a base of
// InputError); this translator builds them from the C++ exception's fields:
// every Diagnostic of an InputError (file, line, column, key), the time an
// IntegrationError reached, the message of a PluginError.
#include <pybind11/stl.h>

#include <exception>

#include "bindings.h"
#include "filmtherm/cvode_integrator.h"
#include "filmtherm/input_error.h"
#include "filmtherm/model_handle.h"
#include "filmtherm/quantity_parser.h"
#include "filmtherm/study.h"

namespace filmtherm::python {

namespace {

// `fallback` is the message of a diagnostic made here from another exception,
// which has no expected/found pair.
py::dict diagnostic_dict(const Diagnostic& d, const std::string& fallback = {}) {
  py::dict out;
  out["file"] = d.file.empty() ? py::object(py::none()) : py::object(py::str(d.file));
  out["line"] = d.line > 0 ? py::object(py::int_(d.line)) : py::object(py::none());
  out["column"] = d.column > 0 ? py::object(py::int_(d.column)) : py::object(py::none());
  out["key"] = d.key_path.empty() ? py::object(py::none()) : py::object(py::str(d.key_path));
  out["message"] = d.expected.empty() && d.found.empty() ? fallback : d.message();
  return out;
}

// Raises `class_name` of filmtherm._errors, made from `args` and `kwargs`.
void set_error(const char* class_name, const py::tuple& args, const py::dict& kwargs) {
  const py::object type = py::module_::import("filmtherm._errors").attr(class_name);
  const py::object instance = type(*args, **kwargs);
  PyErr_SetObject(type.ptr(), instance.ptr());
}

void set_input_error(const std::string& message, const std::vector<Diagnostic>& diagnostics) {
  py::list list;
  for (const Diagnostic& d : diagnostics) list.append(diagnostic_dict(d, message));
  py::dict kwargs;
  kwargs["diagnostics"] = list;
  set_error("InputError", py::make_tuple(message), kwargs);
}

}  // namespace

void raise_argument_error(const std::string& key, const std::string& message) {
  Diagnostic d;
  d.key_path = key;
  py::dict entry = diagnostic_dict(d);
  entry["message"] = message;
  py::list list;
  list.append(entry);
  py::dict kwargs;
  kwargs["diagnostics"] = list;
  set_error("InputError", py::make_tuple(key + ": " + message), kwargs);
  throw py::error_already_set();
}

void register_errors(py::module_& /*module*/) {
  py::register_exception_translator([](std::exception_ptr pointer) {
    try {
      if (pointer) std::rethrow_exception(pointer);
    } catch (const InputError& error) {
      set_input_error(error.what(), error.diagnostics());
    } catch (const InvalidPointError& error) {
      set_input_error(error.what(), error.diagnostics());
    } catch (const ParameterError& error) {
      // A model parameter given through the API: no file, the key is the parameter.
      Diagnostic d;
      d.key_path = error.parameter();
      set_input_error(error.what(), {d});
    } catch (const QuantityParseError& error) {
      Diagnostic d;
      d.column = static_cast<int>(error.column()) + 1;
      set_input_error(error.what(), {d});
    } catch (const IntegrationError& error) {
      py::dict kwargs;
      kwargs["time_reached"] = error.time_reached_s();
      set_error("SolverError", py::make_tuple(error.what()), kwargs);
    } catch (const PluginError& error) {
      set_error("PluginError", py::make_tuple(error.what()), py::dict());
    } catch (const std::invalid_argument& error) {
      // A setting a model refuses (a photon, hotspot or solver value): the
      // user must change the input, like every InputError, but no file names it.
      set_input_error(error.what(), {Diagnostic{}});
    } catch (const std::domain_error& error) {
      set_input_error(error.what(), {Diagnostic{}});
    }
  });
}

}  // namespace filmtherm::python
