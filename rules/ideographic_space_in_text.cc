// DL511 ideographic-space-in-text
#include <cstdint>
#include "digestlint/prose.h"

#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports the ideographic space U+3000 (`　`, full-width space) used between
words in body text. Headings, link text and text inside `「」`/`『』` are
not checked: there U+3000 is the separator of a quoted Japanese headline
(`韓国裁判所にサイバー攻撃　北朝鮮か`), which the digest keeps as
published. At the end of a line it is `trailing-whitespace`'s finding.

## Why is this bad?

In a digest's own sentences a full-width space is an input-method slip:
it looks like a wide gap, and a search for the phrase with an ASCII space
(or none) does not find it.

## Example

```markdown
- 攻撃者は　管理者権限を取得した
```

## Use instead

```markdown
- 攻撃者は管理者権限を取得した
```
)md";

class IdeographicSpaceInText final : public Rule {
 public:
  explicit IdeographicSpaceInText(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::string_view bytes = ctx.source.bytes();
    const prose::Index& index = prose::index(ctx);
    const std::vector<std::uint32_t>& hits = index.of(prose::kIdeographicSpace);
    QuoteScan quotes;
    for (std::size_t k = 0; k < hits.size();) {
      const prose::Hit& first = index.hits[hits[k]];
      const Offset end = prose::next_run(index, hits, k).end;
      const prose::Segment& s = index.segments[first.segment];
      if (s.heading || s.kind == RunKind::LinkText) continue;
      const Line& line = ctx.doc.lines[s.line];
      if (end >= line.trailing_ws || first.at <= line.content_begin) continue;
      if (inside_quotes(bytes, line.begin, s.line, first.at, quotes)) continue;
      const std::string_view text = bytes.substr(s.range.begin, s.range.size());
      report.report({first.at, end},
                    "ideographic space U+3000 in text: '{}'; delete it or write an ASCII space",
                    prose::quote_context(text, first.at - s.range.begin, end - s.range.begin));
    }
  }

 private:
  // How far a line has been scanned for quotes, so many hits on one line
  // cost one pass over it, not one per hit.
  struct QuoteScan {
    std::uint32_t line = UINT32_MAX;
    Offset next = 0;  // the next 3-byte window to look at
    int depth = 0;
  };

  // Whether the line up to `at` has an unclosed 「 or 『.
  static bool inside_quotes(std::string_view bytes, Offset line_begin, std::uint32_t line,
                            Offset at, QuoteScan& scan) {
    if (scan.line != line || at < scan.next) scan = QuoteScan{line, line_begin, 0};
    for (; scan.next + 3 <= at; ++scan.next) {
      const std::string_view c = bytes.substr(scan.next, 3);
      if (c == "「" || c == "『") ++scan.depth;
      if ((c == "」" || c == "』") && scan.depth > 0) --scan.depth;
    }
    return scan.depth > 0;
  }
};

}  // namespace

extern const RuleInfo kIdeographicSpaceInText{
    .code = "DL511",
    .name = "ideographic-space-in-text",
    .summary = "Ideographic space U+3000 between words of body text",
    .default_severity = Severity::Info,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<IdeographicSpaceInText>,
    .has_fix = false,
};

}  // namespace digestlint
