// The options of a wire run as a device file defines them: the model's
// defaults (WireModelOptions), then every key of the device's `wire:` section
// (docs/yaml-reference.md), which hosts have already overlaid with their own
// overrides (overlay() in device_loader.h). Every host's run goes through
// here, so a device file alone reproduces a run.
#pragma once

#include "filmtherm/device.h"
#include "filmtherm/wire_model.h"

namespace filmtherm {

/// WireModelOptions for `settings` (the device's `wire:` with any host
/// overrides). Throws std::invalid_argument naming the key for a word or a
/// count the model does not know (a host's override that bypassed the
/// loader's checks).
WireModelOptions wire_model_options(const WireSettings& settings);

/// The same for a device's own `wire:` section.
inline WireModelOptions wire_model_options(const Device& device) {
  return wire_model_options(device.wire);
}

}  // namespace filmtherm
