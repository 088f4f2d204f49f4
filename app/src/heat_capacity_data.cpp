#include "heat_capacity_data.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>

#include "cli_error.h"
#include "filmtherm/dimension.h"
#include "filmtherm/quantity_parser.h"
#include "filmtherm/units.h"

namespace filmtherm::cli {

namespace {

constexpr const char* example_header = "T [K], C [J/(m^3 K)], sigma [J/(m^3 K)]";
constexpr const char* accepted_heat_capacity_units =
    "a heat capacity per volume, e.g. J/(m^3 K), mJ/(cm^3 K) or uJ/(mm^3 K)";

// One comma-separated cell, trimmed, with its 1-based byte column.
struct Cell {
  std::string text;
  std::size_t column;
};

std::vector<Cell> split_cells(const std::string& line) {
  std::vector<Cell> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::size_t end = comma == std::string::npos ? line.size() : comma;
    std::size_t first = start;
    std::size_t last = end;
    while (first < last && std::isspace(static_cast<unsigned char>(line[first]))) ++first;
    while (last > first && std::isspace(static_cast<unsigned char>(line[last - 1]))) --last;
    cells.push_back({line.substr(first, last - first), first + 1});
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return cells;
}

struct HeaderColumn {
  std::size_t index;
  std::string name;
  std::string unit;  // as written inside the brackets; "" when there are none
  std::size_t column;
};

HeaderColumn header_column(const Cell& cell, std::size_t index) {
  HeaderColumn h{index, cell.text, "", cell.column};
  const std::size_t open = cell.text.find('[');
  const std::size_t close = cell.text.rfind(']');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    h.name = cell.text.substr(0, open);
    while (!h.name.empty() && h.name.back() == ' ') h.name.pop_back();
    h.unit = cell.text.substr(open + 1, close - open - 1);
  }
  return h;
}

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& what) const {
    if (column == 0) throw UsageError(fmt::format("{}:{}: {}", file_, line, what));
    throw UsageError(fmt::format("{}:{}:{}: {}", file_, line, column, what));
  }

  // The SI value of one unit of `h`, checked against `expected`.
  double unit_scale(std::size_t line, const HeaderColumn& h, const Dimension& expected,
                    const std::string& accepted) const {
    if (h.unit.empty()) {
      fail(line, h.column,
           fmt::format("column '{}' has no unit: write it in brackets, e.g. '{}'", h.name,
                       example_header));
    }
    ParsedQuantity unit{};
    try {
      unit = parse_quantity("1 " + h.unit);
    } catch (const QuantityParseError& error) {
      fail(line, h.column, fmt::format("column '{}': unit '{}': {}", h.name, h.unit, error.what()));
    }
    if (unit.dimension == expected) return unit.value_si;
    std::string why;
    if (unit.dimension * Dimension{.mole = 1} == dimension_of<HeatCapacity>()) {
      why =
          " (a molar heat capacity needs the molar volume to become one per volume, and the "
          "file does not give it: convert it first)";
    } else if (unit.dimension == dimension_of<HeatCapacity>() / Dimension{.kilogram = 1}) {
      why =
          " (a specific heat capacity needs the mass density to become one per volume: convert "
          "it first)";
    }
    fail(line, h.column,
         fmt::format("column '{}': unit '{}' is {}, expected {}{}", h.name, h.unit,
                     describe(unit.dimension), accepted, why));
  }

  double number(std::size_t line, const Cell& cell, const HeaderColumn& h) const {
    double value = 0.0;
    const char* begin = cell.text.data();
    const char* end = begin + cell.text.size();
    const auto [stop, error] = std::from_chars(begin, end, value);
    if (cell.text.empty() || error != std::errc() || stop != end || !std::isfinite(value)) {
      fail(line, cell.column,
           fmt::format("column '{}': expected a number, found '{}'", h.name, cell.text));
    }
    return value;
  }

 private:
  std::string file_;
};

}  // namespace

HeatCapacityData read_heat_capacity_data(const std::filesystem::path& path) {
  HeatCapacityData data;
  data.file = path.string();
  std::ifstream in(path);
  if (!in) throw UsageError(fmt::format("{}: cannot open the data file", data.file));
  const Reader reader(data.file);

  std::optional<HeaderColumn> t, c, sigma;
  std::size_t header_line = 0;
  std::size_t header_cells = 0;
  double t_scale = 1.0, c_scale = 1.0, sigma_scale = 1.0;
  std::string text;
  for (std::size_t line = 1; std::getline(in, text); ++line) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    // Spreadsheets may start a UTF-8 CSV with a byte-order mark.
    if (line == 1 && text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos || text[first] == '#') continue;
    const std::vector<Cell> cells = split_cells(text);
    if (header_line == 0) {
      header_line = line;
      header_cells = cells.size();
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const HeaderColumn h = header_column(cells[i], i);
        if (h.name == "T" && !t) t = h;
        if (h.name.starts_with("C") && !c) c = h;
        if ((h.name.starts_with("sigma") || h.name == "u(C)") && !sigma) sigma = h;
      }
      if (!t || !c) {
        reader.fail(line, 0,
                    fmt::format("expected a header naming a temperature column 'T' and a heat "
                                "capacity column 'C' with their units, e.g. '{}'; found '{}'",
                                example_header, text));
      }
      t_scale = reader.unit_scale(line, *t, dimension_of<Temperature>(), "a temperature, e.g. K");
      c_scale = reader.unit_scale(line, *c, dimension_of<VolumetricHeatCapacity>(),
                                  accepted_heat_capacity_units);
      if (sigma) {
        sigma_scale = reader.unit_scale(line, *sigma, dimension_of<VolumetricHeatCapacity>(),
                                        accepted_heat_capacity_units);
      }
      continue;
    }
    if (cells.size() != header_cells) {
      reader.fail(line, 0,
                  fmt::format("expected {} cells as in the header (line {}), found {}",
                              header_cells, header_line, cells.size()));
    }
    const double temperature = reader.number(line, cells[t->index], *t) * t_scale;
    const double heat_capacity = reader.number(line, cells[c->index], *c) * c_scale;
    if (!(temperature > 0.0)) {
      reader.fail(line, cells[t->index].column,
                  fmt::format("temperature must be positive, found '{}'", cells[t->index].text));
    }
    if (!(heat_capacity > 0.0)) {
      reader.fail(line, cells[c->index].column,
                  fmt::format("heat capacity must be positive (C_ph > 0 at T > 0), found '{}'",
                              cells[c->index].text));
    }
    data.temperature_K.push_back(temperature);
    data.heat_capacity.push_back(heat_capacity);
    data.line.push_back(line);
    if (sigma) {
      const double s = reader.number(line, cells[sigma->index], *sigma) * sigma_scale;
      if (!(s > 0.0)) {
        reader.fail(line, cells[sigma->index].column,
                    fmt::format("sigma must be positive (a standard uncertainty), found '{}'",
                                cells[sigma->index].text));
      }
      data.sigma.push_back(s);
    }
  }
  if (header_line == 0) {
    throw UsageError(fmt::format("{}:1: empty data file: expected a header such as '{}' and rows",
                                 data.file, example_header));
  }
  if (data.size() == 0) {
    reader.fail(header_line, 0, "no data rows after the header");
  }
  data.heat_capacity_column = c->name;
  return data;
}

}  // namespace filmtherm::cli
