// The built-in plugin, loaded through the ABI exactly as a third party's is,
// agrees bit for bit with direct calls to models/: the plugin adds no
// arithmetic of its own. Also its parameter conventions (either/or choices).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "filmtherm/electron_heat_capacity.h"
#include "filmtherm/heat_flow.h"
#include "filmtherm/material_models.h"
#include "filmtherm/phonon_heat_capacity.h"
#include "filmtherm/plugin_registry.h"

namespace filmtherm {
namespace {

using ::testing::HasSubstr;

const PluginRegistry& registry() {
  static const PluginRegistry loaded = PluginRegistry::with_default_plugins();
  return loaded;
}

ModelInstance make(const char* name, std::vector<ParameterSetting> settings) {
  return registry().model(name).instantiate(settings);
}

const std::vector<double> temperatures_K{0.05, 0.3,  1.0,  2.0,   4.2,  7.5,
                                         10.0, 15.0, 32.0, 100.0, 450.0};

TEST(BuiltinPlugin, IsFoundNextToTheExecutableWithEveryModel) {
  ASSERT_EQ(registry().plugins().size(), 1u);
  EXPECT_EQ(registry().plugins()[0]->name(), "filmtherm-builtin");
  for (const char* name : {"film", "film-low-T", "debye", "debye-low-T", "sommerfeld", "bcs",
                           "yang-2007", "eph-relaxation-time", "eph-conductance", "escape-time",
                           "boundary-conductance", "acoustic-mismatch", "wiedemann-franz"}) {
    EXPECT_NO_THROW((void)registry().model(name)) << name;
  }
}

template <class Physics>
void expect_phonons_bit_for_bit(const char* name, const std::vector<ParameterSetting>& settings,
                                const PhononParameters& parameters) {
  const MaterialPhononHeatCapacity through_abi(make(name, settings));
  const Physics direct(parameters);
  for (double t : temperatures_K) {
    const HeatCapacityPoint abi = through_abi.evaluate_si(t, parameters.film_thickness.value());
    const PhononThermalState expected = direct.evaluate_si(t);
    EXPECT_EQ(abi.heat_capacity, expected.heat_capacity_J_per_m3_K) << name << " at " << t << " K";
    EXPECT_EQ(abi.heat_capacity_slope, expected.heat_capacity_slope_J_per_m3_K2) << name;
    EXPECT_EQ(abi.energy_density, expected.thermal_energy_J_per_m3) << name;
  }
}

TEST(BuiltinPlugin, PhononModelsAgreeBitForBitWithModels) {
  PhononParameters film;
  film.branches = AcousticBranches{from_si<Velocity>(6000.0), from_si<Velocity>(3500.0)};
  film.film_thickness = from_si<Length>(6e-9);
  film.cutoff = PhononCutoff::from_debye_temperature(from_si<Temperature>(450.0));
  const std::vector<ParameterSetting> settings{{"longitudinal_velocity", "6000 m/s"},
                                               {"transverse_velocity", "3500 m/s"},
                                               {"debye_temperature", "450 K"}};
  expect_phonons_bit_for_bit<ConfinedFilmPhonons>("film", settings, film);
  expect_phonons_bit_for_bit<DebyePhonons>("debye", settings, film);

  PhononParameters conserving = film;
  conserving.cutoff = PhononCutoff::from_atom_number_density(from_si<NumberDensity>(9.4e28));
  conserving.conserve_mode_count = true;
  expect_phonons_bit_for_bit<ConfinedFilmPhonons>("film",
                                                  {{"longitudinal_velocity", "6000 m/s"},
                                                   {"transverse_velocity", "3500 m/s"},
                                                   {"atom_density", "9.4e28 m^-3"},
                                                   {"conserve_mode_count", "1"}},
                                                  conserving);

  PhononParameters isotropic;
  isotropic.branches = AcousticBranches::isotropic(from_si<Velocity>(4000.0));
  isotropic.film_thickness = from_si<Length>(4e-9);
  expect_phonons_bit_for_bit<FilmLowTemperaturePhonons>("film-low-T",
                                                        {{"sound_velocity", "4 km/s"}}, isotropic);
  expect_phonons_bit_for_bit<DebyeLowTemperaturePhonons>("debye-low-T",
                                                         {{"sound_velocity", "4 km/s"}}, isotropic);
}

TEST(BuiltinPlugin, PhononModelsFollowTheThicknessOfEachPoint) {
  const MaterialPhononHeatCapacity model(make("film", {{"sound_velocity", "4000 m/s"}}));
  const std::vector<double> t{5.0, 5.0, 5.0};
  const std::vector<double> d{4e-9, 6e-9, 4e-9};
  std::vector<double> c(3);
  model.evaluate_si(t, d, c, {}, {});
  PhononParameters p;
  p.branches = AcousticBranches::isotropic(from_si<Velocity>(4000.0));
  for (std::size_t i = 0; i < 3; ++i) {
    p.film_thickness = from_si<Length>(d[i]);
    EXPECT_EQ(c[i], ConfinedFilmPhonons(p).evaluate_si(5.0).heat_capacity_J_per_m3_K);
  }
}

TEST(BuiltinPlugin, ElectronModelsAgreeBitForBitWithModels) {
  const auto gamma = from_si<SommerfeldCoefficient>(116.0);
  const auto tc = from_si<Temperature>(10.5);
  const SommerfeldHeatCapacity sommerfeld(gamma);
  const BcsHeatCapacity bcs(gamma, tc);
  const Yang2007HeatCapacity yang = Yang2007HeatCapacity::from_heat_capacity_at(
      from_si<Temperature>(10.0), from_si<VolumetricHeatCapacity>(2400.0), tc);
  const MaterialElectronHeatCapacity abi_sommerfeld(
      make("sommerfeld", {{"sommerfeld_coefficient", "116 J m^-3 K^-2"}}));
  const MaterialElectronHeatCapacity abi_bcs(make(
      "bcs", {{"sommerfeld_coefficient", "116 J/(m^3 K^2)"}, {"critical_temperature", "10.5 K"}}));
  const MaterialElectronHeatCapacity abi_yang(
      make("yang-2007", {{"heat_capacity_at_reference", "2400 J/(m^3 K)"},
                         {"reference_temperature", "10 K"},
                         {"critical_temperature", "10.5 K"}}));
  const std::vector<std::pair<const MaterialElectronHeatCapacity*, const ElectronHeatCapacity*>>
      pairs{{&abi_sommerfeld, &sommerfeld}, {&abi_bcs, &bcs}, {&abi_yang, &yang}};
  for (const auto& [abi, direct] : pairs) {
    for (double t : temperatures_K) {
      const HeatCapacityPoint point = abi->evaluate_si(t);
      EXPECT_EQ(point.heat_capacity, direct->heat_capacity_J_per_m3_K(t));
      EXPECT_EQ(point.heat_capacity_slope, direct->heat_capacity_slope_J_per_m3_K2(t));
      EXPECT_EQ(point.energy_density, direct->energy_J_per_m3(t));
    }
  }
}

TEST(BuiltinPlugin, HeatFlowModelsAgreeBitForBitWithModels) {
  const ElectronPhononCoupling coupling(from_si<Time>(16e-12), from_si<Temperature>(10.0), 3.45,
                                        from_si<VolumetricHeatCapacity>(2400.0));
  const MaterialElectronPhononPower eph(
      make("eph-relaxation-time", {{"relaxation_time", "16 ps"},
                                   {"reference_temperature", "10 K"},
                                   {"temperature_exponent", "3.45"},
                                   {"electron_heat_capacity_at_reference", "2400 J/(m^3 K)"}}));
  const PowerPoint p = eph.evaluate_si(9.0, 4.0);
  EXPECT_EQ(p.power_density, coupling.power_W_per_m3(9.0, 4.0));
  EXPECT_EQ(p.d_first, coupling.power_slope_electron_W_per_m3_K(9.0));
  EXPECT_EQ(p.d_second, coupling.power_slope_phonon_W_per_m3_K(4.0));

  const BoundaryLawPhononEscape boundary(from_si<BoundaryConductance>(8e5),
                                         from_si<Temperature>(10.0), 4.0, from_si<Length>(4e-9));
  const MaterialPhononEscapePower escape(
      make("boundary-conductance",
           {{"conductance_at_reference", "8e5 W m^-2 K^-1"}, {"reference_temperature", "10 K"}}));
  const PowerPoint q = escape.evaluate_si(6.0, 2.0, 4e-9, 0.0, 0.0);
  EXPECT_EQ(q.power_density, boundary.power_W_per_m3(6.0, 2.0));
  EXPECT_EQ(q.d_first, boundary.power_slope_W_per_m3_K(6.0));

  const FixedTimePhononEscape fixed(from_si<Time>(30e-12));
  const MaterialPhononEscapePower fixed_abi(make("escape-time", {{"escape_time", "30 ps"}}));
  const PowerPoint r = fixed_abi.evaluate_si(6.0, 2.0, 4e-9, 150.0, 80.0);
  EXPECT_EQ(r.power_density, fixed.power_W_per_m3(6.0, 2.0, 150.0));
  EXPECT_EQ(r.d_first, fixed.power_slope_W_per_m3_K(6.0, 2.0, 150.0, 80.0));

  const FilmThermalConductivity kappa(from_si<Resistivity>(2.4e-6), from_si<Temperature>(10.5));
  const MaterialThermalConductivity kappa_abi(
      make("wiedemann-franz",
           {{"normal_resistivity", "2.4e-6 Ohm m"}, {"critical_temperature", "10.5 K"}}));
  EXPECT_EQ(kappa_abi.evaluate_si(8.0).first, kappa.conductivity_W_per_m_K(8.0));
  EXPECT_EQ(kappa_abi.evaluate_si(12.0).second, kappa.conductivity_slope_W_per_m_K2(12.0));
}

std::string creation_error(const char* name, std::vector<ParameterSetting> settings) {
  try {
    (void)make(name, settings);
  } catch (const ParameterError& error) {
    return error.what();
  }
  return "";
}

TEST(BuiltinPlugin, EitherOrParametersAreEnforced) {
  EXPECT_THAT(creation_error("film", {}), HasSubstr("give either sound_velocity"));
  EXPECT_THAT(
      creation_error("film", {{"sound_velocity", "4 km/s"}, {"transverse_velocity", "3 km/s"}}),
      HasSubstr("give either sound_velocity"));
  EXPECT_THAT(creation_error("film", {{"sound_velocity", "4 km/s"},
                                      {"debye_temperature", "400 K"},
                                      {"atom_density", "1e28 m^-3"}}),
              HasSubstr("not both"));
  EXPECT_THAT(
      creation_error("film", {{"sound_velocity", "4 km/s"}, {"conserve_mode_count", "0.5"}}),
      HasSubstr("must be 0 or 1"));
  EXPECT_THAT(creation_error("bcs", {{"critical_temperature", "10 K"}}),
              HasSubstr("give either sommerfeld_coefficient"));
  EXPECT_THAT(creation_error("film", {{"sound_velocity", "-4 km/s"}}), HasSubstr("rejected"));
}

TEST(BuiltinPlugin, BadInputsBecomeErrorsNamingTheModel) {
  const MaterialPhononHeatCapacity model(make("film", {{"sound_velocity", "4000 m/s"}}));
  try {
    (void)model.evaluate_si(-1.0, 6e-9);
    FAIL() << "a negative temperature must be refused";
  } catch (const PluginError& error) {
    EXPECT_THAT(error.what(), HasSubstr("model 'film'"));
    EXPECT_THAT(error.what(), HasSubstr("T = -1 K"));
  }
}

// The C ABI of the built-in plugin, called through the entry point's function
// pointers as a C host would, with the misuses docs/plugin-abi.md rules on.
const filmtherm_model& raw_model(std::string_view name) {
  const filmtherm_plugin& plugin = registry().plugins()[0]->descriptor();
  for (std::size_t i = 0; i < plugin.model_count; ++i) {
    if (name == plugin.models[i]->name) return *plugin.models[i];
  }
  throw std::runtime_error("no built-in model " + std::string(name));
}

constexpr double absent = std::numeric_limits<double>::quiet_NaN();
// film: sound_velocity, longitudinal, transverse, debye_temperature, atom_density, conserve.
const std::vector<double> film_values{4000.0, absent, absent, absent, absent, 0.0};

struct CreateResult {
  int32_t status;
  void* instance;
  std::string error;
};

CreateResult create(const filmtherm_model& model, const std::vector<double>& values) {
  char error[512] = "";
  void* instance = nullptr;
  const int32_t status = model.create(values.data(), values.size(), &instance, error, sizeof error);
  return {status, instance, error};
}

struct Instance {
  const filmtherm_model& model;
  void* handle;
  ~Instance() { model.destroy(handle); }
};

TEST(BuiltinPluginAbi, NullPointersAreInvalidArgumentsWithAMessage) {
  const filmtherm_model& film = raw_model("film");
  char error[512] = "";
  void* instance = nullptr;
  EXPECT_EQ(film.create(film_values.data(), film_values.size(), nullptr, error, sizeof error),
            FILMTHERM_STATUS_INVALID_ARGUMENT);
  EXPECT_THAT(error, HasSubstr("instance pointer is NULL"));
  EXPECT_EQ(film.create(nullptr, film_values.size(), &instance, error, sizeof error),
            FILMTHERM_STATUS_INVALID_ARGUMENT);
  EXPECT_THAT(error, HasSubstr("parameter_values is NULL"));
  EXPECT_EQ(instance, nullptr) << "a failed create leaves *instance untouched";

  const CreateResult made = create(film, film_values);
  ASSERT_EQ(made.status, FILMTHERM_STATUS_OK) << made.error;
  const Instance owner{film, made.instance};
  double t = 5.0, d = 6e-9, c = 0.0;
  filmtherm_evaluation e{};
  e.struct_size = sizeof e;
  e.count = 1;
  e.temperature_K = &t;
  e.film_thickness_m = &d;
  e.value = &c;
  EXPECT_EQ(film.evaluate(nullptr, &e, error, sizeof error), FILMTHERM_STATUS_INVALID_ARGUMENT);
  EXPECT_THAT(error, HasSubstr("instance is NULL"));
  EXPECT_EQ(film.evaluate(made.instance, nullptr, error, sizeof error),
            FILMTHERM_STATUS_INVALID_ARGUMENT);
  EXPECT_THAT(error, HasSubstr("evaluation is NULL"));
  e.value = nullptr;
  EXPECT_EQ(film.evaluate(made.instance, &e, error, sizeof error),
            FILMTHERM_STATUS_INVALID_ARGUMENT);
  EXPECT_THAT(error, HasSubstr("temperature_K and value"));
  // A NULL error buffer is allowed: the status alone still says what happened.
  EXPECT_EQ(film.evaluate(nullptr, &e, nullptr, 0), FILMTHERM_STATUS_INVALID_ARGUMENT);
  e.value = &c;
  EXPECT_EQ(film.evaluate(made.instance, &e, error, sizeof error), FILMTHERM_STATUS_OK) << error;
  EXPECT_GT(c, 0.0);
  film.destroy(nullptr);  // harmless, as the ABI requires
}

TEST(BuiltinPluginAbi, EvaluationSmallerThanAbi10IsRefused) {
  const filmtherm_model& film = raw_model("film");
  const CreateResult made = create(film, film_values);
  ASSERT_EQ(made.status, FILMTHERM_STATUS_OK) << made.error;
  const Instance owner{film, made.instance};
  double t = 5.0, d = 6e-9, c = 0.0;
  filmtherm_evaluation e{};
  e.count = 1;
  e.temperature_K = &t;
  e.film_thickness_m = &d;
  e.value = &c;
  char error[512] = "";
  for (uint32_t size :
       {0u, static_cast<uint32_t>(offsetof(filmtherm_evaluation, energy_density))}) {
    e.struct_size = size;
    EXPECT_EQ(film.evaluate(made.instance, &e, error, sizeof error),
              FILMTHERM_STATUS_INVALID_ARGUMENT)
        << size;
    EXPECT_THAT(error, HasSubstr("struct_size " + std::to_string(size)));
    EXPECT_THAT(error, HasSubstr("smaller than ABI 1.0"));
  }
  e.struct_size = sizeof e + 16;  // a newer host's larger struct: the tail is ignored
  EXPECT_EQ(film.evaluate(made.instance, &e, error, sizeof error), FILMTHERM_STATUS_OK) << error;
}

TEST(BuiltinPluginAbi, ZeroThicknessIsOutOfDomain) {
  char error[512] = "";
  for (const char* name : {"film", "film-low-T"}) {
    const filmtherm_model& model = raw_model(name);
    const std::vector<double> values = model.parameter_count == film_values.size()
                                           ? film_values
                                           : std::vector<double>{4000.0, absent, absent};
    const CreateResult made = create(model, values);
    ASSERT_EQ(made.status, FILMTHERM_STATUS_OK) << name << ": " << made.error;
    const Instance owner{model, made.instance};
    for (double d : {0.0, -6e-9, std::numeric_limits<double>::infinity()}) {
      double t = 5.0, c = 0.0;
      filmtherm_evaluation e{};
      e.struct_size = sizeof e;
      e.count = 1;
      e.temperature_K = &t;
      e.film_thickness_m = &d;
      e.value = &c;
      EXPECT_EQ(model.evaluate(made.instance, &e, error, sizeof error),
                FILMTHERM_STATUS_OUT_OF_DOMAIN)
          << name << " at d = " << d;
      EXPECT_THAT(error, HasSubstr("film thickness d must be positive and finite")) << name;
    }
  }
  const filmtherm_model& boundary = raw_model("acoustic-mismatch");
  const CreateResult made = create(boundary, {100.0});
  ASSERT_EQ(made.status, FILMTHERM_STATUS_OK) << made.error;
  const Instance owner{boundary, made.instance};
  double t = 5.0, bath = 1.0, d = 0.0, p = 0.0;
  filmtherm_evaluation e{};
  e.struct_size = sizeof e;
  e.count = 1;
  e.temperature_K = &t;
  e.second_temperature_K = &bath;
  e.film_thickness_m = &d;
  e.value = &p;
  EXPECT_EQ(boundary.evaluate(made.instance, &e, error, sizeof error),
            FILMTHERM_STATUS_OUT_OF_DOMAIN);
  EXPECT_THAT(error, HasSubstr("film thickness d"));
}

TEST(BuiltinPluginAbi, WrongParameterCountSaysExpectedAndGiven) {
  const CreateResult made = create(raw_model("film"), {4000.0, absent});
  EXPECT_EQ(made.status, FILMTHERM_STATUS_INVALID_ARGUMENT);
  EXPECT_THAT(made.error, HasSubstr("wrong number of parameters: expected 6, given 2"));
  const CreateResult none = create(raw_model("sommerfeld"), {});
  EXPECT_EQ(none.status, FILMTHERM_STATUS_INVALID_ARGUMENT);
  EXPECT_THAT(none.error, HasSubstr("expected 1, given 0"));
}

TEST(BuiltinPluginAbi, MessagesNameTheParameterNotAClass) {
  struct Case {
    const char* model;
    std::vector<double> values;
    const char* parameter;
  };
  const std::vector<Case> cases{
      {"film", {-4000.0, absent, absent, absent, absent, 0.0}, "sound_velocity"},
      {"film", {absent, 6000.0, 0.0, absent, absent, 0.0}, "transverse_velocity"},
      {"film", {4000.0, absent, absent, -450.0, absent, 0.0}, "debye_temperature"},
      {"debye", {4000.0, absent, absent, absent, 0.0, 0.0}, "atom_density"},
      {"film-low-T", {std::numeric_limits<double>::infinity(), absent, absent}, "sound_velocity"},
      {"sommerfeld", {0.0}, "sommerfeld_coefficient"},
      {"bcs", {-1.0, 116.0, absent, absent}, "critical_temperature"},
      {"eph-relaxation-time", {16e-12, 10.0, -2.0, 2400.0}, "temperature_exponent"},
      {"eph-relaxation-time", {0.0, 10.0, 3.45, 2400.0}, "relaxation_time"},
      {"eph-conductance", {1e9, 10.0, 0.5}, "power_exponent"},
      {"escape-time", {-1e-12}, "escape_time"},
      {"boundary-conductance", {8e5, 10.0, 0.0}, "power_exponent"},
      {"boundary-conductance", {8e5, 0.0, 4.0}, "reference_temperature"},
      {"acoustic-mismatch", {-5.0}, "boundary_coefficient"},
      {"wiedemann-franz", {2e-6, 10.0, 0.0}, "lorenz_number"},
  };
  for (const Case& c : cases) {
    const CreateResult made = create(raw_model(c.model), c.values);
    EXPECT_EQ(made.status, FILMTHERM_STATUS_INVALID_ARGUMENT) << c.model << " " << c.parameter;
    EXPECT_THAT(made.error, HasSubstr(c.parameter)) << c.model;
    for (const char* cpp_name : {"ConfinedFilmPhonons", "DebyePhonons", "FilmLowTemperature",
                                 "heat flow:", "electron heat capacity:"}) {
      EXPECT_THAT(made.error, ::testing::Not(HasSubstr(cpp_name))) << c.model;
    }
    if (made.status == FILMTHERM_STATUS_OK) raw_model(c.model).destroy(made.instance);
  }
  const CreateResult velocity = create(raw_model("film"), cases[0].values);
  EXPECT_EQ(velocity.error, "sound_velocity must be positive and finite (got -4000 m s^-1)");
}

}  // namespace
}  // namespace filmtherm
