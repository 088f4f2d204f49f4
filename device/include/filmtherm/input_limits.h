// Upper bounds on the counts an input file or the command line can ask for.
// Each is far above what a physical computation needs, and low enough that a
// mistyped count (1e9 for 1e3) is refused with this reason at once instead of
// filling memory or running silently for hours. Every message quotes the
// limit and its reason; docs/yaml-reference.md and docs/cli.md list them.
#pragma once

#include <cstddef>

namespace filmtherm::limits {

/// solver.output_times.count.
inline constexpr int max_output_times = 1'000'000;
inline constexpr const char* output_times_reason =
    "every output time is a row kept in memory and written to the trace; 10^6 rows already "
    "resolve a transient far more finely than the solver's own steps";

/// The points of a study: one range's count, and all axes combined.
inline constexpr std::size_t max_study_points = 1'000'000;
inline constexpr const char* study_points_reason =
    "10^6 device runs are already days of CPU time; split a larger study into several";

/// `filmtherm run --cells` for the electrothermal wire.
inline constexpr long long max_wire_cells = 1'000'000;
inline constexpr const char* wire_cells_reason =
    "memory and time grow with the cell count, and 10^6 cells resolve a wire of a few "
    "micrometres to picometres, below the lattice spacing";

}  // namespace filmtherm::limits
