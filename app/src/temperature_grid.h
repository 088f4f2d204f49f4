// The temperatures a command evaluates at: a list ("5K", "300 mK") or a range
// "FIRST:LAST:COUNT" spaced linearly or logarithmically, in kelvin.
#pragma once

#include <string>
#include <vector>

namespace filmtherm::cli {

/// Parses the list or the range (not both). With neither, 0.5 K to 50 K in 25
/// logarithmic steps. Throws UsageError naming the option and the bad text.
std::vector<double> temperature_grid(const std::vector<std::string>& temperatures,
                                     const std::string& range, bool logarithmic);

}  // namespace filmtherm::cli
