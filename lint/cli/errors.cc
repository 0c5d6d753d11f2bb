#include "cli/errors.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <system_error>

namespace digestlint {

void print_error(const Error& e) {
  std::cerr << e.to_string() << '\n';
}

Error print_schema_error(Error e, const std::string& name) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(name, ec)) {
    e.message = fmt::format("--schema {}: {}", name, e.message);
    e.path.clear();
    e.line = e.column = 0;
  }
  print_error(e);
  return e;
}

}  // namespace digestlint
