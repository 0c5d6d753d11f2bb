// Errors on stderr in the shapes the problem matchers read:
// "PATH:LINE:COL: error: MESSAGE", "PATH: error: MESSAGE", or, when no file
// is at fault, "digestlint: error: MESSAGE" (base/error.h).
#pragma once

#include <string>

#include "base/error.h"

namespace digestlint {

void print_error(const Error& error);

// A schema that does not load: located in its file when `name` is one,
// else the name given (an unknown built-in) is at fault. Returns the
// error as printed.
Error print_schema_error(Error error, const std::string& name);

}  // namespace digestlint
