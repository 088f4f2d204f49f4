// `filmtherm run` for a device with `model: electrothermal-wire`: the options
// of the wire model (--cells, --temperatures one|two, --switch
// root-finding|smoothed, --switch-width, --escape, --stop-at-recovery), and
// the run itself: the wire model once per phonon model (the material's own, or
// each of --compare-phonons / compare_phonons), then, only when every run has
// succeeded, the files of wire_outputs.h and a summary table on stdout.
#pragma once

#include "filmtherm/device.h"
#include "filmtherm/plugin_registry.h"
#include "filmtherm/wire_model.h"
#include "run_command.h"

namespace filmtherm::cli {

/// Adds the wire model's options to the `run` subcommand.
void add_wire_options(CLI::App& command, RunOptions& options);

/// The WireModelOptions the command line asks for. Throws UsageError for an
/// unknown choice or a width that is not a positive temperature.
WireModelOptions wire_model_options(const RunOptions& options);

/// Runs the wire model and writes its outputs. Returns 0, or
/// exit_solver_error (3) when CVODE fails (no file that looks complete is
/// left); throws UsageError for settings the model refuses.
int run_wire_device(const RunOptions& options, const Device& device,
                    const PluginRegistry& registry);

}  // namespace filmtherm::cli
