#include "temperature_grid.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "cli_error.h"
#include "filmtherm/quantity_parser.h"

namespace filmtherm::cli {

namespace {

constexpr int max_points = 1'000'000;

double positive_temperature_K(const std::string& option, const std::string& text) {
  double kelvin = 0.0;
  try {
    kelvin = parse_quantity_as<Temperature>(text).value();
  } catch (const QuantityParseError& error) {
    throw UsageError(fmt::format("{}: {}", option, error.what()));
  }
  if (!(kelvin > 0.0)) {
    throw UsageError(fmt::format("{}: temperatures must be above 0 K, got '{}'", option, text));
  }
  return kelvin;
}

}  // namespace

std::vector<double> temperature_grid(const std::vector<std::string>& temperatures,
                                     const std::string& range, bool logarithmic) {
  if (!temperatures.empty() && !range.empty()) {
    throw UsageError("give either --temperature or --temperature-range, not both");
  }
  std::vector<double> grid;
  for (const std::string& text : temperatures)
    grid.push_back(positive_temperature_K("--temperature", text));
  if (!grid.empty()) return grid;

  const std::string spec = range.empty() ? std::string("0.5K:50K:25") : range;
  if (range.empty()) logarithmic = true;
  const std::size_t first_colon = spec.find(':');
  const std::size_t second_colon =
      first_colon == std::string::npos ? std::string::npos : spec.find(':', first_colon + 1);
  if (second_colon == std::string::npos) {
    throw UsageError(fmt::format(
        "--temperature-range: expected FIRST:LAST:COUNT such as 0.5K:50K:100, got '{}'", spec));
  }
  const double first = positive_temperature_K("--temperature-range", spec.substr(0, first_colon));
  const double last = positive_temperature_K(
      "--temperature-range", spec.substr(first_colon + 1, second_colon - first_colon - 1));
  const std::string count_text = spec.substr(second_colon + 1);
  int count = 0;
  const auto [end, error] =
      std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
  if (error != std::errc() || end != count_text.data() + count_text.size() || count < 1 ||
      count > max_points || (count == 1 && first != last)) {
    throw UsageError(fmt::format(
        "--temperature-range: COUNT must be a whole number from 2 to {} (1 when FIRST = LAST), "
        "got '{}'",
        max_points, count_text));
  }
  for (int i = 0; i < count; ++i) {
    const double fraction = count == 1 ? 0.0 : static_cast<double>(i) / (count - 1);
    grid.push_back(logarithmic ? first * std::pow(last / first, fraction)
                               : first + (last - first) * fraction);
  }
  grid.back() = last;  // exactly the requested end, whatever the rounding
  return grid;
}

}  // namespace filmtherm::cli
