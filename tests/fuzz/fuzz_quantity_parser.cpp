// libFuzzer target: the quantity parser on arbitrary bytes. Besides not
// crashing (ASan, UBSan), every accepted quantity must be finite, and its
// display form (format_quantity) must parse back to the same dimension and
// value: exactly, except for energies, which are shown in eV with 15
// significant digits (documented as inexact; seen up to 9e-16 relative, so
// 1e-14 is allowed).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "filmtherm/quantity_parser.h"

namespace {

void check(bool condition) {
  if (!condition) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  filmtherm::ParsedQuantity parsed{};
  try {
    parsed = filmtherm::parse_quantity(text);
  } catch (const filmtherm::QuantityParseError& error) {
    check(error.column() <= size);
    return 0;
  }
  check(std::isfinite(parsed.value_si));
  try {
    (void)filmtherm::parse_quantity_si(text, filmtherm::dimension_of<filmtherm::Length>());
  } catch (const filmtherm::QuantityParseError& error) {
    check(error.column() <= size);
  }
  const std::string shown = filmtherm::format_quantity(parsed.value_si, parsed.dimension);
  const filmtherm::ParsedQuantity again = filmtherm::parse_quantity(shown);
  check(again.dimension == parsed.dimension);
  const bool energy = parsed.dimension == filmtherm::dimension_of<filmtherm::Energy>();
  const double tolerance = energy ? 1e-14 * std::fabs(parsed.value_si) : 0.0;
  check(std::fabs(again.value_si - parsed.value_si) <= tolerance);
  return 0;
}
