// The options of `filmtherm run` for a device with `model: electrothermal-wire`
// (--cells, --temperatures one|two, --switch front|root-finding|smoothed,
// --switch-width auto|<T>, --escape, --scheme conservative|published,
// --stop-at-recovery, --record-profiles): each one given overrides the same key
// of the device's `wire:` section (docs/yaml-reference.md); the others keep the
// file's value.
#pragma once

#include "filmtherm/device.h"
#include "run_command.h"

namespace filmtherm::cli {

/// Adds the wire model's options to the `run` subcommand.
void add_wire_options(CLI::App& command, RunOptions& options);

/// The `wire:` settings the command line sets (only the options given).
/// Throws UsageError for a count out of range or a width that is neither
/// auto nor a positive temperature.
WireSettings wire_settings_from_command_line(const RunOptions& options);

}  // namespace filmtherm::cli
