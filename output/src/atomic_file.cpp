#include "filmtherm/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>

namespace filmtherm {

std::string describe_write_failure(const std::filesystem::path& path, int error) {
  const std::string folder =
      (path.has_parent_path() ? path.parent_path() : std::filesystem::path(".")).string();
  std::string reason;
  // The common causes in the user's terms: strerror's "No such file or
  // directory" for a folder on a read-only mount sent users looking for a typo.
  switch (error) {
    case EROFS:
      reason = "the file system holding '" + folder + "' is read-only";
      break;
    case EACCES:
    case EPERM:
      reason = "permission denied: no right to write in the folder '" + folder + "'";
      break;
    case ENOSPC:
      reason = "no space left on the device holding '" + folder + "'";
      break;
    case EDQUOT:
      reason = "disk quota exceeded on the device holding '" + folder + "'";
      break;
    case ENOENT:
      reason = "the folder '" + folder + "' does not exist and could not be created";
      break;
    case ENOTDIR:
      reason = "a part of '" + folder + "' is a file, not a folder";
      break;
    default:
      reason = std::strerror(error);
      break;
  }
  return "cannot write '" + path.string() + "': " + reason + " (" + std::strerror(error) + ")";
}

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, int error) {
  throw std::runtime_error(describe_write_failure(path, error));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  std::error_code folder_error;
  std::filesystem::create_directories(folder, folder_error);
  // The folder's own failure (read-only, permission) is the reason to report;
  // mkstemp would only say that the folder is missing.
  if (folder_error) fail(path, folder_error.value());  // errno values on POSIX
  std::string temporary = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  const int descriptor = mkstemp(temporary.data());
  if (descriptor < 0) fail(path, errno);

  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(descriptor, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(descriptor);
      ::unlink(temporary.c_str());
      fail(path, error);
    }
    written += static_cast<std::size_t>(n);
  }
  // Readable like any file the user creates (mkstemp makes it 0600).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(descriptor, 0666 & ~mask);
  if (::fsync(descriptor) != 0 || ::close(descriptor) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail(path, error);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail(path, error);
  }
}

}  // namespace filmtherm
