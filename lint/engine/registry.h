// Every rule, listed once, explicitly (no static registration).
#pragma once

#include <span>
#include <string_view>

#include "digestlint/rule.h"

namespace digestlint {

// In code order.
std::span<const RuleInfo* const> all_rules();
// By code ("DL201") or name ("missing-space-after-marker"); nullptr if none.
const RuleInfo* find_rule(std::string_view code_or_name);

}  // namespace digestlint
