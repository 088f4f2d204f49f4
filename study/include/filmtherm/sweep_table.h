// The results of a finished study, made from its journal records in point
// order (so a resumed study gives the same bytes as an uninterrupted one): a
// CSV table and a JSON-lines table, one row per point with its index, the
// axis values (numbers in the axis unit, named in the header), the collected
// figures (unit in the header), the status and the error; and a gnuplot PNG
// per requested plot: a figure against one axis, one curve per combination
// of the other axes' values.
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

/// "electron_half_rise_time-vs-film.thickness.png".
std::string plot_file_name(const Study& study, const StudyPlot& plot);

/// Draws `plot` into `folder` (gnuplot, written under a temporary name and
/// renamed). Returns why there is no plot (gnuplot missing or failed, no
/// point with a value), or nullopt on success.
std::optional<std::string> plot_results(const Study& study, const StudyPlot& plot,
                                        const FinishedPoints& records,
                                        const std::filesystem::path& folder);

}  // namespace filmtherm
