// Every rule, listed once, explicitly (no static registration), and how a
// user names rules: wherever rules are named (the command line, a config's
// [rules], a suppression comment) the same spellings are accepted.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "digestlint/rule.h"

namespace digestlint {

// In code order.
std::span<const RuleInfo* const> all_rules();
// By code ("DL201") or name ("missing-space-after-marker"), in any case;
// nullptr if none.
const RuleInfo* find_rule(std::string_view code_or_name);

// Whether `pattern` is a code prefix: "DL" and at least one digit ("DL2",
// "dl20"), not a whole code.
bool is_rule_prefix(std::string_view pattern);

// The rules `pattern` names: one for a code or name, every rule whose code
// starts with it for a prefix; empty when it names none. Any case.
std::vector<const RuleInfo*> match_rules(std::string_view pattern);

// "unknown rule or prefix 'X'" with "; did you mean DL201
// (missing-space-after-marker)?" when a code or name is close to it.
std::string unknown_rule_message(std::string_view pattern);

// The rule whose code or name is close to a misspelt `pattern`; nullptr
// when none is.
const RuleInfo* nearest_rule(std::string_view pattern);

}  // namespace digestlint
