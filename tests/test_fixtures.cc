// Runs every fixture under fixtures/ (see fixture.h): exact findings, then
// the fixed text and its re-lint.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

#include "config/schema_loader.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "fixture.h"

namespace fs = std::filesystem;
using namespace digestlint;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> fixture_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(DIGESTLINT_FIXTURES_DIR)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && e.path().extension() == ".md" &&
        name.find(".fixed.md") == std::string::npos) {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Found {
  std::uint32_t line;
  std::uint32_t column;
  std::string rule;
  std::string message;
};

// DIGESTLINT_UPDATE_FIXTURES rewrites the .fixed.md files when set to
// anything but "" or "0": the convention of DIGESTLINT_UPDATE_GOLDEN too
// (tests/cli/integration.py, updating_golden).
bool updating_fixtures() {
  const char* value = std::getenv("DIGESTLINT_UPDATE_FIXTURES");
  return value != nullptr && std::string_view(value) != "" && std::string_view(value) != "0";
}

bool has_applicable_fix(const Diagnostic& d, bool unsafe) {
  return d.fix && !d.fix->edits.empty() && (unsafe || d.fix->applicability == Applicability::Safe);
}

// The check for one fixture; returns a description of every mismatch.
// `rules_seen` collects the codes of the rules that fire, `rules_fixed`
// those of the rules with a finding that carries a fix (safe or unsafe).
std::string check_fixture(const fs::path& path, std::set<std::string>& rules_seen,
                          std::set<std::string>& rules_fixed) {
  const std::string text = read_all(path);
  std::string error;
  const auto fixture = testing::parse_fixture(text, path.string(), error);
  if (!fixture) return error;
  Error schema_error;
  // A schema file named by a fixture lives next to it.
  std::string schema_name =
      fixture->schema.empty() ? std::string(builtin_schema_names().front()) : fixture->schema;
  if (schema_name.size() > 5 && schema_name.substr(schema_name.size() - 5) == ".toml") {
    schema_name = (path.parent_path() / schema_name).lexically_normal().string();
  }
  const auto schema = load_schema(schema_name, schema_error);
  if (!schema) return schema_error.to_string();
  const Linter linter(schema, fixture->settings);
  const std::vector<Diagnostic> diagnostics = linter.lint(text, path.string());

  const SourceText source(text);
  std::vector<Found> found;
  bool fixable = false;
  for (const Diagnostic& d : diagnostics) {
    const Position p = source.position(d.range.begin);
    found.push_back(Found{p.line, p.column, std::string(d.rule->code), d.message});
    fixable = fixable || has_applicable_fix(d, fixture->unsafe_fixes);
    rules_seen.insert(std::string(d.rule->code));
    if (d.fix && !d.fix->edits.empty()) rules_fixed.insert(std::string(d.rule->code));
  }

  std::string problems;
  std::vector<bool> matched(found.size(), false);
  for (const testing::Expectation& e : fixture->expectations) {
    bool ok = false;
    for (std::size_t i = 0; i < found.size() && !ok; ++i) {
      if (matched[i] || found[i].rule != e.rule || found[i].line != e.line) continue;
      if (e.column && *e.column != found[i].column) continue;
      matched[i] = ok = true;
    }
    if (!ok) {
      problems += fmt::format("  missing: {}{} {}\n", e.line,
                              e.column ? fmt::format(":{}", *e.column) : "", e.rule);
    }
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!matched[i]) {
      problems += fmt::format("  unexpected: {}:{} {} {}\n", found[i].line, found[i].column,
                              found[i].rule, found[i].message);
    }
  }

  // The fix, as --fix applies it, must match the reviewed .fixed.md and
  // leave nothing fixable behind.
  fs::path fixed_path = path;
  fixed_path.replace_extension(".fixed.md");
  if (fixable) {
    const FixOutcome outcome = fix_until_stable(linter, text, fixture->unsafe_fixes);
    if (updating_fixtures()) {
      std::ofstream(fixed_path, std::ios::binary) << outcome.text;
    }
    if (!fs::exists(fixed_path)) {
      problems += fmt::format(
          "  fixes apply but {} is missing (run with DIGESTLINT_UPDATE_FIXTURES=1, then review "
          "it)\n",
          fixed_path.filename().string());
    } else if (read_all(fixed_path) != outcome.text) {
      problems += fmt::format("  --fix output differs from {}\n", fixed_path.filename().string());
    }
    for (const Diagnostic& d : outcome.remaining) {
      if (has_applicable_fix(d, fixture->unsafe_fixes)) {
        const Position p = SourceText(outcome.text).position(d.range.begin);
        problems += fmt::format("  still fixable after --fix: {}:{} {} {}\n", p.line, p.column,
                                d.rule->code, d.message);
      }
    }
  } else if (fs::exists(fixed_path)) {
    problems += fmt::format("  {} exists but nothing is fixable\n", fixed_path.filename().string());
  }
  return problems;
}

}  // namespace

TEST_CASE("every fixture reports exactly its expected findings, and its fixes hold") {
  const std::vector<fs::path> files = fixture_files();
  REQUIRE(!files.empty());
  std::set<std::string> rules_seen;
  std::set<std::string> rules_fixed;
  for (const fs::path& f : files) {
    const std::string problems = check_fixture(f, rules_seen, rules_fixed);
    INFO(fmt::format("{}:\n{}", fs::relative(f, DIGESTLINT_FIXTURES_DIR).string(), problems));
    CHECK(problems.empty());
  }
  // Every rule has at least one fixture that makes it fire.
  for (const RuleInfo* r : all_rules()) {
    INFO(fmt::format("rule {} {} fires in no fixture", r->code, r->name));
    CHECK(rules_seen.count(std::string(r->code)) == 1);
  }
  // RuleInfo::has_fix (shown by --list-rules, the docs and SARIF) says what
  // the rule does: some fixture finding of a rule with has_fix carries a
  // fix, and none of a rule without.
  for (const RuleInfo* r : all_rules()) {
    const bool fixed = rules_fixed.count(std::string(r->code)) == 1;
    INFO(fmt::format("rule {} {} has has_fix = {} but {} of its fixture findings carries a fix",
                     r->code, r->name, r->has_fix, fixed ? "one" : "none"));
    CHECK(r->has_fix == fixed);
  }
}
