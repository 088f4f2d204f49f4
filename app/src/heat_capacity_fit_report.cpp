#include "heat_capacity_fit_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace filmtherm::cli {

namespace {

constexpr const char* c_unit = "J/(m^3 K)";

// The scale of a law's normalised residuals: sigma_i, or the law's own
// residual standard deviation s = sqrt(chi^2/dof) when every point weighed 1.
double residual_scale(const HeatCapacityData& data, const LawFit& law, std::size_t i) {
  return data.has_sigma() ? data.sigma[i] : std::sqrt(law.reduced_chi_square);
}

std::string with_uncertainty(const FittedValue& v) {
  if (std::isnan(v.uncertainty)) return fmt::format("{:.6g} (not determined by the data)", v.value);
  if (v.uncertainty == 0.0) return fmt::format("{:.6g}", v.value);
  return fmt::format("{:.6g} +- {:.2g}", v.value, v.uncertainty);
}

}  // namespace

Table residual_table(const HeatCapacityData& data, const HeatCapacityFit& fit, bool compact) {
  Table table;
  const std::string z = data.has_sigma() ? "/sigma" : "/s";
  table.columns = {{"T", "K"}, {"C", c_unit}};
  if (data.has_sigma()) table.columns.push_back({"sigma", c_unit});
  for (std::size_t k = 0; k < fit.laws.size(); ++k) {
    const LawFit& law = fit.laws[k];
    if (!compact || k == 0) {
      table.columns.push_back({"C_" + law.name, c_unit});
      table.columns.push_back({"C-C_" + law.name, c_unit});
    }
    table.columns.push_back({"(C-C_" + law.name + ")" + z, ""});
  }
  for (std::size_t i = 0; i < data.size(); ++i) {
    std::vector<double>& row = table.rows.emplace_back();
    row = {data.temperature_K[i], data.heat_capacity[i]};
    if (data.has_sigma()) row.push_back(data.sigma[i]);
    for (std::size_t k = 0; k < fit.laws.size(); ++k) {
      const LawFit& law = fit.laws[k];
      const double r = data.heat_capacity[i] - law.fitted[i];
      if (!compact || k == 0) {
        row.push_back(law.fitted[i]);
        row.push_back(r);
      }
      row.push_back(r / residual_scale(data, law, i));
    }
  }
  return table;
}

std::string fit_report(const HeatCapacityData& data, const HeatCapacityFit& fit,
                       double film_thickness_m) {
  const auto [t_min, t_max] =
      std::minmax_element(data.temperature_K.begin(), data.temperature_K.end());
  std::string out =
      fmt::format("# {}: {} points, T = {:.4g} to {:.4g} K, film thickness {:.4g} nm\n", data.file,
                  data.size(), *t_min, *t_max, film_thickness_m * 1e9);
  out += data.has_sigma()
             ? "# weighted by the sigma column; uncertainties from (J^T W J)^-1 as they are\n"
             : "# no sigma column: unweighted fit (every point weighs 1 J/(m^3 K)); uncertainties "
               "scaled by the reduced chi^2, and residuals normalised by each law's s = "
               "sqrt(chi^2/dof)\n";
  out += "# fitted values with standard uncertainties (derived values marked *)\n";
  for (const LawFit& law : fit.laws) {
    out += fmt::format("{}: {}{}\n", law.name, law.formula,
                       law.converged ? "" : "  [did not converge: values are the last iterate]");
    for (const FittedValue& v : law.values) {
      out += fmt::format("  {:<22} {}{}\n", v.name + (v.derived ? " *" : ""), with_uncertainty(v),
                         v.unit.empty() ? "" : " " + v.unit);
    }
  }
  out += fmt::format("\n{:<12} {:>12} {:>5} {:>12} {:>10}\n", "law", "chi^2", "dof", "chi^2/dof",
                     "AIC");
  for (const LawFit& law : fit.laws) {
    out += fmt::format("{:<12} {:>12.5g} {:>5} {:>12.5g} {:>10.4g}\n", law.name, law.chi_square,
                       law.degrees_of_freedom, law.reduced_chi_square, law.aic);
  }
  out += fmt::format("preferred: {} (lowest AIC = {}; a difference above ~10 is decisive)\n\n",
                     fit.preferred, fit.weighted ? "chi^2 + 2k" : "N ln(chi^2/N) + 2k");
  out += residual_table(data, fit, true).render(TableFormat::text);
  return out;
}

std::string fit_json(const HeatCapacityData& data, const HeatCapacityFit& fit,
                     double film_thickness_m, const std::optional<std::string>& plot_file) {
  using nlohmann::ordered_json;
  ordered_json laws = ordered_json::array();
  for (const LawFit& law : fit.laws) {
    ordered_json values = ordered_json::array();
    for (const FittedValue& v : law.values) {
      values.push_back({{"name", v.name},
                        {"unit", v.unit},
                        {"value", v.value},
                        {"uncertainty", std::isnan(v.uncertainty) ? ordered_json(nullptr)
                                                                  : ordered_json(v.uncertainty)},
                        {"derived", v.derived}});
    }
    laws.push_back({{"name", law.name},
                    {"formula", law.formula},
                    {"values", values},
                    {"free_parameters", law.free_parameters},
                    {"chi_square", law.chi_square},
                    {"degrees_of_freedom", law.degrees_of_freedom},
                    {"reduced_chi_square", law.reduced_chi_square},
                    {"aic", law.aic},
                    {"converged", law.converged}});
  }
  const ordered_json json{
      {"data_file", data.file},
      {"points", data.size()},
      {"film_thickness_m", film_thickness_m},
      {"weighted", fit.weighted},
      {"uncertainties", fit.weighted ? "standard, from the sigma column"
                                     : "standard, scaled by the reduced chi^2 (no sigma column)"},
      {"criterion", fit.weighted ? "AIC = chi^2 + 2k" : "AIC = N ln(chi^2/N) + 2k"},
      {"preferred", fit.preferred},
      {"laws", laws},
      {"residuals_file", "residuals.csv"},
      {"plot_file", plot_file ? ordered_json(*plot_file) : ordered_json(nullptr)}};
  return json.dump(2) + "\n";
}

}  // namespace filmtherm::cli
