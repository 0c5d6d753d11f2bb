// DL316 none-marker-with-items
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a "nothing" marker (`IOC情報なし`, `推奨事項なし`, `なし`, or a
variant such as `不明`) in a label block that also has real items. A line
pointing at the source's IOC list (`IOC情報はこちら: …`) is not a real
item.

## Why is this bad?

The block says both "nothing" and something: a reader cannot tell which
is true, and a search for the marker finds articles that have content.

## Example

```markdown
- 推奨事項
    - パッチを適用する
    - 推奨事項なし
```

## Use instead

```markdown
- 推奨事項
    - パッチを適用する
```

## Fix

Deletes the marker's line (safe: the items stay).
)md";

class NoneMarkerWithItems final : public Rule {
 public:
  explicit NoneMarkerWithItems(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Digest& d = ctx.digest;
    const std::vector<rules::BlockSummary>& summaries = rules::label_summaries(ctx);
    for (std::size_t k = 0; k < d.labels.size(); ++k) {
      const ArticleLabel& l = d.labels[k];
      if (l.spec < 0) continue;
      const rules::BlockSummary& s = summaries[k];
      if (s.markers == 0 || s.real == 0) continue;
      for (std::uint32_t i = l.first_item; i < l.end_item; ++i) {
        const ArticleItem& it = d.items[i];
        if (!it.none_marker || it.leak || !it.top) continue;
        const bool nested = i + 1 < l.end_item && !d.items[i + 1].top;
        auto diag = report.report(ctx.line_range(it.line),
                                  "'{}' says there is nothing under '{}', but the block has {} {}; "
                                  "remove the marker or the items",
                                  quote_for_message(ctx.text(it.text)), rules::label_name(ctx, l),
                                  s.real, s.real == 1 ? "item" : "items");
        if (!nested) diag.fix("delete the marker", rules::whole_line(ctx, it.line), "");
      }
    }
  }
};

}  // namespace

extern const RuleInfo kNoneMarkerWithItems{
    .code = "DL316",
    .name = "none-marker-with-items",
    .summary = "A 'nothing' marker beside real items in one label block",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<NoneMarkerWithItems>,
    .has_fix = true,
};

}  // namespace digestlint
