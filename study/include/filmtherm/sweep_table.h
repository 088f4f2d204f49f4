// The results of a finished study, made from its journal records in point
// order (so a resumed study gives the same bytes as an uninterrupted one): a
// CSV table and a JSON-lines table, one row per point with its index, the
// axis values (numbers in the axis unit, named in the header), the collected
// figures (unit in the header), the status and the error. The plots are
// sweep_plots.h's.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "filmtherm/study.h"
#include "filmtherm/sweep_journal.h"

namespace filmtherm {

/// Header "index,film.thickness [nm],...,electron_peak_temperature [K],...,status,error",
/// then one row per point. Every point must be in `records`.
std::string results_csv(const Study& study, const FinishedPoints& records);

/// One JSON object per point: index, parameters {key: {value, unit}},
/// figures {name: {value, unit}}, status, error.
std::string results_jsonl(const Study& study, const FinishedPoints& records);

/// The declaration of figure `name` of the study's model, or nullptr.
const FigureDeclaration* figure_declaration(const Study& study, const std::string& name);

/// The value of figure `name` in a record; empty for a failed point or a
/// figure the run did not reach.
std::optional<double> figure_value(const PointRecord& record, const std::string& name);

}  // namespace filmtherm
