// The commands that print something and exit instead of linting.
#pragma once

#include <ostream>

#include "engine/linter.h"
#include "output/formats.h"

namespace digestlint {

// --init: a commented .digestlint.toml in the working directory, never
// over an existing one. Returns the exit status.
int write_starter_config(bool quiet);

// --list-rules: every rule with the severity `linter` gives it.
void print_rules(std::ostream& out, const Linter& linter, OutputFormat format);

}  // namespace digestlint
