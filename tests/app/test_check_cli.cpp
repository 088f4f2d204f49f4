// `filmtherm check`: a valid file prints the resolved device and exits 0; an
// invalid one prints every diagnostic on stderr, exits 2 and writes nothing.
#include <gtest/gtest.h>

#include "cli_runner.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

using filmtherm::testing::CommandResult;

// Runs filmtherm with `arguments` in `folder`, capturing both streams.
CommandResult run(const std::string& arguments, const fs::path& folder) {
  return filmtherm::testing::run_filmtherm(arguments, folder);
}

class CheckCommand : public testing::Test {
 protected:
  void SetUp() override {
    folder_ =
        fs::temp_directory_path() / ("filmtherm-check-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }
  bool folder_is_empty() const { return fs::is_empty(folder_); }

  fs::path folder_;
};

TEST_F(CheckCommand, ValidDevicePrintsValuesWithOrigins) {
  const fs::path device = fs::path(FILMTHERM_EXAMPLES_DIR) / "devices" / "nbtin-6nm.yaml";
  const CommandResult result = run("check '" + device.string() + "'", folder_);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.err.empty()) << result.err;
  EXPECT_NE(result.out.find("a valid device"), std::string::npos);
  EXPECT_NE(result.out.find("6 nm"), std::string::npos);
  EXPECT_NE(result.out.find("nbtin-6nm.yaml:17"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("nbtin.yaml:"), std::string::npos);
  EXPECT_TRUE(folder_is_empty());
}

TEST_F(CheckCommand, MaterialLibraryIsChecked) {
  const fs::path library = fs::path(FILMTHERM_EXAMPLES_DIR) / "materials" / "nbn.yaml";
  const CommandResult result = run("check '" + library.string() + "'", folder_);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("material NbN-yang2007"), std::string::npos);
}

TEST_F(CheckCommand, InvalidDeviceExitsTwoWithEveryDiagnosticOnStderr) {
  std::ofstream(folder_ / "bad.yaml") << "model: lumped-two-temperature\n"
                                         "film: {material: X, thickness: 6 K, width: 1 nm, "
                                         "length: 1 um}\n"
                                         "output: {folder: results}\n"
                                         "flim: 1\n";
  const CommandResult result = run("check bad.yaml", folder_);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(result.out.empty()) << result.out;
  EXPECT_NE(result.err.find("bad.yaml:2:34: film.thickness: expected a length"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("bad.yaml:4:1: flim"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("substrate"), std::string::npos) << result.err;
  // Nothing written: only the input file is in the folder.
  fs::remove(folder_ / "bad.yaml");
  EXPECT_TRUE(folder_is_empty());
}

TEST_F(CheckCommand, MissingFileExitsTwo) {
  const CommandResult result = run("check no-such.yaml", folder_);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("no file at"), std::string::npos) << result.err;
  EXPECT_TRUE(folder_is_empty());
}

TEST_F(CheckCommand, FifoIsRefusedLikeRunDoesWithoutWaiting) {
  ASSERT_EQ(::mkfifo((folder_ / "pipe.yaml").c_str(), 0600), 0);
  // `timeout` turns a hang (the old behaviour: reading the FIFO forever) into exit code 124.
  for (const char* command : {"timeout 20 '" FILMTHERM_EXECUTABLE "' check pipe.yaml",
                              "timeout 20 '" FILMTHERM_EXECUTABLE "' run pipe.yaml"}) {
    const std::string line = "cd '" + folder_.string() + "' && " + command + " 2>/dev/null";
    const int status = std::system(line.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2) << command;
  }
  const CommandResult result = run("check pipe.yaml", folder_);
  EXPECT_NE(result.err.find("which is not a regular file"), std::string::npos) << result.err;
}

TEST_F(CheckCommand, OutputTimeCountIsBoundedWithTheReason) {
  std::string device = filmtherm::testing::read_file(fs::path(FILMTHERM_EXAMPLES_DIR) / "devices" /
                                                     "nbtin-6nm.yaml");
  const std::string materials =
      (fs::path(FILMTHERM_EXAMPLES_DIR) / "materials" / "nbtin.yaml").string();
  const std::string imports = "imports: [../materials/nbtin.yaml]";
  ASSERT_NE(device.find(imports), std::string::npos);
  device.replace(device.find(imports), imports.size(), "imports: ['" + materials + "']");
  const std::string count = "count: 400";
  ASSERT_NE(device.find(count), std::string::npos);
  device.replace(device.find(count), count.size(), "count: 1e9");
  std::ofstream(folder_ / "many.yaml") << device;
  const CommandResult result = run("check many.yaml", folder_);
  EXPECT_EQ(result.exit_code, 2) << result.out;
  EXPECT_NE(result.err.find("expected a whole number from 2 to 1000000 (every output time is a "
                            "row kept in memory"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("found '1e9'"), std::string::npos) << result.err;
}

}  // namespace
