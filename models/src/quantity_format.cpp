#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "filmtherm/quantity_parser.h"
#include "unit_symbols.h"

namespace filmtherm {

using detail::cat;
using detail::lookup_whole;
using detail::Prefix;
using detail::prefixes;
using detail::UnitScale;

namespace {

// Simple units get an engineering prefix between min_prefix and max_prefix
// (no "kK", no "ks"); energies below 1 nJ are shown in eV.
struct DisplayUnit {
  std::string_view symbol;
  int min_prefix;
  int max_prefix;
};

constexpr std::array display_units{
    DisplayUnit{"m", -24, 3}, DisplayUnit{"g", -24, 3}, DisplayUnit{"s", -24, 0},
    DisplayUnit{"A", -24, 3}, DisplayUnit{"K", -24, 0}, DisplayUnit{"mol", -24, 0},
    DisplayUnit{"N", -24, 6}, DisplayUnit{"J", -9, 24}, DisplayUnit{"W", -24, 24},
    DisplayUnit{"C", -24, 0}, DisplayUnit{"V", -24, 6}, DisplayUnit{"Ohm", -6, 12},
    DisplayUnit{"S", -24, 3}, DisplayUnit{"F", -24, 0}, DisplayUnit{"H", -24, 0}};

// Shortest round-trip digits, exponent tidied: "1e-09" -> "1e-9", "1e+22" -> "1e22".
std::string shortest(double value) {
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  std::string text(buffer.data(), result.ptr);
  const std::size_t e = text.find('e');
  if (e == std::string::npos) return text;
  std::size_t digits = e + 1;
  const bool negative = text[digits] == '-';
  if (text[digits] == '-' || text[digits] == '+') ++digits;
  while (digits + 1 < text.size() && text[digits] == '0') ++digits;
  return cat(text.substr(0, e + 1), negative ? "-" : "", text.substr(digits));
}

// The decimal point moves as text, so nothing is rounded after the shortest
// round-trip digits are chosen: parse_quantity reads the result back exactly.
std::string format_prefixed(double value_si, std::string_view symbol, int min_prefix,
                            int max_prefix) {
  const UnitScale unit = *lookup_whole(symbol);
  const double value = value_si / unit.mantissa;
  if (!std::isfinite(value) || value == 0.0) return cat(shortest(value), " ", symbol);
  // Through eV the value is already rounded once: 15 digits hide that ("800 meV",
  // not "799.9999999999999 meV"); coherent units keep the shortest exact digits.
  std::array<char, 64> buffer{};
  const auto result = unit.mantissa == 1.0
                          ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                          std::chars_format::scientific)
                          : std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                          std::chars_format::scientific, 14);
  const std::string_view scientific(buffer.data(),
                                    static_cast<std::size_t>(result.ptr - buffer.data()));
  const bool negative = scientific.front() == '-';
  const std::size_t e = scientific.find('e');
  std::string digits(scientific.substr(negative ? 1 : 0, e - (negative ? 1 : 0)));
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string_view exponent_text = scientific.substr(e + 1);
  if (exponent_text.front() == '+') exponent_text.remove_prefix(1);
  int exponent = 0;
  std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
  const long long leading = exponent - unit.exp10;  // decimal exponent of the first digit
  const long long floor_three = leading >= 0 ? leading / 3 * 3 : -((2 - leading) / 3 * 3);
  const long long prefix = std::clamp<long long>(floor_three, min_prefix, max_prefix);
  const long long integer_digits = leading - prefix + 1;
  const std::string sign = negative ? "-" : "";
  if (integer_digits < 1 || integer_digits > 6) {
    return cat(sign, digits.substr(0, 1), digits.size() > 1 ? "." : "", digits.substr(1), "e",
               std::to_string(leading), " ", symbol);
  }
  const auto whole = static_cast<std::size_t>(integer_digits);
  if (digits.size() < whole) digits.append(whole - digits.size(), '0');
  const std::string fraction = digits.size() > whole ? cat(".", digits.substr(whole)) : "";
  std::string_view prefix_symbol;
  for (const Prefix& candidate : prefixes) {
    if (candidate.exp10 == prefix && prefix_symbol.empty()) prefix_symbol = candidate.symbol;
  }
  return cat(sign, digits.substr(0, whole), fraction, " ", prefix_symbol, symbol);
}

}  // namespace

std::string format_quantity(double value_si, const Dimension& dimension) {
  if (dimension.is_dimensionless()) return shortest(value_si);
  constexpr double eV_below_J = 1e-9;
  if (dimension == detail::energy_dimension && std::abs(value_si) < eV_below_J && value_si != 0.0) {
    return format_prefixed(value_si, "eV", -24, 24);
  }
  for (const DisplayUnit& unit : display_units) {
    if (lookup_whole(unit.symbol)->dimension == dimension) {
      return format_prefixed(value_si, unit.symbol, unit.min_prefix, unit.max_prefix);
    }
  }
  std::string symbol = base_unit_form(dimension);
  if (const NamedDimension* named = find_named_dimension(dimension)) {
    // The typical unit when it is coherent SI ("m/s"), else the SI power form.
    const bool coherent = parse_quantity(cat("1 ", named->typical_unit)).value_si == 1.0;
    symbol = coherent ? std::string(named->typical_unit) : std::string(named->si_unit);
  }
  return cat(shortest(value_si), " ", symbol);
}

}  // namespace filmtherm
