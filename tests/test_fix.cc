// Fix application: apply_fixes takes each fix whole or not at all, in
// diagnostic order, and fix_until_stable re-lints until nothing applies.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "config/schema_loader.h"
#include "digestlint/schema.h"
#include "digestlint/source.h"
#include "engine/linter.h"
#include "engine/registry.h"

using namespace digestlint;

namespace {

Diagnostic with_fix(std::vector<Edit> edits, Applicability applicability = Applicability::Safe) {
  Diagnostic d;
  d.rule = all_rules().front();
  d.range = edits.empty() ? ByteRange{} : edits.front().range;
  d.message = "test";
  d.fix = Fix{"test fix", std::move(edits), applicability};
  return d;
}

Edit edit(Offset begin, Offset end, std::string replacement) {
  return Edit{ByteRange{begin, end}, std::move(replacement)};
}

struct Applied {
  std::size_t count;
  std::string text;
};

Applied apply(std::string_view text, const std::vector<Diagnostic>& diagnostics,
              bool unsafe = false) {
  std::string out = "left over from a previous call";
  const std::size_t n = apply_fixes(text, diagnostics, unsafe, out);
  return {n, out};
}

std::shared_ptr<const Schema> default_schema() {
  Error error;
  auto schema = load_schema(builtin_schema_names().front(), error);
  REQUIRE(schema);
  return schema;
}

std::size_t fixable(const std::vector<Diagnostic>& diagnostics, bool unsafe) {
  std::size_t n = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.fix && !d.fix->edits.empty() && (unsafe || d.fix->applicability == Applicability::Safe)) {
      ++n;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("non-overlapping edits are all applied, in text order", "[fix]") {
  //                    0123456789
  const std::string t = "abcdefghij";
  // Given out of text order: the later edit first.
  const Applied r = apply(
      t, {with_fix({edit(7, 9, "XY")}), with_fix({edit(1, 2, "")}), with_fix({edit(4, 4, "+")})});
  CHECK(r.count == 3);
  CHECK(r.text == "acd+efgXYj");
  // Adjacent replacements do not overlap.
  const Applied adjacent = apply(t, {with_fix({edit(0, 2, "1")}), with_fix({edit(2, 4, "2")})});
  CHECK(adjacent.count == 2);
  CHECK(adjacent.text == "12efghij");
  // One fix may carry several edits.
  const Applied multi = apply(t, {with_fix({edit(0, 1, "A"), edit(9, 10, "J")})});
  CHECK(multi.count == 1);
  CHECK(multi.text == "AbcdefghiJ");
}

TEST_CASE("nothing to apply leaves the text as it is", "[fix]") {
  const std::string t = "same text\n";
  Diagnostic no_fix;
  no_fix.rule = all_rules().front();
  const Applied r = apply(t, {no_fix, with_fix({})});
  CHECK(r.count == 0);
  CHECK(r.text == t);
  CHECK(apply("", {}).text.empty());
}

TEST_CASE("a fix overlapping one already taken is skipped whole", "[fix]") {
  const std::string t = "abcdefghij";
  // The second fix overlaps the first at 'e'; its other edit ('i') is not
  // applied either: a fix is taken whole or not at all.
  const Applied r =
      apply(t, {with_fix({edit(2, 5, "_")}), with_fix({edit(4, 6, "!"), edit(8, 9, "I")})});
  CHECK(r.count == 1);
  CHECK(r.text == "ab_fghij");
  // Diagnostic order decides which of two overlapping fixes wins.
  const Applied other_way =
      apply(t, {with_fix({edit(4, 6, "!"), edit(8, 9, "I")}), with_fix({edit(2, 5, "_")})});
  CHECK(other_way.count == 1);
  CHECK(other_way.text == "abcd!ghIj");
  // An insertion strictly inside a replacement overlaps it.
  const Applied inside = apply(t, {with_fix({edit(2, 5, "_")}), with_fix({edit(3, 3, "+")})});
  CHECK(inside.count == 1);
  CHECK(inside.text == "ab_fghij");
  // A fix whose own edits overlap is not applied.
  const Applied self = apply(t, {with_fix({edit(1, 4, "x"), edit(3, 5, "y")})});
  CHECK(self.count == 0);
  CHECK(self.text == t);
}

TEST_CASE("two insertions at one point conflict: their order is unknown", "[fix]") {
  const std::string t = "abc";
  const Applied r = apply(t, {with_fix({edit(1, 1, "X")}), with_fix({edit(1, 1, "Y")})});
  CHECK(r.count == 1);
  CHECK(r.text == "aXbc");
  // Within one fix too.
  const Applied self = apply(t, {with_fix({edit(1, 1, "X"), edit(1, 1, "Y")})});
  CHECK(self.count == 0);
  CHECK(self.text == t);
}

TEST_CASE("an insertion at a replacement's start goes before it", "[fix]") {
  const std::string t = "abcdef";
  const std::string want = "ab+XYef";
  // Replacement first, then the insertion, and the other way round.
  const Applied r1 = apply(t, {with_fix({edit(2, 4, "XY")}), with_fix({edit(2, 2, "+")})});
  const Applied r2 = apply(t, {with_fix({edit(2, 2, "+")}), with_fix({edit(2, 4, "XY")})});
  CHECK(r1.count == 2);
  CHECK(r1.text == want);
  CHECK(r2.count == 2);
  CHECK(r2.text == want);
  // At its end, after it.
  const Applied end = apply(t, {with_fix({edit(4, 4, "+")}), with_fix({edit(2, 4, "XY")})});
  CHECK(end.count == 2);
  CHECK(end.text == "abXY+ef");
  // A deletion and an insertion at the same offset.
  const Applied del = apply(t, {with_fix({edit(0, 1, "")}), with_fix({edit(0, 0, ">")})});
  CHECK(del.count == 2);
  CHECK(del.text == ">bcdef");
}

TEST_CASE("unsafe fixes are applied only when asked", "[fix]") {
  const std::string t = "abc";
  const std::vector<Diagnostic> ds = {with_fix({edit(0, 1, "A")}, Applicability::Unsafe),
                                      with_fix({edit(2, 3, "C")})};
  const Applied safe = apply(t, ds, false);
  CHECK(safe.count == 1);
  CHECK(safe.text == "abC");
  const Applied all = apply(t, ds, true);
  CHECK(all.count == 2);
  CHECK(all.text == "AbC");
  // A skipped unsafe fix does not block a safe one at the same place.
  const Applied same =
      apply(t, {with_fix({edit(0, 1, "U")}, Applicability::Unsafe), with_fix({edit(0, 1, "S")})});
  CHECK(same.count == 1);
  CHECK(same.text == "Sbc");
}

TEST_CASE("edits outside the text are rejected with their fix", "[fix]") {
  const std::string t = "abc";
  const Applied r = apply(t, {with_fix({edit(2, 4, "!")}),                   // past the end
                              with_fix({edit(2, 1, "!")}),                   // reversed
                              with_fix({edit(0, 1, "A"), edit(9, 9, "!")}),  // one bad edit
                              with_fix({edit(3, 3, "D")})});                 // at the end: fine
  CHECK(r.count == 1);
  CHECK(r.text == "abcD");
}

TEST_CASE("fix_until_stable re-lints until no fix applies", "[fix]") {
  const Linter linter(default_schema());
  // A line of spaces inside a list: deleting the spaces (or the line) in
  // one pass, then whatever the next lint finds, until nothing is left.
  const std::string text =
      "# Daily Security Info\n\n### Tools\nN/A\n\n### malware campaign\nN/A\n\n"
      "### security report\n- [a](https://example.com/a)\n    - one\n    \n    - two\n\n"
      "### cybercrime topics\nN/A\n\n### 日々のニュース要約\nN/A\n\n"
      "### 日本のインシデント事例\nN/A\n\n### その他のメモ\n-[b](https://example.com/b)  \n";
  const std::vector<Diagnostic> before = linter.lint(text);
  REQUIRE(fixable(before, false) >= 2);

  const FixOutcome outcome = fix_until_stable(linter, text, false);
  CHECK(outcome.applied >= 2);
  CHECK(fixable(outcome.remaining, false) == 0);
  CHECK(outcome.text.find("    - one\n    - two\n") != std::string::npos);
  CHECK(outcome.text.find("\n- [b](https://example.com/b)") != std::string::npos);
  // `remaining` is what linting the fixed text reports.
  CHECK(linter.lint(outcome.text).size() == outcome.remaining.size());
  // Stable: fixing the fixed text changes nothing.
  const FixOutcome again = fix_until_stable(linter, outcome.text, false);
  CHECK(again.applied == 0);
  CHECK(again.text == outcome.text);
}

TEST_CASE("fix_until_stable stops after max_passes", "[fix]") {
  const Linter linter(default_schema());
  // Two passes: the space after '-' makes the line an item, and only then
  // is the bullet under it an item indented 5 spaces instead of 4.
  const std::string text =
      "# Daily Security Info\n\n### Tools\n-[a](https://example.com/a)\n     - sub\n\n"
      "### malware campaign\nN/A\n\n### security report\nN/A\n\n### cybercrime topics\nN/A\n\n"
      "### 日々のニュース要約\nN/A\n\n### 日本のインシデント事例\nN/A\n\n### その他のメモ\nN/A\n";
  const std::string fixed_lines = "- [a](https://example.com/a)\n    - sub\n";

  const FixOutcome none = fix_until_stable(linter, text, false, {}, 0);
  CHECK(none.applied == 0);
  CHECK(none.text == text);
  CHECK(none.remaining.size() == linter.lint(text).size());

  const FixOutcome one = fix_until_stable(linter, text, false, {}, 1);
  CHECK(one.applied == 1);
  CHECK(one.text.find("- [a](https://example.com/a)\n     - sub\n") != std::string::npos);
  CHECK(fixable(one.remaining, false) == 1);

  const FixOutcome all = fix_until_stable(linter, text, false);
  CHECK(all.applied == 2);
  CHECK(all.text.find(fixed_lines) != std::string::npos);
  CHECK(all.remaining.empty());
  CHECK(fix_until_stable(linter, text, false, {}, 2).text == all.text);
}

TEST_CASE("the template's empty news section is fixed to N/A, keeping its line ends", "[fix]") {
  const Linter linter(default_schema());
  for (const std::string eol : {"\n", "\r\n"}) {
    INFO((eol == "\n" ? "LF" : "CRLF"));
    auto lines = [&](std::initializer_list<const char*> ls) {
      std::string s;
      for (const char* l : ls)
        s += std::string(l) + eol;
      return s;
    };
    // As the template: the news section is empty, the file has no final
    // line end.
    const std::string text = lines({"# Daily Security Info",
                                    "",
                                    "### Tools",
                                    "N/A",
                                    "",
                                    "### malware campaign",
                                    "N/A",
                                    "",
                                    "### security report",
                                    "N/A",
                                    "",
                                    "### cybercrime topics",
                                    "N/A",
                                    "",
                                    "### 日々のニュース要約",
                                    "",
                                    "",
                                    "### 日本のインシデント事例",
                                    "N/A",
                                    "",
                                    "### その他のメモ"}) +
                             "N/A";
    // Inserting N/A is unsafe (the section may be unwritten): applied with
    // --unsafe-fixes only.
    CHECK(fix_until_stable(linter, text, false).applied == 0);
    const FixOutcome outcome = fix_until_stable(linter, text, true);
    CHECK(outcome.applied == 1);
    CHECK(outcome.remaining.empty());
    CHECK(outcome.text.find("### 日々のニュース要約" + eol + "N/A" + eol) != std::string::npos);
    CHECK(outcome.text.size() == text.size() + 3 + eol.size());
    CHECK(outcome.text.substr(outcome.text.size() - 3) == "N/A");

    // The last section empty, its heading the last line: N/A goes after it.
    const std::string last_empty = text.substr(0, text.size() - 3 - eol.size());
    REQUIRE(last_empty.ends_with("### その他のメモ"));
    const FixOutcome fixed = fix_until_stable(linter, last_empty, true);
    CHECK(fixed.text.substr(fixed.text.size() - (eol.size() + 3)) == eol + "N/A");
  }
}
