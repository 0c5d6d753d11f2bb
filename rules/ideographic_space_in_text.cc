// DL511 ideographic-space-in-text
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
    for (std::size_t k = 0; k < hits.size();) {
      const prose::Hit& first = index.hits[hits[k]];
      const Offset end = prose::next_run(index, hits, k).end;
      const prose::Segment& s = index.segments[first.segment];
      if (s.heading || s.kind == RunKind::LinkText) continue;
      const Line& line = ctx.doc.lines[s.line];
      if (end >= line.trailing_ws || first.at <= line.content_begin) continue;
      if (inside_quotes(bytes.substr(line.begin, first.at - line.begin))) continue;
      const std::string_view text = bytes.substr(s.range.begin, s.range.size());
      report.report({first.at, end},
                    "ideographic space U+3000 in text: '{}'; delete it or write an ASCII space",
                    prose::quote_context(text, first.at - s.range.begin, end - s.range.begin));
    }
  }

 private:
  // Whether the line up to here has an unclosed 「 or 『.
  static bool inside_quotes(std::string_view before) {
    int depth = 0;
    for (std::size_t i = 0; i + 2 < before.size(); ++i) {
      const std::string_view c = before.substr(i, 3);
      if (c == "「" || c == "『") ++depth;
      if ((c == "」" || c == "』") && depth > 0) --depth;
    }
    return depth > 0;
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
