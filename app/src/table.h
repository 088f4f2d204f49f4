// A table of numbers with named, unit-carrying columns, rendered as an aligned
// text table, CSV or JSON: the output shape of `filmtherm heat-capacity`.
#pragma once

#include <string>
#include <vector>

namespace filmtherm::cli {

struct Column {
  std::string name;  ///< e.g. "C_film"
  std::string unit;  ///< e.g. "J/(m^3 K)"; "" for dimensionless
};

enum class TableFormat { text, csv, json };

/// "table"/"text", "csv", "json"; throws UsageError otherwise.
TableFormat parse_table_format(const std::string& name);
/// The format a file name asks for by its extension (.csv, .json; anything else: text).
TableFormat table_format_for_file(const std::string& path);

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<double>> rows;
  /// Lines printed above a text table and stored as "metadata" in JSON;
  /// prefixed with '#' in CSV.
  std::vector<std::string> notes;

  std::string render(TableFormat format) const;
};

}  // namespace filmtherm::cli
