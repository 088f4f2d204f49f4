// The C API's evaluation adds no allocation to the model's own: a host may
// call it in a solver's inner loop. This program replaces the global operator
// new (used by libfilmtherm and the built-in plugin, being C++) with one that
// counts, and evaluates every property of NbTiN, slopes included, through the
// C API and through the C++ API's ModelInstance::evaluate with the same
// arrays: the counts must be equal. (They are not all zero: the built-in film
// model rebuilds its physics object, with its branch list, once per call.)
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <new>
#include <vector>

#include "filmtherm/device_loader.h"
#include "filmtherm/filmtherm.h"
#include "filmtherm/plugin_registry.h"

namespace {
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

namespace filmtherm {
namespace {

// Allocations made by `call`, after one call to warm up lazily built tables.
long allocations_of(const std::function<int()>& call) {
  EXPECT_EQ(call(), FILMTHERM_OK) << filmtherm_last_error();
  const long before = allocations.load();
  const int status = call();
  const long after = allocations.load();
  EXPECT_EQ(status, FILMTHERM_OK) << filmtherm_last_error();
  return after - before;
}

TEST(CApiAllocation, EvaluationAllocatesNoMoreThanTheModelItself) {
  const std::filesystem::path library_file =
      std::filesystem::path(FILMTHERM_SOURCE_DIR) / "examples/materials/nbtin.yaml";
  filmtherm_context* context = nullptr;
  ASSERT_EQ(filmtherm_context_create(&context), FILMTHERM_OK);
  filmtherm_library* library = nullptr;
  ASSERT_EQ(filmtherm_library_load_file(context, library_file.c_str(), &library), FILMTHERM_OK);
  filmtherm_material* material = nullptr;
  ASSERT_EQ(filmtherm_material_create(library, "NbTiN", &material), FILMTHERM_OK);
  const char* keys[] = {"boundary_coefficient"};
  const char* values[] = {"86.9 W/(m^2 K^4)"};
  filmtherm_model_handle* escape = nullptr;
  ASSERT_EQ(filmtherm_model_create(context, FILMTHERM_PROPERTY_PHONON_ESCAPE_POWER,
                                   "acoustic-mismatch", 1, keys, values, &escape),
            FILMTHERM_OK);
  auto model = [&](int property) {
    const filmtherm_model_handle* found = nullptr;
    EXPECT_EQ(filmtherm_material_model(material, property, &found), FILMTHERM_OK);
    return found;
  };

  // The same models through the C++ API.
  const PluginRegistry registry = PluginRegistry::with_default_plugins();
  const Material cpp = load_material_library(library_file, registry).materials.at(0);
  auto instance = [&](const ModelChoice& choice, MaterialProperty property) {
    return registry.model(choice.model, property).instantiate(choice.parameters);
  };
  const ModelInstance cpp_phonon =
      instance(cpp.phonon_heat_capacity, MaterialProperty::phonon_heat_capacity);
  const ModelInstance cpp_electron =
      instance(cpp.electron_heat_capacity, MaterialProperty::electron_heat_capacity);
  const ModelInstance cpp_eph =
      instance(cpp.electron_phonon_power, MaterialProperty::electron_phonon_power);
  const ModelInstance cpp_kappa =
      instance(*cpp.thermal_conductivity, MaterialProperty::thermal_conductivity);
  const ModelInstance cpp_escape = instance(
      ModelChoice{"acoustic-mismatch", {{"boundary_coefficient", "86.9 W/(m^2 K^4)"}}, {}, {}, {}},
      MaterialProperty::phonon_escape_power);

  constexpr std::size_t n = 1000;
  std::vector<double> t(n), tb(n, 2.0), d(n, 6e-9), a(n), b(n), c(n), e(n), f(n);
  for (std::size_t i = 0; i < n; ++i) t[i] = 2.0 + 0.02 * static_cast<double>(i);
  filmtherm_evaluation ev{};
  ev.struct_size = sizeof ev;
  ev.count = n;
  ev.temperature_K = t.data();
  ev.value = a.data();
  ev.value_slope = b.data();
  auto direct = [&](const ModelInstance& m, filmtherm_evaluation evaluation) {
    return [&m, evaluation] {
      m.evaluate(evaluation);
      return FILMTHERM_OK;
    };
  };

  filmtherm_evaluation with_d = ev;
  with_d.film_thickness_m = d.data();
  with_d.energy_density = c.data();
  EXPECT_EQ(allocations_of([&] {
              return filmtherm_phonon_heat_capacity(model(FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY),
                                                    n, t.data(), d.data(), a.data(), b.data(),
                                                    c.data());
            }),
            allocations_of(direct(cpp_phonon, with_d)));

  filmtherm_evaluation with_energy = ev;
  with_energy.energy_density = c.data();
  EXPECT_EQ(allocations_of([&] {
              return filmtherm_electron_heat_capacity(
                  model(FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY), n, t.data(), a.data(), b.data(),
                  c.data());
            }),
            allocations_of(direct(cpp_electron, with_energy)));

  filmtherm_evaluation two = ev;
  two.second_temperature_K = tb.data();
  two.value_second_slope = c.data();
  EXPECT_EQ(allocations_of([&] {
              return filmtherm_electron_phonon_power(
                  model(FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER), n, t.data(), tb.data(), a.data(),
                  b.data(), c.data());
            }),
            allocations_of(direct(cpp_eph, two)));

  EXPECT_EQ(allocations_of([&] {
              return filmtherm_thermal_conductivity(model(FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY),
                                                    n, t.data(), a.data(), b.data());
            }),
            allocations_of(direct(cpp_kappa, ev)));

  filmtherm_evaluation esc = two;
  esc.film_thickness_m = d.data();
  esc.phonon_heat_capacity = e.data();
  esc.phonon_heat_capacity_slope = f.data();
  EXPECT_EQ(allocations_of([&] {
              return filmtherm_phonon_escape_power(escape, n, t.data(), tb.data(), d.data(),
                                                   e.data(), f.data(), a.data(), b.data(),
                                                   c.data());
            }),
            allocations_of(direct(cpp_escape, esc)));
  // The boundary law allocates nothing at all, through the C API as directly.
  EXPECT_EQ(allocations_of([&] {
              return filmtherm_phonon_escape_power(escape, n, t.data(), tb.data(), d.data(),
                                                   e.data(), f.data(), a.data(), b.data(),
                                                   c.data());
            }),
            0);

  filmtherm_model_destroy(escape);
  filmtherm_material_destroy(material);
  filmtherm_library_destroy(library);
  filmtherm_context_destroy(context);
}

}  // namespace
}  // namespace filmtherm
