// Measured phonon heat capacities C_ph(T) for `filmtherm fit-heat-capacity`:
// a CSV file whose header names each column with its unit in brackets,
// `T [K], C [J/(m^3 K)], sigma [J/(m^3 K)]` ('#' lines are comments). The
// temperature column is the one named T, the heat capacity the first column
// whose name begins with C, the optional standard uncertainty the one named
// sigma (or u(C)); other columns are ignored, so the CSV of `filmtherm
// heat-capacity` reads as it is. Units go through the quantity parser and are
// checked against their dimension; every value is converted to SI. Any
// problem is a UsageError "FILE:LINE:COLUMN: what was expected, what was found".
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace filmtherm::cli {

struct HeatCapacityData {
  std::string file;
  std::vector<double> temperature_K;
  std::vector<double> heat_capacity;  ///< J m^-3 K^-1
  std::vector<double> sigma;          ///< J m^-3 K^-1; empty when the file has no sigma column
  std::vector<std::size_t> line;      ///< 1-based source line of each point
  std::string heat_capacity_column;   ///< the header name, e.g. "C"

  std::size_t size() const { return temperature_K.size(); }
  bool has_sigma() const { return !sigma.empty(); }
};

/// Reads and checks the file: at least one data row, T > 0, C > 0, sigma > 0,
/// every used cell a finite number. Throws UsageError.
HeatCapacityData read_heat_capacity_data(const std::filesystem::path& path);

}  // namespace filmtherm::cli
