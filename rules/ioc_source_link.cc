// DL408 ioc-source-link
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a line under `- IOCの列挙` that points at where the indicators
are instead of listing them: `IOC情報はこちら: https://…`,
`IOCの一覧はこちらに記載 -> https://…`. The message carries the URL.

## Why is this bad?

It is not an IOC entry, so tools reading the block either choke on it or
take the source's URL for an indicator; and its URL is live in a block
that must hold only defanged values.

## Example

```markdown
- IOCの列挙
    - IOC情報はこちら: https://example.com/report/iocs.csv
```

## Use instead

```markdown
- IOCの列挙
    - IOC情報なし
- その他
    - IOCは公開レポートに掲載 (https://example.com/report/iocs.csv)
```
)md";

class IocSourceLink final : public Rule {
 public:
  explicit IocSourceLink(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      if (e.kind != IocKind::SourceLink) return;
      report.report(e.text,
                    "not an IOC entry: a pointer to the source's IOC list ({}); list the entries, "
                    "or say 'IOC情報なし' and cite the source under その他",
                    quote_for_message(ctx.text(e.link), 80));
    });
  }
};

}  // namespace

extern const RuleInfo kIocSourceLink{
    .code = "DL408",
    .name = "ioc-source-link",
    .summary = "A line under IOCの列挙 that links to the source's IOC list instead of listing them",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<IocSourceLink>,
};

}  // namespace digestlint
