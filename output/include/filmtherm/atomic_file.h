// Writing output files so that a reader never sees half of one: the content
// goes to a temporary file in the same folder, is flushed, and is renamed over
// the target in one step. A failure leaves the target as it was.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace filmtherm {

/// Writes `content` to `path` atomically. Creates missing parent folders.
/// Throws std::runtime_error with describe_write_failure's message.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// "cannot write '<path>': <reason> (<strerror>)", where the reason names a
/// read-only file system, a missing permission, a full device or a missing
/// folder with the folder's path (errno EROFS, EACCES/EPERM, ENOSPC/EDQUOT,
/// ENOENT, ENOTDIR); other errors give strerror's text alone.
std::string describe_write_failure(const std::filesystem::path& path, int error);

}  // namespace filmtherm
