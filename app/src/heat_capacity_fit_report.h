// What `filmtherm fit-heat-capacity` prints and writes: the report on stdout
// (fitted values with standard uncertainties, chi^2, degrees of freedom,
// reduced chi^2 and AIC of each law, the preferred law, the residual table),
// residuals.csv and fit.json (the plot is heat_capacity_fit_plot.h).
#pragma once

#include <optional>
#include <string>

#include "heat_capacity_data.h"
#include "heat_capacity_fit.h"
#include "table.h"

namespace filmtherm::cli {

/// The residual table: T, C, sigma, then per law its fit, C - fit and the
/// normalised residual (C - fit)/sigma, or (C - fit)/s with s = sqrt(chi^2/dof)
/// of that law when the data have no sigma. `compact` keeps the film's three
/// columns and the other laws' normalised residuals (for the terminal).
Table residual_table(const HeatCapacityData& data, const HeatCapacityFit& fit, bool compact);

/// The text report for stdout.
std::string fit_report(const HeatCapacityData& data, const HeatCapacityFit& fit,
                       double film_thickness_m);

/// fit.json: settings, every law's values and statistics, the preferred law, the plot's name.
std::string fit_json(const HeatCapacityData& data, const HeatCapacityFit& fit,
                     double film_thickness_m, const std::optional<std::string>& plot_file);

}  // namespace filmtherm::cli
