// DL308 unknown-label
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a top-level item of an article that is not one of its labels.
When it is close to a label the article lacks (`推奨事もも`,
`ChatG PTの推奨事項`), the message says which one ("did you mean") and it
counts as that label, so it is not also reported as missing. Similarity is
measured, not looked up: edit distance after folding case, width and
spaces. Known variants listed in the schema (`ChatGPTの推奨事項を記載`) are
label-alias's.

## Why is this bad?

A misspelt label hides its block from anyone searching for the label and
from tools that read the digest.

## Example

```markdown
- 推奨事もも
    - パッチを適用する
```

## Use instead

```markdown
- 推奨事項
    - パッチを適用する
```

## Fix

Renames a near miss to the label (safe when they differ only in case,
width or spaces, unsafe otherwise).
)md";

class UnknownLabel final : public Rule {
 public:
  explicit UnknownLabel(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const ArticleSpec& spec = ctx.schema.articles;
    for (const ArticleLabel& l : ctx.digest.labels) {
      const std::string_view written = ctx.text(l.name);
      if (l.match == LabelMatch::NearMiss) {
        const LabelSpec& label = spec.labels[l.spec];
        const std::string& want = label.name;
        const bool same = fold_for_match(written) == label.folded_name();
        report
            .report(l.name, "'{}' is not a label; did you mean '{}'?", quote_for_message(written),
                    want)
            .fix(fmt::format("rename to '{}'", want), l.name, want,
                 same ? Applicability::Safe : Applicability::Unsafe);
      } else if (l.match == LabelMatch::Unknown) {
        report.report(ctx.line_range(l.line),
                      "'{}' is not a label; an article's top-level items are its labels ({})",
                      quote_for_message(written, 40), rules::label_list(spec));
      }
    }
  }
};

}  // namespace

extern const RuleInfo kUnknownLabel{
    .code = "DL308",
    .name = "unknown-label",
    .summary = "A top-level item of an article that is not a label (or a misspelt one)",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<UnknownLabel>,
    .has_fix = true,
};

}  // namespace digestlint
