// The plot of `filmtherm fit-heat-capacity --output DIR`: fit.png, the data
// (with error bars when they have sigma) and the three fitted laws on log-log
// axes, above a panel of the normalised residuals of each law; legends sit
// outside the axes, so they never cover a point.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "heat_capacity_data.h"
#include "heat_capacity_fit.h"

namespace filmtherm::cli {

/// Draws `folder`/`png_name` with gnuplot; nullopt on success, else why no plot
/// was written (gnuplot missing or failing).
std::optional<std::string> plot_fit(const HeatCapacityData& data, const HeatCapacityFit& fit,
                                    double film_thickness_m, const std::filesystem::path& folder,
                                    const std::string& png_name);

}  // namespace filmtherm::cli
