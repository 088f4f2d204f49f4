// `filmtherm run` on an electrothermal-wire device: a run writes the trace,
// the T(x, t) matrix and the summary with the issue's figures; --compare-phonons
// writes one set per model; settings the model refuses exit with 2 and write
// nothing.
#include <gtest/gtest.h>

#include <filesystem>
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
};

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
        "--temperatures three", "--escape fast"}) {
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
