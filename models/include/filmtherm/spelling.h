// "Did you mean": the nearest known name to a misspelt key or model name, for
// error messages (optimal-string-alignment edit distance, so a swap of two
// adjacent letters counts as one edit).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace filmtherm {

/// Edit distance with insertions, deletions, substitutions and adjacent swaps.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `given`, if it is close enough to be a plausible
/// typo: at most 2 edits, or a third of the longer name's length.
std::optional<std::string> nearest_name(std::string_view given,
                                        std::span<const std::string> candidates);

/// " (did you mean 'x'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view given, std::span<const std::string> candidates);

}  // namespace filmtherm
