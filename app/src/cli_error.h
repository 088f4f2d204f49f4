// Errors the command line turns into exit codes: a UsageError (bad option,
// bad unit, bad value) prints one line on stderr and exits with 2.
#pragma once

#include <stdexcept>

#include "filmtherm/sweep.h"

namespace filmtherm::cli {

using filmtherm::exit_solver_error;
using filmtherm::exit_usage_error;

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace filmtherm::cli
