// Cost of one Bose integral, I_n(x) (n = 4, 5: the heat-capacity integrals of the film model)
// and J_m(x) (m = 3, 4: its energy), over three x ranges of 64 log-spaced points each:
// small (1e-3..1.5, the short Bernoulli series), crossover (1.5..10, long series and the
// complement) and large (10..100, the complement and the complete value). Against Boost.Math
// adaptive 61-point Gauss-Kronrod quadrature of the same integrand at tolerance 1e-13. The
// counter "per_eval" is the time per x; "max_rel_diff" is the largest relative difference
// between quadrature and the series over the range. The pair J_3, J_4 at one x
// (bose_energy_integral_pair) is timed against the two single calls it replaces; there
// "max_rel_diff" is the largest relative difference between pair and singles (0: they are
// bit-identical).
//
//   build/<dir>/bin/bench_bose_integrals --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true   (one command line)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <vector>

#include "filmtherm/bose_integrals.h"

namespace {

using namespace filmtherm;

enum class XRange { small, crossover, large };
enum class Family { heat, energy };

std::vector<double> log_grid(double low, double high, int count) {
  std::vector<double> grid(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    grid[static_cast<std::size_t>(i)] = low * std::pow(high / low, i / (count - 1.0));
  }
  return grid;
}

const std::vector<double>& grid_for(XRange range) {
  static const std::vector<double> small = log_grid(1e-3, 1.49, 64);
  static const std::vector<double> crossover = log_grid(1.5, 10.0, 64);
  static const std::vector<double> large = log_grid(10.0, 100.0, 64);
  switch (range) {
    case XRange::small:
      return small;
    case XRange::crossover:
      return crossover;
    default:
      return large;
  }
}

double series(Family family, int order, double x) {
  return family == Family::heat ? bose_heat_integral(order, x) : bose_energy_integral(order, x);
}

// The same integral by adaptive Gauss-Kronrod, the integrands written without overflow,
// as x * integral_0^1 f(x u) du: Boost 1.74's adaptive Gauss-Kronrod compares the error
// estimate of the unscaled [-1, 1] rule with a tolerance scaled by the half-width, so on
// [0, x] with small x it bisects to its maximum depth (milliseconds per call) and with
// large x it stops early. On [0, 1] the tolerance means what it says.
double quadrature(Family family, int order, double x) {
  const auto heat = [order, x](double u) {
    const double t = x * u;
    const double g = std::expm1(-t);
    return std::pow(t, order) * std::exp(-t) / (g * g);
  };
  const auto energy = [order, x](double u) {
    const double t = x * u;
    return std::pow(t, order) / std::expm1(t);
  };
  using gk = boost::math::quadrature::gauss_kronrod<double, 61>;
  return x * (family == Family::heat ? gk::integrate(heat, 0.0, 1.0, 15, 1e-13)
                                     : gk::integrate(energy, 0.0, 1.0, 15, 1e-13));
}

void set_counters(benchmark::State& state, Family family, int order, XRange range) {
  const std::vector<double>& grid = grid_for(range);
  double max_rel_diff = 0;
  for (double x : grid) {
    const double exact = series(family, order, x);
    max_rel_diff = std::max(max_rel_diff, std::fabs(quadrature(family, order, x) / exact - 1));
  }
  state.counters["per_eval"] = benchmark::Counter(
      static_cast<double>(grid.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["max_rel_diff"] = max_rel_diff;
}

void BM_series(benchmark::State& state, Family family, int order, XRange range) {
  const std::vector<double>& grid = grid_for(range);
  for (auto _ : state) {
    double sum = 0;
    for (double x : grid) sum += series(family, order, x);
    benchmark::DoNotOptimize(sum);
  }
  set_counters(state, family, order, range);
}

void BM_quadrature(benchmark::State& state, Family family, int order, XRange range) {
  const std::vector<double>& grid = grid_for(range);
  for (auto _ : state) {
    double sum = 0;
    for (double x : grid) sum += quadrature(family, order, x);
    benchmark::DoNotOptimize(sum);
  }
  set_counters(state, family, order, range);
}

// J_3(x) and J_4(x) together, as the film model needs them at its crossover x_x.
void BM_energy_pair(benchmark::State& state, XRange range) {
  const std::vector<double>& grid = grid_for(range);
  for (auto _ : state) {
    double sum = 0;
    for (double x : grid) {
      const BoseEnergyPair pair = bose_energy_integral_pair(3, x);
      sum += pair.lower + pair.upper;
    }
    benchmark::DoNotOptimize(sum);
  }
  double max_rel_diff = 0;
  for (double x : grid) {
    const BoseEnergyPair pair = bose_energy_integral_pair(3, x);
    max_rel_diff = std::max({max_rel_diff, std::fabs(pair.lower / series(Family::energy, 3, x) - 1),
                             std::fabs(pair.upper / series(Family::energy, 4, x) - 1)});
  }
  state.counters["per_eval"] = benchmark::Counter(
      static_cast<double>(grid.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["max_rel_diff"] = max_rel_diff;
}

void BM_energy_two_singles(benchmark::State& state, XRange range) {
  const std::vector<double>& grid = grid_for(range);
  for (auto _ : state) {
    double sum = 0;
    for (double x : grid) sum += series(Family::energy, 3, x) + series(Family::energy, 4, x);
    benchmark::DoNotOptimize(sum);
  }
  state.counters["per_eval"] = benchmark::Counter(
      static_cast<double>(grid.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

#define FILMTHERM_BOSE_BENCH(label, family, order)                                       \
  BENCHMARK_CAPTURE(BM_series, label##_small, family, order, XRange::small);             \
  BENCHMARK_CAPTURE(BM_quadrature, label##_small, family, order, XRange::small);         \
  BENCHMARK_CAPTURE(BM_series, label##_crossover, family, order, XRange::crossover);     \
  BENCHMARK_CAPTURE(BM_quadrature, label##_crossover, family, order, XRange::crossover); \
  BENCHMARK_CAPTURE(BM_series, label##_large, family, order, XRange::large);             \
  BENCHMARK_CAPTURE(BM_quadrature, label##_large, family, order, XRange::large)

FILMTHERM_BOSE_BENCH(I4, Family::heat, 4);
FILMTHERM_BOSE_BENCH(I5, Family::heat, 5);
FILMTHERM_BOSE_BENCH(J3, Family::energy, 3);
FILMTHERM_BOSE_BENCH(J4, Family::energy, 4);

BENCHMARK_CAPTURE(BM_energy_pair, J3_J4_small, XRange::small);
BENCHMARK_CAPTURE(BM_energy_two_singles, J3_J4_small, XRange::small);
BENCHMARK_CAPTURE(BM_energy_pair, J3_J4_crossover, XRange::crossover);
BENCHMARK_CAPTURE(BM_energy_two_singles, J3_J4_crossover, XRange::crossover);
BENCHMARK_CAPTURE(BM_energy_pair, J3_J4_large, XRange::large);
BENCHMARK_CAPTURE(BM_energy_two_singles, J3_J4_large, XRange::large);

}  // namespace
