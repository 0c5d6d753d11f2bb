// The registry's promises: unique codes and names, documentation with the
// four sections, options that construct, every rule file registered, and a
// README family table that agrees with the codes.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

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

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("every rule file's RuleInfo is registered in rules/rules.def") {
  // A rule file compiles and links without its rules.def line, and then
  // silently never runs: read the sources to find every RuleInfo defined.
  const std::regex definition(R"re(extern const RuleInfo (\w+)\s*\{[^}]*?\.code = "(DL\d+)")re");
  std::size_t defined = 0;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(DIGESTLINT_SOURCE_DIR) / "rules")) {
    if (entry.path().extension() != ".cc") continue;
    const std::string text = read_text(entry.path());
    for (auto m = std::sregex_iterator(text.begin(), text.end(), definition);
         m != std::sregex_iterator(); ++m) {
      ++defined;
      const std::string code = (*m)[2].str();
      INFO(entry.path().filename().string()
           << " defines " << (*m)[1].str() << " (" << code
           << ") but rules/rules.def does not list it: add DIGESTLINT_RULE(" << (*m)[1].str()
           << ") in code order");
      CHECK(find_rule(code) != nullptr);
    }
  }
  CHECK(defined == all_rules().size());
}

TEST_CASE("the README's rule-family table gives each family's codes exactly") {
  // The table is written by hand (its families and examples are prose);
  // scripts/new-rule.py widens a range when it adds a rule. Each row
  // "| DL501-DL512 | ..." (or "| DL901 | ...") must span the first to the
  // last registered code of its hundred, and every hundred needs a row.
  const std::string readme = read_text(std::filesystem::path(DIGESTLINT_SOURCE_DIR) / "README.md");
  const std::regex row(R"re(\n\| (DL\d)(\d{2}(?:-DL\d{3})?) \|)re");
  std::map<std::string, std::string> table;  // "DL5" -> "DL501-DL512"
  for (auto m = std::sregex_iterator(readme.begin(), readme.end(), row);
       m != std::sregex_iterator(); ++m) {
    INFO("README.md has two rows for " << (*m)[1].str() << "xx");
    CHECK(table.emplace((*m)[1].str(), (*m)[1].str() + (*m)[2].str()).second);
  }
  REQUIRE(!table.empty());
  std::map<std::string, std::pair<std::string, std::string>> registered;  // "DL5" -> first, last
  for (const RuleInfo* r : all_rules()) {
    const std::string code(r->code);
    auto [it, inserted] = registered.emplace(code.substr(0, 3), std::pair{code, code});
    if (!inserted) it->second.second = code;  // all_rules() is in code order
  }
  for (const auto& [family, codes] : registered) {
    const std::string expected =
        codes.first == codes.second ? codes.first : codes.first + "-" + codes.second;
    INFO("the README's rules table for the " << family << "xx rules (registered: " << expected
                                             << ")");
    CHECK(table[family] == expected);
  }
  for (const auto& [family, range] : table) {
    INFO("the README's rules table has a row " << range << " but no such rule is registered");
    CHECK(registered.count(family) == 1);
  }
}
