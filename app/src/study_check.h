// `filmtherm check STUDY.yaml`: validates a study file, its base device, and
// the device of every point (an axis value the device loader refuses is
// reported at the value, with line and column), and prints the study
// resolved: its points, axes and values, collected figures, plot and output
// folder. Nothing runs, nothing is written.
#pragma once

#include <string>

#include "filmtherm/plugin_registry.h"

namespace filmtherm::cli {

/// Returns 0 for a valid study; exit_usage_error (2) after printing every
/// diagnostic of an invalid one on stderr.
int check_study(const std::string& file, const PluginRegistry& registry);

}  // namespace filmtherm::cli
