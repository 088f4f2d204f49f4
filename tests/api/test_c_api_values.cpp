// The C host API against the C++ API it wraps: every property of NbTiN
// (examples/materials/nbtin.yaml) evaluated over arrays through both must
// agree bit for bit, slopes included; and the documented threading: one
// material evaluated from several threads at once, each thread's failure
// message its own.
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "filmtherm/device_loader.h"
#include "filmtherm/filmtherm.h"
#include "filmtherm/material_models.h"
#include "filmtherm/plugin_registry.h"

namespace filmtherm {
namespace {

const std::filesystem::path source_dir = FILMTHERM_SOURCE_DIR;
const std::filesystem::path library_file = source_dir / "examples/materials/nbtin.yaml";

class CApiValues : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(filmtherm_context_create(&context_), FILMTHERM_OK) << filmtherm_last_error();
    filmtherm_library* library = nullptr;
    ASSERT_EQ(filmtherm_library_load_file(context_, library_file.c_str(), &library), FILMTHERM_OK)
        << filmtherm_context_errmsg(context_);
    ASSERT_EQ(filmtherm_material_create(library, "NbTiN", &material_), FILMTHERM_OK);
    filmtherm_library_destroy(library);
    cpp_library_ = load_material_library(library_file, registry_);
    ASSERT_EQ(cpp_library_.materials.size(), 1u);
  }
  void TearDown() override {
    filmtherm_material_destroy(material_);
    filmtherm_context_destroy(context_);
  }

  const filmtherm_model_handle* c_model(int property) const {
    const filmtherm_model_handle* model = nullptr;
    EXPECT_EQ(filmtherm_material_model(material_, property, &model), FILMTHERM_OK);
    return model;
  }
  ModelInstance cpp_model(const ModelChoice& choice, MaterialProperty property) const {
    return registry_.model(choice.model, property).instantiate(choice.parameters);
  }

  const PluginRegistry registry_ = PluginRegistry::with_default_plugins();
  MaterialLibrary cpp_library_;
  filmtherm_context* context_ = nullptr;
  filmtherm_material* material_ = nullptr;
};

constexpr std::size_t n = 200;

std::vector<double> temperatures(double from, double to) {
  std::vector<double> t(n);
  for (std::size_t i = 0; i < n; ++i) t[i] = from + (to - from) * static_cast<double>(i) / (n - 1);
  return t;
}

TEST_F(CApiValues, PhononHeatCapacityEqualsTheCppApi) {
  const auto t = temperatures(0.3, 40.0);
  std::vector<double> d(n);
  for (std::size_t i = 0; i < n; ++i) d[i] = (2.0 + 0.1 * static_cast<double>(i % 50)) * 1e-9;
  std::vector<double> c(n), dc(n), u(n), c2(n), dc2(n), u2(n);
  ASSERT_EQ(filmtherm_phonon_heat_capacity(c_model(FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY), n,
                                           t.data(), d.data(), c.data(), dc.data(), u.data()),
            FILMTHERM_OK)
      << filmtherm_last_error();
  const MaterialPhononHeatCapacity cpp(cpp_model(cpp_library_.materials[0].phonon_heat_capacity,
                                                 MaterialProperty::phonon_heat_capacity));
  cpp.evaluate_si(t, d, c2, dc2, u2);
  EXPECT_EQ(c, c2);
  EXPECT_EQ(dc, dc2);
  EXPECT_EQ(u, u2);
}

TEST_F(CApiValues, ElectronHeatCapacityEqualsTheCppApi) {
  const auto t = temperatures(0.5, 30.0);
  std::vector<double> c(n), dc(n), u(n);
  ASSERT_EQ(filmtherm_electron_heat_capacity(c_model(FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY), n,
                                             t.data(), c.data(), dc.data(), u.data()),
            FILMTHERM_OK);
  const MaterialElectronHeatCapacity cpp(cpp_model(cpp_library_.materials[0].electron_heat_capacity,
                                                   MaterialProperty::electron_heat_capacity));
  for (std::size_t i = 0; i < n; ++i) {
    const HeatCapacityPoint p = cpp.evaluate_si(t[i]);
    EXPECT_EQ(c[i], p.heat_capacity) << t[i];
    EXPECT_EQ(dc[i], p.heat_capacity_slope) << t[i];
    EXPECT_EQ(u[i], p.energy_density) << t[i];
  }
}

TEST_F(CApiValues, ElectronPhononPowerEqualsTheCppApi) {
  const auto te = temperatures(2.0, 30.0);
  const auto tph = temperatures(1.5, 12.0);
  std::vector<double> p(n), dpe(n), dpph(n);
  ASSERT_EQ(
      filmtherm_electron_phonon_power(c_model(FILMTHERM_PROPERTY_ELECTRON_PHONON_POWER), n,
                                      te.data(), tph.data(), p.data(), dpe.data(), dpph.data()),
      FILMTHERM_OK);
  const MaterialElectronPhononPower cpp(cpp_model(cpp_library_.materials[0].electron_phonon_power,
                                                  MaterialProperty::electron_phonon_power));
  for (std::size_t i = 0; i < n; ++i) {
    const PowerPoint point = cpp.evaluate_si(te[i], tph[i]);
    EXPECT_EQ(p[i], point.power_density);
    EXPECT_EQ(dpe[i], point.d_first);
    EXPECT_EQ(dpph[i], point.d_second);
  }
}

TEST_F(CApiValues, ThermalConductivityEqualsTheCppApi) {
  const auto t = temperatures(0.5, 30.0);
  std::vector<double> k(n), dk(n);
  ASSERT_EQ(filmtherm_thermal_conductivity(c_model(FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY), n,
                                           t.data(), k.data(), dk.data()),
            FILMTHERM_OK);
  const MaterialThermalConductivity cpp(cpp_model(*cpp_library_.materials[0].thermal_conductivity,
                                                  MaterialProperty::thermal_conductivity));
  for (std::size_t i = 0; i < n; ++i) {
    const auto [kappa, slope] = cpp.evaluate_si(t[i]);
    EXPECT_EQ(k[i], kappa);
    EXPECT_EQ(dk[i], slope);
  }
}

TEST_F(CApiValues, PhononEscapePowerOfADeviceEqualsTheCppApi) {
  const std::filesystem::path device_file = source_dir / "examples/devices/nbtin-6nm.yaml";
  filmtherm_device* device = nullptr;
  ASSERT_EQ(filmtherm_device_load_file(context_, device_file.c_str(), &device), FILMTHERM_OK)
      << filmtherm_context_errmsg(context_);
  const filmtherm_model_handle* escape = nullptr;
  ASSERT_EQ(filmtherm_device_escape_model(device, &escape), FILMTHERM_OK);
  const Device cpp_device = load_device(device_file, registry_);
  const MaterialPhononEscapePower cpp(
      cpp_model(cpp_device.bath.phonon_escape, MaterialProperty::phonon_escape_power));
  const auto t = temperatures(2.0, 20.0);
  const std::vector<double> tb(n, 2.0), d(n, 6e-9);
  std::vector<double> c(n), dc(n), p(n), dp(n), dpb(n);
  for (std::size_t i = 0; i < n; ++i) {
    c[i] = 1.9 * t[i] * t[i] * t[i];
    dc[i] = 5.7 * t[i] * t[i];
  }
  ASSERT_EQ(filmtherm_phonon_escape_power(escape, n, t.data(), tb.data(), d.data(), c.data(),
                                          dc.data(), p.data(), dp.data(), dpb.data()),
            FILMTHERM_OK);
  for (std::size_t i = 0; i < n; ++i) {
    const PowerPoint point = cpp.evaluate_si(t[i], tb[i], d[i], c[i], dc[i]);
    EXPECT_EQ(p[i], point.power_density);
    EXPECT_EQ(dp[i], point.d_first);
    EXPECT_EQ(dpb[i], point.d_second);
  }
  filmtherm_device_destroy(device);
}

// A host in any folder gets the built-in plugin: this test runs from
// tests/api/, not bin/, with FILMTHERM_PLUGIN_PATH unset, so only the folder
// beside libfilmtherm.so can have supplied it.
TEST(CApiPlugins, TheBuiltInPluginIsFoundBesideTheLibrary) {
  EXPECT_EQ(std::filesystem::weakly_canonical(PluginRegistry::builtin_plugin_folder()),
            std::filesystem::weakly_canonical(FILMTHERM_BUILD_PLUGIN_DIR));
  filmtherm_context* context = nullptr;
  ASSERT_EQ(filmtherm_context_create(&context), FILMTHERM_OK);
  std::size_t count = 0;
  EXPECT_EQ(filmtherm_context_model_count(context, &count), FILMTHERM_OK);
  EXPECT_GE(count, 10u);
  filmtherm_context_destroy(context);
}

// The documented thread safety: a material whose models are thread-safe is
// evaluated from several threads at once; a failure's message is per thread.
TEST_F(CApiValues, ThreadsEvaluateOneMaterialAndKeepTheirOwnMessages) {
  const filmtherm_model_handle* phonon = c_model(FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY);
  const auto t = temperatures(0.5, 20.0);
  const std::vector<double> d(n, 6e-9);
  std::vector<double> expected(n);
  ASSERT_EQ(filmtherm_phonon_heat_capacity(phonon, n, t.data(), d.data(), expected.data(), nullptr,
                                           nullptr),
            FILMTHERM_OK);
  constexpr int thread_count = 4;
  std::array<bool, thread_count> same{};
  std::array<std::string, thread_count> messages;
  std::vector<std::thread> threads;
  for (int k = 0; k < thread_count; ++k) {
    threads.emplace_back([&, k] {
      std::vector<double> c(n);
      bool all_same = true;
      for (int repeat = 0; repeat < 200; ++repeat) {
        all_same &= filmtherm_phonon_heat_capacity(phonon, n, t.data(), d.data(), c.data(), nullptr,
                                                   nullptr) == FILMTHERM_OK &&
                    c == expected;
      }
      same[static_cast<std::size_t>(k)] = all_same;
      // Each thread fails at its own point; its message names that point.
      std::vector<double> bad = t;
      bad[static_cast<std::size_t>(k)] = -1.0;
      filmtherm_phonon_heat_capacity(phonon, n, bad.data(), d.data(), c.data(), nullptr, nullptr);
      std::this_thread::yield();
      messages[static_cast<std::size_t>(k)] = filmtherm_context_errmsg(context_);
    });
  }
  for (auto& thread : threads) thread.join();
  for (int k = 0; k < thread_count; ++k) {
    EXPECT_TRUE(same[static_cast<std::size_t>(k)]) << "thread " << k;
    EXPECT_NE(
        messages[static_cast<std::size_t>(k)].find("temperature_K[" + std::to_string(k) + "]"),
        std::string::npos)
        << messages[static_cast<std::size_t>(k)];
  }
  // The main thread made no failing call on the context.
  EXPECT_EQ(filmtherm_context_errcode(context_), FILMTHERM_OK);
}

}  // namespace
}  // namespace filmtherm
