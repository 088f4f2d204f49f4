// The built-in plugin, loaded through the ABI exactly as a third party's is,
// agrees bit for bit with direct calls to models/: the plugin adds no
// arithmetic of its own. Also its parameter conventions (either/or choices).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
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

}  // namespace
}  // namespace filmtherm
