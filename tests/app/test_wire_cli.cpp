// `filmtherm run` on an electrothermal-wire device: a run writes the trace,
// the T(x, t) matrix and the summary with the issue's figures; --compare-phonons
// writes one set per model; settings the model refuses exit with 2 and write
// nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.h"

namespace {

namespace fs = std::filesystem;
using filmtherm::testing::read_file;

class WireCli : public filmtherm::testing::ScratchFolderTest {
 protected:
  std::string yang() const {
    return "'" + (fs::path(FILMTHERM_EXAMPLES_DIR) / "devices" / "yang2007-nbn.yaml").string() +
           "'";
  }

  // The Yang device written into the scratch folder with its material
  // imported by absolute path, `bias` as its bias current and `extra` appended.
  std::string yang_copy(const std::string& bias, const std::string& extra) const {
    const fs::path examples(FILMTHERM_EXAMPLES_DIR);
    std::string text = read_file(examples / "devices" / "yang2007-nbn.yaml");
    auto replace = [&](const std::string& from, const std::string& to) {
      const std::size_t at = text.find(from);
      if (at != std::string::npos) text.replace(at, from.size(), to);
    };
    replace("[../materials/nbn.yaml]",
            "['" + (examples / "materials" / "nbn.yaml").string() + "']");
    replace("bias_current: 16.5 uA", "bias_current: " + bias);
    replace("folder: ../../out/yang2007-nbn", "folder: out");
    const fs::path file = folder_ / "device.yaml";
    std::ofstream(file) << text << extra;
    return "'" + file.string() + "'";
  }
};

TEST_F(WireCli, TheDeviceFileDefinesTheRunAndOptionsOverrideIt) {
  const std::string device = yang_copy(
      "16.5 uA", "wire:\n  cells: 30\n  switch: root-finding\n  record_profiles: false\n");
  const auto from_file = run("run " + device + " --no-plot");
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  const std::string summary = read_file(folder_ / "out" / "summary.json");
  EXPECT_NE(summary.find("\"wire_settings\": {\n    \"cells\": 30,"), std::string::npos) << summary;
  EXPECT_NE(summary.find("\"switch\": \"root-finding\""), std::string::npos);
  EXPECT_NE(summary.find("\"switch_width_auto\": true"), std::string::npos);
  EXPECT_NE(summary.find("\"record_profiles\": false"), std::string::npos);
  EXPECT_FALSE(fs::exists(folder_ / "out" / "temperature-profile.csv"));

  const auto overridden =
      run("run " + device + " --cells 36 --switch smoothed --switch-width 0.2K --no-plot");
  ASSERT_EQ(overridden.exit_code, 0) << overridden.err;
  const std::string second = read_file(folder_ / "out" / "summary.json");
  EXPECT_NE(second.find("\"cells\": 36,"), std::string::npos) << second;
  EXPECT_NE(second.find("\"switch\": \"smoothed\""), std::string::npos);
  EXPECT_NE(second.find("\"switch_width_auto\": false,\n    \"switch_width_K\": 0.2,"),
            std::string::npos)
      << second;
  EXPECT_NE(second.find("\"record_profiles\": false"), std::string::npos);  // the file's
}

TEST_F(WireCli, UnusualValuesAreWarnedOnStderrAndInTheSummary) {
  // I_c(2 K) = 20 uA (1 - (2/10.5)^2)^2 = 18.57 uA; 17.9 uA is 0.964 of it.
  const auto result = run("run " + yang_copy("17.9 uA", "wire: {cells: 30}\n") + " --no-plot");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("filmtherm: warning: "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("circuit.bias_current: 17.9 uA is above 0.95 I_c(T_b)"),
            std::string::npos)
      << result.err;
  const std::string summary = read_file(folder_ / "out" / "summary.json");
  EXPECT_NE(summary.find("\"warnings\": [\n    \""), std::string::npos) << summary;
  EXPECT_NE(summary.find("is above 0.95 I_c(T_b)"), std::string::npos);
}

TEST_F(WireCli, ABiasAboveTheCriticalCurrentAtTheBathExitsWithTwo) {
  const auto result = run("run " + yang_copy("19 uA", "") + " --no-plot");
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("device.yaml:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("a bias below the critical current at the bath"), std::string::npos)
      << result.err;
  EXPECT_FALSE(fs::exists(folder_ / "out"));
}

TEST_F(WireCli, RunWritesTraceProfileAndSummary) {
  const auto result = run("run " + yang() + " --cells 60 --no-plot -o out");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("latched"), std::string::npos) << result.out;
  const std::string trace = read_file(folder_ / "out" / "trace.csv");
  EXPECT_NE(trace.find("t_s,I_A,V_out_V,V_C_V,R_hs_Ohm,hotspot_length_m"), std::string::npos);
  const std::string profile = read_file(folder_ / "out" / "temperature-profile.csv");
  EXPECT_EQ(profile.find("#"), 0u);
  EXPECT_NE(profile.find("\n60,"), std::string::npos);  // the column count row
  const std::string summary = read_file(folder_ / "out" / "summary.json");
  for (const char* key :
       {"\"peak_output_voltage_V\"", "\"max_hotspot_length_m\"", "\"max_hotspot_resistance_Ohm\"",
        "\"time_to_90pct_current_recovery_s\"", "\"fitted_recovery_time_constant_s\"",
        "\"latched\": false", "\"energy_book\"", "\"model\": \"electrothermal-wire\""}) {
    EXPECT_NE(summary.find(key), std::string::npos) << key;
  }
  EXPECT_FALSE(fs::exists(folder_ / "out" / "traces.png"));  // --no-plot
}

TEST_F(WireCli, ComparePhononsWritesOneSetPerModel) {
  const auto result = run("run " + yang() +
                          " --cells 40 --temperatures two --switch root-finding"
                          " --compare-phonons debye-low-T,film-low-T --no-plot -o out");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const char* model : {"debye-low-T", "film-low-T"}) {
    EXPECT_TRUE(fs::exists(folder_ / "out" / ("trace-" + std::string(model) + ".csv"))) << model;
    EXPECT_TRUE(
        fs::exists(folder_ / "out" / ("temperature-profile-" + std::string(model) + ".csv")))
        << model;
  }
  const std::string summary = read_file(folder_ / "out" / "summary.json");
  EXPECT_NE(summary.find("\"form\": \"two-temperature\""), std::string::npos);
  EXPECT_NE(summary.find("\"resistive_switch\": \"root-finding\""), std::string::npos);
}

TEST_F(WireCli, RefusedSettingsExitWithTwoAndWriteNothing) {
  for (const std::string options :
       {"--cells 2", "--cells -5", "--cells 2000000", "--switch-width 0.5m", "--switch-width -1K",
        "--switch-width automatic", "--temperatures three", "--escape fast"}) {
    const auto result = run("run " + yang() + " " + options + " --no-plot -o out");
    EXPECT_EQ(result.exit_code, 2) << options << ": " << result.err;
    EXPECT_FALSE(result.err.empty()) << options;
    EXPECT_TRUE(folder_is_empty()) << options;
  }
}

TEST_F(WireCli, CellCountsAreBoundedWithTheReason) {
  const auto negative = run("run " + yang() + " --cells -5 --no-plot -o out");
  EXPECT_EQ(negative.exit_code, 2) << negative.err;
  EXPECT_NE(negative.err.find("at least 3 cells, got -5"), std::string::npos) << negative.err;
  const auto huge = run("run " + yang() + " --cells 2000000 --no-plot -o out");
  EXPECT_EQ(huge.exit_code, 2) << huge.err;
  EXPECT_NE(huge.err.find("at most 1000000 cells (memory and time grow"), std::string::npos)
      << huge.err;
}

TEST_F(WireCli, PublishedSchemeIsRecordedAndHasOneTemperature) {
  const auto result = run("run " + yang() + " --cells 60 --scheme published --no-plot -o out");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string summary = read_file(folder_ / "out" / "summary.json");
  EXPECT_NE(summary.find("\"scheme\": \"published\""), std::string::npos);
  EXPECT_NE(read_file(folder_ / "out" / "trace.csv").find("published scheme"), std::string::npos);
  fs::remove_all(folder_ / "out");
  for (const std::string options : {"--scheme yang", "--scheme published --temperatures two"}) {
    const auto refused = run("run " + yang() + " " + options + " --no-plot -o out");
    EXPECT_EQ(refused.exit_code, 2) << options << ": " << refused.err;
    EXPECT_NE(refused.err.find("--scheme"), std::string::npos) << refused.err;
    EXPECT_TRUE(folder_is_empty()) << options;
  }
}

}  // namespace
