// Schemas: the embedded one loads and says what DIGEST-FORMAT.md says, the
// text --print-schema shows reads back to the same schema, and every error
// in a schema file is "origin:LINE:COL: message" at the offending place.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "config/schema_loader.h"
#include "digestlint/phrase_set.h"
#include "digestlint/schema.h"
#include "digestlint/text.h"
#include "engine/linter.h"
#include "engine/registry.h"

using namespace digestlint;

namespace {

std::shared_ptr<const Schema> builtin() {
  Error error;
  auto schema = load_schema("daily-security-info", error);
  INFO(error.message);
  REQUIRE(schema);
  return schema;
}

// The error for `toml`, read as "bad.toml"; fails the test if it loads.
Error error_for(const std::string& toml) {
  Error error;
  const auto schema = parse_schema(toml, "bad.toml", error);
  CHECK(schema == nullptr);
  return error;
}

// The error as printed: "bad.toml:3:1: error: ...".
std::string error_text_for(const std::string& toml) {
  return error_for(toml).to_string();
}

// An error at bad.toml:LINE:COL whose message contains `what`.
void check_error(const std::string& toml, std::uint32_t line, std::uint32_t column,
                 const std::string& what) {
  INFO("schema:\n" << toml);
  const Error error = error_for(toml);
  INFO(error.to_string());
  CHECK(error.path == "bad.toml");
  CHECK(error.line == line);
  CHECK(error.column == column);
  CHECK(error.message.find(what) != std::string::npos);
  CHECK(error.message.find('\n') == std::string::npos);
  CHECK(error.message.size() > what.size() / 2);
  CHECK(error.to_string() == fmt::format("bad.toml:{}:{}: error: {}", line, column, error.message));
}

const std::string kMinimal =
    "name = \"test\"\n"
    "[[sections]]\n"
    "heading = \"Tools\"\n";

void check_same(const Schema& a, const Schema& b) {
  CHECK(a.name == b.name);
  CHECK(a.description == b.description);
  CHECK(a.title == b.title);
  CHECK(a.title_level == b.title_level);
  CHECK(a.preamble_allowed == b.preamble_allowed);
  CHECK(a.list_marker == b.list_marker);
  CHECK(a.indent_step == b.indent_step);
  CHECK(a.blank_lines_between_items == b.blank_lines_between_items);
  CHECK(a.empty_marker == b.empty_marker);
  CHECK(a.empty_marker_variants == b.empty_marker_variants);
  REQUIRE(a.sections.size() == b.sections.size());
  for (std::size_t i = 0; i < a.sections.size(); ++i) {
    INFO("section " << i);
    CHECK(a.sections[i].heading == b.sections[i].heading);
    CHECK(a.sections[i].level == b.sections[i].level);
    CHECK(a.sections[i].accepted_levels == b.sections[i].accepted_levels);
    CHECK(a.sections[i].required == b.sections[i].required);
    CHECK(a.sections[i].content == b.sections[i].content);
  }
  REQUIRE(a.settings.rules.size() == b.settings.rules.size());
  for (const auto& [code, setting] : a.settings.rules) {
    INFO("rule " << code);
    const auto it = b.settings.rules.find(code);
    REQUIRE(it != b.settings.rules.end());
    CHECK(setting.severity == it->second.severity);
    CHECK(setting.options == it->second.options);
  }
}

}  // namespace

TEST_CASE("the embedded schema is the modern digest format", "[schema]") {
  REQUIRE(!builtin_schema_names().empty());
  CHECK(builtin_schema_names().front() == "daily-security-info");
  const auto s = builtin();
  CHECK(s->name == "daily-security-info");
  CHECK(s->origin == "<built-in daily-security-info>");
  CHECK(s->title == "Daily Security Info");
  CHECK(s->title_level == 1);
  CHECK(s->preamble_allowed);
  CHECK(s->list_marker == '-');
  CHECK(s->indent_step == 4);
  CHECK(!s->blank_lines_between_items);
  CHECK(s->empty_marker == "N/A");
  for (const char* v : {"NA", "n/a", "なし", "-", "x"}) {
    INFO(v);
    CHECK(std::find(s->empty_marker_variants.begin(), s->empty_marker_variants.end(), v) !=
          s->empty_marker_variants.end());
  }
  const std::vector<std::pair<std::string, SectionContent>> want = {
      {"Tools", SectionContent::Links},
      {"malware campaign", SectionContent::Links},
      {"security report", SectionContent::Links},
      {"cybercrime topics", SectionContent::Links},
      {"日々のニュース要約", SectionContent::Articles},
      {"日本のインシデント事例", SectionContent::Links},
      {"その他のメモ", SectionContent::Free},
  };
  REQUIRE(s->sections.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO(want[i].first);
    CHECK(s->sections[i].heading == want[i].first);
    CHECK(s->sections[i].content == want[i].second);
    CHECK(s->sections[i].level == 3);
    CHECK(s->sections[i].required);
    CHECK(s->find_section(want[i].first) == static_cast<int>(i));
  }
  CHECK(s->section_level() == 3);
  CHECK(s->find_section("tools") == -1);  // exact match only
}

TEST_CASE("the --print-schema text reads back to the same schema", "[schema]") {
  for (std::string_view name : builtin_schema_names()) {
    INFO(name);
    Error error;
    const auto original = load_schema(name, error);
    REQUIRE(original);
    REQUIRE(!original->text.empty());
    const auto again = parse_schema(original->text, "printed.toml", error);
    INFO(error.message);
    REQUIRE(again);
    check_same(*original, *again);
    CHECK(again->text == original->text);
    CHECK(again->origin == "printed.toml");
  }
}

TEST_CASE("a schema file is read from its path, and errors name that path", "[schema]") {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("digestlint-schema-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto good = dir / "mine.toml";
  std::ofstream(good) << builtin()->text;
  Error error;
  const auto loaded = load_schema(good.string(), error);
  INFO(error.message);
  REQUIRE(loaded);
  CHECK(loaded->origin == good.string());
  check_same(*builtin(), *loaded);

  const auto bad = dir / "bad schema.toml";
  std::ofstream(bad) << "name = \"x\"\n\n[lists]\nmarker = \"#\"\n";
  CHECK(load_schema(bad.string(), error) == nullptr);
  CHECK(error.path == bad.string());
  CHECK(error.line == 4);
  CHECK(error.column == 10);

  CHECK(load_schema((dir / "missing.toml").string(), error) == nullptr);
  CHECK(error.path == (dir / "missing.toml").string());
  CHECK(error.line == 0);
  CHECK(error.message.find("cannot read schema") != std::string::npos);
  CHECK(error.message.find("daily-security-info") != std::string::npos);  // the built-in names
  // A directory is not a schema file.
  CHECK(load_schema(dir.string(), error) == nullptr);
  CHECK(error.message.find("cannot read schema") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("schema errors: origin:LINE:COL: what is wrong", "[schema]") {
  SECTION("the minimal schema is valid") {
    Error error;
    const auto s = parse_schema(kMinimal, "ok.toml", error);
    INFO(error.message);
    REQUIRE(s);
    REQUIRE(s->sections.size() == 1);
    CHECK(s->sections[0].content == SectionContent::Free);  // the default
  }
  SECTION("TOML syntax") {
    check_error("name = \"test\"\n[title\ntext = \"x\"\n", 2, 7, "expected ']'");
    check_error("name = \"test\"\ndescription = \"unterminated\n", 2, 28, "string");
  }
  SECTION("unknown top-level key") {
    check_error("name = \"test\"\nnmae = \"x\"\n" + kMinimal.substr(14), 2, 1,
                "unknown key 'nmae' in the schema");
  }
  SECTION("unknown key in [[sections]]") {
    check_error(kMinimal + "  heding = \"x\"\n", 4, 3, "unknown key 'heding' in [[sections]]");
  }
  SECTION("unknown key in a table") {
    check_error(kMinimal + "[lists]\nmarkers = \"-\"\n", 5, 1, "unknown key 'markers' in [lists]");
  }
  SECTION("wrong types and values") {
    check_error("name = \"test\"\n[lists]\nindent = \"4\"\n" + kMinimal.substr(14), 3, 10,
                "'indent' must be an integer");
    check_error("name = \"test\"\n[lists]\nindent = 9\n" + kMinimal.substr(14), 3, 10,
                "'indent' must be between 1 and 8, not 9");
    check_error("name = \"test\"\n[preamble]\nallowed = \"yes\"\n" + kMinimal.substr(14), 3, 11,
                "'allowed' must be true or false");
    check_error("name = \"test\"\ntitle = \"Daily Security Info\"\n" + kMinimal.substr(14), 2, 9,
                "'title' must be a table");
    check_error(kMinimal + "level = 7\n", 4, 9, "'level' must be between 1 and 6, not 7");
    check_error(kMinimal + "accepted_levels = [2, 9]\n", 4, 23, "'accepted_levels'");
  }
  SECTION("a section listed twice") {
    check_error(kMinimal + "[[sections]]\nheading = \"Tools\"\n", 5, 11,
                "section 'Tools' is listed twice");
  }
  SECTION("a section's content kind") {
    check_error(kMinimal + "content = \"link\"\n", 4, 11,
                "'content' must be \"links\", \"articles\", \"free\", \"table\", "
                "\"key-value\", \"list\", \"ioc\", \"paragraphs\" or \"code\"");
  }
  SECTION("the paragraphs and code kinds, list nesting and [breaks]") {
    check_error(kMinimal + "content = \"code\"\nlanguage = \"ba sh\"\n", 5, 12,
                "'language' is one word");
    check_error(kMinimal + "content = \"paragraphs\"\nlanguage = \"bash\"\n", 5, 12,
                "'language' is for content = \"code\"");
    check_error(kMinimal + "content = \"code\"\nmax_paragraphs = 2\n", 5, 18,
                "'max_paragraphs' is for content = \"paragraphs\"");
    check_error(kMinimal + "content = \"list\"\nmax_blocks = 2\n", 5, 14,
                "'max_blocks' is for content = \"code\"");
    check_error(kMinimal + "content = \"free\"\nmax_depth = 2\n", 5, 13,
                "'max_depth' is for content = \"list\"");
    check_error(kMinimal + "content = \"paragraphs\"\nmin_paragraphs = 3\nmax_paragraphs = 2\n", 6,
                18, "'max_paragraphs' must be 0 (no limit) or at least 'min_paragraphs'");
    check_error("name = \"test\"\n[breaks]\nbetween_sections = \"always\"\n" +
                    kMinimal.substr(kMinimal.find('[')),
                3, 20, "'between_sections' must be \"required\", \"forbidden\" or \"any\"");
    check_error(
        "name = \"test\"\n[breaks]\nbetween = \"any\"\n" + kMinimal.substr(kMinimal.find('[')), 3,
        1, "between");
  }
  SECTION("a schema without sections or name") {
    check_error("name = \"test\"\n", 1, 1, "at least one [[sections]]");
    check_error("[[sections]]\nheading = \"Tools\"\n", 1, 1, "needs a 'name'");
  }
  SECTION("unknown rule in [rules]") {
    check_error(kMinimal + "[rules]\nno-such-rule = \"off\"\n", 5, 1,
                "unknown rule 'no-such-rule'");
    check_error(kMinimal + "[rules.DL999]\nseverity = \"off\"\n", 4, 8, "unknown rule 'DL999'");
  }
  SECTION("a bad severity") {
    check_error(kMinimal + "[rules]\nDL201 = \"fatal\"\n", 5, 9,
                "severity must be one of 'error', 'warning', 'info', 'off'");
  }
  SECTION("unknown option of a rule") {
    check_error(kMinimal + "[rules.trailing-whitespace]\nallow-hardbreak = false\n", 5, 1,
                "rule DL208 (trailing-whitespace) has no option 'allow-hardbreak' (options: "
                "'allow-hard-break')");
    check_error(kMinimal + "[rules.missing-space-after-marker]\nwidth = 2\n", 5, 1,
                "it takes only 'severity'");
  }
  SECTION("wrong option type") {
    check_error(kMinimal + "[rules]\ntrailing-whitespace = { allow-hard-break = \"no\" }\n", 5, 44,
                "option 'allow-hard-break' must be true or false");
    check_error(kMinimal + "[rules.trailing-whitespace]\nallow-hard-break = 1\n", 5, 20,
                "option 'allow-hard-break' must be true or false");
  }
}

TEST_CASE("a schema's [rules] set the linter's severities and options", "[schema]") {
  Error error;
  const auto s = parse_schema(
      kMinimal +
          "[rules]\nmissing-space-after-marker = \"warning\"\nDL206 = \"off\"\n"
          "[rules.trailing-whitespace]\nseverity = \"error\"\nallow-hard-break = false\n",
      "rules.toml", error);
  INFO(error.message);
  REQUIRE(s);
  const Linter linter(s);
  CHECK(linter.severity(*find_rule("DL201")) == Severity::Warning);
  CHECK(linter.severity(*find_rule("DL206")) == Severity::Off);
  CHECK(linter.severity(*find_rule("DL208")) == Severity::Error);
  CHECK(linter.severity(*find_rule("DL202")) == find_rule("DL202")->default_severity);
  // The option is in effect: a hard break is trailing whitespace now.
  const std::string text = "# Daily Security Info\n\n### Tools\n- line  \n";
  bool trailing = false;
  for (const Diagnostic& d : linter.lint(text))
    trailing = trailing || d.rule->code == "DL208";
  CHECK(trailing);
  // An override (a config file, the command line) wins over the schema.
  Settings overrides;
  overrides.rules["DL208"].severity = Severity::Off;
  CHECK(Linter(s, overrides).severity(*find_rule("DL208")) == Severity::Off);
}

TEST_CASE("a built-in schema is parsed once and shared", "[schema]") {
  for (std::string_view name : builtin_schema_names()) {
    INFO(name);
    Error error;
    const auto first = load_schema(name, error);
    const auto second = load_schema(name, error);
    REQUIRE(first);
    CHECK(first == second);
    CHECK(first->origin == fmt::format("<built-in {}>", name));
  }
  // --schema auto picks among the same objects.
  CHECK(resolve_schema_for("# 日々のニュース要約\n") == "daily-security-info-2023");
}

TEST_CASE("compiling a schema derives its folded spellings and matchers", "[schema]") {
  Error error;
  const auto s = parse_schema(
      R"(name = "derived"
[empty_section]
marker = "N/A"
variants = ["ＮＡ", "なし"]
[[sections]]
heading = "Security  Report"
level = 2
[[sections]]
heading = "Notes"
level = 4
[articles]
leaked_text = ["{{", "ここに要約を書いてください", "write the summary here"]
[[articles.labels]]
name = "要約"
aliases = ["Summary"]
accepted = ["ＳＵＭ"]
[[articles.labels]]
name = "IOC"
none_marker = "IOC情報なし"
none_variants = ["IOCなし"]
[[articles.labels]]
name = "推奨事項"
none_marker = "推奨事項なし"
)",
      "derived.toml", error);
  INFO(error.message);
  REQUIRE(s);
  CHECK(s->section_level() == 4);
  CHECK(s->sections[0].folded_heading() == fold_for_match("Security  Report"));
  CHECK(s->sections[0].folded_heading() == "securityreport");
  CHECK(s->folded_empty_markers() ==
        std::vector<std::string>{fold_loosely("N/A"), fold_loosely("ＮＡ"), fold_loosely("なし")});

  const auto& labels = s->articles.labels;
  CHECK(labels[0].folded_spellings() ==
        std::vector<std::string>{"要約", fold_for_match("Summary"), fold_for_match("ＳＵＭ")});
  CHECK(labels[0].folded_name() == "要約");
  CHECK(labels[0].folded_none_variants().empty());  // no marker, no variants
  // A label's own variants, then the other labels' different markers.
  CHECK(labels[1].folded_none_marker() == fold_loosely("IOC情報なし"));
  CHECK(labels[1].folded_none_variants() ==
        std::vector<std::string>{fold_loosely("IOCなし"), fold_loosely("推奨事項なし")});
  CHECK(labels[2].folded_none_variants() == std::vector<std::string>{fold_loosely("IOC情報なし")});

  CHECK(s->articles.holds_leaked_text("- ここに要約を書いてください。"));
  CHECK(s->articles.holds_leaked_text("Please write the summary here"));
  CHECK(s->articles.holds_leaked_text("a {{placeholder}}"));  // a short phrase
  CHECK_FALSE(s->articles.holds_leaked_text("ここに要約を書いた"));
  CHECK_FALSE(s->articles.holds_leaked_text(""));
}

TEST_CASE("a phrase set finds any of its phrases anywhere in a line, as whole tokens", "[schema]") {
  const PhraseSet none;
  CHECK_FALSE(none.found_in("anything"));
  const PhraseSet set({"needle in a haystack", "ニードル", "ab"});
  CHECK(set.found_in("needle in a haystack"));  // whole
  CHECK(set.found_in("xx needle in a haystack, xx"));
  CHECK_FALSE(set.found_in("xxneedle in a haystackxx"));  // inside a longer word
  CHECK(set.found_in("これはニードルです"));              // 12 bytes: a long phrase
  CHECK(set.found_in("c ab"));                            // short, searched whole
  CHECK_FALSE(set.found_in("cab"));
  CHECK_FALSE(set.found_in("needle in a haystac"));
  CHECK_FALSE(set.found_in("a b"));
  // Every position of the long phrase in a long line.
  const std::string phrase = "needle in a haystack";
  for (std::size_t at = 0; at < 40; ++at) {
    std::string line(60, '.');
    line.replace(at, phrase.size(), phrase);
    INFO(at);
    CHECK(set.found_in(line));
  }
}

TEST_CASE("a text pattern matches typed parts and checks their meaning", "[schema]") {
  std::string error;
  const TextPattern title = TextPattern::compile("週次レビュー {week}", error);
  REQUIRE(error.empty());
  std::vector<std::string_view> parts;
  CHECK(title.match("週次レビュー 2026-W19", &parts));
  REQUIRE(parts.size() == 1);
  CHECK(parts[0] == "2026-W19");
  CHECK(title.meaningless_part(parts).empty());
  CHECK_FALSE(title.match("週次レビュー 2026-19"));
  CHECK(title.match("週次レビュー 2026-W54", &parts));
  CHECK(title.meaningless_part(parts) ==
        "week '2026-W54' is not an ISO week (2026 has weeks 01 to 53)");
  CHECK(title.match("週次レビュー 2025-W53", &parts));
  CHECK(title.meaningless_part(parts) ==
        "week '2025-W53' is not an ISO week (2025 has weeks 01 to 52)");

  const TextPattern dated = TextPattern::compile("{date}: {text}", error);
  CHECK(dated.match("2024-02-29: 閏日", &parts));
  CHECK(dated.meaningless_part(parts).empty());
  CHECK(dated.match("2026-02-30: x", &parts));
  CHECK(dated.meaningless_part(parts) == "date '2026-02-30' is not a date");
  CHECK_FALSE(dated.match("2026-02-28:"));

  const TextPattern compact = TextPattern::compile("report-{date:YYYYMMDD}-{n}", error);
  CHECK(compact.match("report-20260504-12", &parts));
  CHECK(parts[1] == "12");
  CHECK(compact.fill(2026, 5, 4, 3, "") == "report-20260504-3");
  CHECK(TextPattern::compile("{{literal}} {n}", error).match("{literal} 7"));
}

TEST_CASE("a text pattern's backtracking is bounded on long lines", "[schema]") {
  std::string error;
  // Never matches (no 'x'); unbounded, every split of every split is tried.
  const TextPattern p = TextPattern::compile("{text}-{text}-{text}x", error);
  REQUIRE(error.empty());
  CHECK_FALSE(p.match(std::string(50000, '-')));
  // A long line that does match is still found.
  const TextPattern q = TextPattern::compile("{date}: {text}", error);
  CHECK(q.match("2026-05-04: " + std::string(50000, 'a')));
}

TEST_CASE("ISO weeks at the year's edges", "[schema]") {
  int year = 0;
  int week = 0;
  iso_week_of(2026, 5, 4, year, week);
  CHECK((year == 2026 && week == 19));
  iso_week_of(2027, 1, 1, year, week);  // a Friday: the last week of 2026
  CHECK((year == 2026 && week == 53));
  iso_week_of(2024, 12, 30, year, week);  // a Monday: week 1 of 2025
  CHECK((year == 2025 && week == 1));
  CHECK(is_valid_iso_week(2026, 53));
  CHECK_FALSE(is_valid_iso_week(2025, 53));
}

TEST_CASE("schema-language errors name their key", "[schema]") {
  const std::string head = "name = \"x\"\n";
  const std::string unknown_part =
      error_text_for(head + "[title]\npattern = \"R {day}\"\n[[sections]]\nheading = \"A\"\n");
  CHECK(unknown_part.find("bad.toml:3:") == 0);
  CHECK(unknown_part.find("'pattern': unknown part '{day}'") != std::string::npos);
  CHECK(error_text_for(head + "[title]\ntext = \"T\"\npattern = \"R {date}\"\n"
                              "[[sections]]\nheading = \"A\"\n")
            .find("[title] takes 'text' or 'pattern', not both") != std::string::npos);
  CHECK(error_text_for(head + "[[sections]]\nheading = \"A\"\none_of = [\"B\"]\n")
            .find("a section takes one of 'heading', 'one_of' or 'pattern'") != std::string::npos);
  CHECK(error_text_for(head + "numbering = \"1.\"\n[[sections]]\nheading = \"A\"\n")
            .find("'numbering' needs '{n}' once") != std::string::npos);
  CHECK(error_text_for(head + "[[sections]]\nheading = \"A\"\ncolumns = []\n")
            .find("'columns' is for content = \"table\"") != std::string::npos);
  CHECK(error_text_for(head + "[[sections]]\nheading = \"A\"\n[[sections.sections]]\n"
                              "heading = \"B\"\nlevel = 2\n")
            .find("deeper than its parent's") != std::string::npos);
}

TEST_CASE("the tree language is compiled once; digest schemas stay flat", "[schema]") {
  CHECK_FALSE(builtin()->is_outline());
  Error error;
  const auto schema = parse_schema(R"(name = "w"
numbering = "{n}. "
[title]
pattern = "W {week}"
[[sections]]
heading = "A"
level = 2
numbering = "{parent}-{n}. "
[[sections.sections]]
one_of = ["x", "y"]
max = 0
)",
                                   "w.toml", error);
  INFO(error.message);
  REQUIRE(schema);
  CHECK(schema->is_outline());
  CHECK(schema->match_section("1. A") == 0);
  CHECK(schema->match_section("A") == 0);
  const SectionSpec& a = schema->sections[0];
  REQUIRE(a.children.size() == 1);
  CHECK(a.children[0].level == 3);
  CHECK(a.children[0].names("y"));
  CHECK(a.children[0].max_count == 0);
  std::string number;
  std::string parent;
  std::int64_t n = 0;
  std::string_view rest;
  REQUIRE(a.children_numbering.split("2-13. y", number, parent, n, rest));
  CHECK(number == "2-13");
  CHECK(parent == "2");
  CHECK(n == 13);
  CHECK(rest == "y");
  CHECK(a.children_numbering.number_for("4", 2) == "4-2");
}
