#include "command_line.h"

#include <algorithm>
#include <charconv>

#include "filmtherm/quantity_parser.h"

namespace filmtherm::cli {

namespace {

bool is_bare_number(const std::string& text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

bool is_unit_expression(const std::string& text) {
  if (text.empty() || text.front() == '-') return false;
  try {
    return !parse_quantity("1 " + text).dimension.is_dimensionless();
  } catch (const QuantityParseError&) {
    return false;
  }
}

}  // namespace

std::vector<std::string> join_values_with_units(int argc, char** argv) {
  std::vector<std::string> arguments;
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    if (is_bare_number(argument)) {
      // "4000 m s^-1" typed without quotes is three arguments: take every unit factor.
      while (i + 1 < argc && is_unit_expression(argv[i + 1]))
        argument += std::string(" ") + argv[++i];
    }
    arguments.push_back(std::move(argument));
  }
  std::reverse(arguments.begin(), arguments.end());
  return arguments;
}

}  // namespace filmtherm::cli
