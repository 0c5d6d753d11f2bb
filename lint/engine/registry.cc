#include "engine/registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "digestlint/text.h"

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

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equal_ignoring_case(text.substr(0, prefix.size()), prefix);
}

}  // namespace

std::span<const RuleInfo* const> all_rules() {
  return kRules;
}

const RuleInfo* find_rule(std::string_view code_or_name) {
  for (const RuleInfo* rule : kRules) {
    if (equal_ignoring_case(rule->code, code_or_name) ||
        equal_ignoring_case(rule->name, code_or_name)) {
      return rule;
    }
  }
  return nullptr;
}

bool is_rule_prefix(std::string_view pattern) {
  if (pattern.size() < 3 || !starts_with_ignoring_case(pattern, "DL")) return false;
  if (!std::all_of(pattern.begin() + 2, pattern.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  return find_rule(pattern) == nullptr;
}

std::vector<const RuleInfo*> match_rules(std::string_view pattern) {
  if (const RuleInfo* rule = find_rule(pattern)) return {rule};
  std::vector<const RuleInfo*> out;
  if (!is_rule_prefix(pattern)) return out;
  for (const RuleInfo* rule : kRules) {
    if (starts_with_ignoring_case(rule->code, pattern)) out.push_back(rule);
  }
  return out;
}

const RuleInfo* nearest_rule(std::string_view pattern) {
  // Every code and name lower-cased, and folded for matching, once: a file
  // of thousands of misspelt suppressions asks for each of them.
  struct Candidate {
    const RuleInfo* rule;
    std::string lower;
    std::string folded;
  };
  static const std::vector<Candidate> candidates = [] {
    std::vector<Candidate> out;
    for (const RuleInfo* rule : kRules) {
      for (std::string_view written : {rule->code, rule->name}) {
        std::string lower(written);
        std::transform(lower.begin(), lower.end(), lower.begin(), ascii_lower);
        std::string folded = fold_for_match(lower);
        out.push_back(Candidate{rule, std::move(lower), std::move(folded)});
      }
    }
    return out;
  }();
  std::string lower(pattern);
  std::transform(lower.begin(), lower.end(), lower.begin(), ascii_lower);
  const std::string folded_pattern = fold_for_match(lower);
  const RuleInfo* best = nullptr;
  std::size_t best_distance = 0;
  for (const Candidate& c : candidates) {
    if (!is_near_miss_folded(folded_pattern, c.folded)) continue;
    const std::size_t distance = edit_distance(lower, c.lower);
    if (best == nullptr || distance < best_distance) {
      best = c.rule;
      best_distance = distance;
    }
  }
  return best;
}

std::string unknown_rule_message(std::string_view pattern) {
  const bool prefix_shaped =
      pattern.size() >= 3 && starts_with_ignoring_case(pattern, "DL") &&
      std::all_of(pattern.begin() + 2, pattern.end(), [](char c) { return c >= '0' && c <= '9'; });
  const std::string what = fmt::format(
      "unknown rule {}'{}'", prefix_shaped && pattern.size() < 5 ? "prefix " : "", pattern);
  if (const RuleInfo* near = nearest_rule(pattern)) {
    return fmt::format("{}; did you mean {} ({})?", what, near->code, near->name);
  }
  return fmt::format("{} (see digestlint --list-rules)", what);
}

}  // namespace digestlint
