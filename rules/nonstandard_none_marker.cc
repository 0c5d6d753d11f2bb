// DL315 nonstandard-none-marker
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a label block whose only item says "nothing" in another way than
the label's marker: `なし` under IOCの列挙 (which says `IOC情報なし`),
`不明`, `N/A`, `該当情報なし`, or another label's marker. The variants
are the schema's `none_variants` (matched ignoring case and width) plus
the other labels' markers.

`不明` ("unknown") inside a sentence is ordinary text and is not
reported; only a lone `不明` standing for "nothing" is.

## Why is this bad?

Each label has one way of saying "nothing to report", so that a search
for `IOC情報なし` finds every article without indicators.

## Example

```markdown
- IOCの列挙
    - なし
```

## Use instead

```markdown
- IOCの列挙
    - IOC情報なし
```

## Fix

Replaces the variant with the label's marker (safe).
)md";

class NonstandardNoneMarker final : public Rule {
 public:
  explicit NonstandardNoneMarker(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const ArticleSpec& spec = ctx.schema.articles;
    const std::vector<rules::BlockSummary>& summaries = rules::label_summaries(ctx);
    for (std::size_t k = 0; k < ctx.digest.labels.size(); ++k) {
      const ArticleLabel& l = ctx.digest.labels[k];
      if (l.spec < 0) continue;
      const rules::BlockSummary& s = summaries[k];
      if (s.markers != 1 || s.real > 0) continue;  // beside items: none-marker-with-items'
      const ArticleItem& it = ctx.digest.items[s.first_marker];
      const std::string& marker = spec.labels[l.spec].none_marker;
      const std::string_view text = ctx.text(it.text);
      if (text == marker) continue;
      report
          .report(it.text, "'{}' under '{}'; this label says '{}' when there is nothing",
                  quote_for_message(text), spec.labels[l.spec].name, marker)
          .fix(fmt::format("replace with '{}'", marker), it.text, marker);
    }
  }
};

}  // namespace

extern const RuleInfo kNonstandardNoneMarker{
    .code = "DL315",
    .name = "nonstandard-none-marker",
    .summary = "A label's 'nothing' item written another way ('なし' for 'IOC情報なし', '不明')",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<NonstandardNoneMarker>,
    .has_fix = true,
};

}  // namespace digestlint
