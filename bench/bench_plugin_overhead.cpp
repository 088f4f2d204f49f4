// The cost of the plugin ABI: C_ph(T, d) of 10^4 temperatures through the
// built-in plugin (dlopen'd, called through the C function pointers, outputs
// checked by the loader) against the same loop calling models/ directly.
// Goal (issue 3): the ABI costs <= 5 % more.
//   build/release/bin/bench_plugin_overhead --benchmark_repetitions=9
//       --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "filmtherm/material_models.h"
#include "filmtherm/phonon_heat_capacity.h"
#include "filmtherm/plugin_registry.h"

namespace {

constexpr std::size_t point_count = 10'000;
constexpr double film_thickness_m = 6e-9;

std::vector<double> snspd_temperatures() {
  std::vector<double> t(point_count);
  for (std::size_t i = 0; i < point_count; ++i) {
    t[i] = 1.0 * std::pow(20.0, static_cast<double>(i) / (point_count - 1));  // 1-20 K
  }
  return t;
}

void direct_models(benchmark::State& state) {
  filmtherm::PhononParameters parameters;
  parameters.branches =
      filmtherm::AcousticBranches::isotropic(filmtherm::from_si<filmtherm::Velocity>(4000.0));
  parameters.film_thickness = filmtherm::from_si<filmtherm::Length>(film_thickness_m);
  parameters.cutoff = filmtherm::PhononCutoff::from_debye_temperature(
      filmtherm::from_si<filmtherm::Temperature>(450.0));
  const std::vector<double> temperatures = snspd_temperatures();
  std::vector<double> c(point_count), slope(point_count), energy(point_count);
  for (auto _ : state) {
    // The same work the plugin does per call: build the model for this d, then evaluate.
    const filmtherm::ConfinedFilmPhonons model(parameters);
    for (std::size_t i = 0; i < point_count; ++i) {
      const filmtherm::PhononThermalState s = model.evaluate_si(temperatures[i]);
      c[i] = s.heat_capacity_J_per_m3_K;
      slope[i] = s.heat_capacity_slope_J_per_m3_K2;
      energy[i] = s.thermal_energy_J_per_m3;
    }
    benchmark::DoNotOptimize(c.data());
    benchmark::DoNotOptimize(slope.data());
    benchmark::DoNotOptimize(energy.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * point_count));
}

void through_abi(benchmark::State& state) {
  const auto registry = filmtherm::PluginRegistry::with_default_plugins();
  const std::vector<filmtherm::ParameterSetting> settings{{"sound_velocity", "4000 m/s"},
                                                          {"debye_temperature", "450 K"}};
  const filmtherm::MaterialPhononHeatCapacity model(registry.model("film").instantiate(settings));
  const std::vector<double> temperatures = snspd_temperatures();
  const std::vector<double> thickness(point_count, film_thickness_m);
  std::vector<double> c(point_count), slope(point_count), energy(point_count);
  for (auto _ : state) {
    model.evaluate_si(temperatures, thickness, c, slope, energy);
    benchmark::DoNotOptimize(c.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * point_count));
}

}  // namespace

BENCHMARK(direct_models)->Unit(benchmark::kMicrosecond);
BENCHMARK(through_abi)->Unit(benchmark::kMicrosecond);
