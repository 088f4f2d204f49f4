// filmtherm_run_options as the solvers take them: one conversion for
// filmtherm_device_run and filmtherm_wire_create, so both read the wire's
// choices (cells, form, switch, escape law) alike.
#pragma once

#include "filmtherm/device_run.h"
#include "filmtherm/filmtherm.h"

namespace filmtherm::api {

/// Checks struct_size and every field; throws ApiError naming the field.
DeviceRunOptions run_options_from(const filmtherm_run_options& options);

}  // namespace filmtherm::api
