// filmtherm_run_options as the solvers take them: one conversion for
// filmtherm_device_run and filmtherm_wire_create, so both read the wire's
// choices (cells, form, switch, escape law) alike.
#pragma once

#include "filmtherm/device_run.h"
#include "filmtherm/filmtherm.h"

namespace filmtherm::api {

/// The host's options as this version lays them out: NULL gives the
/// defaults; a struct of an earlier minor version (struct_size down to minor
/// version 2's, which ends before wire_model) is read only as far as its
/// struct_size, the fields it lacks at their defaults. Throws ApiError for a
/// smaller struct_size.
filmtherm_run_options known_run_options(const filmtherm_run_options* options);

/// Checks every field; throws ApiError naming the field.
DeviceRunOptions run_options_from(const filmtherm_run_options& options);

/// options.wire_model, checked (FILMTHERM_WIRE_MODEL_1D or _LUMPED_HOTSPOT).
filmtherm_wire_model wire_model_of(const filmtherm_run_options& options);

}  // namespace filmtherm::api
