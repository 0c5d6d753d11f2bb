// Robustness on inputs that make Markdown tools slow or fragile.
//
// 1. defuse (lint/parse/defuse.cc): each limit holds exactly (at the limit: not
//    defused; one over: defused), the copy keeps every offset and line end,
//    and no real digest reaches a limit.
// 2. Every input of tests/pathological_inputs.h, at 256 KiB (large enough
//    for md4c 0.4.8 to take seconds to minutes where it is super-linear),
//    through the whole pipeline: a sane result (offsets in range, fixes that
//    apply and re-lint), and markdown-too-complex (DL901) exactly where
//    defused. These are hidden from the main run and registered one CTest
//    test per input under a TIMEOUT (tests/CMakeLists.txt): a hang fails by
//    timeout, no test measures time.
// 3. [linear]: inputs that were super-linear once (the scanner's search for
//    an empty block's line by shape; unrendered-emphasis pairing and
//    columns on one long line), timed at 128 KiB and at 512 KiB: the
//    processor time must grow less than 8-fold on 4 times the input
//    (linear: 4, quadratic: 16). A ratio of best-of-5 timings, not a time:
//    it holds on a slow or busy machine, and a quadratic toy loop shows
//    that it fails.
// 4. Minimal reproducers of defects the pathological inputs and the
//    fuzzer found, kept as regression tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "config/schema_loader.h"
#include "digestlint/digest.h"
#include "digestlint/document.h"
#include "digestlint/schema.h"
#include "digestlint/source.h"
#include "engine/linter.h"
#include "output/report.h"
#include "parse/defuse.h"
#include "parse/scanner.h"
#include "pathological_inputs.h"

using namespace digestlint;

namespace {

std::string repeat(std::string_view unit, std::size_t n) {
  std::string s;
  s.reserve(unit.size() * n);
  for (std::size_t i = 0; i < n; ++i)
    s += unit;
  return s;
}

struct Defused {
  bool changed = false;
  std::string copy;
  std::vector<ByteRange> ranges;
};

Defused run_defuse(std::string_view text, const DefuseLimits& limits = {}) {
  Defused d;
  d.changed = defuse(text, d.copy, d.ranges, limits);
  if (d.changed) {
    // Same length, same line ends, and only the bytes defuse may write.
    REQUIRE(d.copy.size() == text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (d.copy[i] == text[i]) continue;
      INFO("offset " << i << ": '" << text[i] << "' became '" << d.copy[i] << "'");
      CHECK(text[i] != '\n');
      CHECK(text[i] != '\r');
      CHECK((d.copy[i] == ' ' || d.copy[i] == ';' || d.copy[i] == ','));
    }
    CHECK_FALSE(d.ranges.empty());
  } else {
    CHECK(d.ranges.empty());
  }
  for (std::size_t k = 0; k < d.ranges.size(); ++k) {
    CHECK(d.ranges[k].begin < d.ranges[k].end);
    CHECK(d.ranges[k].end <= text.size());
    if (k > 0) CHECK(d.ranges[k - 1].end <= d.ranges[k].begin);
  }
  return d;
}

std::shared_ptr<const Schema> default_schema() {
  Error error;
  auto schema = load_schema(builtin_schema_names().front(), error);
  REQUIRE(schema);
  return schema;
}

}  // namespace

TEST_CASE("defuse leaves ordinary digest text alone", "[defuse]") {
  const std::string digest =
      "# Daily Security Info\n\n### Security News\n\n"
      "- [Vendor patches a flaw](https://www.example.com/a?x=1)\n"
      "    - 公開日: 2025-01-01、影響: [詳細](https://example.com/b)\n"
      "> quoted [link][ref] and www.example.com\n\n"
      "[ref]: https://example.com/reference \"title\"\n";
  CHECK_FALSE(run_defuse(digest).changed);
  CHECK_FALSE(run_defuse("").changed);
  CHECK_FALSE(run_defuse("\n\n\r\n").changed);
}

TEST_CASE("defuse: link brackets per block, at and over the limit", "[defuse]") {
  const DefuseLimits limits;
  const std::size_t pairs = limits.brackets_per_block / 2;
  CHECK_FALSE(run_defuse(repeat("](\n[", pairs)).changed);
  const std::string over = repeat("](\n[", pairs) + "]";
  const Defused d = run_defuse(over);
  REQUIRE(d.changed);
  CHECK(d.copy.find_first_of("[]") == std::string::npos);
  REQUIRE(d.ranges.size() == 1);
  CHECK(d.ranges[0].begin == 0);
  CHECK(d.ranges[0].end == over.size());
  // A blank line ends the block: two blocks at the limit are fine.
  CHECK_FALSE(run_defuse(repeat("](\n[", pairs) + "\n\n" + repeat("](\n[", pairs)).changed);
}

TEST_CASE("defuse: bracket nesting depth, at and over the limit", "[defuse]") {
  const DefuseLimits limits;
  const std::size_t depth = limits.bracket_depth;
  const std::string at = "[a]: /u\n\n" + std::string(depth, '[') + std::string(depth, ']');
  CHECK_FALSE(run_defuse(at).changed);
  const std::string over =
      "[a]: /u\n\n" + std::string(depth + 1, '[') + std::string(depth + 1, ']') + "\n\nok [a]\n";
  const Defused d = run_defuse(over);
  REQUIRE(d.changed);
  REQUIRE(d.ranges.size() == 1);
  CHECK(over.substr(d.ranges[0].begin, 2) == "[[");
  // Only the offending block: the definition and the later use stay.
  CHECK(d.copy.substr(0, 7) == "[a]: /u");
  CHECK(d.copy.substr(d.copy.size() - 4) == "[a]\n");
  // Brackets closed before the next opens do not nest.
  CHECK_FALSE(run_defuse(repeat("[a] ", 400)).changed);
}

TEST_CASE("defuse: autolinks per block count scheme:// and www.", "[defuse]") {
  const DefuseLimits limits;
  const std::size_t n = limits.autolinks_per_block;
  CHECK_FALSE(run_defuse(repeat("www.a.b ", n / 2) + repeat("http://a.b ", n / 2)).changed);
  const Defused www = run_defuse(repeat("www.a.b ", n + 1));
  REQUIRE(www.changed);
  CHECK(www.copy.find("www.") == std::string::npos);
  CHECK(www.copy.substr(0, 8) == "www,a.b ");
  const Defused urls = run_defuse(repeat("ftp://a.b\n", n) + "see https://c.d\n");
  REQUIRE(urls.changed);
  CHECK(urls.copy.find("://") == std::string::npos);
  CHECK(urls.copy.substr(0, 10) == "ftp;//a.b\n");
}

TEST_CASE("defuse: container nesting depth, at and over the limit", "[defuse]") {
  const DefuseLimits limits;
  const std::size_t depth = limits.container_depth;
  CHECK_FALSE(run_defuse(repeat("> ", depth) + "a\n").changed);
  CHECK_FALSE(run_defuse(repeat("- ", depth) + "a\n").changed);
  // Each nesting level of an indented list needs two columns.
  std::string indented;
  for (std::size_t d = 0; d < depth; ++d)
    indented += std::string(2 * d, ' ') + "- a\n";
  CHECK_FALSE(run_defuse(indented).changed);

  const std::string quotes = repeat("> ", depth + 1) + "a\nlazy *b*\n";
  const Defused q = run_defuse(quotes);
  REQUIRE(q.changed);
  CHECK(q.copy.find('>') == std::string::npos);
  CHECK(q.copy.substr(q.copy.size() - 11) == "a\nlazy *b*\n");  // text untouched

  // Inside a quote, indentation after "> " continues nested items: the
  // quote and `depth - 1` items are `depth` containers.
  std::string quoted;
  for (std::size_t d = 0; d + 1 < depth; ++d)
    quoted += "> " + std::string(2 * d, ' ') + "- a\n";
  CHECK_FALSE(run_defuse(quoted).changed);
  quoted += "> " + std::string(2 * depth - 2, ' ') + "- a\n";
  CHECK(run_defuse(quoted).changed);

  const Defused l = run_defuse(repeat("1. - * + ", depth / 4 + 1) + "a\n");
  REQUIRE(l.changed);
  CHECK(l.copy.find_first_of(".-*+") == std::string::npos);
  CHECK(l.copy.find('1') != std::string::npos);  // digits stay, only delimiters go
}

TEST_CASE("defuse: reference definitions within the budget stay", "[defuse]") {
  // Ordinary use: a few definitions with realistic URLs, used a few times.
  std::string doc;
  for (int i = 0; i < 50; ++i)
    doc += "[r" + std::to_string(i) + "]: https://example.com/a/rather/long/path/" +
           std::to_string(i) + " \"A title\"\n";
  doc += "\n";
  for (int i = 0; i < 50; ++i)
    doc += "- see [r" + std::to_string(i) + "] and [r" + std::to_string(i) + "]\n";
  CHECK_FALSE(run_defuse(doc).changed);
  // A long definition used once.
  CHECK_FALSE(run_defuse("[a]: /" + std::string(20000, 'x') + "\n\n[a]\n").changed);
}

TEST_CASE("defuse: long reference definitions used many times", "[defuse]") {
  // 20,000 uses, in blocks under the bracket limit.
  const std::string uses = "\n\n" + repeat(repeat("[a] ", 200) + "\n\n", 100);
  SECTION("long destination") {
    const std::string text = "[a]: /" + std::string(2000, 'x') + uses;
    const Defused d = run_defuse(text);
    REQUIRE(d.changed);
    CHECK(d.copy.substr(0, 5) == "[a]  ");
    CHECK(d.ranges.size() == 1);
  }
  SECTION("long title on the next line, inside a quote") {
    const std::string text = "> [a]: /u\n> '" + std::string(2000, 't') + "'" + uses;
    const Defused d = run_defuse(text);
    REQUIRE(d.changed);
    CHECK(d.copy.substr(0, 7) == "> [a]  ");
  }
  SECTION("a title whose lines look like definitions") {
    const std::string text = "[a]: /u '\n" + repeat("[x]: y\n", 300) + "'" + uses;
    const Defused d = run_defuse(text);
    REQUIRE(d.changed);
    CHECK(d.copy.substr(0, 5) == "[a]  ");
  }
  SECTION("a label over two lines") {
    const std::string text =
        "[a\nb]: /" + std::string(2000, 'x') + "\n\n" + repeat(repeat("[a b] ", 200) + "\n\n", 100);
    const Defused d = run_defuse(text);
    REQUIRE(d.changed);
    CHECK(d.copy.substr(0, 7) == "[a\nb]  ");
  }
  SECTION("short definitions are kept even with many uses") {
    const std::string text = "[a]: /u\n[b]: /v 't'" + uses;
    CHECK_FALSE(run_defuse(text).changed);
  }
}

TEST_CASE("defuse: no real digest reaches a limit", "[.][corpus]") {
  // The limits sit far above the corpus (see defuse.h); checked on it when
  // it is there. Hidden from the main run: CTest runs it alone and shows it
  // as skipped when it prints "no corpus at" (tests/CMakeLists.txt). The
  // environment's DIGESTLINT_CORPUS_DIR, if set, names another corpus.
  const char* other = std::getenv("DIGESTLINT_CORPUS_DIR");
  const std::filesystem::path corpus(other != nullptr && *other != '\0' ? other
                                                                        : DIGESTLINT_CORPUS_DIR);
  std::error_code ec;
  if (!std::filesystem::is_directory(corpus, ec)) {
    WARN("no corpus at " << corpus.string() << ": skipped");
    return;
  }
  std::size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(corpus)) {
    if (e.path().extension() != ".md") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    INFO(e.path().string());
    CHECK_FALSE(run_defuse(text.str()).changed);
    ++files;
  }
  CHECK(files > 0);
}

// --- The pathological inputs, through the whole pipeline.

namespace {

constexpr std::size_t kSize = 256 * 1024;

// Plain loops with one CHECK per property: millions of CHECKs would cost
// more than the lint.
#define CHECK_ALL(range, var, condition)                                     \
  do {                                                                       \
    std::size_t bad = 0, first_bad = 0, index = 0;                           \
    for (const auto& var : range) {                                          \
      if (!(condition) && bad++ == 0) first_bad = index;                     \
      ++index;                                                               \
    }                                                                        \
    INFO(#condition << ": " << bad << " failures, first at #" << first_bad); \
    CHECK(bad == 0);                                                         \
  } while (false)

void check_diagnostics(std::string_view text, const std::vector<Diagnostic>& diagnostics) {
  const SourceText source(text);
  const auto size = static_cast<Offset>(text.size());
  CHECK_ALL(diagnostics, d, d.rule != nullptr && d.severity != Severity::Off);
  CHECK_ALL(diagnostics, d, !d.message.empty());
  CHECK_ALL(diagnostics, d, d.range.begin <= d.range.end && d.range.end <= size);
  CHECK_ALL(diagnostics, d, source.line_of(d.range.begin) < source.line_count());
  CHECK_ALL(diagnostics, d, std::all_of(d.notes.begin(), d.notes.end(), [&](const Note& n) {
              return n.range.begin <= n.range.end && n.range.end <= size;
            }));
  CHECK_ALL(diagnostics, d,
            !d.fix || std::all_of(d.fix->edits.begin(), d.fix->edits.end(), [&](const Edit& e) {
              return e.range.begin <= e.range.end && e.range.end <= size;
            }));
}

void check_document(std::string_view text) {
  const SourceText source(text);
  Document doc;
  Scanner scanner;
  scanner.scan(source, doc);
  const auto size = static_cast<Offset>(text.size());
  REQUIRE(doc.lines.size() == source.line_count());
  CHECK_ALL(doc.lines, l,
            l.begin <= l.end && l.end <= size && l.indent_end <= l.end &&
                l.content_begin <= l.end && l.trailing_ws <= l.end);
  CHECK_ALL(doc.blocks, b,
            b.first_line <= b.last_line && b.last_line < doc.lines.size() &&
                b.first_run <= b.end_run && b.end_run <= doc.runs.size());
  CHECK_ALL(doc.runs, r, r.range.begin <= r.range.end && r.range.end <= size);
  CHECK_ALL(doc.headings, h, h.line < doc.lines.size() && h.text.end <= size);
  CHECK_ALL(doc.links, k, k.text.end <= size && k.href.end <= size);
  CHECK_ALL(doc.defused, r, r.begin < r.end && r.end <= size);
}

void check_input(const pathological::Input& input) {
  INFO("input '" << input.name << "': " << input.what);
  const std::string text = input.make(kSize);
  REQUIRE(text.size() >= kSize / 2);
  check_document(text);

  const Linter linter(default_schema());
  const std::vector<Diagnostic> diagnostics = linter.lint(text, "pathological.md");
  check_diagnostics(text, diagnostics);
  const bool dl901 = std::any_of(diagnostics.begin(), diagnostics.end(),
                                 [](const Diagnostic& d) { return d.rule->code == "DL901"; });
  CHECK(dl901 == (input.defused == pathological::Defused::Yes));

  // Every fix, unsafe ones too, applies and leaves a text that lints.
  const FixOutcome outcome = fix_until_stable(linter, text, true, "pathological.md", 2);
  check_diagnostics(outcome.text, outcome.remaining);
}

class InputTest final : public Catch::ITestInvoker {
 public:
  explicit InputTest(std::size_t index) : index_(index) {}
  void invoke() const override { check_input(pathological::inputs()[index_]); }

 private:
  std::size_t index_;
};

// One test per input, so CTest gives each its own TIMEOUT.
const bool registered = [] {
  const auto& inputs = pathological::inputs();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string name = "pathological input: " + std::string(inputs[i].name);
    Catch::AutoReg(new InputTest(i), CATCH_INTERNAL_LINEINFO, Catch::StringRef(),
                   Catch::NameAndTags(name, "[.][pathological]"));
  }
  return true;
}();

}  // namespace

TEST_CASE("the pathological inputs are distinct and named", "[defuse]") {
  CHECK(registered);
  const auto& inputs = pathological::inputs();
  CHECK(inputs.size() >= 40);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (std::size_t j = i + 1; j < inputs.size(); ++j)
      CHECK(inputs[i].name != inputs[j].name);
  }
}

// --- Once super-linear: growth from 128 KiB to 512 KiB must be linear.

namespace {

// On an input 4 times as long, linear work takes about 4 times as long and
// quadratic work 16: 8 leaves linear code a margin for cache effects (the
// heading-heavy inputs measure 5.5 to 6.3 here, their working set leaving
// the cache) and fails anything quadratic.
constexpr std::size_t kGrowthFactor = 4;
constexpr double kLinearGrowthLimit = 8.0;
constexpr std::size_t kSmallInput = 128 * 1024;

// How much longer `work` takes on `large` than on `small`, in processor
// time (time spent waiting for a busy machine's processors does not count):
// the best of five runs of each, interleaved, and up to three such
// measurements until one is under the limit, so that a transient slowdown
// cannot fail linear code while quadratic code, 16x every time, still
// fails. `work` returns a count, summed and checked, so that nothing it
// computes is optimised away.
template <typename Work>
double growth(const std::string& small, const std::string& large, Work work) {
  std::size_t results = 0;
  const auto seconds = [&](const std::string& text) {
    const std::clock_t start = std::clock();
    results += work(text);
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  };
  double ratio = std::numeric_limits<double>::infinity();
  for (int attempt = 0; attempt < 3 && ratio >= kLinearGrowthLimit; ++attempt) {
    double small_seconds = std::numeric_limits<double>::infinity();
    double large_seconds = small_seconds;
    for (int run = 0; run < 5; ++run) {
      small_seconds = std::min(small_seconds, seconds(small));
      large_seconds = std::min(large_seconds, seconds(large));
    }
    ratio = std::min(ratio, large_seconds / std::max(small_seconds, 1e-6));
  }
  CHECK(results > 0);
  return ratio;
}

// A deliberately quadratic loop: for each byte, the earlier bytes equal to it.
std::size_t quadratic_toy(const std::string& text) {
  std::size_t equal = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j)
      equal += text[i] == text[j] ? 1 : 0;
  }
  return equal;
}

}  // namespace

TEST_CASE("the growth check tells linear from quadratic work", "[linear]") {
  // The checks below would pass anything if the measurement were broken: a
  // quadratic loop must fail it (16x on 4x the input, or more once its
  // input leaves the cache).
  const std::string small = repeat("abcd", 1024);  // 4 KiB: 8 M comparisons
  const std::string large = repeat("abcd", 1024 * kGrowthFactor);
  const double quadratic = growth(small, large, quadratic_toy);
  INFO("quadratic toy: " << quadratic << "x on " << kGrowthFactor << "x the input");
  CHECK(quadratic > kLinearGrowthLimit);
}

TEST_CASE("scanner: empty blocks inside quotes are anchored in linear time", "[linear]") {
  // Builder::place_by_shape searches forward for a line of the block's
  // shape; "> -" once matched no shape, so every search ran to the end
  // (over 20 s at 1 MiB). Shapes now look inside containers, and each
  // shape's search resumes where the last ended.
  for (std::string_view unit :
       {"> -\n", "> #\n", "> ***\n", "> ```\n> ```\n", "> 1.\n", "- ***\n", "- #\n", "* ```\n"}) {
    const Linter linter(default_schema());
    const auto lint_count = [&](const std::string& text) { return linter.lint(text).size() + 1; };
    const std::size_t small_units = kSmallInput / unit.size();
    const std::string small = repeat(unit, small_units);
    const std::string large = repeat(unit, small_units * kGrowthFactor);
    check_diagnostics(large, linter.lint(large));
    const double ratio = growth(small, large, lint_count);
    INFO("'" << unit << "': " << ratio << "x the time on " << kGrowthFactor << "x the input");
    CHECK(ratio < kLinearGrowthLimit);
  }
}

TEST_CASE("unrendered-emphasis is linear in the asterisks of a line", "[linear]") {
  // DL508 once re-scanned the run's URLs for every '*' and searched ahead
  // for each marker's partner; the report then counted every finding's
  // column from the line start and copied the whole line per finding.
  const Linter linter(default_schema());
  const auto lint_and_report = [&](const std::string& text) {
    std::vector<Diagnostic> diagnostics = linter.lint(text);
    const std::size_t count = diagnostics.size();
    const FileReport report = make_report("long-line.md", SourceText(text), std::move(diagnostics));
    return count + report.diagnostics.size();
  };
  const std::size_t small_units = kSmallInput / 14;
  const std::string small = repeat("*a _b **c __d ", small_units);
  const std::string text = repeat("*a _b **c __d ", small_units * kGrowthFactor);

  std::vector<Diagnostic> diagnostics = linter.lint(text);
  check_diagnostics(text, diagnostics);
  CHECK(diagnostics.size() > 10000);
  const SourceText source(text);
  const Diagnostic last = diagnostics.back();
  const FileReport report = make_report("long-line.md", source, std::move(diagnostics));
  const ReportedDiagnostic& shown = report.diagnostics.back();
  const Position expected = source.position(last.range.begin);
  CHECK(shown.range.start.line == expected.line);
  CHECK(shown.range.start.column == expected.column);
  REQUIRE(shown.context);
  CHECK(shown.context->line.size() < 1000);

  const double ratio = growth(small, text, lint_and_report);
  INFO(ratio << "x the time on " << kGrowthFactor << "x the input");
  CHECK(ratio < kLinearGrowthLimit);
}

TEST_CASE("blank-line-in-list stays inside the lines of a list ending the file", "[pathological]") {
  // Found by the pathological inputs: the scanner anchored the item's empty
  // heading ("- #") on the file's empty last line, the list ended there,
  // and DL206 read past the lines (AddressSanitizer: heap-buffer-overflow).
  const std::string text = "- #\n";
  const Linter linter(default_schema());
  check_diagnostics(text, linter.lint(text));
  Document doc;
  const SourceText source(text);
  Scanner scanner;
  scanner.scan(source, doc);
  REQUIRE(doc.headings.size() == 1);
  CHECK(doc.headings[0].line == 0);
}

TEST_CASE("an empty heading inside a quote is not taken for the next heading", "[pathological]") {
  // Found by tests/fuzz (a fix cycle). The scanner anchored md4c's empty
  // H2 of "> ##" on the next ATX-shaped raw line, "### Tools": the digest
  // then saw an H2 'Tools' (DL105 "is an H2") that was empty (DL110
  // inserted 'N/A'), while its real body had content (DL112 deleted the
  // 'N/A' lines): safe fixes alternated forever.
  const std::string text = "# Daily Security Info\n\n> ##\n\n### Tools\nN/A\n";
  const Linter linter(default_schema());
  const FixOutcome outcome = fix_until_stable(linter, text, false, "cycle.md", 10);
  std::string again;
  CHECK(apply_fixes(outcome.text, outcome.remaining, false, again) == 0);
  for (const Diagnostic& d : linter.lint(text)) {
    INFO(d.rule->code << ": " << d.message);
    CHECK(d.rule->code != "DL105");  // "### Tools" is an H3
  }
}

TEST_CASE("a setext heading without text in the buffer is anchored on its own lines",
          "[pathological]") {
  // Found by tests/fuzz. "\0" (md4c passes U+FFFD from a static string) or
  // an image without alt text over "---" is an H2 with no text to place it
  // by; it was anchored on the next ATX line, "### Tools", and every block
  // after it moved down with it.
  for (std::string_view heading :
       {std::string_view("\0\n- \n", 5), std::string_view("![](x)\n---\n")}) {
    const std::string text =
        "# Daily Security Info\n\n" + std::string(heading) + "\n- item\n\n### Tools\nN/A\n";
    const SourceText source(text);
    Document doc;
    Scanner scanner;
    scanner.scan(source, doc);
    REQUIRE(doc.headings.size() == 3);
    CHECK(doc.headings[1].level == 2);
    CHECK(doc.headings[1].line == 2);
    CHECK(doc.headings[2].level == 3);
    CHECK(doc.headings[2].line == 7);
    CHECK(doc.lines[5].role == LineRole::ItemStart);
  }
}

TEST_CASE("empty-section's marker does not join the text below the heading", "[pathological]") {
  // Found by tests/fuzz: 'N/A' inserted above a setext heading's text line
  // became part of that heading, the section stayed empty, and each pass
  // inserted another.
  const std::string text = "# Daily Security Info\n\n### Tools\n![](x)\n---\n";
  const Linter linter(default_schema());
  const FixOutcome outcome = fix_until_stable(linter, text, true, "join.md", 10);
  std::string again;
  CHECK(apply_fixes(outcome.text, outcome.remaining, true, again) == 0);
  CHECK(outcome.text.find("N/A\n\n![](x)") != std::string::npos);
}
