// The device file defines a wire run: the `wire:` keys as read (values and
// the places they were written), mapped to WireModelOptions, overridden by a
// host's settings; and the physical sanity of a device: what is refused and
// what is only warned about (docs/yaml-reference.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "filmtherm/device_loader.h"
#include "filmtherm/wire_run_options.h"

namespace filmtherm {
namespace {

namespace fs = std::filesystem;

const fs::path valid_dir = fs::path(FILMTHERM_TEST_DATA_DIR) / "devices" / "valid";

const PluginRegistry& registry() {
  static const PluginRegistry loaded = PluginRegistry::with_default_plugins();
  return loaded;
}

TEST(WireSettings, EveryKeyIsReadWithItsPlace) {
  const Device d = load_device(valid_dir / "wire-settings.yaml", registry());
  const WireSettings& w = d.wire;
  ASSERT_TRUE(w.cells && w.temperatures && w.resistive_switch && w.switch_width && w.escape &&
              w.stop_at_recovery && w.record_profiles);
  EXPECT_EQ(w.cells->value, 40);
  // Line 34 of the file is "  cells: 40": the value starts in column 10.
  EXPECT_EQ(w.cells->mark.line, 34);
  EXPECT_EQ(w.cells->mark.column, 10);
  EXPECT_EQ(w.temperatures->value, "two");
  EXPECT_EQ(w.resistive_switch->value, "root-finding");
  ASSERT_TRUE(w.switch_width->value.has_value());
  EXPECT_DOUBLE_EQ(w.switch_width->value->value(), 0.05);
  EXPECT_EQ(w.escape->value, "model-power");
  EXPECT_TRUE(w.stop_at_recovery->value);
  EXPECT_FALSE(w.record_profiles->value);

  const WireModelOptions o = wire_model_options(d);
  EXPECT_EQ(o.cell_count, 40u);
  EXPECT_EQ(o.form, WireTemperatureForm::two_temperature);
  EXPECT_EQ(o.resistive_switch, ResistiveSwitch::root_finding);
  ASSERT_TRUE(o.switch_width.has_value());
  EXPECT_DOUBLE_EQ(o.switch_width->value(), 0.05);
  EXPECT_EQ(o.effective_escape_law(), WireEscapeLaw::model_power);
  EXPECT_TRUE(o.stop_at_recovery);
  EXPECT_FALSE(o.record_profiles);
}

TEST(WireSettings, AbsentKeysKeepTheModelDefaults) {
  const Device d = load_device(valid_dir / "wire-per-square.yaml", registry());
  const WireModelOptions o = wire_model_options(d);
  const WireModelOptions defaults;
  EXPECT_EQ(o.cell_count, defaults.cell_count);
  EXPECT_EQ(o.form, defaults.form);
  EXPECT_EQ(o.resistive_switch, defaults.resistive_switch);
  EXPECT_FALSE(o.switch_width.has_value());  // auto: scaled to the film
  EXPECT_FALSE(o.escape_law.has_value());    // the form's own law
  EXPECT_EQ(o.stop_at_recovery, defaults.stop_at_recovery);
  EXPECT_EQ(o.record_profiles, defaults.record_profiles);
}

TEST(WireSettings, AutoWidthAndHostOverridesWin) {
  const Device d = load_device(valid_dir / "wire-settings.yaml", registry());
  WireSettings host;
  host.cells = Sourced<int>{120, {}, {}};
  host.switch_width = Sourced<std::optional<Temperature>>{std::nullopt, {}, {}};
  host.stop_at_recovery = Sourced<bool>{false, {}, {}};
  const WireModelOptions o = wire_model_options(overlay(d.wire, host));
  EXPECT_EQ(o.cell_count, 120u);             // the host's
  EXPECT_FALSE(o.switch_width.has_value());  // the host's auto over the file's 0.05 K
  EXPECT_FALSE(o.stop_at_recovery);          // the host's false over the file's true
  EXPECT_EQ(o.form, WireTemperatureForm::two_temperature);  // the file's, not overridden
  EXPECT_EQ(o.resistive_switch, ResistiveSwitch::root_finding);
}

TEST(WireSettings, AHostWordTheModelDoesNotKnowIsRefusedByKey) {
  WireSettings host;
  host.resistive_switch = Sourced<std::string>{"smooth", {}, {}};
  try {
    (void)wire_model_options(host);
    FAIL() << "an unknown switch was accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("wire.switch: 'smooth'"), std::string::npos)
        << error.what();
  }
  WireSettings cells;
  cells.cells = Sourced<int>{2, {}, {}};
  EXPECT_THROW((void)wire_model_options(cells), std::invalid_argument);
}

TEST(WireSettings, EveryChoiceWordIsOneTheSolverParses) {
  // The loader's table and the solver's parsers must agree word for word.
  for (const WireChoiceKey& choice : wire_setting_choices()) {
    for (const std::string& word : choice.words) {
      const std::string key = choice.key;
      const bool parsed = key == "temperatures" ? parse_temperature_form(word).has_value()
                          : key == "switch"     ? parse_resistive_switch(word).has_value()
                          : key == "escape"     ? parse_escape_law(word).has_value()
                          : key == "scheme"     ? parse_wire_discretisation(word).has_value()
                                                : false;
      EXPECT_TRUE(parsed) << key << ": " << word;
    }
  }
}

// Messages list the canonical words: every value of every choice among them.
TEST(WireSettings, MessagesListEveryChoiceTheSolverOffers) {
  auto canonical = [](const char* key) {
    for (const WireChoiceKey& choice : wire_setting_choices()) {
      if (std::string(choice.key) == key) {
        return std::vector<std::string>(
            choice.words.begin(),
            choice.words.begin() + static_cast<std::ptrdiff_t>(choice.canonical));
      }
    }
    return std::vector<std::string>{};
  };
  auto listed = [&](const char* key, const std::string& word) {
    const auto words = canonical(key);
    return std::find(words.begin(), words.end(), word) != words.end();
  };
  for (const auto s :
       {ResistiveSwitch::front, ResistiveSwitch::smoothed, ResistiveSwitch::root_finding}) {
    EXPECT_TRUE(listed("switch", to_string(s))) << to_string(s);
  }
  for (const auto l : {WireEscapeLaw::linearised, WireEscapeLaw::model_power}) {
    EXPECT_TRUE(listed("escape", to_string(l))) << to_string(l);
  }
  for (const auto d : {WireDiscretisation::conservative, WireDiscretisation::published_yang2007}) {
    EXPECT_TRUE(listed("scheme", to_string(d))) << to_string(d);
  }
  EXPECT_TRUE(listed("temperatures", "one") && listed("temperatures", "two"));
}

// A wire device of the test NbTiN (T_c = 8.5 K, I_c0 = 20 uA) with the given
// bath, bias and thickness.
std::string sanity_device(const std::string& bath, const std::string& bias,
                          const std::string& thickness = "6 nm") {
  return "model: electrothermal-wire\n"
         "imports: [../materials/test-nbtin.yaml]\n"
         "film: {material: NbTiN, thickness: " +
         thickness +
         ", width: 100 nm, length: 2 um}\n"
         "substrate:\n  temperature: " +
         bath +
         "\n  phonon_escape: {model: escape-time, escape_time: 33 ps}\n"
         "photon: {wavelength: 1550 nm, absorbed_fraction: 0.5, hotspot_length: 50 nm, "
         "arrival_time: 10 ps}\n"
         "circuit: {bias_current: " +
         bias +
         ", load_resistance: 50 Ohm, kinetic_inductance: 808 nH, bias_tee_capacitance: 100 nF, "
         "critical_current: 20 uA}\n";
}

Device load_text(const std::string& text) {
  return load_device_from_string(text, registry(), valid_dir / "sanity.yaml");
}

// I_c(T) = I_c0 (1 - (T/T_c)^2)^2 (docs/physics.md 5), restated here.
double critical_current_uA(double bath_K) {
  const double t2 = (bath_K / 8.5) * (bath_K / 8.5);
  return 20.0 * (1.0 - t2) * (1.0 - t2);
}

TEST(PhysicalSanity, TheBiasLimitIsTheCriticalCurrentAtTheBath) {
  // At 4 K, I_c(T_b) = 12.2 uA: just below it loads (with a warning above
  // 0.95 I_c(T_b)), just above it is refused.
  const double ic_uA = critical_current_uA(4.0);
  const Device near = load_text(sanity_device("4 K", std::to_string(0.97 * ic_uA) + " uA"));
  ASSERT_EQ(near.warnings.size(), 1u);
  EXPECT_NE(near.warnings[0].find("circuit.bias_current"), std::string::npos) << near.warnings[0];
  EXPECT_NE(near.warnings[0].find("sanity.yaml:8:"), std::string::npos) << near.warnings[0];
  EXPECT_THROW(load_text(sanity_device("4 K", std::to_string(1.01 * ic_uA) + " uA")), InputError);
  const Device usual = load_text(sanity_device("4 K", std::to_string(0.9 * ic_uA) + " uA"));
  EXPECT_TRUE(usual.warnings.empty());
}

TEST(PhysicalSanity, BathAtOrAboveTcIsRefusedAndNearItWarned) {
  try {
    load_text(sanity_device("9 K", "1 uA"));
    FAIL() << "a bath above T_c was accepted";
  } catch (const InputError& error) {
    const std::string text = error.what();
    EXPECT_NE(text.find("sanity.yaml:5:16"), std::string::npos) << text;
    EXPECT_NE(text.find("substrate.temperature"), std::string::npos) << text;
    EXPECT_NE(text.find("critical temperature T_c = 8.5 K"), std::string::npos) << text;
  }
  // 0.92 T_c with a small bias: a warning for the bath only.
  const Device warm = load_text(sanity_device("7.8 K", "0.1 uA"));
  ASSERT_EQ(warm.warnings.size(), 1u);
  EXPECT_NE(warm.warnings[0].find("substrate.temperature"), std::string::npos);
}

TEST(PhysicalSanity, FilmThicknessBoundsAndTheThinFilmWarning) {
  EXPECT_THROW(load_text(sanity_device("2 K", "10 uA", "0.05 nm")), InputError);
  EXPECT_THROW(load_text(sanity_device("2 K", "10 uA", "4 km")), InputError);
  const Device thick = load_text(sanity_device("2 K", "10 uA", "300 nm"));
  ASSERT_EQ(thick.warnings.size(), 1u);
  EXPECT_NE(thick.warnings[0].find("film.thickness"), std::string::npos);
  EXPECT_TRUE(load_text(sanity_device("2 K", "10 uA", "0.5 nm")).warnings.empty());
}

}  // namespace
}  // namespace filmtherm
