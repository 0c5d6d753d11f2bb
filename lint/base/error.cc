#include "base/error.h"

#include <fmt/format.h>

namespace digestlint {

std::string Error::location() const {
  if (path.empty()) return {};
  if (line == 0) return path;
  return fmt::format("{}:{}:{}", path, line, column);
}

std::string Error::to_string() const {
  return fmt::format("{}: error: {}", path.empty() ? "digestlint" : location(), message);
}

}  // namespace digestlint
