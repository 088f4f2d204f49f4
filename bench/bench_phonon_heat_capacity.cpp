// Cost of one phonon heat-capacity evaluation of the confined-film model (d = 6 nm,
// v = 4000 m/s, Theta = 500 K: the seed paper's NbTiN film) over SNSPD temperatures
// (1-15 K) and a wide range (0.1-300 K), against Boost.Math adaptive Gauss-Kronrod
// quadrature of the same C(T) to the same accuracy (1e-12 relative). The counter
// "per_eval" is the CPU time per temperature; "max_rel_diff" is the largest relative
// difference between quadrature and the closed form over the grid.
//
//   build/<dir>/bin/bench_phonon_heat_capacity --benchmark_repetitions=5
//   --benchmark_report_aggregates_only=true   (one command line)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "filmtherm/constants.h"
#include "filmtherm/phonon_heat_capacity.h"

namespace {

using namespace filmtherm;

constexpr double film_thickness_m = 6e-9;
constexpr double sound_velocity_m_per_s = 4000.0;
constexpr double debye_temperature_K = 500.0;

const ConfinedFilmPhonons& seed_film() {
  static const ConfinedFilmPhonons model(PhononParameters{
      AcousticBranches::isotropic(from_si<Velocity>(sound_velocity_m_per_s)),
      from_si<Length>(film_thickness_m),
      PhononCutoff::from_debye_temperature(from_si<Temperature>(debye_temperature_K)), false});
  return model;
}

std::vector<double> log_grid(double low_K, double high_K, int count) {
  std::vector<double> grid(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    grid[static_cast<std::size_t>(i)] = low_K * std::pow(high_K / low_K, i / (count - 1.0));
  }
  return grid;
}

const std::vector<double>& grid_for(int range) {
  static const std::vector<double> snspd = log_grid(1.0, 15.0, 64);
  static const std::vector<double> wide = log_grid(0.1, 300.0, 64);
  return range == 0 ? snspd : wide;
}

void set_per_eval(benchmark::State& state, std::size_t evaluations_per_iteration) {
  state.counters["per_eval"] = benchmark::Counter(
      static_cast<double>(evaluations_per_iteration),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// The same C(T), dC/dT and U(T) by adaptive quadrature of 3 g(w) times the Einstein
// kernel x^2 e^x/(e^x-1)^2, its T-derivative, or hbar w n(w), in x = hbar w/(k_B T), split at
// the crossover and the cutoff so that the integrand is smooth on each piece.
enum class Integrand { heat_capacity, slope, energy };

double quadrature(double T, Integrand what) {
  constexpr double pi = std::numbers::pi;
  constexpr double k_B = si_constants::boltzmann_J_per_K;
  const double x_x =
      si_constants::hbar_over_kB_K_s * 2.0 * pi * sound_velocity_m_per_s / film_thickness_m / T;
  const double x_D = debye_temperature_K / T;
  const double prefactor =
      3.0 * k_B / (2.0 * pi * pi) *
      std::pow(T / (si_constants::hbar_over_kB_K_s * sound_velocity_m_per_s), 3);
  const auto integrand = [x_x, what](double x) {
    const double em1 = std::expm1(-x);
    const double vdos_shape = x * x * std::min(1.0, x / x_x);
    const double kernel = x * x * std::exp(-x) / (em1 * em1);
    switch (what) {
      case Integrand::heat_capacity:
        return vdos_shape * kernel;
      case Integrand::slope:
        return vdos_shape * kernel * (x / std::tanh(0.5 * x) - 2.0);
      case Integrand::energy:
        return vdos_shape * x / std::expm1(x);
    }
    return 0.0;
  };
  const double x_end = std::min(x_D, 200.0);
  using gk = boost::math::quadrature::gauss_kronrod<double, 31>;
  double total = gk::integrate(integrand, 0.0, std::min(x_x, x_end), 15, 1e-12);
  if (x_end > x_x) total += gk::integrate(integrand, x_x, x_end, 15, 1e-12);
  switch (what) {
    case Integrand::heat_capacity:
      return prefactor * total;
    case Integrand::slope:
      return prefactor * total / T;
    case Integrand::energy:
      return prefactor * total * T;
  }
  return 0.0;
}

double quadrature_heat_capacity(double T) {
  return quadrature(T, Integrand::heat_capacity);
}

void BM_ConfinedFilm_evaluate_si(benchmark::State& state) {
  const ConfinedFilmPhonons& model = seed_film();
  const std::vector<double>& grid = grid_for(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    for (const double T : grid) benchmark::DoNotOptimize(model.evaluate_si(T));
  }
  set_per_eval(state, grid.size());
}

void BM_ConfinedFilm_heat_capacity(benchmark::State& state) {
  const ConfinedFilmPhonons& model = seed_film();
  const std::vector<double>& grid = grid_for(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    for (const double T : grid) {
      benchmark::DoNotOptimize(model.heat_capacity(from_si<Temperature>(T)));
    }
  }
  set_per_eval(state, grid.size());
}

void BM_Quadrature_heat_capacity(benchmark::State& state) {
  const std::vector<double>& grid = grid_for(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    for (const double T : grid) benchmark::DoNotOptimize(quadrature_heat_capacity(T));
  }
  set_per_eval(state, grid.size());
  double max_rel_diff = 0.0;
  for (const double T : grid) {
    const double closed_form = seed_film().evaluate_si(T).heat_capacity_J_per_m3_K;
    max_rel_diff = std::max(max_rel_diff, std::fabs(quadrature_heat_capacity(T) / closed_form - 1));
  }
  state.counters["max_rel_diff"] = max_rel_diff;
}

void BM_Quadrature_state(benchmark::State& state) {
  const std::vector<double>& grid = grid_for(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    for (const double T : grid) {
      benchmark::DoNotOptimize(quadrature(T, Integrand::heat_capacity));
      benchmark::DoNotOptimize(quadrature(T, Integrand::slope));
      benchmark::DoNotOptimize(quadrature(T, Integrand::energy));
    }
  }
  set_per_eval(state, grid.size());
  double max_rel_diff = 0.0;
  for (const double T : grid) {
    const PhononThermalState closed_form = seed_film().evaluate_si(T);
    max_rel_diff = std::max(
        {max_rel_diff,
         std::fabs(quadrature(T, Integrand::slope) / closed_form.heat_capacity_slope_J_per_m3_K2 -
                   1),
         std::fabs(quadrature(T, Integrand::energy) / closed_form.thermal_energy_J_per_m3 - 1)});
  }
  state.counters["max_rel_diff"] = max_rel_diff;
}

// Argument: 0 = SNSPD temperatures 1-15 K, 1 = wide range 0.1-300 K (64 points each).
// evaluate_si (C, dC/dT, U) compares with BM_Quadrature_state (three integrals);
// heat_capacity (C) with BM_Quadrature_heat_capacity.
BENCHMARK(BM_ConfinedFilm_evaluate_si)->ArgName("wide")->Arg(0)->Arg(1);
BENCHMARK(BM_ConfinedFilm_heat_capacity)->ArgName("wide")->Arg(0)->Arg(1);
BENCHMARK(BM_Quadrature_heat_capacity)->ArgName("wide")->Arg(0)->Arg(1);
BENCHMARK(BM_Quadrature_state)->ArgName("wide")->Arg(0)->Arg(1);

}  // namespace
