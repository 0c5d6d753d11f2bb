// DL306 duplicate-label
#include "article_support.h"
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a label that appears a second time in the same article. The note
points at the first one.

## Why is this bad?

Each label holds one block; a second `- 推奨事項` splits its items in two,
and tools reading the article keep only one of them.

## Example

```markdown
- 推奨事項
    - パッチを適用する
- その他
    - なし
- 推奨事項
    - 多要素認証を有効にする
```

## Use instead

```markdown
- 推奨事項
    - パッチを適用する
    - 多要素認証を有効にする
- その他
    - なし
```
)md";

class DuplicateLabel final : public Rule {
 public:
  explicit DuplicateLabel(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Digest& d = ctx.digest;
    for (const ArticleLabel& l : d.labels) {
      if (l.duplicate_of == kNone) continue;
      const ArticleLabel& first = d.labels[l.duplicate_of];
      report
          .report(ctx.line_range(l.line),
                  "label '{}' appears twice in this article (first at line {}); merge the "
                  "blocks",
                  rules::label_name(ctx, l), first.line + 1)
          .note(ctx.line_range(first.line), "first '{}' here", rules::label_name(ctx, first));
    }
  }
};

}  // namespace

extern const RuleInfo kDuplicateLabel{
    .code = "DL306",
    .name = "duplicate-label",
    .summary = "A label twice in one article",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<DuplicateLabel>,
};

}  // namespace digestlint
