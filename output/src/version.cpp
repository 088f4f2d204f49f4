#include "filmtherm/version.h"

namespace filmtherm {

std::string_view version() noexcept {
  return FILMTHERM_VERSION;
}

std::string_view source_revision() noexcept {
  return FILMTHERM_SOURCE_REVISION;
}

}  // namespace filmtherm
