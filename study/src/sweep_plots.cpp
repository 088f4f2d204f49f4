#include "filmtherm/sweep_plots.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "filmtherm/gnuplot_runner.h"
#include "filmtherm/gnuplot_text.h"
#include "filmtherm/sweep_table.h"

namespace filmtherm {

namespace {

// Eight colours that stay apart for colour-blind readers (Okabe and Ito,
// 2008, with black as grey), and five dash patterns: curve c takes colour
// c % 8 and dash c % 5, so no two of the first 40 curves look alike.
constexpr std::array<const char*, 8> colours{"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                             "#e69f00", "#56b4e9", "#f0e442", "#555555"};
constexpr std::size_t dash_patterns = 5;

std::string with_unit(const std::string& name, const std::string& unit) {
  return unit.empty() ? name : name + " [" + unit + "]";
}

std::string spaced(std::string text) {
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

std::string figure_label(const Study& study, const std::string& figure) {
  const FigureDeclaration* f = figure_declaration(study, figure);
  return with_unit(spaced(figure), f ? f->unit : "");
}

std::string plot_preamble(const Study& study, const std::filesystem::path& partial) {
  std::string script = "set terminal pngcairo size 1100,700 font 'DejaVu Sans,12'\n";
  script += "set output " + gnuplot_string(partial.string()) + "\n";
  script += "set title " + gnuplot_string(study.name) + " noenhanced\n";
  return script;
}

// Tick labels at the swept values of a log axis that spans less than a
// decade, where gnuplot would label nothing.
std::string swept_tics(const char* axis, const StudyAxis& swept) {
  if (swept.values.size() > 12) return "";
  std::string tics;
  for (const AxisValue& value : swept.values) {
    if (value.number) tics += fmt::format("{}{:.3g}", tics.empty() ? "" : ", ", *value.number);
  }
  return fmt::format("set {}tics ({})\n", axis, tics);
}

// The cell edges of a heat map around sorted values: half-way between
// neighbours (geometrically on a log axis), as far again outside the ends.
std::vector<double> cell_edges(std::vector<double> values, bool logarithmic) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  const auto mid = [&](double a, double b) {
    return logarithmic ? std::sqrt(a * b) : 0.5 * (a + b);
  };
  std::vector<double> edges;
  if (values.size() == 1) {
    const double v = values.front();
    return logarithmic
               ? std::vector<double>{v / 1.2, v * 1.2}
               : std::vector<double>{v - 0.1 * std::abs(v) - 0.5, v + 0.1 * std::abs(v) + 0.5};
  }
  edges.push_back(logarithmic ? values[0] * values[0] / mid(values[0], values[1])
                              : 2 * values[0] - mid(values[0], values[1]));
  for (std::size_t i = 0; i + 1 < values.size(); ++i)
    edges.push_back(mid(values[i], values[i + 1]));
  const std::size_t n = values.size();
  edges.push_back(logarithmic ? values[n - 1] * values[n - 1] / mid(values[n - 2], values[n - 1])
                              : 2 * values[n - 1] - mid(values[n - 2], values[n - 1]));
  return edges;
}

// Edges [low, high] of the cell of `value` among `values`.
std::pair<double, double> cell_of(double value, const std::vector<double>& values,
                                  const std::vector<double>& edges) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  const auto at = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), value) -
                                           sorted.begin());
  return {edges[at], edges[at + 1]};
}

std::vector<double> numbers(const StudyAxis& axis) {
  std::vector<double> values;
  for (const AxisValue& value : axis.values) {
    if (value.number) values.push_back(*value.number);
  }
  return values;
}

}  // namespace

std::string plot_file_name(const Study& study, const StudyPlot& plot) {
  return plot.figure + "-vs-" + study.axes[plot.x_axis].key_path + ".png";
}

std::string map_file_name(const StudyPlot& plot) {
  return plot.figure + "-map.png";
}

bool has_map(const Study& study) {
  return study.combination == AxisCombination::grid && study.axes.size() == 2 &&
         study.axes[0].numeric && study.axes[1].numeric;
}

std::string axis_label(const StudyAxis& axis) {
  std::vector<std::string> keys = axis.keys;
  if (keys.size() > 1 && keys.front() == "materials") keys.erase(keys.begin());
  std::string name;
  for (const std::string& key : keys) name += (name.empty() ? "" : " ") + spaced(key);
  return with_unit(name, axis.unit);
}

std::string axis_value_label(const StudyAxis& axis, const AxisValue& value) {
  // The last key names the value, but "model" alone does not say which one.
  std::string name = spaced(axis.keys.empty() ? axis.key_path : axis.keys.back());
  if (name == "model" && axis.keys.size() > 1)
    name = spaced(axis.keys[axis.keys.size() - 2]) + " model";
  if (!value.number) return name + " = " + value.text;
  return fmt::format("{} = {:.3g}{}{}", name, *value.number, axis.unit.empty() ? "" : " ",
                     axis.unit);
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
        title += (title.empty() ? "" : ", ") +
                 axis_value_label(study.axes[a], study.axes[a].values[values[a]]);
      }
    }
    if (title.empty()) title = spaced(plot.figure);
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

  const std::string name = plot_file_name(study, plot);
  const std::filesystem::path partial = folder / ("." + name + ".partial");
  std::string script = plot_preamble(study, partial);
  // The legend above the axes, in as many columns as fit: it never covers data.
  script += "set grid\nset key outside top center horizontal maxcols 4 noenhanced\n";
  script += "set autoscale xfix\nset offsets graph 0.02, graph 0.02, 0, 0\n";
  script += "set xlabel " + gnuplot_string(axis_label(x_axis)) + " noenhanced\n";
  script += "set ylabel " + gnuplot_string(figure_label(study, plot.figure)) + " noenhanced\n";
  if (plot.log_x) script += "set logscale x\n" + swept_tics("x", x_axis);
  if (plot.log_y) script += "set logscale y\n";
  std::string command = "plot ";
  for (std::size_t c = 0; c < curve_data.size(); ++c) {
    if (curve_data[c].empty()) continue;
    script += fmt::format("$curve{} << EOD\n{}EOD\n", c, curve_data[c]);
    command +=
        fmt::format("{}$curve{} using 1:2 with linespoints lw 2 pt {} lc rgb '{}' dt {} title {}",
                    command == "plot " ? "" : ", ", c, 5 + 2 * (c % 4), colours[c % colours.size()],
                    1 + c % dash_patterns, gnuplot_string(curve_titles[c]));
  }
  script += command + "\n";
  std::error_code ignored;
  std::filesystem::create_directories(folder, ignored);
  return run_gnuplot(script, partial, folder / name);
}

std::optional<std::string> plot_results_map(const Study& study, const StudyPlot& plot,
                                            const FinishedPoints& records,
                                            const std::filesystem::path& folder) {
  if (!has_map(study)) return "the study is not a grid of two numeric axes; no map written";
  const StudyAxis& x_axis = study.axes[plot.x_axis];
  const StudyAxis& y_axis = study.axes[1 - plot.x_axis];
  const bool log_y_axis = y_axis.spacing == AxisSpacing::logarithmic;
  const std::vector<double> xs = numbers(x_axis);
  const std::vector<double> ys = numbers(y_axis);
  const std::vector<double> x_edges = cell_edges(xs, plot.log_x);
  const std::vector<double> y_edges = cell_edges(ys, log_y_axis);
  // One filled box per point, spanning half-way to its neighbours: exact on
  // uneven and logarithmic grids, and a point without a value stays blank.
  std::string data;
  for (std::size_t i = 0; i < study.point_count(); ++i) {
    const std::vector<std::size_t> values = study.value_indices(i);
    const std::optional<double> x = x_axis.values[values[plot.x_axis]].number;
    const std::optional<double> y = y_axis.values[values[1 - plot.x_axis]].number;
    const std::optional<double> z = figure_value(records.at(i), plot.figure);
    if (!x || !y || !z || !std::isfinite(*z)) continue;
    const auto [x_low, x_high] = cell_of(*x, xs, x_edges);
    const auto [y_low, y_high] = cell_of(*y, ys, y_edges);
    data += fmt::format("{:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g}\n", *x, *y, x_low,
                        x_high, y_low, y_high, *z);
  }
  if (data.empty()) return "no point has a value of " + plot.figure + "; no map written";

  const std::string name = map_file_name(plot);
  const std::filesystem::path partial = folder / ("." + name + ".partial");
  std::string script = plot_preamble(study, partial);
  // The whole grid, also the cells of points without a value (blank).
  script += fmt::format("unset key\nset xrange [{:.17g}:{:.17g}]\nset yrange [{:.17g}:{:.17g}]\n",
                        x_edges.front(), x_edges.back(), y_edges.front(), y_edges.back());
  script += "set xlabel " + gnuplot_string(axis_label(x_axis)) + " noenhanced\n";
  script += "set ylabel " + gnuplot_string(axis_label(y_axis)) + " noenhanced\n";
  script += "set cblabel " + gnuplot_string(figure_label(study, plot.figure)) + " noenhanced\n";
  // Viridis: perceptually uniform, readable in grey and by colour-blind readers.
  script +=
      "set palette defined (0 '#440154', 1 '#3b528b', 2 '#21918c', 3 '#5ec962', 4 '#fde725')\n";
  // Tics at the swept values: each cell is labelled by the value it shows.
  script += (plot.log_x ? "set logscale x\n" : "") + swept_tics("x", x_axis);
  script += (log_y_axis ? "set logscale y\n" : "") + swept_tics("y", y_axis);
  if (plot.log_y) script += "set logscale cb\n";
  script += "$map << EOD\n" + data + "EOD\n";
  script +=
      "plot $map using 1:2:3:4:5:6:7 with boxxyerror fillstyle solid 1.0 noborder "
      "lc palette\n";
  std::error_code ignored;
  std::filesystem::create_directories(folder, ignored);
  return run_gnuplot(script, partial, folder / name);
}

}  // namespace filmtherm
