// Running gnuplot for the plots of `run` and `sweep`: the script is written to
// a private temporary folder, gnuplot's output goes to a log there, and the
// plot appears under its final name only when gnuplot succeeded (the script
// writes a partial file that is renamed), so a failed plot leaves nothing that
// looks complete. A missing gnuplot or its complaint comes back as one line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace filmtherm {

/// Runs `script`, which must write its plot to `partial`, and renames
/// `partial` to `target`. Returns nullopt on success; otherwise why no plot
/// was written (and `partial` is removed).
std::optional<std::string> run_gnuplot(const std::string& script,
                                       const std::filesystem::path& partial,
                                       const std::filesystem::path& target);

}  // namespace filmtherm
