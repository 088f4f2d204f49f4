// Writing output files so that a reader never sees half of one: the content
// goes to a temporary file in the same folder, is flushed, and is renamed over
// the target in one step. A failure leaves the target as it was.
#pragma once

#include <filesystem>
#include <string_view>

namespace filmtherm {

/// Writes `content` to `path` atomically. Creates missing parent folders.
/// Throws std::runtime_error naming the path and the system's reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace filmtherm
