// DL307 label-out-of-order
#include "article_support.h"
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a label that is not in the schema's order (要約, IOCの列挙,
推奨事項, その他, ChatGPTの推奨事項, 追記). Only the labels outside the
longest run already in order are reported, so one misplaced label is one
finding.

## Why is this bad?

Readers scan every article the same way; tools that read the digest
expect the blocks in order.

## Example

```markdown
- 要約
    - 通販サイトで顧客情報が流出した
- 推奨事項
    - 推奨事項なし
- IOCの列挙
    - IOC情報なし
```

## Use instead

```markdown
- 要約
    - 通販サイトで顧客情報が流出した
- IOCの列挙
    - IOC情報なし
- 推奨事項
    - 推奨事項なし
```
)md";

class LabelOutOfOrder final : public Rule {
 public:
  explicit LabelOutOfOrder(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const ArticleSpec& spec = ctx.schema.articles;
    const Digest& d = ctx.digest;
    for (const Article& a : d.articles) {
      for (std::uint32_t i = a.first_label; i < a.end_label; ++i) {
        const ArticleLabel& l = d.labels[i];
        if (l.spec < 0 || l.duplicate_of != kNone || l.in_order) continue;
        // The in-order label it should follow: the last one of a lower spec.
        std::string_view after;
        for (std::uint32_t j = a.first_label; j < a.end_label; ++j) {
          const ArticleLabel& o = d.labels[j];
          if (o.in_order && o.duplicate_of == kNone && o.spec >= 0 && o.spec < l.spec) {
            after = spec.labels[o.spec].name;
          }
        }
        if (after.empty()) {
          report.report(ctx.line_range(l.line),
                        "label '{}' is out of order; it comes first in an article ({})",
                        spec.labels[l.spec].name, rules::label_list(spec));
        } else {
          report.report(ctx.line_range(l.line),
                        "label '{}' is out of order; it belongs after '{}' ({})",
                        spec.labels[l.spec].name, after, rules::label_list(spec));
        }
      }
    }
  }
};

}  // namespace

extern const RuleInfo kLabelOutOfOrder{
    .code = "DL307",
    .name = "label-out-of-order",
    .summary = "A label out of the schema's order",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<LabelOutOfOrder>,
};

}  // namespace digestlint
