// DL310 indented-label
#include "article_support.h"
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a label that does not start at column 0: `  - その他` after the
items of 推奨事項, or every label of an article shifted by a space.

## Why is this bad?

Markdown nests an indented label under the block before it: `  - その他`
becomes an item of 推奨事項, and its own items go one level deeper. The
article still looks almost right in an editor and wrong on GitHub.

## Example

```markdown
- 推奨事項
    - パッチを適用する
  - その他
    - なし
```

## Use instead

```markdown
- 推奨事項
    - パッチを適用する
- その他
    - なし
```

## Fix

Removes the indentation (safe).
)md";

class IndentedLabel final : public Rule {
 public:
  explicit IndentedLabel(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    for (const ArticleLabel& l : ctx.digest.labels) {
      if (!l.indented || !l.bullet || l.spec < 0) continue;
      const Line& line = ctx.doc.lines[l.line];
      const ByteRange indent{line.begin, line.indent_end};
      report
          .report(indent, "label '{}' is indented {} {}; labels start at column 0",
                  rules::label_name(ctx, l), line.indent, line.indent == 1 ? "space" : "spaces")
          .fix("remove the indentation", indent, "");
    }
  }
};

}  // namespace

extern const RuleInfo kIndentedLabel{
    .code = "DL310",
    .name = "indented-label",
    .summary = "A label not at column 0",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<IndentedLabel>,
    .has_fix = true,
};

}  // namespace digestlint
