// The unit vocabulary shared by the quantity parser and formatter (private to
// models/): the unit symbols with their exact SI scale, the SI prefixes, and
// the lookups that match a whole symbol before trying prefix + symbol.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "filmtherm/dimension.h"

namespace filmtherm::detail {

// Appends instead of "literal" + std::string, on which GCC 12 warns falsely (-Wrestrict).
template <class... Parts>
inline std::string cat(const Parts&... parts) {
  std::string out;
  (out += ... += parts);
  return out;
}

// A unit's SI value is mantissa * 10^exp10. Decimal prefixes only move exp10,
// which is folded into the number's own decimal exponent before one correctly
// rounded conversion: that is why "6 nm" and "6e-9 m" give the same double.
struct UnitScale {
  Dimension dimension;
  long long exp10 = 0;
  double mantissa = 1.0;
};

struct UnitSymbol {
  std::string_view symbol;
  UnitScale scale;
};

inline constexpr Dimension energy_dimension{.metre = 2, .kilogram = 1, .second = -2};
inline constexpr Dimension ohm_dimension{.metre = 2, .kilogram = 1, .second = -3, .ampere = -2};

// Multi-byte spellings are written as UTF-8 bytes so the source encoding cannot matter.
inline constexpr std::array unit_symbols{
    UnitSymbol{"m", {{.metre = 1}}}, UnitSymbol{"g", {{.kilogram = 1}, -3}},
    UnitSymbol{"s", {{.second = 1}}}, UnitSymbol{"A", {{.ampere = 1}}},
    UnitSymbol{"K", {{.kelvin = 1}}}, UnitSymbol{"mol", {{.mole = 1}}}, UnitSymbol{"rad", {}},
    UnitSymbol{"Hz", {{.second = -1}}},
    UnitSymbol{"N", {{.metre = 1, .kilogram = 1, .second = -2}}},
    UnitSymbol{"J", {energy_dimension}},
    UnitSymbol{"W", {{.metre = 2, .kilogram = 1, .second = -3}}},
    UnitSymbol{"Pa", {{.metre = -1, .kilogram = 1, .second = -2}}},
    UnitSymbol{"C", {{.second = 1, .ampere = 1}}},
    UnitSymbol{"V", {{.metre = 2, .kilogram = 1, .second = -3, .ampere = -1}}},
    UnitSymbol{"Ohm", {ohm_dimension}}, UnitSymbol{"ohm", {ohm_dimension}},
    UnitSymbol{"\xCE\xA9", {ohm_dimension}},      // U+03A9 Greek capital omega
    UnitSymbol{"\xE2\x84\xA6", {ohm_dimension}},  // U+2126 ohm sign
    UnitSymbol{"F", {{.metre = -2, .kilogram = -1, .second = 4, .ampere = 2}}},
    UnitSymbol{"H", {{.metre = 2, .kilogram = 1, .second = -2, .ampere = -2}}},
    UnitSymbol{"S", {{.metre = -2, .kilogram = -1, .second = 3, .ampere = 2}}},
    // 1 eV = 1.602176634e-19 J exactly (SI 2019 elementary charge); the
    // mantissa stays near 1 so that powers of eV stay in range.
    UnitSymbol{"eV", {energy_dimension, -19, 1.602176634}}};

struct Prefix {
  std::string_view symbol;
  int exp10;
};

// ASCII "u" comes before the micro sign and mu: format_quantity prints the first match.
inline constexpr std::array prefixes{
    Prefix{"y", -24},       Prefix{"z", -21}, Prefix{"a", -18}, Prefix{"f", -15},
    Prefix{"p", -12},       Prefix{"n", -9},  Prefix{"u", -6},  Prefix{"\xC2\xB5", -6},
    Prefix{"\xCE\xBC", -6}, Prefix{"m", -3},  Prefix{"c", -2},  Prefix{"d", -1},
    Prefix{"k", 3},         Prefix{"M", 6},   Prefix{"G", 9},   Prefix{"T", 12},
    Prefix{"P", 15},        Prefix{"E", 18},  Prefix{"Z", 21},  Prefix{"Y", 24}};

inline std::optional<UnitScale> lookup_whole(std::string_view symbol) {
  for (const UnitSymbol& unit : unit_symbols) {
    if (unit.symbol == symbol) return unit.scale;
  }
  return std::nullopt;
}

// Whole-symbol match first, so "mol" and "Pa" are never split into a prefix.
inline std::optional<UnitScale> lookup_unit(std::string_view symbol) {
  if (auto whole = lookup_whole(symbol)) return whole;
  for (const Prefix& prefix : prefixes) {
    if (symbol.size() <= prefix.symbol.size() || !symbol.starts_with(prefix.symbol)) continue;
    if (auto unit = lookup_whole(symbol.substr(prefix.symbol.size()))) {
      unit->exp10 += prefix.exp10;
      return unit;
    }
  }
  return std::nullopt;
}

}  // namespace filmtherm::detail
