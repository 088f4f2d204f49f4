// The plots of a finished study (gnuplot PNGs, each written under a temporary
// name and renamed): for every `plot:` a figure against one axis, one curve per
// combination of the other axes' values, each curve with a colour and a dash
// pattern of its own; and, when the study is a grid of two numeric axes, a heat
// map of the figure over both axes with a colour bar. Axes are labelled with
// what they are and their unit ("film thickness [nm]", "electron half rise
// time [s]"), curve titles carry values rounded to three digits with their
// unit ("thickness = 6.51 nm"), and the legend sits outside the data.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "filmtherm/study.h"
#include "filmtherm/sweep_journal.h"

namespace filmtherm {

/// "electron_half_rise_time-vs-film.thickness.png".
std::string plot_file_name(const Study& study, const StudyPlot& plot);

/// "electron_half_rise_time-map.png": the heat map's file.
std::string map_file_name(const StudyPlot& plot);

/// True when `plot` also gets a heat map: a grid of exactly two numeric axes.
bool has_map(const Study& study);

/// "film thickness [nm]": an axis named by its key path without the
/// `materials.` prefix, underscores as spaces, with the axis unit.
std::string axis_label(const StudyAxis& axis);

/// "thickness = 6.51 nm": a value of an axis, numbers to three significant digits.
std::string axis_value_label(const StudyAxis& axis, const AxisValue& value);

/// Draws `plot` into `folder`. Returns why there is no plot (gnuplot missing
/// or failed, no point with a value), or nullopt on success.
std::optional<std::string> plot_results(const Study& study, const StudyPlot& plot,
                                        const FinishedPoints& records,
                                        const std::filesystem::path& folder);

/// Draws the heat map of `plot` (only when has_map(study)). Returns why there
/// is none, or nullopt on success.
std::optional<std::string> plot_results_map(const Study& study, const StudyPlot& plot,
                                            const FinishedPoints& records,
                                            const std::filesystem::path& folder);

}  // namespace filmtherm
