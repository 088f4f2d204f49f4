// Which filmtherm this is: the release version and the source revision the
// library was built from, for provenance records (summary.json) and for hosts
// that check what they loaded.
#pragma once

#include <string_view>

namespace filmtherm {

/// The release, "0.1.0".
std::string_view version() noexcept;

/// `git describe --always --dirty` of the source tree at configure time, or
/// "unknown" when the tree was not a git checkout.
std::string_view source_revision() noexcept;

}  // namespace filmtherm
