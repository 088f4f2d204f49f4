// Build-time generator of the superconductor tables (models/CMakeLists.txt runs it). It solves
// the node values with the library's own functions (models/src/superconductor_tables.h,
// compiled once into filmtherm_table_solvers and linked here and into filmtherm_models) and
// writes them as constexpr arrays, which bcs_gap.cpp and electron_heat_capacity.cpp include, so
// no program pays the ~3.5 ms of building them at first use.
//
// Usage: filmtherm_generate_tables BCS_GAP_INC ELECTRON_HEAT_CAPACITY_INC

#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "superconductor_tables.h"

namespace filmtherm {
namespace {

// Shortest decimal that reads back as the same double (std::to_chars guarantees it), so the
// compiled constants equal the computed nodes bit for bit.
std::string exact_decimal(double value) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) throw std::runtime_error("cannot format a table value");
  return std::string(buffer, end);
}

void append_array(std::string& out, std::string_view name, const std::vector<double>& values) {
  for (const double value : values) {
    if (!std::isfinite(value)) {
      throw std::runtime_error(std::string(name) + ": a node value is not finite");
    }
  }
  out += "constexpr double " + std::string(name) + "[" + std::to_string(values.size()) + "] = {";
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += i % 4 == 0 ? "\n    " : " ";
    out += exact_decimal(values[i]) + ",";
  }
  out += "\n};\n";
}

void append_table(std::string& out, std::string_view name, const detail::TableNodes& nodes) {
  append_array(out, std::string(name) + "_values", nodes.values);
  append_array(out, std::string(name) + "_slopes", nodes.slopes);
}

std::string header(std::string_view what) {
  return "// Generated at build time by filmtherm_generate_tables\n"
         "// (models/tools/generate_superconductor_tables.cpp); not in the source tree, do not\n"
         "// edit. " +
         std::string(what) +
         "\n// Node i is y = ln(1/t) = i table_step_y, i = 0..table_nodes - 1\n"
         "// (models/src/superconductor_tables.h); *_values are f(y_i), *_slopes df/dy(y_i).\n\n"
         "namespace filmtherm::generated {\n\n";
}

// Written next to the target and renamed over it, so an interrupted run leaves no partial file
// that the build could take for up to date.
void write_atomically(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) throw std::runtime_error("cannot write " + temporary.string());
  }
  std::filesystem::rename(temporary, path);
}

void generate(const std::filesystem::path& gap_file, const std::filesystem::path& electron_file) {
  std::string gap = header("BCS gap: s^2 (bcs_gap.cpp).");
  append_table(gap, "bcs_gap_squared", detail::bcs_gap_squared_nodes());
  gap += "\n}  // namespace filmtherm::generated\n";

  const detail::TableNodes bcs_log_heat_capacity = detail::bcs_log_heat_capacity_nodes();
  std::string electron = header("BCS ln c and ln u, Yang ln u (electron_heat_capacity.cpp).");
  append_table(electron, "bcs_log_heat_capacity", bcs_log_heat_capacity);
  append_table(electron, "bcs_log_energy", detail::bcs_log_energy_nodes(bcs_log_heat_capacity));
  append_table(electron, "yang_log_energy", detail::yang_log_energy_nodes());
  electron += "\n}  // namespace filmtherm::generated\n";

  write_atomically(gap_file, gap);
  write_atomically(electron_file, electron);
}

}  // namespace
}  // namespace filmtherm

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s BCS_GAP_INC ELECTRON_HEAT_CAPACITY_INC\n", argv[0]);
    return 2;
  }
  try {
    filmtherm::generate(argv[1], argv[2]);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "filmtherm_generate_tables: %s\n", error.what());
    return 1;
  }
  return 0;
}
