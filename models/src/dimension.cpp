#include "filmtherm/dimension.h"

#include <array>

namespace filmtherm {
namespace {

constexpr Dimension dim(int metre, int kilogram, int second, int ampere = 0, int kelvin = 0,
                        int mole = 0) {
  return Dimension{metre, kilogram, second, ampere, kelvin, mole};
}

// Order matters only for readability; each Dimension appears once (tested).
constexpr std::array named_dimension_table{
    NamedDimension{dim(0, 0, 0), "dimensionless", "", ""},
    NamedDimension{dim(1, 0, 0), "a length", "m", "nm"},
    NamedDimension{dim(2, 0, 0), "an area", "m^2", "um^2"},
    NamedDimension{dim(3, 0, 0), "a volume", "m^3", "um^3"},
    NamedDimension{dim(-1, 0, 0), "a wavenumber", "m^-1", "m^-1"},
    NamedDimension{dim(-3, 0, 0), "a number density", "m^-3", "m^-3"},
    NamedDimension{dim(0, 1, 0), "a mass", "kg", "kg"},
    NamedDimension{dim(0, 0, 1), "a time", "s", "ps"},
    NamedDimension{dim(0, 0, -1), "a frequency", "s^-1", "s^-1"},
    NamedDimension{dim(0, 0, 0, 1), "a current", "A", "uA"},
    NamedDimension{dim(0, 0, 0, 0, 1), "a temperature", "K", "K"},
    NamedDimension{dim(0, 0, 0, 0, 0, 1), "an amount of substance", "mol", "mol"},
    NamedDimension{dim(1, 0, -1), "a velocity", "m s^-1", "m/s"},
    NamedDimension{dim(2, 0, -1), "a diffusivity", "m^2 s^-1", "cm^2/s"},
    NamedDimension{dim(1, 1, -2), "a force", "N", "N"},
    NamedDimension{dim(2, 1, -2), "an energy", "J", "eV"},
    NamedDimension{dim(2, 1, -3), "a power", "W", "nW"},
    NamedDimension{dim(0, 0, 1, 1), "an electric charge", "C", "C"},
    NamedDimension{dim(2, 1, -3, -1), "a voltage", "V", "mV"},
    NamedDimension{dim(2, 1, -3, -2), "a resistance", "Ohm", "Ohm"},
    NamedDimension{dim(-2, -1, 3, 2), "a conductance", "S", "S"},
    NamedDimension{dim(-2, -1, 4, 2), "a capacitance", "F", "fF"},
    NamedDimension{dim(2, 1, -2, -2), "an inductance", "H", "nH"},
    NamedDimension{dim(2, 1, -2, 0, -1), "a heat capacity", "J K^-1", "J/K"},
    NamedDimension{dim(-1, 1, -2, 0, -1), "a volumetric heat capacity", "J m^-3 K^-1", "J/(m^3 K)"},
    NamedDimension{dim(-1, 1, -2, 0, -2), "a Sommerfeld coefficient or heat-capacity slope",
                   "J m^-3 K^-2", "J/(m^3 K^2)"},
    NamedDimension{dim(-1, 1, -2), "an energy density", "J m^-3", "J/m^3"},
    NamedDimension{dim(-1, 1, -3), "a power density", "W m^-3", "W/m^3"},
    NamedDimension{dim(-1, 1, -3, 0, -1), "a power density per kelvin", "W m^-3 K^-1", "W/(m^3 K)"},
    NamedDimension{dim(0, 1, -3), "a heat flux", "W m^-2", "W/m^2"},
    NamedDimension{dim(0, 1, -3, 0, -1), "a boundary conductance", "W m^-2 K^-1", "W/(m^2 K)"},
    NamedDimension{dim(1, 1, -3, 0, -1), "a thermal conductivity", "W m^-1 K^-1", "W/(m K)"},
    NamedDimension{dim(3, 1, -3, -2), "a resistivity", "Ohm m", "Ohm m"},
    NamedDimension{dim(4, 2, -6, -2, -2), "a Lorenz number", "W Ohm K^-2", "W Ohm/K^2"},
};

void append_power(std::string& out, std::string_view symbol, int exponent) {
  if (exponent == 0) return;
  if (!out.empty()) out += ' ';
  out += symbol;
  if (exponent != 1) {
    out += '^';
    out += std::to_string(exponent);
  }
}

}  // namespace

std::span<const NamedDimension> named_dimensions() {
  return named_dimension_table;
}

const NamedDimension* find_named_dimension(const Dimension& d) {
  for (const NamedDimension& entry : named_dimension_table) {
    if (entry.dimension == d) return &entry;
  }
  return nullptr;
}

std::string base_unit_form(const Dimension& d) {
  std::string out;
  append_power(out, "kg", d.kilogram);
  append_power(out, "m", d.metre);
  append_power(out, "s", d.second);
  append_power(out, "A", d.ampere);
  append_power(out, "K", d.kelvin);
  append_power(out, "mol", d.mole);
  return out;
}

std::string describe(const Dimension& d) {
  const NamedDimension* named = find_named_dimension(d);
  if (named != nullptr && named->si_unit.empty()) return std::string(named->name);
  // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
  std::string out;
  if (named != nullptr) {
    out += named->name;
    out += ' ';
  }
  out += '[';
  out += named != nullptr ? std::string(named->si_unit) : base_unit_form(d);
  out += ']';
  return out;
}

}  // namespace filmtherm
