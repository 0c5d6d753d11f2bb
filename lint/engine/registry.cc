#include "engine/registry.h"

namespace digestlint {

#define DIGESTLINT_RULE(id) extern const RuleInfo id;
#include "rules.def"
#undef DIGESTLINT_RULE

namespace {

const RuleInfo* const kRules[] = {
#define DIGESTLINT_RULE(id) &id,
#include "rules.def"
#undef DIGESTLINT_RULE
};

}  // namespace

std::span<const RuleInfo* const> all_rules() {
  return kRules;
}

const RuleInfo* find_rule(std::string_view code_or_name) {
  for (const RuleInfo* rule : kRules) {
    if (rule->code == code_or_name || rule->name == code_or_name) return rule;
  }
  return nullptr;
}

}  // namespace digestlint
