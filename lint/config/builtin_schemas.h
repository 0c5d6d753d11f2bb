// Schemas compiled into the binary (generated from schemas/*.toml).
#pragma once

#include <string_view>
#include <vector>

namespace digestlint {

struct BuiltinSchema {
  std::string_view name;
  std::string_view text;
};

// The default schema comes first.
const std::vector<BuiltinSchema>& builtin_schemas();

}  // namespace digestlint
