// Rule documentation as the user reads it: --explain, docs/rules/, SARIF's
// rule help and --list-rules --format json all come from here.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "digestlint/rule.h"
#include "engine/linter.h"

namespace digestlint {

// A rule's page: its code, name, summary, default severity, documentation
// and options. What --explain prints, docs/rules/ holds and SARIF's rule
// help carries.
std::string explain_rule(const RuleInfo& rule);

// --list-rules --format json: every rule with its code, name, summary,
// default and effective severity, fix and options.
void write_rules_json(std::ostream& out, const Linter& linter);

// The first paragraph(s) of a rule's "## What it does" section, as plain
// text, for short help (SARIF fullDescription).
std::string what_it_does(std::string_view documentation);

}  // namespace digestlint
