// The C++ side of the Python binding's speed goal: C_ph(T, d) of the
// confined-film model on 10^6 points (T from 1 to 20 K, d = 6 nm,
// v = 4000 m/s, no cutoff), the value only, in one array call through the
// built-in plugin: what filmtherm.heat_capacity does under NumPy
// (bench/python/bench_heat_capacity.py compares the two; goal: Python
// within 1.5x).
//   build/release/bin/bench_heat_capacity_array --benchmark_repetitions=9
//       --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "filmtherm/material_models.h"
#include "filmtherm/plugin_registry.h"

namespace {

constexpr std::size_t point_count = 1'000'000;

void film_array_1e6(benchmark::State& state) {
  const auto registry = filmtherm::PluginRegistry::with_default_plugins();
  const std::vector<filmtherm::ParameterSetting> settings{{"sound_velocity", "4000 m/s"}};
  const filmtherm::MaterialPhononHeatCapacity model(registry.model("film").instantiate(settings));
  std::vector<double> temperatures(point_count);
  for (std::size_t i = 0; i < point_count; ++i) {
    temperatures[i] = std::pow(20.0, static_cast<double>(i) / (point_count - 1));  // 1-20 K
  }
  const std::vector<double> thickness(point_count, 6e-9);
  std::vector<double> c(point_count);
  for (auto _ : state) {
    model.evaluate_si(temperatures, thickness, c, {}, {});
    benchmark::DoNotOptimize(c.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * point_count));
}

}  // namespace

BENCHMARK(film_array_1e6)->Unit(benchmark::kMillisecond);
