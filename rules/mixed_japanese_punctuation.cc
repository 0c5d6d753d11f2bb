// DL506 mixed-japanese-punctuation
#include "digestlint/prose.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports Western punctuation used in Japanese sentences:

- the full-width comma and period `，` `．` (U+FF0C, U+FF0E) in a line of
  Japanese text, unless between digits (`１，０００`);
- an ASCII `,` or `.` directly between two Japanese characters (`攻撃,侵入`),
  never in numbers, versions or host names, which have no Japanese on both
  sides;
- an ASCII `.` that ends a Japanese sentence (`確認された.`), that is after a
  Japanese letter and before the end of the line or a space.

IOC entries are CSV and are never checked (they are not prose).

## Why is this bad?

The digests punctuate Japanese with `、` and `。`. `，．` is the style of
academic papers and reads as out of place; an ASCII comma or period inside
Japanese text is an input-method slip or language-model output, and makes
the sentence look unfinished or machine-made.

## Example

```markdown
- 攻撃者は認証を回避し，管理者権限を取得した．
- 侵入,情報窃取の順で行われた
- 継続的に使用していることが確認されています.
```

## Use instead

```markdown
- 攻撃者は認証を回避し、管理者権限を取得した。
- 侵入、情報窃取の順で行われた
- 継続的に使用していることが確認されています。
```

## Fix

`，` and `,` become `、`, `．` and a sentence-final `.` become `。` (safe; a
sentence-final period followed by one space and more Japanese text loses
the space too). An ASCII `.` between Japanese characters becomes `。` only
as an unsafe fix, since it may be part of a Japanese host or file name.
)md";

bool is_digit(UChar32 c) {
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

class MixedJapanesePunctuation final : public Rule {
 public:
  explicit MixedJapanesePunctuation(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const prose::Index& index = prose::index(ctx);
    for (std::uint32_t h : index.of(prose::kPunctuation)) {
      const prose::Hit& hit = index.hits[h];
      const Line& line = ctx.doc.lines[index.segments[hit.segment].line];
      if (hit.c == 0xFF0C || hit.c == 0xFF0E) {
        check_fullwidth(ctx, line, hit, report);
      } else {
        check_ascii(ctx, line, hit.at, report);
      }
    }
  }

 private:
  static void check_fullwidth(const LintContext& ctx, const Line& line, const prose::Hit& hit,
                              Reporter& report) {
    const std::string_view bytes = ctx.source.bytes();
    const UChar32 prev = prose::decode_before(bytes, hit.at, line.begin);
    const UChar32 next =
        hit.end() < line.end ? prose::decode(bytes.substr(0, line.end), hit.end()) : -1;
    if (is_digit(prev) && is_digit(next)) return;
    if (!prose::has_japanese_letter(ctx.text({line.begin, line.end}))) return;
    const ByteRange range{hit.at, hit.end()};
    const bool comma = hit.c == 0xFF0C;
    report
        .report(range, "full-width {} '{}' in Japanese text; write '{}'",
                comma ? "comma" : "period", comma ? "，" : "．", comma ? "、" : "。")
        .fix(comma ? "replace with '、'" : "replace with '。'", range, comma ? "、" : "。");
  }

  static void check_ascii(const LintContext& ctx, const Line& line, Offset at, Reporter& report) {
    const std::string_view bytes = ctx.source.bytes();
    const std::string_view upto_end = bytes.substr(0, line.end);
    const bool comma = bytes[at] == ',';
    std::size_t prev_begin = 0;
    const UChar32 prev = prose::decode_before(bytes, at, line.begin, &prev_begin);
    const UChar32 next = at + 1 < line.end ? prose::decode(upto_end, at + 1) : -1;
    const icu::UnicodeSet& japanese = prose::japanese_chars();
    if (prev < 0 || !japanese.contains(prev)) return;
    const ByteRange range{at, at + 1};
    if (next >= 0 && japanese.contains(next)) {
      report
          .report(range, "ASCII {} '{}' between Japanese characters in '{}'; write '{}'",
                  comma ? "comma" : "period", comma ? "," : ".",
                  around(bytes.substr(line.content_begin, line.end - line.content_begin),
                         at - line.content_begin),
                  comma ? "、" : "。")
          .fix(comma ? "replace with '、'" : "replace with '。'", range, comma ? "、" : "。",
               comma ? Applicability::Safe : Applicability::Unsafe);
      return;
    }
    if (comma) return;
    // A sentence-final period: after a Japanese letter or closing bracket,
    // then the end of the line, a space, or emphasis markers and then those.
    static const icu::UnicodeSet& closers = prose::frozen_set(u"[」』）】〕〉》]");
    if (!prose::japanese_letters().contains(prev) && !closers.contains(prev)) return;
    Offset p = at + 1;
    while (p < line.end && (bytes[p] == '*' || bytes[p] == '_'))
      ++p;
    const bool line_end = p >= line.trailing_ws;
    const bool space = p < line.end && (bytes[p] == ' ' || bytes.substr(p, 3) == "\u3000");
    if (!line_end && !space) return;
    ByteRange fix_range = range;
    // "ました. 次に" becomes "ました。次に".
    if (p == at + 1 && space && bytes[p] == ' ' && p + 1 < line.end) {
      const UChar32 after_space = prose::decode(upto_end, p + 1);
      if (after_space >= 0 && prose::japanese_chars().contains(after_space)) fix_range.end = p + 1;
    }
    report.report(range, "Japanese sentence ends with an ASCII period '.'; write '。'")
        .fix("replace with '。'", fix_range, "。");
  }

  // Up to six characters on each side of text[at], as written.
  static std::string around(std::string_view text, std::size_t at) {
    std::size_t lo = at;
    for (int k = 0; k < 6 && lo > 0; ++k)
      prose::decode_before(text, lo, 0, &lo);
    std::size_t hi = at + 1;
    for (int k = 0; k < 6 && hi < text.size(); ++k)
      prose::decode(text, hi, &hi);
    return quote_for_message(text.substr(lo, hi - lo));
  }
};

}  // namespace

extern const RuleInfo kMixedJapanesePunctuation{
    .code = "DL506",
    .name = "mixed-japanese-punctuation",
    .summary = "，．in Japanese text, or an ASCII , . used as Japanese punctuation",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MixedJapanesePunctuation>,
    .has_fix = true,
};

}  // namespace digestlint
