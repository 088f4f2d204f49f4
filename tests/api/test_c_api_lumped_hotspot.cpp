// The lumped hotspot through the C API (filmtherm_run_options.wire_model =
// FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT): its constants against a quadrature,
// written here, of the heat capacities and the conductivity the C API's own
// material evaluation returns; the domain's motion against the
// Skocpol-Beasley-Tinkham velocity (v = 0 at psi i^2 = 2, a held current
// moves the ends at v, a ramp by its quadrature); the collapse, the ceiling,
// the step cap; and the API's contract (codes, messages, NULL, struct_size of
// minor version 2).
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "filmtherm/filmtherm.h"

namespace {

const std::filesystem::path examples = std::filesystem::path(FILMTHERM_SOURCE_DIR) / "examples";

// Composite Simpson's rule with n (even) intervals.
double simpson(const std::function<double(double)>& f, double a, double b, int n) {
  const double h = (b - a) / n;
  double sum = f(a) + f(b);
  for (int i = 1; i < n; ++i) sum += (i % 2 ? 4.0 : 2.0) * f(a + i * h);
  return sum * h / 3.0;
}

class CApiLumpedHotspot : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(filmtherm_context_create(&context_), FILMTHERM_OK) << filmtherm_last_error();
    device_ = load("devices/yang2007-nbn.yaml");
    filmtherm_run_options_init(&options_);
    options_.wire_model = FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT;
  }
  void TearDown() override {
    for (filmtherm_device* d : devices_) filmtherm_device_destroy(d);
    filmtherm_context_destroy(context_);
  }
  filmtherm_device* load(const char* name) {
    filmtherm_device* device = nullptr;
    EXPECT_EQ(filmtherm_device_load_file(context_, (examples / name).c_str(), &device),
              FILMTHERM_OK)
        << filmtherm_context_errmsg(context_);
    devices_.push_back(device);
    return device;
  }
  filmtherm_wire* lumped(const filmtherm_device* device) {
    filmtherm_wire* wire = nullptr;
    EXPECT_EQ(filmtherm_wire_create(device, &options_, &wire), FILMTHERM_OK)
        << filmtherm_context_errmsg(context_);
    return wire;
  }
  static filmtherm_lumped_hotspot_constants constants_of(const filmtherm_wire* wire) {
    filmtherm_lumped_hotspot_constants k{};
    k.struct_size = sizeof(k);
    EXPECT_EQ(filmtherm_wire_lumped_constants(wire, &k), FILMTHERM_OK);
    return k;
  }
  static double length_of(const filmtherm_wire* wire) {
    double length = -1.0;
    EXPECT_EQ(filmtherm_wire_observe(wire, 0.0, nullptr, nullptr, nullptr, &length), FILMTHERM_OK);
    return length;
  }
  // v(I) as Berggren et al. (2018) write it.
  static double velocity(const filmtherm_lumped_hotspot_constants& k, double current_A) {
    const double x = k.stekly_parameter * std::pow(current_A / k.switching_current_A, 2);
    return k.velocity_scale_m_per_s * (x - 2.0) / std::sqrt(x - 1.0);
  }

  filmtherm_context* context_ = nullptr;
  filmtherm_device* device_ = nullptr;
  std::vector<filmtherm_device*> devices_;
  filmtherm_run_options options_{};
};

// The Yang set (debye-low-T phonons, T^4 boundary law) and the NbTiN wire
// (confined film phonons, acoustic mismatch): the secants from Simpson's rule
// over 2000 intervals (error ~1e-12 of smooth integrands), against the code's
// energy integrals and Gauss-Kronrod mean.
TEST_F(CApiLumpedHotspot, ConstantsAreTheSecantsOfTheDevicesModels) {
  struct Case {
    const char* file;
    double critical_current_A, bias_A, width_m, belt_m, hotspot_K;
  };
  for (const Case& c : {Case{"devices/yang2007-nbn.yaml", 20e-6, 16.5e-6, 100e-9, 15e-9, 8.0},
                        Case{"devices/nbtin-wire.yaml", 15e-6, 12e-6, 100e-9, 50e-9, 0.0}}) {
    SCOPED_TRACE(c.file);
    filmtherm_device* device = load(c.file);
    filmtherm_wire* wire = lumped(device);
    ASSERT_NE(wire, nullptr);
    int model = -1;
    ASSERT_EQ(filmtherm_wire_model_kind(wire, &model), FILMTHERM_OK);
    EXPECT_EQ(model, FILMTHERM_WIRE_MODEL_LUMPED_HOTSPOT);
    const filmtherm_lumped_hotspot_constants k = constants_of(wire);

    const filmtherm_material* material = nullptr;
    const filmtherm_model_handle *electrons = nullptr, *phonons = nullptr, *kappa = nullptr,
                                 *escape = nullptr;
    ASSERT_EQ(filmtherm_device_material(device, &material), FILMTHERM_OK);
    ASSERT_EQ(
        filmtherm_material_model(material, FILMTHERM_PROPERTY_ELECTRON_HEAT_CAPACITY, &electrons),
        FILMTHERM_OK);
    ASSERT_EQ(filmtherm_material_model(material, FILMTHERM_PROPERTY_PHONON_HEAT_CAPACITY, &phonons),
              FILMTHERM_OK);
    ASSERT_EQ(filmtherm_material_model(material, FILMTHERM_PROPERTY_THERMAL_CONDUCTIVITY, &kappa),
              FILMTHERM_OK);
    ASSERT_EQ(filmtherm_device_escape_model(device, &escape), FILMTHERM_OK);
    double tc = 0.0, bath = 0.0, d = 0.0, rho = 0.0;
    ASSERT_EQ(filmtherm_material_critical_temperature(material, &tc), FILMTHERM_OK);
    ASSERT_EQ(filmtherm_material_normal_resistivity(material, &rho), FILMTHERM_OK);
    ASSERT_EQ(filmtherm_device_bath_temperature(device, &bath), FILMTHERM_OK);
    ASSERT_EQ(filmtherm_device_film_thickness(device, &d), FILMTHERM_OK);
    const double window = tc - bath;

    auto capacity = [&](double t) {
      double ce = 0.0, cph = 0.0;
      EXPECT_EQ(filmtherm_electron_heat_capacity(electrons, 1, &t, &ce, nullptr, nullptr),
                FILMTHERM_OK);
      EXPECT_EQ(filmtherm_phonon_heat_capacity(phonons, 1, &t, &d, &cph, nullptr, nullptr),
                FILMTHERM_OK);
      return ce + cph;
    };
    auto conductivity = [&](double t) {
      double value = 0.0;
      EXPECT_EQ(filmtherm_thermal_conductivity(kappa, 1, &t, &value, nullptr), FILMTHERM_OK);
      return value;
    };
    // The window ends at T_c, where a superconducting C_e jumps: the rule
    // stops just below it, on the superconducting branch the energy integral
    // runs along.
    const double secant = simpson(capacity, bath, tc * (1.0 - 1e-12), 2000) / window;
    EXPECT_NEAR(k.heat_capacity_J_per_m3_K, secant, 1e-7 * secant);
    const double mean_kappa = simpson(conductivity, bath, tc, 2000) / window;
    EXPECT_NEAR(k.thermal_conductivity_W_per_m_K, mean_kappa, 1e-9 * mean_kappa);

    double cph = 0.0, slope = 0.0, power = 0.0;
    ASSERT_EQ(filmtherm_phonon_heat_capacity(phonons, 1, &tc, &d, &cph, &slope, nullptr),
              FILMTHERM_OK);
    ASSERT_EQ(filmtherm_phonon_escape_power(escape, 1, &tc, &bath, &d, &cph, &slope, &power,
                                            nullptr, nullptr),
              FILMTHERM_OK);
    const double h = d * power / window;
    EXPECT_NEAR(k.heat_transfer_W_per_m2_K, h, 1e-12 * h);

    const double i_sw = c.critical_current_A * std::pow(1.0 - std::pow(bath / tc, 2), 2);
    EXPECT_NEAR(k.switching_current_A, i_sw, 1e-12 * i_sw);
    const double psi = rho * i_sw * i_sw / (h * c.width_m * c.width_m * d * window);
    EXPECT_NEAR(k.stekly_parameter, psi, 1e-9 * psi);
    const double v0 = std::sqrt(h * mean_kappa / d) / secant;
    EXPECT_NEAR(k.velocity_scale_m_per_s, v0, 1e-6 * v0);
    EXPECT_NEAR(k.minimum_current_A, i_sw / std::sqrt(psi), 1e-9 * i_sw);
    EXPECT_NEAR(k.propagation_current_A, i_sw * std::sqrt(2.0 / psi), 1e-9 * i_sw);
    EXPECT_NEAR(k.initial_length_m, c.belt_m, 1e-12 * c.belt_m);
    EXPECT_NEAR(k.resistance_per_length_Ohm_per_m, rho / (c.width_m * d), 1.0);
    // What the belt needs to switch at the bias: the content up to
    // T*(I_b) = T_c sqrt(1 - sqrt(I_b/I_c0)), here below T_c.
    const double switching_K = tc * std::sqrt(1.0 - std::sqrt(c.bias_A / c.critical_current_A));
    const double needed = simpson(capacity, bath, switching_K, 2000);
    EXPECT_NEAR(k.switching_energy_density_J_per_m3, needed, 1e-7 * needed);
    if (c.hotspot_K > 0.0) {  // the Yang start: a belt at 8 K
      const double given = simpson(capacity, bath, c.hotspot_K, 2000);
      EXPECT_NEAR(k.photon_energy_density_J_per_m3, given, 1e-7 * given);
    }
    EXPECT_GT(k.photon_energy_density_J_per_m3, k.switching_energy_density_J_per_m3);
    filmtherm_wire_destroy(wire);
  }
}

// A photon too weak to switch its belt (the dark wire of two-wires.cir: a
// belt 0.01 K above the bath) makes no domain: the wire stays superconducting.
TEST_F(CApiLumpedHotspot, APhotonBelowTheSwitchingEnergyMakesNoDomain) {
  filmtherm_device* dark = load("spice/yang2007-nbn-dark.yaml");
  filmtherm_wire* wire = lumped(dark);
  ASSERT_NE(wire, nullptr);
  const filmtherm_lumped_hotspot_constants k = constants_of(wire);
  EXPECT_LT(k.photon_energy_density_J_per_m3, 1e-2 * k.switching_energy_density_J_per_m3);
  EXPECT_EQ(length_of(wire), 0.0);
  ASSERT_EQ(filmtherm_wire_advance(wire, 1e-9, 16.5e-6, 16.5e-6), FILMTHERM_OK);
  EXPECT_EQ(length_of(wire), 0.0);
  double cap = 0.0;
  ASSERT_EQ(filmtherm_wire_max_step(wire, 16.5e-6, 0.0, 0.02, &cap), FILMTHERM_OK);
  EXPECT_EQ(cap, std::numeric_limits<double>::infinity());
  filmtherm_wire_destroy(wire);
}

TEST_F(CApiLumpedHotspot, TheEndsMoveAtTheFrontVelocity) {
  filmtherm_wire* wire = lumped(device_);
  ASSERT_NE(wire, nullptr);
  const filmtherm_lumped_hotspot_constants k = constants_of(wire);
  const double l0 = k.initial_length_m;
  EXPECT_EQ(length_of(wire), l0);
  double r = 0.0;
  ASSERT_EQ(filmtherm_wire_observe(wire, 0.0, &r, nullptr, nullptr, nullptr), FILMTHERM_OK);
  EXPECT_DOUBLE_EQ(r, k.resistance_per_length_Ohm_per_m * l0);

  // psi i^2 = 2: the ends stand still.
  ASSERT_EQ(filmtherm_wire_save(wire), FILMTHERM_OK);
  ASSERT_EQ(filmtherm_wire_advance(wire, 100e-12, k.propagation_current_A, k.propagation_current_A),
            FILMTHERM_OK);
  EXPECT_NEAR(length_of(wire), l0, 1e-12 * l0);

  // A held current: dl = 2 v dt.
  ASSERT_EQ(filmtherm_wire_restore(wire), FILMTHERM_OK);
  const double bias = 16.5e-6;
  ASSERT_EQ(filmtherm_wire_advance(wire, 10e-12, bias, bias), FILMTHERM_OK);
  const double held = l0 + 2.0 * velocity(k, bias) * 10e-12;
  EXPECT_NEAR(length_of(wire), held, 1e-12 * held);

  // A ramp that crosses psi i^2 = 2 (growth, then shrinking): the closed form
  // against Simpson's rule on 2 v(I(t)).
  ASSERT_EQ(filmtherm_wire_save(wire), FILMTHERM_OK);
  const double low = 0.8 * k.propagation_current_A;  // psi i^2 = 1.28
  ASSERT_EQ(filmtherm_wire_advance(wire, 30e-12, bias, low), FILMTHERM_OK);
  auto current = [&](double t) { return bias + (low - bias) * (t - 10e-12) / 20e-12; };
  const double ramp = held + simpson([&](double t) { return 2.0 * velocity(k, current(t)); },
                                     10e-12, 30e-12, 20000);
  EXPECT_NEAR(length_of(wire), ramp, 1e-9 * ramp);

  // Below the Stekly current the domain collapses, and stays gone.
  ASSERT_EQ(filmtherm_wire_restore(wire), FILMTHERM_OK);
  ASSERT_EQ(filmtherm_wire_advance(wire, 30e-12, bias, 0.5 * k.minimum_current_A), FILMTHERM_OK);
  EXPECT_EQ(length_of(wire), 0.0);
  ASSERT_EQ(filmtherm_wire_advance(wire, 1e-9, bias, bias), FILMTHERM_OK);
  ASSERT_EQ(filmtherm_wire_observe(wire, bias, &r, nullptr, nullptr, nullptr), FILMTHERM_OK);
  EXPECT_EQ(r, 0.0);
  double cap = 0.0;
  ASSERT_EQ(filmtherm_wire_max_step(wire, bias, 0.0, 0.02, &cap), FILMTHERM_OK);
  EXPECT_EQ(cap, std::numeric_limits<double>::infinity());

  // Between I_ss and I_mp it shrinks at v < 0 until l = 0, then it is gone.
  ASSERT_EQ(filmtherm_wire_restore(wire), FILMTHERM_OK);
  const double shrinking = std::sqrt(1.5 / 2.0) * k.propagation_current_A;  // psi i^2 = 1.5
  const double speed = velocity(k, shrinking);
  ASSERT_LT(speed, 0.0);
  const double gone_after = held / (-2.0 * speed);
  ASSERT_EQ(filmtherm_wire_advance(wire, 10e-12 + 0.5 * gone_after, shrinking, shrinking),
            FILMTHERM_OK);
  EXPECT_NEAR(length_of(wire), 0.5 * held, 1e-12 * held);
  ASSERT_EQ(filmtherm_wire_advance(wire, 10e-12 + 2.0 * gone_after, shrinking, shrinking),
            FILMTHERM_OK);
  EXPECT_EQ(length_of(wire), 0.0);
  ASSERT_EQ(filmtherm_wire_advance(wire, 1e-9, shrinking, bias), FILMTHERM_OK);
  EXPECT_EQ(length_of(wire), 0.0);

  // Held at I_b it grows to the film's length and stops there.
  ASSERT_EQ(filmtherm_wire_restore(wire), FILMTHERM_OK);
  ASSERT_EQ(filmtherm_wire_advance(wire, 10e-9, bias, bias), FILMTHERM_OK);
  EXPECT_EQ(length_of(wire), k.wire_length_m);
  ASSERT_EQ(filmtherm_wire_max_step(wire, bias, 0.0, 0.02, &cap), FILMTHERM_OK);
  EXPECT_EQ(cap, std::numeric_limits<double>::infinity());  // nothing moves
  filmtherm_wire_destroy(wire);
}

// Steps of the cap under a falling current: each keeps R_hs within 2 % of
// (R_hs + R_L) (the Yang device's R_L = 50 Ohm), and the step that meets the
// collapse (at I_ss, known in closed form for this line) ends just past it.
TEST_F(CApiLumpedHotspot, TheStepCapBoundsTheChangeAndLandsOnTheCollapse) {
  filmtherm_wire* wire = lumped(device_);
  ASSERT_NE(wire, nullptr);
  const filmtherm_lumped_hotspot_constants k = constants_of(wire);
  const double bias = 16.5e-6, load = 50.0, slope = -1e6;  // A/s: 1 uA per ps
  auto current = [&](double t) { return bias + slope * t; };
  const double collapse = (k.minimum_current_A - bias) / slope;
  double t = 0.0;
  double r = k.resistance_per_length_Ohm_per_m * k.initial_length_m;
  int steps = 0;
  for (; steps < 10000 && length_of(wire) > 0.0; ++steps) {
    double cap = 0.0;
    ASSERT_EQ(filmtherm_wire_max_step(wire, current(t), slope, 0.02, &cap), FILMTHERM_OK);
    ASSERT_GT(cap, 0.0);
    ASSERT_TRUE(std::isfinite(cap));
    ASSERT_EQ(filmtherm_wire_advance(wire, t + cap, current(t), current(t + cap)), FILMTHERM_OK);
    double next = 0.0;
    ASSERT_EQ(filmtherm_wire_observe(wire, 0.0, &next, nullptr, nullptr, nullptr), FILMTHERM_OK);
    if (next > 0.0) {
      EXPECT_LE(std::abs(next - r), 0.02 * (r + load) * (1.0 + 1e-9)) << "at t = " << t;
    } else {
      EXPECT_GE(t + cap, collapse * (1.0 - 1e-12));
      EXPECT_LE(t + cap - collapse, 1.1e-3 * cap);
    }
    t += cap;
    r = next;
  }
  EXPECT_EQ(length_of(wire), 0.0);
  EXPECT_LT(steps, 1000);
  long pieces = 0;
  ASSERT_EQ(filmtherm_wire_solver_steps(wire, &pieces), FILMTHERM_OK);
  EXPECT_GE(pieces, steps);
  filmtherm_wire_destroy(wire);
}

TEST_F(CApiLumpedHotspot, TheApiContractHolds) {
  filmtherm_wire* wire = lumped(device_);
  ASSERT_NE(wire, nullptr);
  // No temperatures: NaN, no cells.
  double hottest = 0.0, hottest_phonon = 0.0;
  ASSERT_EQ(filmtherm_wire_observe(wire, 16.5e-6, nullptr, &hottest, &hottest_phonon, nullptr),
            FILMTHERM_OK);
  EXPECT_TRUE(std::isnan(hottest) && std::isnan(hottest_phonon));
  std::size_t cells = 1;
  ASSERT_EQ(filmtherm_wire_cell_count(wire, &cells), FILMTHERM_OK);
  EXPECT_EQ(cells, 0u);
  double none = 0.0;
  EXPECT_EQ(filmtherm_wire_temperatures(wire, &none, 0), FILMTHERM_OK);
  double start = -1.0, now = -1.0;
  ASSERT_EQ(filmtherm_wire_start_time(wire, &start), FILMTHERM_OK);
  ASSERT_EQ(filmtherm_wire_time(wire, &now), FILMTHERM_OK);
  EXPECT_EQ(start, 0.0);
  EXPECT_EQ(now, 0.0);
  // Refusals with their codes and kept messages.
  EXPECT_EQ(filmtherm_wire_advance(wire, 0.0, 16.5e-6, 16.5e-6), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_NE(std::string(filmtherm_context_errmsg(context_)).find("forward"), std::string::npos);
  EXPECT_EQ(filmtherm_wire_advance(wire, 1e-12, std::nan(""), 16.5e-6),
            FILMTHERM_E_INVALID_ARGUMENT);
  double cap = 0.0;
  EXPECT_EQ(filmtherm_wire_max_step(wire, 16.5e-6, 0.0, 1.5, &cap), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_EQ(filmtherm_wire_max_step(wire, 16.5e-6, 0.0, 0.02, nullptr),
            FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_EQ(filmtherm_wire_model_kind(wire, nullptr), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_EQ(filmtherm_wire_model_kind(nullptr, nullptr), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_EQ(filmtherm_wire_lumped_constants(wire, nullptr), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_EQ(filmtherm_wire_lumped_constants(nullptr, nullptr), FILMTHERM_E_INVALID_ARGUMENT);
  filmtherm_lumped_hotspot_constants small{};
  small.struct_size = 8;
  EXPECT_EQ(filmtherm_wire_lumped_constants(wire, &small), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_NE(std::string(filmtherm_context_errmsg(context_)).find("struct_size"), std::string::npos);
  // Save and restore repeat a step bit for bit.
  ASSERT_EQ(filmtherm_wire_save(wire), FILMTHERM_OK);
  double first = 0.0, second = 0.0;
  ASSERT_EQ(filmtherm_wire_advance(wire, 20e-12, 16.5e-6, 9e-6), FILMTHERM_OK);
  ASSERT_EQ(filmtherm_wire_observe(wire, 9e-6, &first, nullptr, nullptr, nullptr), FILMTHERM_OK);
  ASSERT_EQ(filmtherm_wire_restore(wire), FILMTHERM_OK);
  ASSERT_EQ(filmtherm_wire_advance(wire, 20e-12, 16.5e-6, 9e-6), FILMTHERM_OK);
  ASSERT_EQ(filmtherm_wire_observe(wire, 9e-6, &second, nullptr, nullptr, nullptr), FILMTHERM_OK);
  EXPECT_EQ(first, second);
  filmtherm_wire_destroy(wire);

  // The 1D wire has no lumped constants; an unknown model is refused.
  filmtherm_run_options one_d = options_;
  one_d.wire_model = FILMTHERM_WIRE_MODEL_1D;
  one_d.wire_cell_count = 20;
  ASSERT_EQ(filmtherm_wire_create(device_, &one_d, &wire), FILMTHERM_OK);
  int model = -1;
  ASSERT_EQ(filmtherm_wire_model_kind(wire, &model), FILMTHERM_OK);
  EXPECT_EQ(model, FILMTHERM_WIRE_MODEL_1D);
  filmtherm_lumped_hotspot_constants k{};
  k.struct_size = sizeof(k);
  EXPECT_EQ(filmtherm_wire_lumped_constants(wire, &k), FILMTHERM_E_NOT_FOUND);
  filmtherm_wire_destroy(wire);
  filmtherm_run_options bad = options_;
  bad.wire_model = 7;
  wire = nullptr;
  EXPECT_EQ(filmtherm_wire_create(device_, &bad, &wire), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_EQ(wire, nullptr);
  EXPECT_NE(std::string(filmtherm_context_errmsg(context_)).find("wire_model"), std::string::npos);
  // filmtherm_device_run runs the device's own model: the lumped hotspot is refused.
  filmtherm_run* run = nullptr;
  EXPECT_EQ(filmtherm_device_run(device_, &options_, &run), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_EQ(run, nullptr);
  EXPECT_NE(std::string(filmtherm_context_errmsg(context_)).find("filmtherm_wire_create"),
            std::string::npos);
}

// A host built against minor version 2 passes a struct that ends before
// wire_model: the library reads no further (the field's bytes here say
// "lumped", which it must not see) and makes the 1D wire.
TEST_F(CApiLumpedHotspot, AMinorTwoStructMakesTheOneDimensionalWire) {
  filmtherm_run_options old = options_;
  old.struct_size = offsetof(filmtherm_run_options, wire_model);
  old.wire_cell_count = 20;
  filmtherm_wire* wire = nullptr;
  ASSERT_EQ(filmtherm_wire_create(device_, &old, &wire), FILMTHERM_OK)
      << filmtherm_context_errmsg(context_);
  int model = -1;
  ASSERT_EQ(filmtherm_wire_model_kind(wire, &model), FILMTHERM_OK);
  EXPECT_EQ(model, FILMTHERM_WIRE_MODEL_1D);
  std::size_t cells = 0;
  ASSERT_EQ(filmtherm_wire_cell_count(wire, &cells), FILMTHERM_OK);
  EXPECT_EQ(cells, 20u);
  filmtherm_wire_destroy(wire);
  old.struct_size = offsetof(filmtherm_run_options, wire_model) - 1;
  EXPECT_EQ(filmtherm_wire_create(device_, &old, &wire), FILMTHERM_E_INVALID_ARGUMENT);
  EXPECT_GE(filmtherm_api_version(), 3);
}

}  // namespace
