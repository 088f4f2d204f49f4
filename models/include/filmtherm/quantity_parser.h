// Quantity parser: turns a value typed with its unit ("6 nm", "4 km/s",
// "200 J/(m^3 K^2)", "16.5 µA", "9.4e28 /m^3") into an SI double and its
// Dimension, and checks that dimension against the quantity type the caller
// expects (`parse_quantity_as<Velocity>("4000 m/s")`). Grammar: a decimal or
// scientific number, then an optional unit expression: symbols (m g s A K mol
// Hz N J W Pa C V Ohm/ohm/Ω F H S eV rad, each with an optional SI prefix y..Y,
// micro as u, µ or μ) multiplied by spaces, '*' or '·', divided by '/',
// grouped by parentheses and raised to integer powers with '^' ("m^-3") or
// superscripts ("m⁻³"). A product after a '/' ("W/m^2 K") is rejected as
// ambiguous. Errors throw QuantityParseError with the byte column of the
// problem, so the input layer can point at it. Scaling by a decimal prefix is
// exact: "6 nm", "6e-9 m" and "0.006 um" give the same double.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "filmtherm/dimension.h"
#include "filmtherm/units.h"

namespace filmtherm {

/// A quantity string that cannot be read. column() is the 0-based byte offset
/// in the parsed text where the problem is.
class QuantityParseError : public std::invalid_argument {
 public:
  QuantityParseError(const std::string& message, std::size_t column);
  std::size_t column() const noexcept { return column_; }

 private:
  std::size_t column_;
};

/// A well-formed quantity of the wrong dimension, or a bare number where a
/// unit is required. The message names both dimensions.
class DimensionMismatchError : public QuantityParseError {
 public:
  DimensionMismatchError(const std::string& message, std::size_t column, const Dimension& expected,
                         const Dimension& found);
  const Dimension& expected() const noexcept { return expected_; }
  const Dimension& found() const noexcept { return found_; }

 private:
  Dimension expected_;
  Dimension found_;
};

/// A parsed value in coherent SI units (kg, not g; K; J, not eV) and its dimension.
struct ParsedQuantity {
  double value_si;
  Dimension dimension;
};

/// Parses "<number> [unit expression]". A bare number is dimensionless. The
/// value is finite; throws QuantityParseError on anything else, including a
/// value that overflows (or underflows to zero) in SI units.
ParsedQuantity parse_quantity(std::string_view text);

/// Parses `text` and returns its SI value if its dimension is `expected`;
/// throws DimensionMismatchError otherwise (including a bare number for a
/// dimensional quantity: "'6' has no unit: expected a length [m], e.g. '6 nm'").
/// For callers that know the dimension only at run time (plugin parameters).
double parse_quantity_si(std::string_view text, const Dimension& expected);

/// Parses `text` as a value of quantity type Q, e.g.
/// parse_quantity_as<Velocity>("4 km/s"); the type states the expected dimension.
template <class Q>
Q parse_quantity_as(std::string_view text) {
  return from_si<Q>(parse_quantity_si(text, dimension_of<Q>()));
}

/// A display string that parse_quantity reads back (for finite values): an
/// engineering prefix for simple units ("6 nm", "16.5 uA", "300 mK"; energies
/// below 1 nJ in eV, "800 meV"), the conventional SI unit for named compound
/// dimensions ("4000 m/s", "200 J/(m^3 K^2)"), else the base-unit form
/// ("1.5 kg m^2 s^-3 K^-1"). Digits are the shortest that round-trip, so
/// parsing the result gives value_si back exactly; through eV, to 15 digits.
std::string format_quantity(double value_si, const Dimension& dimension);

/// format_quantity for a typed quantity.
template <class Q>
std::string format_quantity(const Q& quantity) {
  return format_quantity(quantity.value(), dimension_of<Q>());
}

}  // namespace filmtherm
