// Runs the built filmtherm executable in a scratch folder and captures its exit
// code, stdout and stderr: the shared harness of the end-to-end CLI tests.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace filmtherm::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Runs `filmtherm <arguments>` (a shell-quoted string) with `folder` as the
/// working directory. The captured streams live outside `folder`, so a test can
/// check that the command wrote nothing there.
inline CommandResult run_filmtherm(const std::string& arguments,
                                   const std::filesystem::path& folder) {
  const std::filesystem::path capture = folder.string() + ".capture";
  std::filesystem::create_directories(capture);
  const std::filesystem::path out = capture / "stdout.txt";
  const std::filesystem::path err = capture / "stderr.txt";
  const std::string command = "cd '" + folder.string() + "' && '" FILMTHERM_EXECUTABLE "' " +
                              arguments + " >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out);
  result.err = read_file(err);
  std::filesystem::remove_all(capture);
  return result;
}

/// Runs `filmtherm <arguments>` in a private mount namespace with a tmpfs
/// mounted at `folder` with `mount_options` ("ro", "size=8k"), in `folder`;
/// `out` receives what `after` (a shell command run in `folder` inside the
/// namespace, before the tmpfs goes away) prints. nullopt when this machine
/// does not allow that (no unshare, or no privilege to mount): skip the test.
inline std::optional<CommandResult> run_filmtherm_on_tmpfs(const std::filesystem::path& folder,
                                                           const std::string& mount_options,
                                                           const std::string& arguments,
                                                           const std::string& after = "true") {
  const std::filesystem::path err = folder.string() + ".stderr";
  const std::filesystem::path out = folder.string() + ".after";
  const std::string mount =
      "mount -t tmpfs -o " + mount_options + " none '" + folder.string() + "'";
  if (std::system(
          ("unshare -m --propagation private sh -c \"" + mount + "\" 2>/dev/null").c_str()) != 0) {
    return std::nullopt;
  }
  const std::string command = "unshare -m --propagation private sh -c \"" + mount + " && cd '" +
                              folder.string() + "' && { '" FILMTHERM_EXECUTABLE "' " + arguments +
                              " >/dev/null 2>'" + err.string() + "'; code=\\$?; " + after + " >'" +
                              out.string() + "'; exit \\$code; }\"";
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_file(err);
  result.out = read_file(out);
  std::filesystem::remove(err);
  std::filesystem::remove(out);
  return result;
}

/// A fresh, empty folder per test, removed afterwards.
class ScratchFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("filmtherm-cli-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }
  CommandResult run(const std::string& arguments) const {
    return run_filmtherm(arguments, folder_);
  }
  bool folder_is_empty() const { return std::filesystem::is_empty(folder_); }

  std::filesystem::path folder_;
};

}  // namespace filmtherm::testing
