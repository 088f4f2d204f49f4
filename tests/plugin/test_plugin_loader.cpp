// The loader against fixture plugins that misbehave in each way it must catch:
// every case gives its own message, naming what a user needs to fix it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "filmtherm/material_models.h"
#include "filmtherm/plugin_registry.h"

namespace filmtherm {
namespace {

using ::testing::HasSubstr;

std::string load_error(const std::vector<std::string>& files) {
  PluginRegistry registry;
  try {
    for (const auto& file : files) registry.load(file);
  } catch (const PluginError& error) {
    return error.what();
  }
  return "";
}

TEST(PluginLoader, RefusesAnotherAbiMajorVersionNamingBoth) {
  const std::string message = load_error({FIXTURE_ABI_MISMATCH});
  EXPECT_THAT(message, HasSubstr("built for filmtherm plugin ABI 2.0"));
  EXPECT_THAT(message, HasSubstr("this filmtherm speaks ABI 1."));
  EXPECT_THAT(message, HasSubstr("abi_mismatch"));
}

TEST(PluginLoader, RefusesALibraryWithoutTheEntrySymbol) {
  const std::string message = load_error({FIXTURE_NO_ENTRY});
  EXPECT_THAT(message, HasSubstr("is not a filmtherm plugin"));
  EXPECT_THAT(message, HasSubstr("filmtherm_plugin_entry"));
}

TEST(PluginLoader, ReportsAMissingFile) {
  EXPECT_THAT(load_error({"/nonexistent/plugin.so"}), HasSubstr("no such file or folder"));
}

TEST(PluginLoader, RefusesTwoModelsOfOneNameNamingBothOrigins) {
  const std::string message = load_error({FIXTURE_DUPLICATE_A, FIXTURE_DUPLICATE_B});
  EXPECT_THAT(message, HasSubstr("model 'shared-name' is defined by two plugins"));
  EXPECT_THAT(message, HasSubstr("duplicate-a"));
  EXPECT_THAT(message, HasSubstr("duplicate-b"));
  EXPECT_THAT(message, HasSubstr("duplicate_a.so"));
  EXPECT_THAT(message, HasSubstr("duplicate_b.so"));
}

TEST(PluginLoader, ADuplicateLeavesTheRegistryAsItWas) {
  PluginRegistry registry;
  registry.load(FIXTURE_DUPLICATE_A);
  EXPECT_THROW(registry.load(FIXTURE_DUPLICATE_B), PluginError);
  ASSERT_EQ(registry.plugins().size(), 1u);
  EXPECT_EQ(registry.model("shared-name").plugin_name(), "duplicate-a");
}

TEST(PluginLoader, LoadingTheSameFileTwiceIsHarmless) {
  PluginRegistry registry;
  registry.load(FIXTURE_DUPLICATE_A);
  registry.load(FIXTURE_DUPLICATE_A);
  EXPECT_EQ(registry.models().size(), 1u);
}

class MisbehavingPlugin : public ::testing::Test {
 protected:
  void SetUp() override { registry.load(FIXTURE_MISBEHAVING); }
  PluginRegistry registry;
};

std::string evaluation_error(const ModelInstance& instance, double temperature_K) {
  std::array<double, 2> temperatures{1.0, temperature_K};
  std::array<double, 2> thickness{6e-9, 6e-9};
  std::array<double, 2> values{};
  filmtherm_evaluation evaluation{};
  evaluation.struct_size = sizeof evaluation;
  evaluation.count = 2;
  evaluation.temperature_K = temperatures.data();
  evaluation.film_thickness_m = thickness.data();
  evaluation.value = values.data();
  try {
    instance.evaluate(evaluation);
  } catch (const PluginError& error) {
    return error.what();
  }
  return "";
}

TEST_F(MisbehavingPlugin, ANanOutputNamesPluginModelAndInputs) {
  const ModelInstance instance = registry.model("nan-model").instantiate({});
  const std::string message = evaluation_error(instance, 7.5);
  EXPECT_THAT(message, HasSubstr("plugin misbehaving model 'nan-model'"));
  EXPECT_THAT(message, HasSubstr("at point 1 (T = 7.5 K"));
  EXPECT_THAT(message, HasSubstr("returned nan"));
}

TEST_F(MisbehavingPlugin, AnErrorStatusKeepsThePluginsMessage) {
  const ModelInstance instance = registry.model("error-model").instantiate({});
  const std::string message = evaluation_error(instance, 25.0);
  EXPECT_THAT(message, HasSubstr("model 'error-model'"));
  EXPECT_THAT(message, HasSubstr("out of domain (status 1): table ends at 20 K"));
}

TEST_F(MisbehavingPlugin, ANegativeHeatCapacityIsRefused) {
  const MaterialElectronHeatCapacity model(registry.model("negative-model").instantiate({}));
  try {
    (void)model.evaluate_si(3.0);
    FAIL() << "a negative heat capacity must throw";
  } catch (const PluginError& error) {
    EXPECT_THAT(error.what(), HasSubstr("negative heat capacity"));
    EXPECT_THAT(error.what(), HasSubstr("T = 3 K"));
  }
}

std::string parameter_error(const ModelDescriptor& model,
                            const std::vector<ParameterSetting>& settings,
                            std::string* parameter = nullptr) {
  try {
    (void)model.instantiate(settings);
  } catch (const ParameterError& error) {
    if (parameter) *parameter = error.parameter();
    return error.what();
  }
  return "";
}

TEST_F(MisbehavingPlugin, ParametersOfTheDeclaredDimensionPass) {
  const ModelInstance instance =
      registry.model("checked-model")
          .instantiate(std::vector<ParameterSetting>{{"coefficient", "2 J m^-3 K^-4"},
                                                     {"sound_velocity", "4000 m/s"}});
  const auto& values = instance.parameter_values_si();
  ASSERT_EQ(values.size(), 4u);
  EXPECT_EQ(values[0], 2.0);
  EXPECT_EQ(values[1], 4000.0);
  EXPECT_TRUE(std::isnan(values[2])) << "an absent optional parameter without default is NaN";
  EXPECT_EQ(values[3], 2.5) << "an absent optional parameter takes its default";
  const MaterialPhononHeatCapacity model(
      registry.model("checked-model")
          .instantiate(std::vector<ParameterSetting>{{"coefficient", "2 J m^-3 K^-4"},
                                                     {"sound_velocity", "4 km/s"}}));
  EXPECT_EQ(model.evaluate_si(3.0, 6e-9).heat_capacity, 54.0);  // 2 * 3^3, exact in binary
}

TEST_F(MisbehavingPlugin, AParameterOfTheWrongDimensionIsRefused) {
  std::string parameter;
  const std::string message =
      parameter_error(registry.model("checked-model"),
                      {{"coefficient", "2 J m^-3 K^-4"}, {"sound_velocity", "4000 K"}}, &parameter);
  EXPECT_EQ(parameter, "sound_velocity");
  EXPECT_THAT(message, HasSubstr("expects a velocity"));
  EXPECT_THAT(message, HasSubstr("got '4000 K', which is a temperature"));
}

TEST_F(MisbehavingPlugin, AMissingRequiredParameterIsNamed) {
  std::string parameter;
  const std::string message = parameter_error(registry.model("checked-model"),
                                              {{"coefficient", "2 J m^-3 K^-4"}}, &parameter);
  EXPECT_EQ(parameter, "sound_velocity");
  EXPECT_THAT(message, HasSubstr("model 'checked-model' needs parameter 'sound_velocity'"));
}

TEST_F(MisbehavingPlugin, AnUnknownParameterGetsASuggestion) {
  const std::string message =
      parameter_error(registry.model("checked-model"),
                      {{"coefficient", "2 J m^-3 K^-4"}, {"sound_velocty", "4000 m/s"}});
  EXPECT_THAT(message, HasSubstr("has no parameter 'sound_velocty'"));
  EXPECT_THAT(message, HasSubstr("did you mean 'sound_velocity'?"));
}

TEST_F(MisbehavingPlugin, AValueWithoutUnitIsRefusedForADimensionalParameter) {
  const std::string message =
      parameter_error(registry.model("checked-model"),
                      {{"coefficient", "2 J m^-3 K^-4"}, {"sound_velocity", "4000"}});
  EXPECT_THAT(message, HasSubstr("sound_velocity"));
  EXPECT_THAT(message, HasSubstr("expects a velocity"));
}

TEST_F(MisbehavingPlugin, AModelRejectingItsParametersKeepsItsReason) {
  const std::string message = parameter_error(registry.model("rejecting-model"), {});
  EXPECT_THAT(message,
              HasSubstr("rejected its parameters: this model rejects every parameter set"));
}

TEST_F(MisbehavingPlugin, AnUnknownModelGetsASuggestionAndTheList) {
  try {
    (void)registry.model("nan-modle");
    FAIL();
  } catch (const ParameterError& error) {
    EXPECT_THAT(error.what(), HasSubstr("did you mean 'nan-model'?"));
    EXPECT_THAT(error.what(), HasSubstr("checked-model"));
  }
}

TEST_F(MisbehavingPlugin, AModelOfAnotherPropertyIsRefused) {
  try {
    (void)registry.model("negative-model", MaterialProperty::phonon_heat_capacity);
    FAIL();
  } catch (const ParameterError& error) {
    EXPECT_THAT(error.what(), HasSubstr("supplies the electron heat capacity, not the phonon"));
  }
}

}  // namespace
}  // namespace filmtherm
