#include "filmtherm/sweep_table.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace filmtherm {

namespace {

using nlohmann::ordered_json;

std::string with_unit(const std::string& name, const std::string& unit) {
  return unit.empty() ? name : name + " [" + unit + "]";
}

std::string csv_field(const std::string& text) {
  std::string flat;
  for (char c : text) flat += (c == '\n' || c == '\r') ? ' ' : c;
  if (flat.find_first_of(",\"") == std::string::npos) return flat;
  std::string quoted = "\"";
  for (char c : flat) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string number_text(const std::optional<double>& value) {
  return value ? fmt::format("{}", *value) : std::string();
}

}  // namespace

const FigureDeclaration* figure_declaration(const Study& study, const std::string& name) {
  for (const FigureDeclaration& f : point_figures(study.model)) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::optional<double> figure_value(const PointRecord& record, const std::string& name) {
  if (!record.ok) return std::nullopt;
  const FigureValue* figure = record.figures.find(name);
  return figure ? figure->value : std::nullopt;
}

std::string results_csv(const Study& study, const FinishedPoints& records) {
  std::string text = "index";
  for (const StudyAxis& axis : study.axes) {
    text += "," + csv_field(axis.numeric ? with_unit(axis.key_path, axis.unit) : axis.key_path);
  }
  for (const std::string& name : study.collect) {
    const FigureDeclaration* f = figure_declaration(study, name);
    text += "," + csv_field(with_unit(name, f ? f->unit : ""));
  }
  text += ",status,error\n";
  for (std::size_t i = 0; i < study.point_count(); ++i) {
    const PointRecord& record = records.at(i);
    const std::vector<std::size_t> values = study.value_indices(i);
    text += std::to_string(i);
    for (std::size_t a = 0; a < study.axes.size(); ++a) {
      const AxisValue& value = study.axes[a].values[values[a]];
      text += "," + (value.number ? number_text(value.number) : csv_field(value.text));
    }
    for (const std::string& name : study.collect)
      text += "," + number_text(figure_value(record, name));
    text += record.ok ? ",ok,\n" : ",failed," + csv_field(record.error) + "\n";
  }
  return text;
}

std::string results_jsonl(const Study& study, const FinishedPoints& records) {
  std::string text;
  for (std::size_t i = 0; i < study.point_count(); ++i) {
    const PointRecord& record = records.at(i);
    const std::vector<std::size_t> values = study.value_indices(i);
    ordered_json parameters = ordered_json::object();
    for (std::size_t a = 0; a < study.axes.size(); ++a) {
      const StudyAxis& axis = study.axes[a];
      const AxisValue& value = axis.values[values[a]];
      parameters[axis.key_path] = value.number
                                      ? ordered_json{{"value", *value.number}, {"unit", axis.unit}}
                                      : ordered_json{{"value", value.text}};
    }
    ordered_json figures = ordered_json::object();
    for (const std::string& name : study.collect) {
      const FigureDeclaration* f = figure_declaration(study, name);
      const std::optional<double> value = figure_value(record, name);
      figures[name] = ordered_json{{"value", value ? ordered_json(*value) : ordered_json(nullptr)},
                                   {"unit", f ? f->unit : ""}};
    }
    const ordered_json row{
        {"index", i},
        {"parameters", parameters},
        {"figures", figures},
        {"status", record.ok ? "ok" : "failed"},
        {"error", record.ok ? ordered_json(nullptr) : ordered_json(record.error)}};
    text += row.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
  }
  return text;
}

}  // namespace filmtherm
