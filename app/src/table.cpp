#include "table.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli_error.h"

namespace filmtherm::cli {

namespace {

std::string header(const Column& column) {
  return column.unit.empty() ? column.name : fmt::format("{} [{}]", column.name, column.unit);
}

std::string render_text(const Table& table) {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths;
  for (const Column& column : table.columns) widths.push_back(header(column).size());
  for (const auto& row : table.rows) {
    auto& line = cells.emplace_back();
    for (std::size_t i = 0; i < row.size(); ++i) {
      line.push_back(fmt::format("{:.6g}", row[i]));
      widths[i] = std::max(widths[i], line.back().size());
    }
  }
  std::string out;
  for (const std::string& note : table.notes) out += "# " + note + "\n";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    out += fmt::format("{}{:>{}}", i ? "  " : "", header(table.columns[i]), widths[i]);
  }
  out += "\n";
  for (const auto& line : cells) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      out += fmt::format("{}{:>{}}", i ? "  " : "", line[i], widths[i]);
    }
    out += "\n";
  }
  return out;
}

std::string render_csv(const Table& table) {
  std::string out;
  for (const std::string& note : table.notes) out += "# " + note + "\n";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    out += (i ? "," : "") + header(table.columns[i]);
  }
  out += "\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      out += fmt::format("{}{:.12g}", i ? "," : "", row[i]);
    out += "\n";
  }
  return out;
}

std::string render_json(const Table& table) {
  nlohmann::ordered_json json;
  json["notes"] = table.notes;
  auto& columns = json["columns"] = nlohmann::ordered_json::array();
  for (const Column& column : table.columns) {
    columns.push_back({{"name", column.name}, {"unit", column.unit}});
  }
  auto& rows = json["rows"] = nlohmann::ordered_json::array();
  for (const auto& row : table.rows) {
    nlohmann::ordered_json object;
    for (std::size_t i = 0; i < row.size(); ++i) object[table.columns[i].name] = row[i];
    rows.push_back(std::move(object));
  }
  return json.dump(2) + "\n";
}

}  // namespace

TableFormat parse_table_format(const std::string& name) {
  if (name == "table" || name == "text") return TableFormat::text;
  if (name == "csv") return TableFormat::csv;
  if (name == "json") return TableFormat::json;
  throw UsageError(fmt::format("--format: expected table, csv or json, got '{}'", name));
}

TableFormat table_format_for_file(const std::string& path) {
  if (path.ends_with(".csv")) return TableFormat::csv;
  if (path.ends_with(".json")) return TableFormat::json;
  return TableFormat::text;
}

std::string Table::render(TableFormat format) const {
  switch (format) {
    case TableFormat::csv:
      return render_csv(*this);
    case TableFormat::json:
      return render_json(*this);
    case TableFormat::text:
      break;
  }
  return render_text(*this);
}

}  // namespace filmtherm::cli
