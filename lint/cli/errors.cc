#include "cli/errors.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <system_error>

namespace digestlint {

void print_error(const ConfigError& e) {
  if (e.path.empty()) {
    std::cerr << fmt::format("digestlint: error: {}\n", e.message);
  } else if (e.line == 0) {
    std::cerr << fmt::format("{}: error: {}\n", e.path, e.message);
  } else {
    std::cerr << fmt::format("{}:{}:{}: error: {}\n", e.path, e.line, e.column, e.message);
  }
}

ConfigError print_schema_error(const SchemaError& error, const std::string& name) {
  ConfigError e = located_error(error.message, name);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(name, ec)) {
    e.message = fmt::format("--schema {}: {}", name, e.message);
    e.path.clear();
  }
  print_error(e);
  return e;
}

}  // namespace digestlint
