// Values typed by a person ("6 nm", "4 km/s") through the C++ quantity
// parser, checked against the dimension the argument needs. The expected
// dimension is given as its SI unit ("m", "K", "m/s"), read by the same
// parser, so the Python side names units, never exponent tuples.
#include <pybind11/stl.h>

#include "bindings.h"
#include "filmtherm/dimension.h"
#include "filmtherm/quantity_parser.h"

namespace filmtherm::python {

namespace {

Dimension dimension_of_unit(const std::string& si_unit) {
  return si_unit.empty() ? Dimension{} : parse_quantity("1 " + si_unit).dimension;
}

}  // namespace

void register_units(py::module_& module) {
  module.def(
      "parse_quantity",
      [](const std::string& text, const std::string& si_unit, const std::string& key) {
        const Dimension expected = dimension_of_unit(si_unit);
        try {
          return parse_quantity_si(text, expected);
        } catch (const QuantityParseError& error) {
          raise_argument_error(key, error.what());
        }
      },
      py::arg("text"), py::arg("si_unit"), py::arg("key"));
  module.def(
      "format_quantity",
      [](double value_si, const std::string& si_unit) {
        return format_quantity(value_si, dimension_of_unit(si_unit));
      },
      py::arg("value_si"), py::arg("si_unit"));
  module.def(
      "describe_unit",
      [](const std::string& si_unit) { return describe(dimension_of_unit(si_unit)); },
      py::arg("si_unit"));
}

}  // namespace filmtherm::python
