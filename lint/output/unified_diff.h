// --diff: what a fix would change, as a unified diff (`patch -p0` applies it).
#pragma once

#include <string>
#include <string_view>

namespace digestlint {

// The unified diff from `before` to `after` (3 lines of context), headed
// "--- path" / "+++ path"; empty when they are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace digestlint
