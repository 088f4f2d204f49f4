// `filmtherm check FILE`: validates a device file (or a material library) and
// its imports without running anything or writing any file. A valid file is
// printed resolved, every value with its unit, where it was written
// (file:line) and, for material numbers, its literature source; an invalid one
// prints every diagnostic on stderr and exits with 2.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace filmtherm::cli {

struct CheckOptions {
  std::string file;
  std::vector<std::string> plugin_paths;
};

/// Adds the subcommand; `run_check` is called when it was chosen.
CLI::App* add_check_command(CLI::App& app, CheckOptions& options);

/// Returns 0 for a valid file, exit_usage_error (2) after printing the
/// diagnostics of an invalid one.
int run_check(const CheckOptions& options);

}  // namespace filmtherm::cli
