// Japanese-text (DL5xx) and encoding (DL6xx) rules: exact positions, the
// byte order mark, invalid UTF-8 that never crashes, and fixes that leave
// their rule silent.
//
// Every position test puts its defect after the same prefix: Japanese text
// (3 bytes, 1 UTF-16 unit a character), an emoji ZWJ sequence (two
// surrogate pairs around a joiner) and a combining mark. Lines, UTF-16
// columns and byte offsets are worked out by hand below, not by the code
// under test.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "config/schema_loader.h"
#include "digestlint/prose.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "fixture.h"

namespace fs = std::filesystem;
using namespace digestlint;

namespace {

// 攻 撃 (3 bytes, 1 unit each), 👩 ZWJ 💻 (4+3+4 bytes, 2+1+2 units),
// と (3, 1), x + U+0302 COMBINING CIRCUMFLEX (1+2 bytes, 1+1 units; NFC has
// no precomposed x̂, so the text is NFC).
constexpr std::string_view kPrefix = "攻撃\U0001F469\u200D\U0001F4BBとx\u0302";
constexpr Offset kPrefixBytes = 23;
constexpr std::uint32_t kPrefixUnits = 10;

// Lines 1-21; the line after it is line 22.
const std::string kHead =
    "# Daily Security Info\n\n### Tools\nN/A\n\n### malware campaign\nN/A\n\n"
    "### security report\nN/A\n\n### cybercrime topics\nN/A\n\n### 日々のニュース要約\nN/A\n\n"
    "### 日本のインシデント事例\nN/A\n\n### その他のメモ\n";
constexpr std::uint32_t kFirstBodyLine = 22;

std::shared_ptr<const Schema> default_schema() {
  Error error;
  auto schema = load_schema(builtin_schema_names().front(), error);
  REQUIRE(schema != nullptr);
  return schema;
}

// Only `code` runs, with the given options.
Linter only(std::string_view code, const std::map<std::string, OptionValue>& options = {}) {
  Settings settings;
  for (const RuleInfo* r : all_rules()) {
    // Every other rule off; this one on, opt-in or not.
    settings.rules[std::string(r->code)].severity =
        r->code == code ? r->default_severity : Severity::Off;
  }
  for (const auto& [name, value] : options)
    settings.rules[std::string(code)].options[name] = value;
  return Linter(default_schema(), settings);
}

struct Expected {
  std::uint32_t line;
  std::uint32_t utf16_column;
  Offset byte_offset;
};

// Lints `text` with only `code` and checks its single finding's position.
void check_position(std::string_view code, const std::string& text, Expected want,
                    const std::map<std::string, OptionValue>& options = {}) {
  const std::vector<Diagnostic> found = only(code, options).lint(text);
  INFO(code << " in:\n" << text);
  REQUIRE(found.size() == 1);
  const Diagnostic& d = found.front();
  CHECK(d.rule->code == code);
  CHECK(d.range.begin == want.byte_offset);
  const SourceText source(text);
  const Position p = source.position(d.range.begin, ColumnUnit::Utf16);
  CHECK(p.line == want.line);
  CHECK(p.column == want.utf16_column);
  // The byte column agrees with the offset: the columns are not estimates.
  CHECK(source.position(d.range.begin, ColumnUnit::Byte).column ==
        d.range.begin - source.line_begin(p.line - 1) + 1);
}

// "- " + prefix + `defect`, as the first body line. The defect's column is
// 1 + 2 + kPrefixUnits + `units_before` (UTF-16 units of `defect` before the
// flagged character), its offset likewise in bytes.
std::string item_line(std::string_view defect) {
  return fmt::format("- {}{}\n", kPrefix, defect);
}
Expected at_item(std::uint32_t line, std::uint32_t units_before, Offset bytes_before,
                 Offset line_offset) {
  return Expected{line, 3 + kPrefixUnits + units_before,
                  line_offset + 2 + kPrefixBytes + bytes_before};
}

const Offset kBody = static_cast<Offset>(kHead.size());

}  // namespace

TEST_CASE("the prefix is what the hand-computed columns assume") {
  CHECK(kPrefix.size() == kPrefixBytes);
  const SourceText s(kPrefix);
  CHECK(s.position(kPrefixBytes, ColumnUnit::Utf16).column == kPrefixUnits + 1);
  // And no Japanese-text rule reports the prefix itself: the joiner is part
  // of an emoji, the combining mark has nothing to compose with.
  Settings settings;
  const Linter all(default_schema(), settings);
  for (const Diagnostic& d : all.lint(kHead + item_line(""))) {
    CHECK(d.rule->code.substr(0, 3) != "DL5");
    CHECK(d.rule->code.substr(0, 3) != "DL6");
  }
}

TEST_CASE("Japanese-text findings are exact after multi-byte text, an emoji and a combining mark") {
  const std::uint32_t line = kFirstBodyLine;
  SECTION("non-nfc-text: か + U+3099") {
    check_position("DL501", kHead + item_line("か\u3099る"), at_item(line, 0, 0, kBody));
  }
  SECTION("halfwidth-katakana") {
    check_position("DL502", kHead + item_line("ｶﾞｲﾄﾞ"), at_item(line, 0, 0, kBody));
  }
  SECTION("fullwidth-alphanumeric") {
    check_position("DL503", kHead + item_line("２つ"), at_item(line, 0, 0, kBody));
  }
  SECTION("invisible-character: a zero-width space, not the emoji's joiner") {
    check_position("DL504", kHead + item_line("\u200B攻撃"), at_item(line, 0, 0, kBody));
  }
  SECTION("invisible-character: a bidirectional override") {
    check_position("DL504", kHead + item_line("\u202Eexe"), at_item(line, 0, 0, kBody));
  }
  SECTION("non-breaking-space") {
    check_position("DL505", kHead + item_line("rm\u00A0x"), at_item(line, 2, 2, kBody));
  }
  SECTION("mixed-japanese-punctuation: after 攻撃") {
    check_position("DL506", kHead + item_line("攻撃，侵入"), at_item(line, 2, 6, kBody));
  }
  SECTION("unrendered-emphasis: the opener after が") {
    check_position("DL508", kHead + item_line("が**「重要」**です"), at_item(line, 1, 3, kBody));
  }
  SECTION("ideographic-space-in-text") {
    check_position("DL511", kHead + item_line("攻撃\u3000侵入"), at_item(line, 2, 6, kBody));
  }
  SECTION("invalid-utf8: the byte itself") {
    check_position("DL601", kHead + item_line("\xFF"), at_item(line, 0, 0, kBody));
  }
}

TEST_CASE("document-level findings are exact too") {
  const std::string first = "- 攻撃は先週始まった\n";
  const std::string second = "- 被害の範囲は調査中\n";
  const std::string third = "- 復旧の見通しは立っていない\n";
  const Offset odd_line = kBody + static_cast<Offset>(first.size() + second.size() + third.size());
  SECTION("inconsistent-sentence-ending: the 。 of the odd item") {
    // 侵入した is 4 units and 12 bytes before the 。.
    check_position("DL507", kHead + first + second + third + item_line("侵入した。"),
                   at_item(kFirstBodyLine + 3, 4, 12, odd_line));
  }
  SECTION("mixed-polite-plain-style: the last three characters of the plain item") {
    const std::string polite =
        "- 犯行を主張しました。\n- 流出を否定しています。\n- 調査は継続中です。\n";
    const Offset at = kBody + static_cast<Offset>(polite.size());
    // The finding covers 撃した (units 1-3 of 攻撃した).
    check_position("DL512", kHead + polite + item_line("攻撃した。"),
                   at_item(kFirstBodyLine + 3, 1, 3, at));
  }
  SECTION("mixed-wave-dash: the minority ～") {
    const std::string majority = "- 1月〜2月\n- 3月〜4月\n";
    const Offset at = kBody + static_cast<Offset>(majority.size());
    check_position("DL509", kHead + majority + item_line("5月～6月"),
                   at_item(kFirstBodyLine + 2, 2, 4, at));
  }
  SECTION("mixed-parenthesis-width: the ASCII pair") {
    const std::string majority = "- 攻撃（推定）\n- 侵入（未確認）\n";
    const Offset at = kBody + static_cast<Offset>(majority.size());
    check_position("DL510", kHead + majority + item_line("(攻撃)"),
                   at_item(kFirstBodyLine + 2, 0, 0, at));
  }
  SECTION("mixed-line-endings: the first CRLF of an LF file") {
    check_position("DL603", kHead + fmt::format("- {}\r\n- 次の行\n", kPrefix),
                   at_item(kFirstBodyLine, 0, 0, kBody));
  }
  SECTION("utf8-bom: the first three bytes") {
    check_position("DL602", "\xEF\xBB\xBF" + kHead + "N/A\n", Expected{1, 1, 0});
  }
}

TEST_CASE("a digest with a byte order mark is still a digest") {
  const std::string plain = kHead + "- 先頭のバイト順マーク\n";
  const std::string bom = "\xEF\xBB\xBF" + plain;
  const Linter linter(default_schema());
  const std::vector<Diagnostic> without = linter.lint(plain);
  const std::vector<Diagnostic> with = linter.lint(bom);
  std::multiset<std::string> a;
  std::multiset<std::string> b;
  for (const Diagnostic& d : without)
    a.insert(std::string(d.rule->code));
  for (const Diagnostic& d : with) {
    CHECK(d.rule->code != "DL101");  // invalid-title: the mark does not hide the title
    if (d.rule->code != "DL602") b.insert(std::string(d.rule->code));
  }
  CHECK(a == b);
  REQUIRE(!with.empty());
  CHECK(std::count_if(with.begin(), with.end(),
                      [](const Diagnostic& d) { return d.rule->code == "DL602"; }) == 1);
  // The fix removes exactly the mark.
  const FixOutcome fixed = fix_until_stable(linter, bom, false);
  CHECK(fixed.text.substr(0, 3) != "\xEF\xBB\xBF");
}

TEST_CASE("invalid UTF-8 is reported per ill-formed subpart and never stops the lint") {
  const Linter utf8 = only("DL601");
  SECTION("a truncated sequence at the end of the file") {
    const std::string text = kHead + "- 末尾で切れた文字\xE3\x81";
    const auto found = utf8.lint(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].range.end == text.size());
    CHECK(found[0].range.size() == 2);
  }
  SECTION("overlong, surrogate and out-of-range forms") {
    // C0 AF: two bytes, each invalid; ED A0 80 (a surrogate): three;
    // F4 90 80 80 (above U+10FFFF): four. U+FFFD per maximal subpart.
    const std::string text = kHead +
                             "- a\xC0\xAF"
                             "b\xED\xA0\x80"
                             "c\xF4\x90\x80\x80"
                             "d\n";
    CHECK(utf8.lint(text).size() == 9);
  }
  SECTION("the cap: max-reports findings, then one that counts the rest") {
    std::string text = kHead;
    for (int i = 0; i < 10; ++i)
      text += "- 不正\xFF\n";
    const auto found = only("DL601", {{"max-reports", std::int64_t{3}}}).lint(text);
    REQUIRE(found.size() == 4);
    CHECK(found[3].message.find("7 more") != std::string::npos);
    CHECK(found[3].message.find("10 in the file") != std::string::npos);
  }
  SECTION("random damage to a digest: every rule runs, every range is in bounds") {
    const Linter all(default_schema());
    const std::string base = kHead +
                             "- **「重要」**が攻撃\u200Bを受けた。https://example.com/あ\n" +
                             item_line("ｶﾞ２\u00A0，〜～(攻撃)") + "- `code\xE3` と IOC\n";
    std::mt19937 random(20240326);
    for (int round = 0; round < 300; ++round) {
      std::string text = base;
      const int damage = 1 + static_cast<int>(random() % 6);
      for (int k = 0; k < damage; ++k) {
        const std::size_t at = random() % text.size();
        const char bytes[] = {'\x80', '\xBF', '\xC3', '\xE3', '\xF0', '\xFF', '\r', '*', '\0'};
        text[at] = bytes[random() % sizeof bytes];
      }
      const std::vector<Diagnostic> found = all.lint(text);
      std::vector<ByteRange> with_index;  // invalid-utf8 reusing the prose index
      for (const Diagnostic& d : found) {
        CHECK(d.range.begin <= d.range.end);
        CHECK(d.range.end <= text.size());
        if (d.rule->code == "DL601") with_index.push_back(d.range);
      }
      // Alone, invalid-utf8 decodes the whole file itself: same findings.
      std::vector<ByteRange> alone;
      for (const Diagnostic& d : utf8.lint(text))
        alone.push_back(d.range);
      CHECK(with_index == alone);
      // And both are what a plain decoder of the whole text finds (the rule
      // skips ASCII before decoding).
      std::vector<std::pair<std::uint32_t, std::uint32_t>> ill_formed;
      prose::find_interesting(text, nullptr, ill_formed, false);
      std::vector<ByteRange> decoded;
      for (const auto& [at, length] : ill_formed)
        decoded.push_back({at, at + length});
      CHECK(alone == decoded);
      // Fixing terminates, and what is left is still in bounds.
      const FixOutcome fixed = fix_until_stable(all, text, true);
      for (const Diagnostic& d : fixed.remaining)
        CHECK(d.range.end <= fixed.text.size());
    }
  }
}

TEST_CASE("the prose scanner finds the same with and without its 16-byte windows") {
  // Fragments that make windows clean, nearly clean and broken: kana and
  // kanji, the interesting kana (U+3000, U+301C, U+3099..309C) and their
  // neighbours, ASCII with and without interesting bytes, other scripts,
  // and ill-formed bytes (truncated, stray continuation, overlong, a lone
  // lead at the window's edge).
  const std::vector<std::string> pieces = {"攻撃者は",
                                           "脆弱性を悪用した",
                                           "カタカナ",
                                           "ひらがな",
                                           "、",
                                           "。",
                                           "\u3000",
                                           "〜",
                                           "～",
                                           "か\u3099",
                                           "\u309B",
                                           "ゝ",
                                           "ゞ",
                                           "abc ",
                                           "x",
                                           ".",
                                           ",",
                                           "(",
                                           ")",
                                           "*",
                                           "\t",
                                           "（",
                                           "）",
                                           "\u200B",
                                           "\u00A0",
                                           "é",
                                           "👩\u200D💻",
                                           "\xE3\x81",
                                           "\x80",
                                           "\xC0\xAF",
                                           "\xED\xA0\x80",
                                           "\xE3",
                                           "\xF4\x90\x80\x80"};
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int count = 1 + static_cast<int>(random() % 40);
    for (int k = 0; k < count; ++k)
      text += pieces[random() % pieces.size()];
    std::vector<std::pair<std::uint32_t, UChar32>> hits_windows;
    std::vector<std::pair<std::uint32_t, UChar32>> hits_plain;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> bad_windows;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> bad_plain;
    prose::find_interesting(text, &hits_windows, bad_windows, true);
    prose::find_interesting(text, &hits_plain, bad_plain, false);
    INFO(text);
    REQUIRE(hits_windows == hits_plain);
    REQUIRE(bad_windows == bad_plain);
  }
  // And the plain scan agrees with ICU: spanUTF8 over the same set.
  const std::string sample = "攻撃\u3000者は〜ｶﾞ２、.(x)\u200Bか\u3099\u00A0です";
  std::vector<std::pair<std::uint32_t, UChar32>> hits;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> bad;
  prose::find_interesting(sample, &hits, bad, false);
  std::vector<std::uint32_t> icu_hits;
  const icu::UnicodeSet& set = prose::interesting_set();
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(sample.size());) {
    i += set.spanUTF8(sample.data() + i, static_cast<std::int32_t>(sample.size()) - i,
                      USET_SPAN_NOT_CONTAINED);
    if (i >= static_cast<std::int32_t>(sample.size())) break;
    icu_hits.push_back(static_cast<std::uint32_t>(i));
    std::size_t next = 0;
    prose::decode(sample, static_cast<std::size_t>(i), &next);
    i = static_cast<std::int32_t>(next);
  }
  std::vector<std::uint32_t> ours;
  for (const auto& [at, c] : hits)
    ours.push_back(at);
  CHECK(ours == icu_hits);
  CHECK(bad.empty());
}

TEST_CASE("each fix leaves its rule silent on the fixed Japanese and encoding fixtures") {
  std::size_t checked = 0;
  for (const char* dir : {"japanese", "encoding"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(DIGESTLINT_FIXTURES_DIR) / dir)) {
      const fs::path path = entry.path();
      const std::string name = path.filename().string();
      if (path.extension() != ".md" || name.find(".fixed.md") != std::string::npos) continue;
      fs::path fixed_path = path;
      fixed_path.replace_extension(".fixed.md");
      if (!fs::exists(fixed_path)) continue;
      auto read = [](const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
      };
      const std::string text = read(path);
      std::string error;
      const auto fixture = testing::parse_fixture(text, path.string(), error);
      INFO(name << ": " << error);
      REQUIRE(fixture);
      const Linter linter(default_schema(), fixture->settings);
      std::set<std::string_view> fixed_rules;
      for (const Diagnostic& d : linter.lint(text)) {
        if (d.fix && !d.fix->edits.empty() &&
            (fixture->unsafe_fixes || d.fix->applicability == Applicability::Safe)) {
          fixed_rules.insert(d.rule->code);
        }
      }
      CHECK(!fixed_rules.empty());
      for (const Diagnostic& d : linter.lint(read(fixed_path))) {
        INFO(name << ": " << d.rule->code << " " << d.message);
        CHECK(fixed_rules.count(d.rule->code) == 0);
      }
      ++checked;
    }
  }
  CHECK(checked >= 10);
}
