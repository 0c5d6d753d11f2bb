// The prose segments and list-item ends against their plain forms: the
// segments found when runs with no ':' skip the URL-token search must be
// those found searching every run; run_at walking from a hint must find
// what the binary search over all runs finds; list-item ends found without
// the prose check must hold those found with it. On documents with URLs
// live, defanged and autolinked, colons outside URLs, code, headings,
// comments, IOC lines and ill-formed UTF-8.
#include <catch2/catch.hpp>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "config/schema_loader.h"
#include "digestlint/digest.h"
#include "digestlint/file_cache.h"
#include "digestlint/prose.h"
#include "digestlint/schema.h"
#include "model/articles.h"
#include "parse/scanner.h"

using namespace digestlint;

namespace {

const Schema& modern() {
  static const std::shared_ptr<const Schema> schema = [] {
    Error error;
    auto s = load_schema("daily-security-info", error);
    REQUIRE(s);
    return s;
  }();
  return *schema;
}

// A linted file's context built from `text`; owns what the context points into.
class Context {
 public:
  explicit Context(std::string text) : text_(std::move(text)) {
    source_.reset(text_);
    Scanner scanner;
    scanner.scan(source_, doc_);
    build_digest(doc_, source_, modern(), digest_);
  }
  LintContext ctx() { return LintContext{"test.md", source_, doc_, digest_, modern(), cache_}; }
  const Document& doc() const { return doc_; }
  std::size_t size() const { return text_.size(); }

 private:
  std::string text_;
  SourceText source_;
  Document doc_;
  Digest digest_;
  FileCache cache_;
};

std::vector<prose::Segment> segments_of(const LintContext& ctx, bool skip_colonless) {
  std::vector<prose::Segment> out;
  prose::find_segments(ctx, out, skip_colonless);
  return out;
}

bool same(const prose::Segment& a, const prose::Segment& b) {
  return a.range == b.range && a.line == b.line && a.run == b.run && a.kind == b.kind &&
         a.heading == b.heading;
}

bool same(const prose::ItemEnd& a, const prose::ItemEnd& b) {
  return a.text == b.text && a.last == b.last && a.c == b.c && a.prose == b.prose;
}

// Checks both segmentations, run_at with every hint, and item_end with
// and without a hint agree on `text`. Returns the segments.
std::vector<prose::Segment> check_document(const std::string& text) {
  INFO(text);
  Context context(text);
  const LintContext ctx = context.ctx();
  const std::vector<prose::Segment> fast = segments_of(ctx, true);
  const std::vector<prose::Segment> plain = segments_of(ctx, false);
  REQUIRE(fast.size() == plain.size());
  for (std::size_t i = 0; i < fast.size(); ++i)
    REQUIRE(same(fast[i], plain[i]));

  const Document& doc = context.doc();
  const auto runs = static_cast<std::int32_t>(doc.runs.size());
  bool runs_agree = true;
  for (Offset at = 0; at <= context.size() + 1; ++at) {
    const std::int32_t expected = prose::run_at(doc, at);
    for (std::int32_t hint = -2; hint <= runs + 1; ++hint)
      runs_agree = runs_agree && prose::run_at(doc, at, hint) == expected;
  }
  REQUIRE(runs_agree);

  const prose::Index& index = prose::index(ctx);
  std::vector<prose::ItemEnd> checked;
  std::vector<prose::ItemEnd> unchecked;
  for (const prose::List& list : index.lists) {
    std::int32_t hint = -1;
    for (std::uint32_t k = list.first_item; k < list.end_item; ++k) {
      const prose::ItemEnd expected = prose::item_end(ctx, index.items[k]);
      REQUIRE(same(prose::item_end(ctx, index.items[k], &hint), expected));
      prose::ItemEnd unchecked_end = prose::item_end(ctx, index.items[k], nullptr, false);
      CHECK_FALSE(unchecked_end.prose);
      unchecked_end.prose = expected.prose;
      REQUIRE(same(unchecked_end, expected));
    }
    // Without the prose check: the same ends in the same order, plus
    // those not in prose.
    prose::sentence_ends(ctx, index, list, checked);
    prose::sentence_ends(ctx, index, list, unchecked, false);
    std::size_t u = 0;
    for (const prose::ItemEnd& end : checked) {
      while (u < unchecked.size() && unchecked[u].last != end.last)
        ++u;
      REQUIRE(u < unchecked.size());
      CHECK((unchecked[u].text == end.text && unchecked[u].c == end.c));
      ++u;
    }
  }
  return fast;
}

// Pieces of prose lines that put ':' and URL tokens in every position.
const std::vector<std::string>& pieces() {
  static const std::vector<std::string> p = {
      "脆弱性を修正した",
      "注: 影響あり",
      "時刻 12:30 に公開",
      ":",
      "://",
      "https://example.com/path",
      "hxxps[:]//evil[.]example[.]com/x",
      "hxxp[://]bad.example",
      "ftp://files.example.org/a.zip",
      "http://a",
      "hxxps[:]//b",
      "https://",
      "FTP://",
      "[見る http://](https://e.x)",
      "*hxxp[://]*",
      "<https://localhost/>にアクセス",
      "[リンク: 説明](https://example.com/a:b)",
      "`code://not:prose`",
      "**強調: 重要**",
      "(https://example.com/iocs.csv)。",
      "https://localhost/にアクセス",
      "スキーム無し://host",
      "mailto:someone@example.com",
      "\xe3\x81",        // truncated sequence
      "\xff:\xfe",       // ill-formed bytes around a colon
      "か\xe3\x82\x99",  // combining mark
      "（注：全角コロン）",
      "URL: https://a.example/b.",
      "。",
      "）",
      " ",
  };
  return p;
}

}  // namespace

TEST_CASE("prose segments skip colonless runs exactly; run_at's hint finds the same run") {
  const std::string head = "# Daily Security Info\n\n### 日々のニュース要約\n\n";
  CHECK_FALSE(check_document("").size() > 0);
  check_document(":");
  check_document("text ending in a colon:");
  check_document("https://example.com");
  check_document(head + "- 項目: 説明\n- https://example.com/a\n- 次の項目。\n");
  check_document(head + "<!-- https://example.com/ comment: -->\n- 項目\n");
  check_document(head + "```\ncode://x: y\n```\n\n- a: b\n- c\n");
  check_document(head + "## 見出し: https://example.com/h\n\n本文: テキスト\n");
  // Every piece after and before every other, as list items and as a
  // paragraph, so a ':' falls at a run's start, end, inside, or nowhere.
  for (const std::string& a : pieces()) {
    for (const std::string& b : pieces()) {
      check_document(head + "- " + a + b + "\n- " + b + "\n\n" + a + " " + b + "\n");
    }
  }
}

TEST_CASE("prose segments and run_at hints on random documents") {
  std::mt19937 rng(1234);
  const std::vector<std::string>& p = pieces();
  const std::vector<std::string> line_starts = {"- ", "    - ", "1. ", "", "### ", "> ", "* "};
  std::uniform_int_distribution<std::size_t> piece(0, p.size() - 1);
  std::uniform_int_distribution<std::size_t> start(0, line_starts.size() - 1);
  std::uniform_int_distribution<int> count(1, 4);
  for (int doc = 0; doc < 300; ++doc) {
    std::string text = "# Daily Security Info\n\n### 日々のニュース要約\n\n";
    const int lines = count(rng) * 3;
    for (int l = 0; l < lines; ++l) {
      text += line_starts[start(rng)];
      for (int k = count(rng); k > 0; --k)
        text += p[piece(rng)];
      text += (l % 5 == 4) ? "\n\n" : "\n";
    }
    check_document(text);
  }
}
