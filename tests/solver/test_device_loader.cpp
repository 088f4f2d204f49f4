// Valid device files: every value arrives in SI with its mark and provenance,
// defaults are filled, equivalent spellings of a value give identical devices,
// imports resolve relative to the importing file, and every file in examples/
// passes. Reference values are computed here from their definitions.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "filmtherm/device_loader.h"
#include "filmtherm/quantity_parser.h"
#include "filmtherm/study.h"

namespace filmtherm {
namespace {

namespace fs = std::filesystem;

const fs::path data_dir = fs::path(FILMTHERM_TEST_DATA_DIR) / "devices";
const fs::path valid_dir = data_dir / "valid";

const PluginRegistry& registry() {
  static const PluginRegistry loaded = PluginRegistry::with_default_plugins();
  return loaded;
}

// A device text with the material imported from tests/data/devices/materials;
// {T}, {W}, {B}, {E} are replaced by spellings of the thickness, width, bath
// temperature and escape time.
std::string device_text(const std::string& thickness, const std::string& width = "100 nm",
                        const std::string& bath = "2 K", const std::string& escape = "33 ps") {
  return "name: spelled\n"
         "model: lumped-two-temperature\n"
         "imports: [../materials/test-nbtin.yaml]\n"
         "film: {material: NbTiN, thickness: " +
         thickness + ", width: " + width +
         ", length: 10 um}\n"
         "substrate:\n"
         "  temperature: " +
         bath +
         "\n"
         "  phonon_escape: {model: escape-time, escape_time: " +
         escape +
         "}\n"
         "photon: {wavelength: 1550 nm, absorbed_fraction: 0.5, hotspot_length: 50 nm, "
         "arrival_time: 10 ps}\n";
}

Device load_text(const std::string& text) {
  return load_device_from_string(text, registry(), valid_dir / "spelled.yaml");
}

double si(const std::string& text) {
  return parse_quantity(text).value_si;
}

// Two devices describe the same physics: every value equal, marks aside.
void expect_same_values(const ModelChoice& a, const ModelChoice& b) {
  EXPECT_EQ(a.model, b.model);
  ASSERT_EQ(a.parameters.size(), b.parameters.size());
  for (std::size_t i = 0; i < a.parameters.size(); ++i) {
    EXPECT_EQ(a.parameters[i].name, b.parameters[i].name);
    // Exact: the parser folds SI prefixes into the decimal exponent before one rounding.
    EXPECT_EQ(si(a.parameters[i].text), si(b.parameters[i].text)) << a.parameters[i].name;
  }
}

void expect_same_device(const Device& a, const Device& b) {
  // Exact equality throughout: identical inputs must give identical doubles.
  EXPECT_EQ(a.film.thickness.value.value(), b.film.thickness.value.value());
  EXPECT_EQ(a.film.width.value.value(), b.film.width.value.value());
  EXPECT_EQ(a.film.length.value.value(), b.film.length.value.value());
  EXPECT_EQ(a.bath.temperature.value.value(), b.bath.temperature.value.value());
  expect_same_values(a.bath.phonon_escape, b.bath.phonon_escape);
  EXPECT_EQ(a.photon.energy.value.value(), b.photon.energy.value.value());
  EXPECT_EQ(a.photon.absorbed_fraction.value, b.photon.absorbed_fraction.value);
  EXPECT_EQ(a.material.name, b.material.name);
  expect_same_values(a.material.phonon_heat_capacity, b.material.phonon_heat_capacity);
  expect_same_values(a.material.electron_heat_capacity, b.material.electron_heat_capacity);
  expect_same_values(a.material.electron_phonon_power, b.material.electron_phonon_power);
  EXPECT_EQ(a.solver.end_time.value.value(), b.solver.end_time.value.value());
  EXPECT_EQ(a.solver.first_output_time.value.value(), b.solver.first_output_time.value.value());
}

TEST(DeviceLoader, BaseDeviceValuesAreInSi) {
  const Device d = load_device(valid_dir / "base.yaml", registry());
  EXPECT_EQ(d.name, "base");
  EXPECT_EQ(d.model, DeviceModelKind::lumped_two_temperature);
  // Exact: "6 nm" is read as the double nearest to 6e-9 (one correct rounding).
  EXPECT_EQ(d.film.thickness.value.value(), 6e-9);
  EXPECT_EQ(d.film.width.value.value(), 100e-9);
  EXPECT_EQ(d.film.length.value.value(), 10e-6);
  EXPECT_EQ(d.bath.temperature.value.value(), 2.0);
  EXPECT_EQ(d.bath.phonon_escape.model, "escape-time");
  // E = h c / lambda with the exact SI h and c; 2 ulp for the order of operations.
  const double energy_J = 6.62607015e-34 * 299792458.0 / 1550e-9;
  EXPECT_NEAR(d.photon.energy.value.value(), energy_J, 4e-16 * energy_J);
  EXPECT_EQ(d.photon.absorbed_fraction.value, 0.5);
  ASSERT_TRUE(d.photon.hotspot_length.has_value());
  EXPECT_EQ(d.photon.hotspot_length->value.value(), 50e-9);
  EXPECT_FALSE(d.photon.hotspot_radius.has_value());
  EXPECT_EQ(d.photon.arrival_time.value.value(), 10e-12);
  EXPECT_FALSE(d.photon.pulse_width.has_value());
  EXPECT_FALSE(d.circuit.has_value());
  EXPECT_EQ(d.material.name, "NbTiN");
}

TEST(DeviceLoader, MarksPointAtTheValue) {
  const Device d = load_device(valid_dir / "base.yaml", registry());
  // "  thickness: 6 nm" is line 6; the value starts in column 14.
  EXPECT_EQ(fs::path(d.film.thickness.mark.file).filename(), "base.yaml");
  EXPECT_EQ(d.film.thickness.mark.line, 6);
  EXPECT_EQ(d.film.thickness.mark.column, 14);
  // The material comes from the imported library, line 3: "  NbTiN:".
  EXPECT_EQ(fs::path(d.material.mark.file).filename(), "test-nbtin.yaml");
  EXPECT_EQ(d.material.mark.line, 3);
  ASSERT_TRUE(d.material.critical_temperature.has_value());
  EXPECT_EQ(d.material.critical_temperature->mark.line, 4);
}

TEST(DeviceLoader, ProvenanceIsKeptAndInheritedParametersCarryIt) {
  const Device d = load_device(valid_dir / "base.yaml", registry());
  ASSERT_TRUE(d.material.critical_temperature.has_value());
  EXPECT_EQ(d.material.critical_temperature->provenance.source, "test input");
  EXPECT_EQ(d.material.critical_temperature->provenance.kind, ProvenanceKind::assumed);
  // bcs declares critical_temperature; the block omits it, so the material's value is used.
  const ModelChoice& electrons = d.material.electron_heat_capacity;
  EXPECT_EQ(electrons.model, "bcs");
  ASSERT_EQ(electrons.parameters.size(), electrons.parameter_marks.size());
  ASSERT_EQ(electrons.parameters.size(), electrons.parameter_provenance.size());
  bool inherited = false;
  for (std::size_t i = 0; i < electrons.parameters.size(); ++i) {
    if (electrons.parameters[i].name != "critical_temperature") continue;
    inherited = true;
    EXPECT_EQ(si(electrons.parameters[i].text), 8.5);
    EXPECT_EQ(electrons.parameter_marks[i].line, 4);
    EXPECT_EQ(electrons.parameter_provenance[i].kind, ProvenanceKind::assumed);
  }
  EXPECT_TRUE(inherited);
  ASSERT_TRUE(d.material.thermal_conductivity.has_value());
  EXPECT_EQ(d.material.thermal_conductivity->parameters.size(), 2u);
}

TEST(DeviceLoader, DefaultsFillSolverAndOutput) {
  const Device d = load_device(valid_dir / "base.yaml", registry());
  // The documented defaults (docs/yaml-reference.md), exact.
  EXPECT_EQ(d.solver.end_time.value.value(), 1e-9);
  EXPECT_EQ(d.solver.relative_tolerance.value, 1e-6);
  EXPECT_EQ(d.solver.absolute_tolerance.value.value(), 1e-6);
  EXPECT_EQ(d.solver.max_steps.value, 100000);
  EXPECT_EQ(d.solver.output_spacing, OutputSpacing::logarithmic);
  EXPECT_EQ(d.solver.output_count.value, 500);
  EXPECT_DOUBLE_EQ(d.solver.first_output_time.value.value(), 1e-15);
  EXPECT_TRUE(d.solver.end_time.mark.file.empty());
  EXPECT_EQ(d.output.folder, (fs::absolute(valid_dir) / "results" / "base").lexically_normal());
  EXPECT_TRUE(d.output.csv && d.output.json && d.output.plot);
  EXPECT_TRUE(d.compare_phonon_models.empty());
}

TEST(DeviceLoader, EquivalentSpellingsGiveIdenticalDevices) {
  const Device reference = load_text(device_text("6 nm"));
  for (const char* thickness : {"6e-9 m", "0.006 um", "0.006 µm", "6.0 nm", "\"6 nm\"", "'6 nm'",
                                "6000 pm", "6nm", "{value: 6 nm, source: x, kind: measured}"}) {
    SCOPED_TRACE(thickness);
    expect_same_device(reference, load_text(device_text(thickness)));
  }
  expect_same_device(reference, load_text(device_text("6 nm", "0.1 um", "2000 mK", "0.033 ns")));
  expect_same_device(reference, load_text(device_text("6 nm", "1e-7 m", "2.0 K", "3.3e-11 s")));
}

TEST(DeviceLoader, WavelengthAndEnergyAgree) {
  const Device by_wavelength = load_text(device_text("6 nm"));
  std::string text = device_text("6 nm");
  text.replace(text.find("wavelength: 1550 nm"), 19, "energy: 0.8 eV");
  const Device by_energy = load_text(text);
  // 0.8 eV exactly (e = 1.602176634e-19 C); 1 ulp for the product.
  EXPECT_NEAR(by_energy.photon.energy.value.value(), 0.8 * 1.602176634e-19, 2e-16 * 1.3e-19);
  // 1550 nm is 0.79990 eV: the two differ by 0.0127 %.
  EXPECT_NEAR(by_wavelength.photon.energy.value.value() / by_energy.photon.energy.value.value(),
              0.99987, 1e-5);
}

TEST(DeviceLoader, CarriageReturnsAndByteOrderMarkChangeNothing) {
  const std::string text = device_text("6 nm");
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const Device reference = load_text(text);
  expect_same_device(reference, load_text(crlf));
  const Device with_bom = load_text("\xEF\xBB\xBF" + text);
  expect_same_device(reference, with_bom);
  EXPECT_EQ(with_bom.film.thickness.mark.column, reference.film.thickness.mark.column);
}

TEST(DeviceLoader, WireDeviceWithCircuitAndInductancePerSquare) {
  const Device d = load_device(valid_dir / "wire-per-square.yaml", registry());
  EXPECT_EQ(d.model, DeviceModelKind::electrothermal_wire);
  ASSERT_TRUE(d.circuit.has_value());
  EXPECT_EQ(d.circuit->bias_current.value.value(), 16.5e-6);
  EXPECT_EQ(d.circuit->load_resistance.value.value(), 50.0);
  EXPECT_EQ(d.circuit->bias_tee_capacitance.value.value(), 100e-9);
  EXPECT_EQ(d.circuit->critical_current.value.value(), 20e-6);
  // The meander's squares, not the simulated stretch's: 1.5 mm / 100 nm = 15000
  // squares at 53.9 pH each = 808.5 nH (Yang 2007's 808 nH); 2 ulp.
  EXPECT_NEAR(d.circuit->kinetic_inductance.value.value(), 53.9e-12 * 15000.0, 4e-16 * 808.5e-9);
  ASSERT_TRUE(d.photon.hotspot_temperature.has_value());
  EXPECT_EQ(d.photon.hotspot_temperature->value.value(), 8.0);
  ASSERT_TRUE(d.photon.pulse_width.has_value());
  EXPECT_EQ(d.photon.pulse_width->value.value(), 1e-12);
  // Wire default end time unless given; this file sets linear output times.
  EXPECT_EQ(d.solver.end_time.value.value(), 100e-9);
  EXPECT_EQ(d.solver.output_spacing, OutputSpacing::linear);
  EXPECT_EQ(d.solver.output_count.value, 201);
  EXPECT_FALSE(d.output.plot);
  EXPECT_TRUE(d.output.csv && d.output.json);
}

TEST(DeviceLoader, InlineMaterialsRadiusAndComparedPhononModels) {
  const Device d = load_device(valid_dir / "inline-radius.yaml", registry());
  EXPECT_EQ(d.material.name, "Film");
  EXPECT_EQ(fs::path(d.material.mark.file).filename(), "inline-radius.yaml");
  ASSERT_TRUE(d.photon.hotspot_radius.has_value());
  EXPECT_EQ(d.photon.hotspot_radius->value.value(), 20e-9);
  const std::vector<std::string> expected{"film", "debye", "film-low-T", "debye-low-T"};
  EXPECT_EQ(d.compare_phonon_models, expected);
  EXPECT_EQ(d.output.folder, (fs::absolute(valid_dir) / "out" / "radius").lexically_normal());
}

TEST(DeviceLoader, DiamondImportsReadTheSharedLibraryOnce) {
  const Device d = load_device(valid_dir / "diamond.yaml", registry());
  EXPECT_EQ(d.material.name, "Shared");
}

TEST(MaterialLibrary, LoadsEveryMaterial) {
  const fs::path path = data_dir / "materials" / "test-nbtin.yaml";
  EXPECT_EQ(input_file_kind(path), InputFileKind::material_library);
  EXPECT_EQ(input_file_kind(valid_dir / "base.yaml"), InputFileKind::device);
  const MaterialLibrary library = load_material_library(path, registry());
  ASSERT_EQ(library.materials.size(), 2u);
  EXPECT_EQ(library.materials[0].name, "NbTiN");
  EXPECT_EQ(library.materials[1].name, "NbTiN-no-kappa");
  EXPECT_FALSE(library.materials[1].thermal_conductivity.has_value());
}

TEST(Examples, EveryFilePassesCheck) {
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(FILMTHERM_EXAMPLES_DIR)) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    SCOPED_TRACE(entry.path().string());
    try {
      if (is_study_file(entry.path())) {
        EXPECT_GT(load_study(entry.path(), registry()).point_count(), 0U);
      } else if (input_file_kind(entry.path()) == InputFileKind::material_library) {
        EXPECT_FALSE(load_material_library(entry.path(), registry()).materials.empty());
      } else {
        (void)load_device(entry.path(), registry());
      }
    } catch (const InputError& error) {
      ADD_FAILURE() << error.what();
    }
  }
  // Five material libraries, at least the three named devices and the two studies.
  EXPECT_GE(files, 10);
}

TEST(Diagnostic, FormatsPositionKeyMessageAndCaret) {
  Diagnostic d{"dev.yaml",     3,       17, "film.thickness",
               "a length [m]", "'6 K'", "", "  thickness: µ 6 K"};
  // The caret counts characters, not bytes: 'µ' is two bytes but one column on screen.
  EXPECT_EQ(d.format(),
            "dev.yaml:3:17: film.thickness: expected a length [m], found '6 K'\n"
            "      thickness: µ 6 K\n"
            "                   ^");
  d.note = "did you mean 'x'?";
  EXPECT_NE(d.message().find("; did you mean 'x'?"), std::string::npos);
}

}  // namespace
}  // namespace filmtherm
