// Errors the command line turns into exit codes: a UsageError (bad option,
// bad unit, bad value) prints one line on stderr and exits with 2.
#pragma once

#include <stdexcept>

namespace filmtherm::cli {

inline constexpr int exit_usage_error = 2;
inline constexpr int exit_solver_error = 3;

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace filmtherm::cli
