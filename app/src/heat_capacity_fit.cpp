#include "heat_capacity_fit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

#include "cli_error.h"
#include "filmtherm/constants.h"
#include "filmtherm/least_squares.h"
#include "filmtherm/material_models.h"

namespace filmtherm::cli {

namespace {

// A phonon model of the registry with some of its parameters free. The fit
// works in the logarithms of the free values: every one is positive, and a
// relative uncertainty is what the data determine (u(v) = v u(ln v) to first
// order, which is how the covariance transforms).
class PluginLaw {
 public:
  PluginLaw(const PluginRegistry& registry, const std::string& model, double film_thickness_m)
      : descriptor_(registry.model(model, MaterialProperty::phonon_heat_capacity)),
        film_thickness_m_(film_thickness_m) {
    for (const ModelParameter& p : descriptor_.parameters()) {
      values_.push_back(p.has_default ? p.default_value_si : std::nan(""));
    }
  }

  void set(const std::string& name, double value_si) { values_.at(index(name)) = value_si; }
  void free(const std::string& name) { free_.push_back(index(name)); }
  std::size_t free_count() const { return free_.size(); }
  const std::string& free_name(std::size_t j) const {
    return descriptor_.parameters()[free_[j]].name;
  }

  void evaluate(std::span<const double> log_values, std::span<const double> temperature_K,
                std::span<double> heat_capacity) const {
    std::vector<double> values = values_;
    for (std::size_t j = 0; j < free_.size(); ++j) values[free_[j]] = std::exp(log_values[j]);
    const MaterialPhononHeatCapacity model(descriptor_.instantiate_si(values));
    const std::vector<double> thickness(temperature_K.size(), film_thickness_m_);
    model.evaluate_si(temperature_K, thickness, heat_capacity, {}, {});
  }

  LeastSquaresModel at(std::span<const double> temperature_K) const {
    return [this, temperature_K](std::span<const double> p, std::span<double> c) {
      evaluate(p, temperature_K, c);
    };
  }

 private:
  std::size_t index(const std::string& name) const {
    const auto& parameters = descriptor_.parameters();
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      if (parameters[i].name == name) return i;
    }
    throw UsageError(fmt::format("model '{}' has no parameter '{}'", descriptor_.name(), name));
  }

  ModelDescriptor descriptor_;
  double film_thickness_m_;
  std::vector<double> values_;
  std::vector<std::size_t> free_;
};

// The film model with the fixed settings; the caller frees the fitted parameters.
PluginLaw film_law(const PluginRegistry& registry, const HeatCapacityFitSettings& s) {
  PluginLaw film(registry, "film", s.film_thickness_m);
  if (s.conserve_mode_count) film.set("conserve_mode_count", 1.0);
  if (s.debye_temperature_K) film.set("debye_temperature", *s.debye_temperature_K);
  if (s.atom_density_per_m3) film.set("atom_density", *s.atom_density_per_m3);
  return film;
}

double chi_square(const LeastSquaresModel& model, std::span<const double> p,
                  std::span<const double> c, std::span<const double> sigma) {
  std::vector<double> f(c.size());
  try {
    model(p, f);
  } catch (const std::exception&) {
    return INFINITY;
  }
  double sum = 0.0;
  for (std::size_t i = 0; i < c.size(); ++i) sum += std::pow((c[i] - f[i]) / sigma[i], 2);
  return std::isfinite(sum) ? sum : INFINITY;
}

// log(first) .. log(last) in `count` steps.
std::vector<double> log_grid(double first, double last, std::size_t count) {
  std::vector<double> grid(count);
  for (std::size_t i = 0; i < count; ++i) {
    grid[i] = std::log(first) + (std::log(last) - std::log(first)) * static_cast<double>(i) /
                                    static_cast<double>(count - 1);
  }
  return grid;
}

// The best point of a grid over the first (velocity) and an optional second
// (cutoff) log-parameter: LM then starts inside the right valley, whatever the
// material.
std::vector<double> scan(const LeastSquaresModel& model, const std::vector<double>& first,
                         const std::vector<double>& second, std::span<const double> c,
                         std::span<const double> sigma) {
  std::vector<double> best;
  double best_chi_square = INFINITY;
  for (double a : first) {
    for (std::size_t k = 0; k < std::max<std::size_t>(second.size(), 1); ++k) {
      std::vector<double> p{a};
      if (!second.empty()) p.push_back(second[k]);
      const double x = chi_square(model, p, c, sigma);
      if (x < best_chi_square) best_chi_square = x, best = p;
    }
  }
  if (best.empty()) throw UsageError("no model parameters reproduce the data's magnitude");
  return best;
}

LawFit finish(LawFit law, const LeastSquaresFit& fit, const LeastSquaresModel& model,
              std::size_t points, bool weighted) {
  law.free_parameters = fit.parameters.size();
  law.chi_square = fit.chi_square;
  law.degrees_of_freedom = fit.degrees_of_freedom();
  law.reduced_chi_square = fit.reduced_chi_square();
  law.converged = fit.converged;
  const double n = static_cast<double>(fit.points);
  const double k = static_cast<double>(law.free_parameters);
  // Akaike: -2 ln L + 2k; with known sigma -2 ln L = chi^2 (+ const), with
  // unknown equal sigma it is N ln(RSS/N) (+ const), the variance profiled out.
  law.aic = weighted ? fit.chi_square + 2.0 * k : n * std::log(fit.chi_square / n) + 2.0 * k;
  law.fitted.resize(points);
  model(fit.parameters, law.fitted);
  return law;
}

}  // namespace

std::string law_title(const LawFit& law) {
  if (law.name == "film") return "film";
  if (law.name == "debye-low-T") return "Debye T^3";
  return "power law";
}

std::size_t film_parameter_count(const HeatCapacityFitSettings& s) {
  return (s.branch_velocities ? 2 : 1) + (s.fit_debye_temperature || s.fit_atom_density ? 1 : 0);
}

HeatCapacityFit fit_heat_capacity(const PluginRegistry& registry,
                                  std::span<const double> temperature_K,
                                  std::span<const double> heat_capacity,
                                  std::span<const double> sigma_in,
                                  const HeatCapacityFitSettings& s) {
  if (s.fit_debye_temperature && s.fit_atom_density) {
    throw UsageError("fit the cutoff as debye_temperature or as atom_density, not both");
  }
  if (s.debye_temperature_K && s.atom_density_per_m3) {
    throw UsageError("give the cutoff as --debye-temperature or --atom-density, not both");
  }
  HeatCapacityFit result;
  result.weighted = !sigma_in.empty();
  // Unweighted data: unit weights in J/(m^3 K); the covariance is rescaled below.
  const std::vector<double> sigma = result.weighted
                                        ? std::vector<double>(sigma_in.begin(), sigma_in.end())
                                        : std::vector<double>(heat_capacity.size(), 1.0);
  const auto [t_min, t_max] = std::minmax_element(temperature_K.begin(), temperature_K.end());
  const std::vector<double> grid = log_grid(*t_min / 1.25, *t_max * 1.25, 200);
  for (double g : grid) result.curve_temperature_K.push_back(std::exp(g));
  const std::vector<double>& curve_T = result.curve_temperature_K;
  const bool scale = !result.weighted;

  // One LM fit, turned into a law's chi^2, AIC and values at the data and the curve grid.
  auto fit_law = [&](LawFit law, const LeastSquaresModel& model, const LeastSquaresModel& curve,
                     const std::vector<double>& start) {
    LeastSquaresFit fit;
    try {
      fit = levenberg_marquardt(model, heat_capacity, sigma, start);
    } catch (const LeastSquaresError& error) {
      throw UsageError(fmt::format("{} fit: {}", law.name, error.what()));
    }
    law.curve.resize(curve_T.size());
    curve(fit.parameters, law.curve);
    return std::make_pair(finish(std::move(law), fit, model, temperature_K.size(), result.weighted),
                          fit);
  };
  auto uncertainties = [&](const LeastSquaresFit& fit) {
    std::vector<double> u = fit.standard_uncertainties(scale);
    if (u.empty()) u.assign(fit.parameters.size(), std::nan(""));
    return u;
  };

  // 1. The confined film (docs/physics.md section 1.2).
  PluginLaw film = film_law(registry, s);
  film.free("sound_velocity");
  const std::vector<double> velocities = log_grid(200.0, 20000.0, 41);
  std::vector<double> cutoffs;
  std::string cutoff_name;
  if (s.fit_debye_temperature) {
    cutoff_name = "debye_temperature";
    cutoffs = s.debye_temperature_K ? std::vector<double>{std::log(*s.debye_temperature_K)}
                                    : log_grid(10.0, 3000.0, 10);
  } else if (s.fit_atom_density) {
    cutoff_name = "atom_density";
    cutoffs = s.atom_density_per_m3 ? std::vector<double>{std::log(*s.atom_density_per_m3)}
                                    : log_grid(1e27, 1e30, 10);
  }
  if (!cutoff_name.empty()) film.free(cutoff_name);
  std::vector<double> start =
      scan(film.at(temperature_K), velocities, cutoffs, heat_capacity, sigma);
  if (s.branch_velocities) {
    // Unequal starting velocities: with v_L = v_T the two Jacobian columns
    // are parallel. The fit moves them from here.
    PluginLaw branches = film_law(registry, s);
    branches.free("longitudinal_velocity");
    branches.free("transverse_velocity");
    if (!cutoff_name.empty()) branches.free(cutoff_name);
    std::vector<double> branch_start{start[0] + std::log(1.3), start[0] + std::log(0.9)};
    if (start.size() > 1) branch_start.push_back(start[1]);
    film = std::move(branches);
    start = std::move(branch_start);
  }
  {
    LawFit law{.name = "film", .formula = "C_film(T; d, v) of docs/physics.md section 1.2"};
    auto [fitted, fit] = fit_law(std::move(law), film.at(temperature_K), film.at(curve_T), start);
    const std::vector<double> u = uncertainties(fit);
    for (std::size_t j = 0; j < film.free_count(); ++j) {
      const double value = std::exp(fit.parameters[j]);
      const std::string& name = film.free_name(j);
      const std::string unit =
          name == "debye_temperature" ? "K" : (name == "atom_density" ? "m^-3" : "m/s");
      fitted.values.push_back({name, unit, value, value * u[j]});
    }
    if (!s.branch_velocities) {
      // The crossover T_x = 2 pi hbar v / (d k_B) (docs/physics.md section 1.1).
      const double v = fitted.values[0].value;
      const double t_x =
          2.0 * std::numbers::pi * si_constants::hbar_over_kB_K_s * v / s.film_thickness_m;
      fitted.values.push_back(
          {"crossover_temperature", "K", t_x, t_x * fitted.values[0].uncertainty / v, true});
    }
    result.laws.push_back(std::move(fitted));
  }

  // 2. Debye's T^3 law with one velocity (Eq. 9, docs/physics.md section 1.3).
  {
    PluginLaw debye(registry, "debye-low-T", s.film_thickness_m);
    debye.free("sound_velocity");
    const std::vector<double> debye_start =
        scan(debye.at(temperature_K), velocities, {}, heat_capacity, sigma);
    LawFit law{.name = "debye-low-T",
               .formula = "C = beta T^3, beta = (2/5) pi^2 k_B (k_B/(hbar v))^3"};
    auto [fitted, fit] =
        fit_law(std::move(law), debye.at(temperature_K), debye.at(curve_T), debye_start);
    const double v = std::exp(fit.parameters[0]);
    const double u_v = v * uncertainties(fit)[0];
    fitted.values.push_back({"sound_velocity", "m/s", v, u_v});
    // beta is C at 1 K over (1 K)^3; beta ~ v^-3, so u(beta)/beta = 3 u(v)/v.
    const std::vector<double> one_kelvin{1.0};
    std::vector<double> beta(1);
    debye.evaluate(fit.parameters, one_kelvin, beta);
    fitted.values.push_back({"beta", "J/(m^3 K^4)", beta[0], 3.0 * beta[0] * u_v / v, true});
    result.laws.push_back(std::move(fitted));
  }

  // 3. A free power law C = C0 (T/T0)^n, T0 the geometric mean of the data's
  // temperatures (which makes C0 and n nearly uncorrelated).
  {
    double log_t0 = 0.0;
    for (double t : temperature_K) log_t0 += std::log(t);
    log_t0 /= static_cast<double>(temperature_K.size());
    const double t0 = std::exp(log_t0);
    auto power = [t0](std::span<const double> t) -> LeastSquaresModel {
      return [t0, t](std::span<const double> p, std::span<double> c) {
        for (std::size_t i = 0; i < t.size(); ++i)
          c[i] = std::exp(p[0] + p[1] * std::log(t[i] / t0));
      };
    };
    // Start: the straight line through ln C against ln(T/T0), weighted by (C/sigma)^2.
    double S = 0, Sx = 0, Sy = 0, Sxx = 0, Sxy = 0;
    for (std::size_t i = 0; i < temperature_K.size(); ++i) {
      const double w = std::pow(heat_capacity[i] / sigma[i], 2);
      const double x = std::log(temperature_K[i] / t0);
      const double y = std::log(heat_capacity[i]);
      S += w, Sx += w * x, Sy += w * y, Sxx += w * x * x, Sxy += w * x * y;
    }
    const double delta = S * Sxx - Sx * Sx;
    const std::vector<double> power_start =
        delta > 0.0
            ? std::vector<double>{(Sxx * Sy - Sx * Sxy) / delta, (S * Sxy - Sx * Sy) / delta}
            : std::vector<double>{Sy / S, 3.0};
    LawFit law{.name = "power-law", .formula = fmt::format("C = C0 (T/T0)^n, T0 = {:.4g} K", t0)};
    auto [fitted, fit] = fit_law(std::move(law), power(temperature_K), power(curve_T), power_start);
    const std::vector<double> u = uncertainties(fit);
    const double c0 = std::exp(fit.parameters[0]);
    fitted.values.push_back({"n", "", fit.parameters[1], u[1]});
    fitted.values.push_back({"C0", "J/(m^3 K)", c0, c0 * u[0]});
    fitted.values.push_back({"T0", "K", t0, 0.0, true});
    result.laws.push_back(std::move(fitted));
  }

  const auto best =
      std::min_element(result.laws.begin(), result.laws.end(),
                       [](const LawFit& a, const LawFit& b) { return a.aic < b.aic; });
  result.preferred = best->name;
  return result;
}

}  // namespace filmtherm::cli
