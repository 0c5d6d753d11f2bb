// The registry's promises: unique codes and names, documentation with the
// four sections, options that construct.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "engine/linter.h"
#include "engine/registry.h"

using namespace digestlint;

TEST_CASE("rule codes and names are unique and well formed") {
  std::set<std::string_view> codes;
  std::set<std::string_view> names;
  const std::regex code_shape("DL[1-9][0-9][0-9]");
  const std::regex name_shape("[a-z0-9]+(-[a-z0-9]+)*");
  std::string_view previous;
  for (const RuleInfo* r : all_rules()) {
    INFO(r->code << " " << r->name);
    CHECK(codes.insert(r->code).second);
    CHECK(names.insert(r->name).second);
    CHECK(std::regex_match(std::string(r->code), code_shape));
    CHECK(std::regex_match(std::string(r->name), name_shape));
    CHECK(previous < r->code);  // the registry lists rules in code order
    previous = r->code;
    CHECK(!r->summary.empty());
    CHECK(r->default_severity != Severity::Off);  // opt-in rules say so with `opt_in`
    // A rule is either a Rule object or reported by the engine, never both.
    CHECK((r->create != nullptr) != r->engine_reported);
    for (const OptionSpec& o : r->options) {
      CHECK(std::regex_match(std::string(o.name), name_shape));
      CHECK(!o.description.empty());
    }
  }
}

TEST_CASE("every rule documents what it does, why, an example and the fix") {
  for (const RuleInfo* r : all_rules()) {
    INFO(r->code << " " << r->name);
    for (std::string_view heading :
         {"## What it does", "## Why is this bad?", "## Example", "## Use instead"}) {
      CHECK(r->documentation.find(heading) != std::string_view::npos);
    }
    // A rule that offers fixes says what they do.
    if (r->has_fix) CHECK(r->documentation.find("## Fix") != std::string_view::npos);
  }
}

TEST_CASE("rules are found by code and by name") {
  for (const RuleInfo* r : all_rules()) {
    CHECK(find_rule(r->code) == r);
    CHECK(find_rule(r->name) == r);
  }
  CHECK(find_rule("DL000") == nullptr);
  CHECK(find_rule("no-such-rule") == nullptr);
}
