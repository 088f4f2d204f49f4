// The options of `filmtherm run` for a device with `model: electrothermal-wire`
// (--cells, --temperatures one|two, --switch root-finding|smoothed,
// --switch-width, --escape, --scheme conservative|published, --stop-at-recovery), turned into
// WireModelOptions.
#pragma once

#include "filmtherm/wire_model.h"
#include "run_command.h"

namespace filmtherm::cli {

/// Adds the wire model's options to the `run` subcommand.
void add_wire_options(CLI::App& command, RunOptions& options);

/// The WireModelOptions the command line asks for. Throws UsageError for an
/// unknown choice or a width that is not a positive temperature.
WireModelOptions wire_model_options(const RunOptions& options);

}  // namespace filmtherm::cli
