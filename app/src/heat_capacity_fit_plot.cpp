#include "heat_capacity_fit_plot.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "filmtherm/gnuplot_runner.h"
#include "filmtherm/gnuplot_text.h"

namespace filmtherm::cli {

namespace {

constexpr std::array<const char*, 3> colours{"#d62728", "#1f77b4", "#2ca02c"};

// A legend entry with the law's leading value and its reduced chi^2
// (enhanced text: chi^2/nu as symbols).
std::string legend(const LawFit& law) {
  std::string lead;
  if (!law.values.empty()) {
    const FittedValue& v = law.values.front();
    const std::string name = law.name == "power-law" ? "n" : "v";
    const std::string unit = v.unit.empty() ? "" : " " + v.unit;
    lead = std::isnan(v.uncertainty)
               ? fmt::format("{} = {:.4g}{}", name, v.value, unit)
               : fmt::format("{} = {:.4g} ± {:.2g}{}", name, v.value, v.uncertainty, unit);
  }
  return fmt::format("{}: {}, {{/Symbol c}}^2/{{/Symbol n}} = {:.3g}", law_title(law), lead,
                     law.reduced_chi_square);
}

}  // namespace

std::optional<std::string> plot_fit(const HeatCapacityData& data, const HeatCapacityFit& fit,
                                    double film_thickness_m, const std::filesystem::path& folder,
                                    const std::string& png_name) {
  const std::filesystem::path partial = folder / ("." + png_name + ".partial");
  std::string points, curves, residuals;
  for (std::size_t i = 0; i < data.size(); ++i) {
    points += fmt::format("{:.17g} {:.17g} {:.17g}\n", data.temperature_K[i], data.heat_capacity[i],
                          data.has_sigma() ? data.sigma[i] : 0.0);
    residuals += fmt::format("{:.17g}", data.temperature_K[i]);
    for (const LawFit& law : fit.laws) {
      const double scale = data.has_sigma() ? data.sigma[i] : std::sqrt(law.reduced_chi_square);
      residuals += fmt::format(" {:.17g}", (data.heat_capacity[i] - law.fitted[i]) / scale);
    }
    residuals += "\n";
  }
  for (std::size_t i = 0; i < fit.curve_temperature_K.size(); ++i) {
    curves += fmt::format("{:.17g}", fit.curve_temperature_K[i]);
    for (const LawFit& law : fit.laws) curves += fmt::format(" {:.17g}", law.curve[i]);
    curves += "\n";
  }

  std::string script = "set terminal pngcairo size 1300,850 enhanced font 'DejaVu Sans,12'\n";
  script += "set output " + gnuplot_string(partial.string()) + "\n";
  script += "$points << EOD\n" + points + "EOD\n";
  script += "$curves << EOD\n" + curves + "EOD\n";
  script += "$residuals << EOD\n" + residuals + "EOD\n";
  // Both panels share the horizontal margins, so their T axes line up; the
  // legends go in the right margin, outside the data.
  script += "set multiplot\nset lmargin at screen 0.10\nset rmargin at screen 0.62\n";
  script += "set logscale x\nset grid\n";
  script += "set key at screen 0.64, screen 0.94 left top Left reverse spacing 1.3\n";
  script += fmt::format("set xrange [{:.17g}:{:.17g}]\n", fit.curve_temperature_K.front(),
                        fit.curve_temperature_K.back());
  script +=
      fmt::format("set title {} noenhanced\n",
                  gnuplot_string(fmt::format("{}: phonon heat capacity of a {:.3g} nm film, fitted",
                                             std::filesystem::path(data.file).filename().string(),
                                             film_thickness_m * 1e9)));
  script += "set tmargin at screen 0.94\nset bmargin at screen 0.40\n";
  script += "set logscale y\nset format y '10^{%L}'\nset format x ''\nunset xlabel\n";
  script += "set ylabel 'heat capacity C_{ph} [J m^{-3} K^{-1}]'\n";
  script += data.has_sigma()
                ? "plot $points using 1:2:3 with yerrorbars pt 7 ps 0.8 lc rgb 'black' "
                  "title 'data (error bars: sigma)' noenhanced"
                : "plot $points using 1:2 with points pt 7 ps 0.8 lc rgb 'black' title 'data'";
  for (std::size_t k = 0; k < fit.laws.size(); ++k) {
    script += fmt::format(", \\\n     $curves using 1:{} with lines lw 2 lc rgb '{}' title {}",
                          k + 2, colours[k % colours.size()], gnuplot_string(legend(fit.laws[k])));
  }
  script += "\n";

  script += "unset title\nset tmargin at screen 0.38\nset bmargin at screen 0.08\n";
  script += "set key at screen 0.64, screen 0.38 left top Left reverse spacing 1.3\n";
  script += "unset logscale y\nset format y '%g'\nset format x '%g'\n";
  script += "set xlabel 'temperature T [K]'\n";
  script += data.has_sigma() ? "set ylabel '(C - C_{fit}) / {/Symbol s}'\n"
                             : "set ylabel '(C - C_{fit}) / s'\n";
  script += "plot 0 with lines lc rgb 'gray' notitle";
  for (std::size_t k = 0; k < fit.laws.size(); ++k) {
    const std::string title = law_title(fit.laws[k]);
    script += fmt::format(
        ", \\\n     $residuals using 1:{} with linespoints pt 7 ps 0.7 lc rgb '{}' title {}", k + 2,
        colours[k % colours.size()], gnuplot_string(title + " residuals"));
  }
  script += "\nunset multiplot\n";
  return run_gnuplot(script, partial, folder / png_name);
}

}  // namespace filmtherm::cli
