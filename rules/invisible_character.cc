// DL504 invisible-character
#include <unicode/uchar.h>

#include "digestlint/prose.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports invisible and dangerous characters in prose, link text and
headings included:

- zero-width characters: U+200B ZERO WIDTH SPACE, U+200C, U+200D (except a
  joiner inside an emoji sequence such as woman + ZWJ + laptop, 👩<U+200D>💻), U+2060 WORD JOINER, and
  U+FEFF anywhere but the start of the file (that one is `utf8-bom`);
- control characters other than tab and the line ends (NUL, BEL, ESC, form
  feed, C1 controls, ...);
- bidirectional controls, all twelve of `[:Bidi_Control:]`: the overrides
  and embeddings U+202A..202E, the isolates U+2066..2069, and the marks
  U+200E, U+200F, U+061C.

Adjacent characters of one kind are one finding.

## Why is this bad?

None of them is visible, and all of them change what the text means to a
machine: `New Horizo<U+200B><U+200B>n` with two zero-width spaces (pasted from a web page)
is not found by a search for `New Horizon`, a product name cannot be copied
into a query, and control characters break terminals and parsers.
Bidirectional controls make text display in a different order than it is
stored: in a security digest that is a known attack ("Trojan Source",
CVE-2021-42574), where a command or indicator that looks harmless is not
what gets copied.

## Example

```markdown
- Acronis Cyber<U+200B><U+200B> Protect に脆弱性
- 実行されるのは <U+202E>txt.exe<U+202C> です
```

## Use instead

```markdown
- Acronis Cyber Protect に脆弱性
- 実行されるのは exe.txt です
```

## Fix

Deletes the characters; a vertical tab or form feed becomes a space (safe).
)md";

enum class Kind { ZeroWidth, Control, Bidi };

Kind kind_of(UChar32 c) {
  if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL)) return Kind::Bidi;
  if (u_charType(c) == U_CONTROL_CHAR) return Kind::Control;
  return Kind::ZeroWidth;
}

// " (ZERO WIDTH SPACE)"; controls have no name, only their code point.
std::string char_name(UChar32 c) {
  char buf[128];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = u_charName(c, U_UNICODE_CHAR_NAME, buf, sizeof buf, &status);
  if (U_FAILURE(status) || n <= 0) return std::string();
  return fmt::format(" ({})", std::string_view(buf, static_cast<std::size_t>(n)));
}

class InvisibleCharacter final : public Rule {
 public:
  explicit InvisibleCharacter(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    static const icu::UnicodeSet& pictographic =
        prose::frozen_set(u"[[:Extended_Pictographic:][:Emoji_Modifier:]\\uFE0F]");
    const std::string_view bytes = ctx.source.bytes();
    const prose::Index& index = prose::index(ctx);
    const std::vector<std::uint32_t>& hits = index.of(prose::kInvisible);
    for (std::size_t k = 0; k < hits.size();) {
      // A run of adjacent characters of one kind is one finding.
      const prose::Hit& first = index.hits[hits[k]];
      const Kind kind = kind_of(first.c);
      const prose::HitRun run = prose::next_run(
          index, hits, k,
          [](const prose::Hit& a, const prose::Hit& b) { return kind_of(a.c) == kind_of(b.c); });
      const Offset end = run.end;
      const int count = static_cast<int>(run.last - run.first);
      const ByteRange r = index.segments[first.segment].range;
      const std::string_view text = bytes.substr(r.begin, r.size());
      const std::size_t b = first.at - r.begin;
      const bool keep =
          (first.c == 0xFEFF && first.at == 0) ||
          (first.c == 0x200D && count == 1 && joins_emoji(text, b, b + first.size, pictographic));
      if (!keep) report_run(text, r.begin, b, end - r.begin, first.c, kind, count, report);
    }
    // md4c reports NUL apart from the text, so a NUL sits between runs.
    if (!index.has_nul) return;
    Offset nul_reported = 0;  // NULs are reported up to here
    for (const prose::Segment& s : index.segments) {
      check_nul(bytes, s.range.begin, nul_reported, report, true);
      check_nul(bytes, s.range.end, nul_reported, report, false);
    }
  }

 private:
  // A ZWJ between two pictographs (woman, ZWJ, laptop) is part of one emoji.
  static bool joins_emoji(std::string_view text, std::size_t at, std::size_t after,
                          const icu::UnicodeSet& pictographic) {
    const UChar32 before = prose::decode_before(text, at);
    const UChar32 next = after < text.size() ? prose::decode(text, after) : -1;
    return before >= 0 && next >= 0 && pictographic.contains(before) && pictographic.contains(next);
  }

  static void report_run(std::string_view text, Offset origin, std::size_t b, std::size_t e,
                         UChar32 first, Kind kind, int count, Reporter& report) {
    const ByteRange range{origin + static_cast<Offset>(b), origin + static_cast<Offset>(e)};
    const std::string context = prose::quote_context(text, b, e);
    const std::string what =
        fmt::format("{}{}{}", prose::code_point_name(first), char_name(first),
                    count > 1 ? fmt::format(" and {} more", count - 1) : std::string());
    std::string replacement;
    if (kind == Kind::Control) {
      for (std::size_t i = b; i < e; ++i) {
        if (text[i] == '\v' || text[i] == '\f') replacement += ' ';
      }
    }
    const std::string title = replacement.empty() ? "delete it" : "replace it with a space";
    switch (kind) {
      case Kind::Bidi:
        report
            .report(range,
                    "bidirectional control {} in '{}': it makes text display in a different "
                    "order than it is written, the 'Trojan Source' attack (CVE-2021-42574); "
                    "delete it",
                    what, context)
            .fix(title, range, replacement);
        break;
      case Kind::Control:
        report.report(range, "control character {} in '{}'; {}", what, context, title)
            .fix(title, range, replacement);
        break;
      case Kind::ZeroWidth:
        report
            .report(range, "invisible character {} in '{}': it breaks search and copy; delete it",
                    what, context)
            .fix(title, range, replacement);
        break;
    }
  }

  static void check_nul(std::string_view bytes, Offset at, Offset& reported, Reporter& report,
                        bool before) {
    Offset b = at;
    Offset e = at;
    if (before) {
      while (b > reported && bytes[b - 1] == '\0')
        --b;
    } else {
      if (at < reported) return;
      while (e < bytes.size() && bytes[e] == '\0')
        ++e;
    }
    if (b == e) return;
    reported = e;
    report
        .report({b, e}, "control character U+0000{} in text; delete it",
                e - b > 1 ? fmt::format(" and {} more", e - b - 1) : std::string())
        .fix("delete it", ByteRange{b, e}, "");
  }
};

}  // namespace

extern const RuleInfo kInvisibleCharacter{
    .code = "DL504",
    .name = "invisible-character",
    .summary = "Zero-width, control or bidirectional control characters in text",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<InvisibleCharacter>,
    .has_fix = true,
};

}  // namespace digestlint
