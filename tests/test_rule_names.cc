// How users name rules (lint/engine/registry.h), whole-token phrase
// matching (include/digestlint/text.h) and --diff's unified diffs
// (lint/output/unified_diff.h).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "digestlint/text.h"
#include "engine/registry.h"
#include "output/unified_diff.h"

using namespace digestlint;

namespace {

std::vector<std::string> codes(const std::vector<const RuleInfo*>& rules) {
  std::vector<std::string> out;
  for (const RuleInfo* r : rules)
    out.emplace_back(r->code);
  return out;
}

}  // namespace

TEST_CASE("rules are named by code, name or prefix, in any case") {
  REQUIRE(find_rule("dl201") != nullptr);
  CHECK(find_rule("dl201")->code == "DL201");
  CHECK(find_rule("TRAILING-WHITESPACE")->code == "DL208");
  CHECK(codes(match_rules("DL201")) == std::vector<std::string>{"DL201"});
  const std::vector<std::string> dl20 = codes(match_rules("dl20"));
  REQUIRE(!dl20.empty());
  for (const std::string& code : dl20)
    CHECK(code.rfind("DL20", 0) == 0);
  CHECK(codes(match_rules("DL1")).size() > codes(match_rules("DL10")).size());
  CHECK(is_rule_prefix("DL2"));
  CHECK_FALSE(is_rule_prefix("DL201"));  // a whole code
  CHECK_FALSE(is_rule_prefix("DL"));     // every rule: not a prefix
  CHECK_FALSE(is_rule_prefix("DLx"));
  CHECK(match_rules("DL8").empty());
  CHECK(match_rules("no-such-rule").empty());
}

TEST_CASE("a misspelt rule is answered with the nearest one") {
  REQUIRE(nearest_rule("trailing-whitespce") != nullptr);
  CHECK(nearest_rule("trailing-whitespce")->code == "DL208");
  CHECK(nearest_rule("DL2O1")->code == "DL201");
  CHECK(nearest_rule("something-else-entirely") == nullptr);
  CHECK(unknown_rule_message("trailing-whitespce") ==
        "unknown rule 'trailing-whitespce'; did you mean DL208 (trailing-whitespace)?");
  CHECK(unknown_rule_message("DL8") == "unknown rule prefix 'DL8' (see digestlint --list-rules)");
}

TEST_CASE("a phrase is found as a whole token only") {
  CHECK(contains_as_token("- xxxxx", "xxxxx"));
  CHECK(contains_as_token("- xxxxxxx", "xxxxx"));  // a longer run of the placeholder
  CHECK(contains_as_token("値は「xxxxx」", "xxxxx"));
  CHECK_FALSE(contains_as_token("dev_xxxxxx", "xxxxx"));
  CHECK_FALSE(contains_as_token("xxxxx_backup", "xxxxx"));
  CHECK_FALSE(contains_as_token("0xxxxxx", "xxxxx"));
  // A later occurrence counts when an earlier one is inside a word.
  CHECK(contains_as_token("dev_xxxxx and xxxxx", "xxxxx"));
  // Japanese phrases have no word boundaries to respect.
  CHECK(contains_as_token("これは要約1行目です", "要約1行目"));
  CHECK(contains_as_token("a{{b", "{{"));
}

TEST_CASE("unified diffs: hunks with three lines of context, nothing when equal") {
  CHECK(unified_diff("a.md", "x\n", "x\n").empty());
  CHECK(unified_diff("a.md", "a\nb\nc\n", "a\nB\nc\n") ==
        "--- a.md\n+++ a.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  // An insertion into an empty file, and a missing final newline.
  CHECK(unified_diff("a.md", "", "N/A\n") == "--- a.md\n+++ a.md\n@@ -0,0 +1 @@\n+N/A\n");
  CHECK(unified_diff("a.md", "x", "y") ==
        "--- a.md\n+++ a.md\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n"
        "\\ No newline at end of file\n");
  // Changes far apart make two hunks.
  std::string before;
  for (int i = 1; i <= 20; ++i)
    before += std::to_string(i) + "\n";
  std::string after = before;
  after.replace(after.find("2\n"), 2, "two\n");
  after.replace(after.find("19\n"), 3, "nineteen\n");
  const std::string diff = unified_diff("n.md", before, after);
  CHECK(diff ==
        "--- n.md\n+++ n.md\n"
        "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
        "@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n");
}

TEST_CASE("unified diffs of files changed everywhere stay linear") {
  // Every line changes (a fix rewriting every line end): one replacement
  // between the unchanged head and tail, not a quadratic search.
  std::string before = "# head\n";
  std::string after = "# head\n";
  for (int i = 0; i < 5000; ++i) {
    before += "line " + std::to_string(i) + "\n";
    after += "line " + std::to_string(i) + "\r\n";
  }
  before += "tail\n";
  after += "tail\n";
  const std::string diff = unified_diff("big.md", before, after);
  CHECK(diff.rfind("--- big.md\n+++ big.md\n@@ -1,5002 +1,5002 @@\n # head\n-line 0\n", 0) == 0);
  CHECK(diff.ends_with("+line 4999\r\n tail\n"));
}
