// Private to the solver: the times at which the lumped model and the wire
// record their traces, shared so that both read a device's solver settings
// the same way.
#pragma once

#include <vector>

#include "filmtherm/device.h"
#include "filmtherm/two_temperature_model.h"

namespace filmtherm::detail {

/// The run's start, the output grid of `settings` (output_count times from
/// `start_s` to the end time, linear, or logarithmic with the first at
/// first_output_time after the start) and, for a pulse, 41 samples across its
/// window (the trace resolves the pulse whatever the grid): sorted, without
/// repeats, none after the end time. Output times count from the start of the
/// run (the photon's arrival, or the opening of the pulse window), so a log
/// grid resolves the first picoseconds whenever the photon arrives.
std::vector<double> output_times_s(const SolverSettings& settings, double start_s,
                                   const PhotonDeposit& photon);

}  // namespace filmtherm::detail
