#include "filmtherm/sweep_table.h"

#include <fmt/format.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "filmtherm/gnuplot_runner.h"
#include "filmtherm/gnuplot_text.h"

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

const FigureDeclaration* declaration(const Study& study, const std::string& name) {
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

}  // namespace

std::string results_csv(const Study& study, const FinishedPoints& records) {
  std::string text = "index";
  for (const StudyAxis& axis : study.axes) {
    text += "," + csv_field(axis.numeric ? with_unit(axis.key_path, axis.unit) : axis.key_path);
  }
  for (const std::string& name : study.collect) {
    const FigureDeclaration* f = declaration(study, name);
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
      const FigureDeclaration* f = declaration(study, name);
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

std::string plot_file_name(const Study& study, const StudyPlot& plot) {
  return plot.figure + "-vs-" + study.axes[plot.x_axis].key_path + ".png";
}

std::optional<std::string> plot_results(const Study& study, const StudyPlot& plot,
                                        const FinishedPoints& records,
                                        const std::filesystem::path& folder) {
  const StudyAxis& x_axis = study.axes[plot.x_axis];
  // One curve per combination of the other axes' values (zip: one curve).
  std::vector<std::string> curve_titles;
  std::vector<std::string> curve_data;
  for (std::size_t i = 0; i < study.point_count(); ++i) {
    const std::vector<std::size_t> values = study.value_indices(i);
    std::string title;
    if (study.combination == AxisCombination::grid) {
      for (std::size_t a = 0; a < study.axes.size(); ++a) {
        if (a == plot.x_axis) continue;
        title += fmt::format("{}{} = {}", title.empty() ? "" : ", ", study.axes[a].key_path,
                             study.axes[a].values[values[a]].text);
      }
    }
    if (title.empty()) title = plot.figure;
    const std::optional<double> y = figure_value(records.at(i), plot.figure);
    const std::optional<double> x = x_axis.values[values[plot.x_axis]].number;
    std::size_t curve = 0;
    while (curve < curve_titles.size() && curve_titles[curve] != title) ++curve;
    if (curve == curve_titles.size()) {
      curve_titles.push_back(title);
      curve_data.emplace_back();
    }
    if (x && y) curve_data[curve] += fmt::format("{:.17g} {:.17g}\n", *x, *y);
  }
  bool any = false;
  for (const std::string& data : curve_data) any = any || !data.empty();
  if (!any) return "no point has a value of " + plot.figure + "; no plot written";

  const FigureDeclaration* f = declaration(study, plot.figure);
  const std::filesystem::path png = folder / plot_file_name(study, plot);
  const std::filesystem::path partial = folder / ("." + plot_file_name(study, plot) + ".partial");
  std::string script = "set terminal pngcairo size 1100,700 font 'DejaVu Sans,12'\n";
  script += "set output " + gnuplot_string(partial.string()) + "\n";
  script +=
      "set grid\nset key outside below\nset autoscale xfix\nset offsets graph 0.02, graph 0.02, 0, "
      "0\n";
  script += "set title " + gnuplot_string(study.name) + " noenhanced\n";
  script +=
      "set xlabel " + gnuplot_string(with_unit(x_axis.key_path, x_axis.unit)) + " noenhanced\n";
  script +=
      "set ylabel " + gnuplot_string(with_unit(plot.figure, f ? f->unit : "")) + " noenhanced\n";
  if (plot.log_x) {
    script += "set logscale x\n";
    // A log axis within one decade gets no labels of its own: label the values swept.
    if (x_axis.values.size() <= 12) {
      std::string tics;
      for (const AxisValue& value : x_axis.values) {
        if (value.number) tics += fmt::format("{}{:.3g}", tics.empty() ? "" : ", ", *value.number);
      }
      script += "set xtics (" + tics + ")\n";
    }
  }
  if (plot.log_y) script += "set logscale y\n";
  std::string command = "plot ";
  for (std::size_t c = 0; c < curve_data.size(); ++c) {
    if (curve_data[c].empty()) continue;
    script += fmt::format("$curve{} << EOD\n{}EOD\n", c, curve_data[c]);
    command += fmt::format("{}$curve{} using 1:2 with linespoints lw 2 pt 7 title {} noenhanced",
                           command == "plot " ? "" : ", ", c, gnuplot_string(curve_titles[c]));
  }
  script += command + "\n";
  std::error_code ignored;
  std::filesystem::create_directories(folder, ignored);
  return run_gnuplot(script, partial, png);
}

}  // namespace filmtherm
