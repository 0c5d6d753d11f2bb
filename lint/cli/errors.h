// Errors on stderr in the shapes the problem matchers read:
// "PATH:LINE:COL: error: MESSAGE", "PATH: error: MESSAGE", or, when no file
// is at fault, "digestlint: error: MESSAGE".
#pragma once

#include <string>

#include "config/config.h"
#include "digestlint/schema.h"

namespace digestlint {

void print_error(const ConfigError& error);

// A schema that does not load: located in its file when `name` is one,
// else the name given (an unknown built-in) is at fault. Returns the
// error as printed.
ConfigError print_schema_error(const SchemaError& error, const std::string& name);

}  // namespace digestlint
