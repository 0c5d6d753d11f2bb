// DL309 label-alias
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a label written as one of the known variants the schema lists as
its `aliases`: `ChatGPTの推奨事項を記載` and `推奨事項の記載`, the
prompt's own wording for the ChatGPTの推奨事項 and 推奨事項 labels. The
label is accepted (it counts as present and in order); only its spelling
is reported.

The legacy schema accepts `ChatGPTの推奨事項を記載` silently: it was the
label of 2023.

## Why is this bad?

The prompt names the items it asks for with verbs ("…を記載"); the digest
labels are the nouns. Mixed spellings break searches and tools that read
the labels.

## Example

```markdown
- ChatGPTの推奨事項を記載
    - 多要素認証を有効にする
```

## Use instead

```markdown
- ChatGPTの推奨事項
    - 多要素認証を有効にする
```

## Fix

Renames the label (safe).
)md";

class LabelAlias final : public Rule {
 public:
  explicit LabelAlias(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    for (const ArticleLabel& l : ctx.digest.labels) {
      if (l.match != LabelMatch::Alias) continue;
      const std::string& want = ctx.schema.articles.labels[l.spec].name;
      report
          .report(l.name, "label '{}' is a variant of '{}'; write '{}'",
                  quote_for_message(ctx.text(l.name)), want, want)
          .fix(fmt::format("rename to '{}'", want), l.name, want);
    }
  }
};

}  // namespace

extern const RuleInfo kLabelAlias{
    .code = "DL309",
    .name = "label-alias",
    .summary = "A label written as a known variant (ChatGPTの推奨事項を記載)",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<LabelAlias>,
    .has_fix = true,
};

}  // namespace digestlint
