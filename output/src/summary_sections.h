// Internal to output/: the parts of summary.json that the lumped and the wire
// summaries share, the effective solver settings and the run's provenance.
#pragma once

#include <nlohmann/json.hpp>

#include "filmtherm/device.h"
#include "filmtherm/provenance.h"

namespace filmtherm::summary_sections {

/// Every setting of `solver:` as the run used it, in SI.
nlohmann::ordered_json solver_settings(const SolverSettings& settings);

/// The provenance record (provenance.h) as JSON.
nlohmann::ordered_json provenance(const RunProvenance& provenance);

}  // namespace filmtherm::summary_sections
