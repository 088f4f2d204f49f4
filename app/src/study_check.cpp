#include "study_check.h"

#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "cli_error.h"
#include "filmtherm/device_loader.h"
#include "filmtherm/point_runner.h"
#include "filmtherm/study.h"

namespace filmtherm::cli {

namespace {

constexpr std::size_t values_shown = 6;

std::string values_text(const StudyAxis& axis) {
  const std::size_t n = axis.values.size();
  std::string text;
  if (axis.spacing != AxisSpacing::listed && n > 2) {
    return fmt::format("{} values, {} from {} to {}", n,
                       axis.spacing == AxisSpacing::logarithmic ? "log" : "linear",
                       axis.values.front().text, axis.values.back().text);
  }
  for (std::size_t i = 0; i < n && i < values_shown; ++i) {
    text += (i == 0 ? "" : ", ") + axis.values[i].text;
  }
  if (n > values_shown) text += fmt::format(", ... ({} values)", n);
  return text;
}

std::string shape_text(const Study& study) {
  if (study.combination == AxisCombination::zip) {
    return fmt::format("{} axes zipped", study.axes.size());
  }
  std::string text = "grid";
  for (std::size_t a = 0; a < study.axes.size(); ++a) {
    text += fmt::format("{}{}", a == 0 ? " " : " x ", study.axes[a].values.size());
  }
  return text;
}

std::string print(const Study& study) {
  std::ostringstream out;
  out << fmt::format("{}: a valid study of {} point(s) ({}), every point's device valid\n",
                     study.source_file.string(), study.point_count(), shape_text(study));
  out << fmt::format("\n{:<44} {} ({})\n", "base device", study.device_file.string(),
                     device_model_name(study.model));
  out << "\naxes\n";
  for (const StudyAxis& axis : study.axes) {
    out << fmt::format("  {:<42} {:<34} {}:{}\n", axis.key_path, values_text(axis), axis.mark.file,
                       axis.mark.line);
  }
  out << "\ncollect\n";
  for (const std::string& name : study.collect) {
    for (const FigureDeclaration& f : point_figures(study.model)) {
      if (f.name != name) continue;
      const std::string label = f.unit.empty() ? f.name : fmt::format("{} [{}]", f.name, f.unit);
      out << fmt::format("  {:<42} {}\n", label, f.description);
    }
  }
  if (!study.settings.empty()) {
    out << "\nset in every point\n";
    for (const StudySetting& s : study.settings) {
      out << fmt::format("  {:<42} {:<34} {}:{}\n", s.key_path, s.value.text, s.value.mark.file,
                         s.value.mark.line);
    }
  }
  out << "\n";
  for (const StudyPlot& plot : study.plots) {
    const StudyAxis& x = study.axes[plot.x_axis];
    out << fmt::format("{:<44} {} against {}{}{}\n", "plot", plot.figure, x.key_path,
                       plot.log_x ? " (log x)" : "", plot.log_y ? " (log y)" : "");
  }
  out << fmt::format("{:<44} {}\n", "output", study.output_folder.string());
  return out.str();
}

}  // namespace

int check_study(const std::string& file, const PluginRegistry& registry) {
  try {
    const Study study = load_study(file, registry);
    check_study_points(study, registry);
    std::cout << print(study);
    return 0;
  } catch (const InputError& error) {
    std::cerr << error.what() << "\n"
              << fmt::format("filmtherm check: {} problem(s) in {}\n", error.diagnostics().size(),
                             file);
    return exit_usage_error;
  }
}

}  // namespace filmtherm::cli
