// `filmtherm fit-heat-capacity` end to end: the shipped synthetic example is
// fitted (v = 4000 m/s within its uncertainty, the film preferred) and its
// output set written; data straight from `filmtherm heat-capacity` read as
// they are; and every kind of bad data file ends with exit code 2, one line
// naming the file and line, and nothing written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace filmtherm {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::ScratchFolderTest;

const std::string example = FILMTHERM_EXAMPLES_DIR "/data/nbtin-6nm-heat-capacity.csv";

class FitHeatCapacityCli : public ScratchFolderTest {
 protected:
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(folder_ / name) << text;
  }
  // Runs the fit of `name` with --output out; expects exit 2, a message
  // naming `where` (file:line) and containing `what`, and no output folder.
  void expect_refused(const std::string& name, const std::string& where,
                      const std::string& what) const {
    const auto result = run("fit-heat-capacity " + name + " -d 6nm -o out");
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    EXPECT_THAT(result.err, HasSubstr(where));
    EXPECT_THAT(result.err, HasSubstr(what));
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
    EXPECT_FALSE(fs::exists(folder_ / "out"));
  }
};

TEST_F(FitHeatCapacityCli, FitsTheShippedExampleAndWritesItsOutputSet) {
  const auto result = run("fit-heat-capacity '" + example + "' --thickness 6nm -o out");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // The film's velocity line: "  sound_velocity         4006.77 +- 6.8 m/s".
  const std::size_t film = result.out.find("\nfilm: ");
  ASSERT_NE(film, std::string::npos) << result.out;
  const std::size_t line = result.out.find("  sound_velocity ", film);
  ASSERT_NE(line, std::string::npos) << result.out;
  std::istringstream fields(result.out.substr(line + 17));
  double v = 0.0, u = 0.0;
  std::string plus_minus, unit;
  fields >> v >> plus_minus >> u >> unit;
  ASSERT_EQ(plus_minus, "+-") << result.out;
  EXPECT_EQ(unit, "m/s");
  EXPECT_LT(std::abs(v - 4000.0), 2.0 * u) << "v = " << v << " +- " << u;
  EXPECT_THAT(result.out, HasSubstr("preferred: film"));
  EXPECT_THAT(result.out, HasSubstr("weighted by the sigma column"));
  EXPECT_TRUE(fs::exists(folder_ / "out" / "residuals.csv"));
  const std::string json = testing::read_file(folder_ / "out" / "fit.json");
  EXPECT_THAT(json, HasSubstr("\"preferred\": \"film\""));
  EXPECT_THAT(json, HasSubstr("\"degrees_of_freedom\": 24"));
  const std::string csv = testing::read_file(folder_ / "out" / "residuals.csv");
  EXPECT_THAT(csv, HasSubstr("T [K],C [J/(m^3 K)],sigma [J/(m^3 K)],C_film [J/(m^3 K)]"));
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 26);  // header and 25 points
  if (std::system("command -v gnuplot >/dev/null 2>&1") == 0) {
    EXPECT_TRUE(fs::exists(folder_ / "out" / "fit.png"));
    EXPECT_THAT(json, HasSubstr("\"plot_file\": \"fit.png\""));
  }
}

TEST_F(FitHeatCapacityCli, ReadsTheCsvOfHeatCapacityAsItIs) {
  // Noise-free, without sigma: the unweighted fit returns v exactly.
  const auto table =
      run("heat-capacity -d 6nm -v 4000m/s --temperature-range 1K:12K:10 -f csv -o c.csv");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  const auto result = run("fit-heat-capacity c.csv -d 6nm");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("no sigma column: unweighted fit"));
  EXPECT_THAT(result.out, HasSubstr("sound_velocity         4000 +-"));
}

TEST_F(FitHeatCapacityCli, SaysWhenTheDataDoNotDetermineTheCutoff) {
  // 1-12 K data made without a cutoff: Theta runs off upwards, v stays determined.
  const auto result = run("fit-heat-capacity --fit debye_temperature '" + example + "' -d 6nm");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, ::testing::ContainsRegex("debye_temperature +[0-9.e+]+ \\(not determined "
                                                   "by the data\\) K"));
  EXPECT_THAT(result.out, ::testing::ContainsRegex("sound_velocity +[0-9.]+ \\+- [0-9.]+ m/s"));
}

TEST_F(FitHeatCapacityCli, AcceptsOtherUnitsOfTheRightDimension) {
  // A spreadsheet's byte-order mark and CRLF line ends are read too.
  write("mk.csv",
        "\xEF\xBB\xBFT [mK], C [mJ/(cm^3 K)]\r\n1000, 0.000286130691695\r\n2000, 0.00449\n5000, "
        "0.16452792146\n"
        "8000, 0.97\n");
  const auto result = run("fit-heat-capacity mk.csv -d 6nm");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("T = 1 to 8 K"));
}

TEST_F(FitHeatCapacityCli, RefusesTooFewPoints) {
  write("few.csv", "T [K], C [J/(m^3 K)]\n1, 0.286\n5, 164.5\n");
  expect_refused("few.csv", "few.csv:3:", "2 data points; fitting 2 parameters needs at least 3");
}

TEST_F(FitHeatCapacityCli, RefusesNegativeAndZeroHeatCapacity) {
  write("negative.csv", "# a comment\nT [K], C [J/(m^3 K)]\n1, 0.286\n2, -4.5\n3, 20\n4, 50\n");
  expect_refused("negative.csv", "negative.csv:4:4:", "heat capacity must be positive");
  write("zero.csv", "T [K], C [J/(m^3 K)]\n1, 0\n2, 4.5\n3, 20\n4, 50\n");
  expect_refused("zero.csv", "zero.csv:2:4:", "found '0'");
}

TEST_F(FitHeatCapacityCli, RefusesAHeaderWithoutUnits) {
  write("bare.csv", "T, C\n1, 0.286\n2, 4.5\n3, 20\n");
  expect_refused("bare.csv", "bare.csv:1:1:", "column 'T' has no unit");
  write("nounits.csv", "T [K], C\n1, 0.286\n2, 4.5\n3, 20\n");
  expect_refused("nounits.csv", "nounits.csv:1:8:", "column 'C' has no unit");
  write("noheader.csv", "1, 0.286\n2, 4.5\n3, 20\n");
  expect_refused("noheader.csv", "noheader.csv:1:", "expected a header naming");
}

TEST_F(FitHeatCapacityCli, RefusesUnitsOfTheWrongDimension) {
  write("kelvin.csv", "T [K], C [K]\n1, 0.286\n2, 4.5\n3, 20\n");
  expect_refused("kelvin.csv", "kelvin.csv:1:8:", "expected a heat capacity per volume");
  write("molar.csv", "T [K], C [J/(mol K)]\n1, 0.286\n2, 4.5\n3, 20\n");
  expect_refused("molar.csv", "molar.csv:1:8:", "molar volume");
  write("seconds.csv", "T [s], C [J/(m^3 K)]\n1, 0.286\n2, 4.5\n3, 20\n");
  expect_refused("seconds.csv", "seconds.csv:1:1:", "expected a temperature");
  write("garbled.csv", "T [K], C [J/(m^3 Q)]\n1, 0.286\n2, 4.5\n3, 20\n");
  expect_refused("garbled.csv", "garbled.csv:1:8:", "unit 'J/(m^3 Q)'");
}

TEST_F(FitHeatCapacityCli, RefusesANonNumericCellAndARaggedRow) {
  write("text.csv", "T [K], C [J/(m^3 K)], sigma [J/(m^3 K)]\n1, 0.286, 0.01\n2, abc, 0.1\n");
  expect_refused("text.csv", "text.csv:3:4:", "column 'C': expected a number, found 'abc'");
  write("ragged.csv", "T [K], C [J/(m^3 K)]\n1, 0.286\n2\n");
  expect_refused("ragged.csv", "ragged.csv:3:", "expected 2 cells as in the header (line 1)");
  write("badsigma.csv", "T [K], C [J/(m^3 K)], sigma [J/(m^3 K)]\n1, 0.286, 0\n");
  expect_refused("badsigma.csv", "badsigma.csv:2:11:", "sigma must be positive");
}

TEST_F(FitHeatCapacityCli, RefusesAnEmptyOrMissingFile) {
  write("empty.csv", "");
  expect_refused("empty.csv", "empty.csv:1:", "empty data file");
  write("comments.csv", "# nothing but a comment\n\n");
  expect_refused("comments.csv", "comments.csv:1:", "empty data file");
  write("header-only.csv", "T [K], C [J/(m^3 K)]\n");
  expect_refused("header-only.csv", "header-only.csv:1:", "no data rows");
  expect_refused("missing.csv", "missing.csv", "cannot open");
}

TEST_F(FitHeatCapacityCli, RefusesBadOptions) {
  const auto result = run("fit-heat-capacity '" + example + "' -d 6nm --fit everything -o out");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("--fit: expected sound_velocity, branches"));
  EXPECT_FALSE(fs::exists(folder_ / "out"));
  const auto thickness = run("fit-heat-capacity '" + example + "' -d 6K");
  EXPECT_EQ(thickness.exit_code, 2);
  EXPECT_THAT(thickness.err, HasSubstr("--thickness"));
}

}  // namespace
}  // namespace filmtherm
