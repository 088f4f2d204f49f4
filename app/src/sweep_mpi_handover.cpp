// run_sweep_across_ranks for the filmtherm executable, which does not link
// MPI: replace this process by filmtherm-mpi from the same folder, with the
// same arguments and environment. The launcher sees the same process id, and
// MPI_Init in filmtherm-mpi finds its launcher from the environment.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "filmtherm/sweep_mpi.h"

namespace filmtherm {

namespace {

std::filesystem::path mpi_executable_beside_this_one() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  return self.parent_path() / "filmtherm-mpi";
}

}  // namespace

std::optional<int> run_sweep_across_ranks(const SweepOptions& options, int ranks) {
  const std::filesystem::path mpi_executable = mpi_executable_beside_this_one();
  if (mpi_executable.empty() || access(mpi_executable.c_str(), X_OK) != 0) {
    if (ranks == 0) return std::nullopt;
    throw SweepRequestError(fmt::format(
        "started by an MPI launcher with {} ranks, but this filmtherm was built without MPI "
        "(no filmtherm-mpi beside it; install libopenmpi-dev and rebuild), so every rank would "
        "run the whole study; use --shard i/n for independent jobs",
        ranks));
  }
  std::vector<std::string> words = options.command_line;
  if (words.empty()) words.emplace_back("filmtherm");
  words.front() = mpi_executable.string();
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  execv(argv.front(), argv.data());
  throw std::runtime_error(
      fmt::format("could not start {}: {}", mpi_executable.string(), std::strerror(errno)));
}

}  // namespace filmtherm
