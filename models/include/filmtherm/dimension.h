// Dimension: the physical dimension of a value known only at run time (a unit
// typed into an input file), as integer exponents of the SI base units m, kg,
// s, A, K and mol. `dimension_of<Q>()` reads the same exponents off a
// Boost.Units quantity type from units.h, so code that expects a value states
// the expected dimension by naming its type, never by writing exponents by
// hand; `describe()` names a dimension for error messages ("a velocity
// [m s^-1]"), and `named_dimensions()` lists the dimensions filmtherm knows by
// name, with their SI unit and a typical input unit.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include <boost/units/get_dimension.hpp>
#include <boost/units/physical_dimensions.hpp>

#include "filmtherm/units.h"

namespace filmtherm {

/// Exponents of the SI base units: Dimension{.metre = 1, .second = -1} is a
/// velocity. Arithmetic is checked: an exponent beyond +-max_exponent throws
/// std::overflow_error, so no sequence of operations can overflow an int.
struct Dimension {
  /// Largest magnitude of any exponent; far beyond any physical quantity.
  static constexpr int max_exponent = 999;

  int metre = 0;
  int kilogram = 0;
  int second = 0;
  int ampere = 0;
  int kelvin = 0;
  int mole = 0;

  constexpr bool operator==(const Dimension&) const = default;

  /// True when every exponent is zero.
  constexpr bool is_dimensionless() const { return *this == Dimension{}; }

  /// Dimension of a product of two values.
  friend constexpr Dimension operator*(const Dimension& a, const Dimension& b) {
    return combine(a, b, 1);
  }
  /// Dimension of a quotient of two values.
  friend constexpr Dimension operator/(const Dimension& a, const Dimension& b) {
    return combine(a, b, -1);
  }
  /// Dimension of a value raised to the integer power n.
  friend constexpr Dimension pow(const Dimension& d, int n) {
    return Dimension{checked(static_cast<long long>(d.metre) * n),
                     checked(static_cast<long long>(d.kilogram) * n),
                     checked(static_cast<long long>(d.second) * n),
                     checked(static_cast<long long>(d.ampere) * n),
                     checked(static_cast<long long>(d.kelvin) * n),
                     checked(static_cast<long long>(d.mole) * n)};
  }

 private:
  static constexpr int checked(long long exponent) {
    if (exponent > max_exponent || exponent < -max_exponent) {
      throw std::overflow_error("dimension exponent " + std::to_string(exponent) +
                                " is out of range");
    }
    return static_cast<int>(exponent);
  }
  static constexpr Dimension combine(const Dimension& a, const Dimension& b, int sign) {
    auto sum = [sign](int x, int y) {
      return checked(static_cast<long long>(x) + sign * static_cast<long long>(y));
    };
    return Dimension{sum(a.metre, b.metre),   sum(a.kilogram, b.kilogram), sum(a.second, b.second),
                     sum(a.ampere, b.ampere), sum(a.kelvin, b.kelvin),     sum(a.mole, b.mole)};
  }
};

namespace detail {

/// Dimension of one Boost.Units base dimension; unsupported ones (luminous
/// intensity, angles) fail to compile.
template <class BaseDimension>
constexpr Dimension base_dimension() {
  namespace bu = boost::units;
  if constexpr (std::is_same_v<BaseDimension, bu::length_base_dimension>) {
    return Dimension{.metre = 1};
  } else if constexpr (std::is_same_v<BaseDimension, bu::mass_base_dimension>) {
    return Dimension{.kilogram = 1};
  } else if constexpr (std::is_same_v<BaseDimension, bu::time_base_dimension>) {
    return Dimension{.second = 1};
  } else if constexpr (std::is_same_v<BaseDimension, bu::current_base_dimension>) {
    return Dimension{.ampere = 1};
  } else if constexpr (std::is_same_v<BaseDimension, bu::temperature_base_dimension>) {
    return Dimension{.kelvin = 1};
  } else if constexpr (std::is_same_v<BaseDimension, bu::amount_base_dimension>) {
    return Dimension{.mole = 1};
  } else {
    static_assert(sizeof(BaseDimension) == 0,
                  "filmtherm::Dimension covers only m, kg, s, A, K and mol");
  }
}

template <class DimensionList>
struct DimensionFromList;

template <>
struct DimensionFromList<boost::units::dimensionless_type> {
  static constexpr Dimension value{};
};

template <class Item, class Next>
struct DimensionFromList<boost::units::list<Item, Next>> {
  using exponent = typename Item::value_type;
  static_assert(exponent::Denominator == 1, "filmtherm::Dimension holds integer exponents only");
  static constexpr Dimension value =
      pow(base_dimension<typename Item::tag_type>(), static_cast<int>(exponent::Numerator)) *
      DimensionFromList<Next>::value;
};

}  // namespace detail

/// The dimension of a Boost.Units quantity type, e.g.
/// dimension_of<Velocity>() == Dimension{.metre = 1, .second = -1}.
template <class Q>
constexpr Dimension dimension_of() {
  return detail::DimensionFromList<typename boost::units::get_dimension<Q>::type>::value;
}

/// A dimension filmtherm knows by name.
struct NamedDimension {
  Dimension dimension;
  /// With its article: "a velocity", "an energy density".
  std::string_view name;
  /// Coherent SI unit in power form, parseable by parse_quantity: "m s^-1".
  std::string_view si_unit;
  /// A unit a user would typically type for such a value: "nm", "m/s", "K".
  std::string_view typical_unit;
};

/// Every named dimension, one entry per distinct Dimension: every alias of
/// units.h, plus mass, amount, charge, force, conductance, diffusivity and
/// heat flux.
std::span<const NamedDimension> named_dimensions();

/// The entry for `d`, or nullptr when it has no name.
const NamedDimension* find_named_dimension(const Dimension& d);

/// Base-unit form in the order kg m s A K mol, "kg m^2 s^-3 K^-1"; "" when
/// dimensionless.
std::string base_unit_form(const Dimension& d);

/// Human description for messages: "a velocity [m s^-1]", "a temperature [K]",
/// "dimensionless", or for unnamed dimensions the base-unit form in brackets,
/// "[kg m^2 s^-3 K^-1]".
std::string describe(const Dimension& d);

}  // namespace filmtherm
