// Inline suppressions (lint/engine/suppressions.h): which findings each directive
// suppresses, and what is reported about the directives themselves.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "config/schema_loader.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "engine/suppressions.h"
#include "parse/scanner.h"

using namespace digestlint;

namespace {

// A well-formed digest whose "security report" section holds `body`,
// starting on line kBody.
constexpr std::uint32_t kBody = 10;
std::string digest(std::string_view body) {
  return fmt::format(R"(# Daily Security Info

### Tools
N/A

### malware campaign
N/A

### security report
{}

### cybercrime topics
N/A

### 日々のニュース要約
N/A

### 日本のインシデント事例
N/A

### その他のメモ
N/A
)",
                     body);
}

struct Found {
  std::string code;
  std::uint32_t line;  // relative to the body: 1 = its first line
  std::uint32_t column;
  std::string message;
  std::optional<Fix> fix;
};

// The findings of the rules these tests are about, in order. Other rules
// are left out so new rules elsewhere cannot disturb these tests.
std::vector<Found> lint_body(std::string_view body, const Settings& settings = {}) {
  const std::string text = digest(body);
  Error error;
  const Linter linter(load_schema("daily-security-info", error), settings);
  const SourceText source(text);
  std::vector<Found> out;
  for (const Diagnostic& d : linter.lint(text)) {
    const std::string code(d.rule->code);
    if (code != "DL201" && code != "DL208" && code != "DL701" && code != "DL702") continue;
    const Position p = source.position(d.range.begin);
    out.push_back(Found{code, p.line - kBody + 1, p.column, d.message, d.fix});
  }
  return out;
}

std::vector<std::string> summary(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const Found& f : found)
    out.push_back(fmt::format("{} {}", f.line, f.code));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("without directives every finding is reported") {
  CHECK(summary(lint_body("-[a](https://example.com/a)\n-[b](https://example.com/b)")) ==
        Lines{"1 DL201", "2 DL201"});
}

TEST_CASE("disable-next-line suppresses the named rule on the next line only") {
  const auto found = lint_body(
      "<!-- digestlint-disable-next-line DL201 -->\n"
      "-[a](https://example.com/a)\n"
      "-[b](https://example.com/b)");
  CHECK(summary(found) == Lines{"3 DL201"});
}

TEST_CASE("rules are named by code or by name, separated by commas or spaces") {
  CHECK(lint_body("<!-- digestlint-disable-next-line missing-space-after-marker -->\n"
                  "-[a](https://example.com/a)")
            .empty());
  CHECK(lint_body("<!-- digestlint-disable-next-line DL208,DL201 -->\n"
                  "-[a](https://example.com/a) ")
            .empty());
  CHECK(lint_body("<!-- digestlint-disable-next-line DL208 DL201 -- a reason -->\n"
                  "-[a](https://example.com/a) ")
            .empty());
}

TEST_CASE("a directive without rules applies to every rule") {
  CHECK(lint_body("<!-- digestlint-disable-next-line -->\n-[a](https://example.com/a) ").empty());
}

TEST_CASE("disable-next-line after a multi-line comment applies after its end") {
  const auto found = lint_body(
      "<!--\n  digestlint-disable-next-line DL201\n-->\n"
      "-[a](https://example.com/a)");
  CHECK(found.empty());
}

TEST_CASE("disable-line applies to findings starting on the comment's line") {
  const auto found = lint_body(
      "-[a](https://example.com/a) <!-- digestlint-disable-line DL201 -->\n"
      "-[b](https://example.com/b)");
  CHECK(summary(found) == Lines{"2 DL201"});
}

TEST_CASE("disable and enable delimit a range of lines") {
  const auto found = lint_body(
      "-[a](https://example.com/a)\n"
      "<!-- digestlint-disable DL201 -->\n"
      "-[b](https://example.com/b)\n"
      "-[c](https://example.com/c)\n"
      "<!-- digestlint-enable DL201 -->\n"
      "-[d](https://example.com/d)");
  CHECK(summary(found) == Lines{"1 DL201", "6 DL201"});
}

TEST_CASE("a disable without enable runs to the end of the file") {
  const auto found = lint_body(
      "<!-- digestlint-disable -->\n"
      "-[b](https://example.com/b)\n\n"
      "-[c](https://example.com/c) ");
  CHECK(found.empty());
}

TEST_CASE("enable RULE inside a disable-all range re-enables that rule only") {
  const auto found = lint_body(
      "<!-- digestlint-disable -->\n"
      "-[a](https://example.com/a) \n"
      "<!-- digestlint-enable DL201 -->\n"
      "-[b](https://example.com/b) ");
  CHECK(summary(found) == Lines{"4 DL201"});
}

TEST_CASE("many ranges: each finding is matched to the range around it, each range used once") {
  // Hundreds of directives (answered without comparing every finding
  // with every directive): the same answers as a handful.
  std::string body;
  Lines want;
  constexpr std::uint32_t kPairs = 300;
  for (std::uint32_t i = 0; i < kPairs; ++i) {
    body +=
        "<!-- digestlint-disable DL201 -->\n\n"
        "-[a](https://example.com/a)\n\n"
        "<!-- digestlint-enable DL201 -->\n\n"
        "-[b](https://example.com/b)\n\n";
    want.push_back(fmt::format("{} DL201", i * 8 + 7));
  }
  // A disable of every rule, then enables of one rule: the first ends it
  // for DL201, the later ones enable nothing.
  const std::uint32_t tail = kPairs * 8 + 1;
  body +=
      "<!-- digestlint-disable -->\n\n"
      "-[c](https://example.com/c) \n\n"
      "<!-- digestlint-enable DL201 -->\n\n"
      "<!-- digestlint-enable DL201 -->\n\n"
      "-[d](https://example.com/d) \n";
  want.push_back(fmt::format("{} DL701", tail + 6));
  want.push_back(fmt::format("{} DL201", tail + 8));
  CHECK(summary(lint_body(body)) == want);
}

TEST_CASE("disable-file applies wherever it is") {
  const auto found = lint_body(
      "-[a](https://example.com/a)\n"
      "-[b](https://example.com/b) \n"
      "<!-- digestlint-disable-file DL201 -->");
  CHECK(summary(found) == Lines{"2 DL208"});
}

TEST_CASE("comments in code and comments not starting with a directive are ignored") {
  const auto found = lint_body(
      "<!-- see digestlint-disable-file -->\n"
      "```\n<!-- digestlint-disable-file -->\n```\n"
      "-[a](https://example.com/a)\n"
      "`<!-- digestlint-disable-line -->` -[b](https://example.com/b) ");
  CHECK(summary(found) == Lines{"5 DL201", "6 DL208"});
}

TEST_CASE("a directive that suppresses nothing is reported, with a fix that removes it") {
  SECTION("disable-next-line") {
    const auto found = lint_body(
        "<!-- digestlint-disable-next-line DL201 -->\n"
        "- [a](https://example.com/a)");
    REQUIRE(summary(found) == Lines{"1 DL701"});
    CHECK(found[0].column == 1);
    CHECK(found[0].message ==
          "'digestlint-disable-next-line DL201' suppresses nothing: line 11 has no DL201 "
          "finding; remove it");
    REQUIRE(found[0].fix);
    // The line before the comment is the section heading: deleting the
    // comment's line cannot join two paragraphs.
    CHECK(found[0].fix->applicability == Applicability::Safe);
  }
  SECTION("disable-line, disable-file, disable, enable") {
    const auto found = lint_body(
        "<!-- digestlint-disable-line -->\n"
        "<!-- digestlint-disable-file DL208 -->\n"
        "<!-- digestlint-disable DL201 -->\n"
        "<!-- digestlint-enable DL201 -->\n"
        "<!-- digestlint-enable -->");
    REQUIRE(summary(found) == Lines{"1 DL701", "2 DL701", "3 DL701", "5 DL701"});
    CHECK(found[0].message ==
          "'digestlint-disable-line' suppresses nothing: line 10 has no finding; remove it");
    CHECK(found[1].message ==
          "'digestlint-disable-file DL208' suppresses nothing: the file has no DL208 finding; "
          "remove it");
    CHECK(found[2].message ==
          "'digestlint-disable DL201' suppresses nothing: no DL201 finding before its "
          "digestlint-enable on line 13; remove it");
    CHECK(found[3].message ==
          "'digestlint-enable' enables nothing: no digestlint-disable is in effect here; remove "
          "it");
  }
}

TEST_CASE("one unneeded rule in a list is reported alone, and the fix drops it") {
  const std::string body =
      "<!-- digestlint-disable-next-line DL208, DL201 -->\n"
      "-[a](https://example.com/a)";
  const auto found = lint_body(body);
  REQUIRE(summary(found) == Lines{"1 DL701"});
  CHECK(found[0].column == 35);  // at "DL208"
  REQUIRE(found[0].fix);
  REQUIRE(found[0].fix->edits.size() == 1);
  CHECK(found[0].fix->edits[0].replacement == "DL201");
  CHECK(found[0].fix->applicability == Applicability::Safe);
}

TEST_CASE("the most specific directive gets the credit, a redundant broader one is unused") {
  const auto found = lint_body(
      "<!-- digestlint-disable-file DL201 -->\n\n"
      "<!-- digestlint-disable-next-line DL201 -->\n"
      "-[a](https://example.com/a)");
  CHECK(summary(found) == Lines{"1 DL701"});
}

TEST_CASE("deleting a comment between two text lines is an unsafe fix") {
  const auto found = lint_body(
      "- [a](https://example.com/a)\n"
      "<!-- digestlint-disable-next-line DL201 -->\n"
      "- [b](https://example.com/b)");
  REQUIRE(summary(found) == Lines{"2 DL701"});
  REQUIRE(found[0].fix);
  CHECK(found[0].fix->applicability == Applicability::Unsafe);
}

TEST_CASE("an inline comment is deleted with the space before it") {
  const std::string body = "- [a](https://example.com/a) <!-- digestlint-disable-line DL201 -->";
  const auto found = lint_body(body);
  REQUIRE(summary(found) == Lines{"1 DL701"});
  REQUIRE(found[0].fix);
  const std::string text = digest(body);
  std::string fixed;
  Error error;
  const Linter linter(load_schema("daily-security-info", error));
  apply_fixes(text, linter.lint(text), false, fixed);
  CHECK(fixed == digest("- [a](https://example.com/a)"));
}

TEST_CASE("an unknown rule is reported and never widens the directive to every rule") {
  const auto found = lint_body(
      "<!-- digestlint-disable-next-line DL299 -->\n"
      "-[a](https://example.com/a) ");
  REQUIRE(summary(found) == Lines{"1 DL702", "2 DL201", "2 DL208"});
  CHECK(found[0].column == 35);
  CHECK(found[0].message.find("unknown rule 'DL299'") != std::string::npos);
}

TEST_CASE("a misspelt rule name gets a suggestion") {
  const auto found = lint_body(
      "<!-- digestlint-disable-next-line missing-space-afer-marker -->\n"
      "-[a](https://example.com/a)");
  REQUIRE(summary(found) == Lines{"1 DL702", "2 DL201"});
  CHECK(found[0].message.find("did you mean DL201 (missing-space-after-marker)?") !=
        std::string::npos);
}

TEST_CASE("a misspelt directive is reported, other digestlint- comments are not directives") {
  const auto found = lint_body(
      "<!-- digestlint-disable-nextline DL201 -->\n"
      "<!-- digestlint-Disable DL201 -->\n"
      "<!-- digestlint-disable-all -->\n"
      "<!-- digestlint-fixture -->\n"
      "-[a](https://example.com/a)");
  REQUIRE(summary(found) == Lines{"1 DL702", "2 DL702", "3 DL702", "5 DL201"});
  CHECK(found[0].message.find("did you mean 'digestlint-disable-next-line'?") != std::string::npos);
  CHECK(found[1].message.find("did you mean 'digestlint-disable'?") != std::string::npos);
}

TEST_CASE("directives naming a rule that is off are not reported as unused") {
  Settings settings;
  settings.rules["DL201"].severity = Severity::Off;
  CHECK(lint_body("<!-- digestlint-disable-next-line DL201 -->\n- [a](https://example.com/a)",
                  settings)
            .empty());
}

TEST_CASE("the suppression rules follow their severity settings") {
  Settings settings;
  settings.rules["DL701"].severity = Severity::Off;
  settings.rules["DL702"].severity = Severity::Error;
  const auto found = lint_body(
      "<!-- digestlint-disable-next-line DL299 -->\n"
      "<!-- digestlint-disable-next-line DL201 -->\n"
      "- [a](https://example.com/a)",
      settings);
  CHECK(summary(found) == Lines{"1 DL702"});
  // Engine-reported findings are never suppressed by a directive.
  const auto unsuppressed = lint_body(
      "<!-- digestlint-disable-file DL701 DL702 -->\n"
      "<!-- digestlint-disable-next-line DL299 -->\n\n"
      "<!-- digestlint-disable-line -->");
  CHECK(summary(unsuppressed) == Lines{"1 DL701", "2 DL702", "4 DL701"});
}

TEST_CASE("find_directives reads kinds, lines, rule lists and reasons") {
  const std::string text =
      "a <!-- digestlint-disable-line DL201 --> b\n"
      "<!--digestlint-disable-file-->\n"
      "<!-- digestlint-enable trailing-whitespace, DL201 -- because -->\n";
  const SourceText source(text);
  Scanner scanner;
  Document doc;
  scanner.scan(source, doc);
  std::vector<Directive> directives;
  std::vector<DirectiveProblem> problems;
  find_directives(source, doc, directives, problems);
  CHECK(problems.empty());
  REQUIRE(directives.size() == 3);
  CHECK(directives[0].kind == DirectiveKind::DisableLine);
  CHECK(directives[0].line == 0);
  CHECK(source.slice(directives[0].text) == "digestlint-disable-line DL201");
  CHECK(directives[1].kind == DirectiveKind::DisableFile);
  REQUIRE(directives[1].entries.size() == 1);
  CHECK(directives[1].entries[0].rule == nullptr);
  CHECK(directives[2].kind == DirectiveKind::Enable);
  CHECK(directives[2].line == 2);
  REQUIRE(directives[2].entries.size() == 2);
  CHECK(directives[2].entries[0].rule->code == "DL208");
  CHECK(directives[2].entries[1].rule->code == "DL201");
  CHECK(source.slice(directives[2].list) == "trailing-whitespace, DL201");
}

TEST_CASE("a code prefix names every rule it starts, in any case") {
  // DL2 covers DL201 and DL208: both suppressed on the next line.
  CHECK(summary(lint_body("<!-- digestlint-disable-next-line DL2 -->\n"
                          "-[a](https://example.com/a) \n"
                          "-[b](https://example.com/b)")) == Lines{"3 DL201"});
  CHECK(summary(lint_body("<!-- digestlint-disable-next-line dl201 -->\n"
                          "-[a](https://example.com/a)")) == Lines{});
  CHECK(summary(lint_body("<!-- digestlint-disable-next-line Missing-Space-After-Marker -->\n"
                          "-[a](https://example.com/a)")) == Lines{});
}

TEST_CASE("an unused prefix is reported once, by the prefix as written") {
  const auto found = lint_body(
      "<!-- digestlint-disable-next-line DL2, DL201 -->\n"
      "- [a](https://example.com/a)");
  REQUIRE(summary(found) == Lines{"1 DL701"});
  CHECK(found[0].message.find("DL2* or DL201") != std::string::npos);
  // Used through one of its rules, a prefix is not stale.
  CHECK(summary(lint_body("<!-- digestlint-disable-next-line DL2 -->\n"
                          "-[a](https://example.com/a)")) == Lines{});
  const auto partly = lint_body(
      "<!-- digestlint-disable-next-line DL2, DL7 -->\n"
      "-[a](https://example.com/a)");
  REQUIRE(summary(partly) == Lines{"1 DL701"});
  CHECK(partly[0].message.rfind("DL7 in ", 0) == 0);
}

TEST_CASE("a misspelt rule in a directive gets a 'did you mean'") {
  const auto found = lint_body(
      "<!-- digestlint-disable-next-line trailing-whitespce -->\n"
      "- [a](https://example.com/a) ");
  REQUIRE(summary(found) == Lines{"1 DL702", "2 DL208"});
  CHECK(found[0].message.find("did you mean DL208 (trailing-whitespace)?") != std::string::npos);
}
