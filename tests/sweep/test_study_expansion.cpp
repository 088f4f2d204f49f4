// Study files: grid and zip expansion, ranges with units, `set:`, material and
// block values, the inlining of imports, parameter hashes, and errors with
// line:column (in the study itself, and for values the device loader refuses).
// The expected values are written out by hand from the study text.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "filmtherm/device_loader.h"
#include "filmtherm/point_runner.h"
#include "filmtherm/study.h"

namespace filmtherm {
namespace {

namespace fs = std::filesystem;

const fs::path data_dir = FILMTHERM_SWEEP_TEST_DATA;

const PluginRegistry& registry() {
  static const PluginRegistry loaded = PluginRegistry::with_default_plugins();
  return loaded;
}

// A study written here, as if it lived beside tests/sweep/data/device.yaml.
Study load(const std::string& text) {
  return load_study_from_string(text, registry(), data_dir / "inline-study.yaml");
}

// The diagnostics of a study that must not load.
std::vector<Diagnostic> problems(const std::string& text) {
  try {
    load(text);
  } catch (const InputError& error) {
    return error.diagnostics();
  }
  ADD_FAILURE() << "the study loaded:\n" << text;
  return {};
}

std::vector<Diagnostic> point_problems(const Study& study) {
  try {
    check_study_points(study, registry());
  } catch (const InputError& error) {
    return error.diagnostics();
  }
  ADD_FAILURE() << "every point loaded";
  return {};
}

Device device_of(const Study& study, std::size_t index) {
  return load_point_device(study, study.point(index), registry());
}

TEST(StudyExpansion, GridRunsEveryCombinationFirstAxisSlowest) {
  const Study study = load(
      "device: device.yaml\n"
      "axes:\n"
      "  film.thickness: [4 nm, 6 nm, 8 nm]\n"
      "  materials.NbTiN.phonon_heat_capacity.model: [film, debye]\n");
  ASSERT_EQ(study.point_count(), 6U);
  const std::vector<std::size_t> third = study.value_indices(3);
  EXPECT_EQ(third, (std::vector<std::size_t>{1, 1}));
  EXPECT_EQ(study.describe_point(3),
            "film.thickness = 6 nm, materials.NbTiN.phonon_heat_capacity.model = debye");
  const double thickness_m[] = {4e-9, 4e-9, 6e-9, 6e-9, 8e-9, 8e-9};
  const char* model[] = {"film", "debye", "film", "debye", "film", "debye"};
  for (std::size_t i = 0; i < 6; ++i) {
    const Device device = device_of(study, i);
    // "6 nm" is scaled by an exact decimal prefix: the same double as 6e-9.
    EXPECT_EQ(device.film.thickness.value.value(), thickness_m[i]) << i;
    EXPECT_EQ(device.material.phonon_heat_capacity.model, model[i]) << i;
  }
}

TEST(StudyExpansion, ZipTakesTheIthValuesTogether) {
  const Study study = load(
      "device: device.yaml\n"
      "combine: zip\n"
      "axes:\n"
      "  film.thickness: [4 nm, 6 nm, 8 nm]\n"
      "  substrate.temperature: [1 K, 2 K, 3 K]\n");
  ASSERT_EQ(study.point_count(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(study.value_indices(i), (std::vector<std::size_t>{i, i}));
    EXPECT_EQ(device_of(study, i).bath.temperature.value.value(), static_cast<double>(i + 1));
  }
}

TEST(StudyExpansion, ZipOfUnequalAxesIsReportedAtTheShorterAxis) {
  const std::vector<Diagnostic> found = problems(
      "device: device.yaml\n"
      "combine: zip\n"
      "axes:\n"
      "  film.thickness: [4 nm, 6 nm, 8 nm]\n"
      "  substrate.temperature: [1 K, 2 K]\n");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].line, 5);
  EXPECT_EQ(found[0].column, 3);
  EXPECT_EQ(found[0].key_path, "axes.substrate.temperature");
  EXPECT_NE(found[0].expected.find("(3)"), std::string::npos) << found[0].format();
}

TEST(StudyExpansion, LinearRangeKeepsTheUnitOfFrom) {
  const Study study = load(
      "device: device.yaml\n"
      "axes:\n"
      "  film.thickness: {from: 2 nm, to: 0.004 um, count: 5}\n");
  const StudyAxis& axis = study.axes.at(0);
  EXPECT_TRUE(axis.numeric);
  EXPECT_EQ(axis.unit, "nm");
  EXPECT_EQ(axis.spacing, AxisSpacing::linear);
  const char* texts[] = {"2 nm", "2.5 nm", "3 nm", "3.5 nm", "4 nm"};
  ASSERT_EQ(axis.values.size(), 5U);
  for (std::size_t k = 0; k < 5; ++k) {
    EXPECT_EQ(axis.values[k].text, texts[k]);
    // 2 + 0.5 k is exact in binary.
    EXPECT_EQ(axis.values[k].number.value(), 2.0 + 0.5 * static_cast<double>(k));
  }
}

TEST(StudyExpansion, LogRangeIsGeometric) {
  const Study study = load(
      "device: device.yaml\n"
      "axes:\n"
      "  substrate.temperature: {from: 1 K, to: 100 K, count: 5, spacing: log}\n");
  const StudyAxis& axis = study.axes.at(0);
  ASSERT_EQ(axis.values.size(), 5U);
  EXPECT_EQ(axis.spacing, AxisSpacing::logarithmic);
  for (std::size_t k = 0; k < 5; ++k) {
    const double expected = std::pow(10.0, 0.5 * static_cast<double>(k));
    // Values are written with 12 significant digits: relative error below 5e-12.
    EXPECT_NEAR(axis.values[k].number.value(), expected, 5e-12 * expected) << k;
  }
  EXPECT_EQ(axis.values.front().text, "1 K");
  EXPECT_EQ(axis.values.back().text, "100 K");
}

TEST(StudyExpansion, RangeEndsOfDifferentDimensionsAreReportedAtTo) {
  const std::vector<Diagnostic> found = problems(
      "device: device.yaml\n"
      "axes:\n"
      "  substrate.temperature: {from: 1 K, to: 2 nm, count: 3}\n");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].line, 3);
  EXPECT_EQ(found[0].column, 42);  // the "2 nm" of to
  EXPECT_EQ(found[0].key_path, "axes.substrate.temperature.to");
  EXPECT_NE(found[0].found.find("a length"), std::string::npos) << found[0].format();
}

TEST(StudyExpansion, ValueWithoutItsUnitIsRefusedAtTheValueNamingTheAxis) {
  const Study study = load(
      "device: device.yaml\n"
      "axes:\n"
      "  film.thickness: [6 nm, 7]\n");
  const std::vector<Diagnostic> found = point_problems(study);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].line, 3);
  EXPECT_EQ(found[0].column, 26);
  EXPECT_EQ(found[0].key_path, "axes.film.thickness");
  EXPECT_NE(found[0].found.find("no unit"), std::string::npos) << found[0].format();
  try {
    device_of(study, 1);
    ADD_FAILURE() << "point 1 loaded";
  } catch (const InvalidPointError& error) {
    EXPECT_NE(std::string(error.what()).find("film.thickness = 7"), std::string::npos)
        << error.what();
  }
}

TEST(StudyExpansion, RangeWithoutUnitsIsRefusedByTheLoaderAtTheRange) {
  const Study study = load(
      "device: device.yaml\n"
      "axes:\n"
      "  film.thickness: {from: 2, to: 4, count: 2}\n");
  const std::vector<Diagnostic> found = point_problems(study);
  ASSERT_EQ(found.size(), 2U);  // both values, at the range
  EXPECT_EQ(found[0].line, 3);
  EXPECT_EQ(found[0].column, 19);
}

TEST(StudyExpansion, KeyPathsAreCheckedAgainstTheBaseDevice) {
  const std::vector<Diagnostic> found = problems(
      "device: device.yaml\n"
      "axes:\n"
      "  flim.thickness: [4 nm]\n"
      "  model: [electrothermal-wire]\n"
      "  materials.NbTIN.critical_temperature: [9 K]\n"
      "  film.thickness.value: [4 nm]\n");
  ASSERT_EQ(found.size(), 4U);
  EXPECT_EQ(found[0].line, 3);
  EXPECT_EQ(found[0].note, "did you mean 'film'?");
  EXPECT_EQ(found[1].line, 4);
  EXPECT_EQ(found[2].line, 5);
  EXPECT_EQ(found[2].note, "did you mean 'NbTiN'?");
  EXPECT_EQ(found[3].line, 6);
  EXPECT_NE(found[3].found.find("'film.thickness'"), std::string::npos) << found[3].format();
}

TEST(StudyExpansion, SetWritesOneValueIntoEveryPoint) {
  const Study study = load(
      "device: device.yaml\n"
      "set: {solver.end_time: 5 ns, photon.pulse_width: 1 ps}\n"
      "axes:\n"
      "  film.thickness: [4 nm, 8 nm]\n");
  for (std::size_t i = 0; i < 2; ++i) {
    const Device device = device_of(study, i);
    EXPECT_EQ(device.solver.end_time.value.value(), 5e-9);
    ASSERT_TRUE(device.photon.pulse_width.has_value());
    EXPECT_EQ(device.photon.pulse_width->value.value(), 1e-12);
  }
  const std::vector<Diagnostic> found = problems(
      "device: device.yaml\n"
      "set:\n"
      "  solver.end_time: 5 K\n"
      "axes:\n"
      "  film.thickness: [4 nm]\n");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].line, 3);
  EXPECT_EQ(found[0].key_path, "set.solver.end_time");
}

TEST(StudyExpansion, BlocksReplaceAWholeModelChoice) {
  const Study study = load(
      "device: device.yaml\n"
      "axes:\n"
      "  substrate.phonon_escape:\n"
      "    - {model: escape-time, escape_time: 33 ps}\n"
      "    - model: acoustic-mismatch\n"
      "      boundary_coefficient: 86.9 W/(m^2 K^4)\n");
  EXPECT_FALSE(study.axes.at(0).numeric);
  EXPECT_EQ(study.axes[0].values[0].text, "{model: escape-time, escape_time: 33 ps}");
  EXPECT_EQ(device_of(study, 0).bath.phonon_escape.model, "escape-time");
  EXPECT_EQ(device_of(study, 1).bath.phonon_escape.model, "acoustic-mismatch");
}

TEST(StudyExpansion, ImportsAreInlinedAndComparisonsDropped) {
  const Study study = load(
      "device: device.yaml\n"
      "axes:\n"
      "  materials.NbTiN.critical_temperature: [8 K, 9 K]\n");
  EXPECT_EQ(study.base_device_yaml.find("imports"), std::string::npos);
  EXPECT_EQ(study.base_device_yaml.find("compare_phonons"), std::string::npos);
  const Device device = device_of(study, 1);
  EXPECT_TRUE(device.compare_phonon_models.empty());
  ASSERT_TRUE(device.material.critical_temperature.has_value());
  EXPECT_EQ(device.material.critical_temperature->value.value(), 9.0);
  // Relative paths of the point still resolve against the base device's folder.
  EXPECT_EQ(device.output.folder,
            (fs::absolute(data_dir) / "results" / "device").lexically_normal());
}

TEST(StudyExpansion, ParameterHashFollowsThePointsDevice) {
  // FNV-1a 64 reference vectors (offset basis for ""; "a" and "foobar" from the FNV test suite).
  EXPECT_EQ(text_hash(""), "cbf29ce484222325");
  EXPECT_EQ(text_hash("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(text_hash("foobar"), "85944171f73967e8");
  const std::string text =
      "device: device.yaml\n"
      "axes:\n"
      "  film.thickness: [4 nm, 6 nm]\n";
  const Study first = load(text);
  const Study again = load(text);
  const Study changed = load(text + "set: {substrate.temperature: 3 K}\n");
  EXPECT_EQ(first.point(1).parameter_hash, again.point(1).parameter_hash);
  EXPECT_NE(first.point(0).parameter_hash, first.point(1).parameter_hash);
  EXPECT_NE(first.point(1).parameter_hash, changed.point(1).parameter_hash);
}

TEST(StudyExpansion, CollectPlotAndOutputDefaults) {
  const Study study = load(
      "device: device.yaml\n"
      "axes:\n"
      "  film.thickness: [4 nm, 6 nm]\n");
  EXPECT_EQ(study.collect.size(), point_figures(DeviceModelKind::lumped_two_temperature).size());
  EXPECT_TRUE(study.plots.empty());
  EXPECT_EQ(study.output_folder,
            (fs::absolute(data_dir) / "results" / "inline-study").lexically_normal());
  const std::vector<Diagnostic> found = problems(
      "device: device.yaml\n"
      "axes:\n"
      "  materials.NbTiN.phonon_heat_capacity.model: [film, debye]\n"
      "collect: [electron_peak_temprature]\n"
      "plot: {y: steps}\n");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].line, 4);
  EXPECT_EQ(found[0].note, "did you mean 'electron_peak_temperature'?");
  EXPECT_EQ(found[1].key_path, "plot.x");  // the first axis holds names, not numbers
}

TEST(StudyExpansion, ExampleStudiesAreValidInEveryPoint) {
  const fs::path examples = fs::path(FILMTHERM_EXAMPLES_DIR) / "studies";
  const Study thickness = load_study(examples / "thickness-phonon-models.yaml", registry());
  EXPECT_EQ(thickness.point_count(), 20U);
  EXPECT_NO_THROW(check_study_points(thickness, registry()));
  const Study wire = load_study(examples / "wire-reset-latching.yaml", registry());
  EXPECT_EQ(wire.model, DeviceModelKind::electrothermal_wire);
  EXPECT_EQ(wire.point_count(), 24U);
  EXPECT_NO_THROW(check_study_points(wire, registry()));
  EXPECT_EQ(make_point_runner(wire.model, registry())->figures().size(), wire_figures().size());
}

TEST(StudyExpansion, AStudySweepsTheWireSettingsOfTheDevice) {
  // The Yang wire has no wire: section; the axes add one to every point, and
  // each point runs with its own settings: root finding locates switches
  // (switch_events > 0), the smoothed switch has none.
  const fs::path yang = fs::path(FILMTHERM_EXAMPLES_DIR) / "devices" / "yang2007-nbn.yaml";
  const Study study = load("device: '" + yang.string() +
                           "'\n"
                           "axes:\n"
                           "  wire.switch: [smoothed, root-finding]\n"
                           "  wire.cells: [20, 30]\n");
  ASSERT_EQ(study.point_count(), 4u);
  const auto runner = make_wire_runner(registry());
  for (std::size_t i = 0; i < 4; ++i) {
    const Device device = device_of(study, i);
    ASSERT_TRUE(device.wire.cells && device.wire.resistive_switch) << i;
    EXPECT_EQ(device.wire.cells->value, i % 2 == 0 ? 20 : 30) << i;
    const bool root_finding = i >= 2;
    EXPECT_EQ(device.wire.resistive_switch->value, root_finding ? "root-finding" : "smoothed");
    if (i % 2 == 1) continue;  // one run per switch handling is enough
    const SummaryFigures figures = runner->run(device);
    const FigureValue* switches = figures.find("switch_events");
    ASSERT_TRUE(switches && switches->value) << i;
    EXPECT_EQ(*switches->value > 0.0, root_finding) << i;
  }
}

TEST(StudyExpansion, StudyFilesAreToldFromDevices) {
  EXPECT_TRUE(is_study_file(data_dir / "grid.yaml"));
  EXPECT_FALSE(is_study_file(data_dir / "device.yaml"));
  EXPECT_FALSE(is_study_file(data_dir / "materials.yaml"));
  EXPECT_FALSE(is_study_file(data_dir / "no-such-file.yaml"));
}

}  // namespace
}  // namespace filmtherm
