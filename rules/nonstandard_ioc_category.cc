// DL404 nonstandard-ioc-category
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Notes an IOC entry whose 分類 (field 2) is not one of the format's
categories (IPアドレス, URL, FQDN名) nor an alias of one: `パッケージ名`,
`ファイル名`, `拡張機能名`, `メールアドレス`… (one entry in five in the
archive). Its value is then not checked against a shape. Information only.
A URL or an IP address under such a 分類 is
nonstandard-category-for-known-shape's (a warning with a fix) instead.

## Why is this bad?

The prompt asks for IP addresses, URLs and host names. Other indicators
(packages, files, wallets) are useful, but tools filtering on the three
categories skip them; this note makes them visible.

## Example

```markdown
    - evil-helper-lib,パッケージ名,知られていない,悪意のあるnpmパッケージ,NA(IP以外)
```

## Use instead

Keep the entry if it is useful; the note is informational.
)md";

class NonstandardIocCategory final : public Rule {
 public:
  explicit NonstandardIocCategory(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const IocSpec& spec = ctx.schema.ioc;
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      if (e.kind != IocKind::Entry || e.match[1] != FieldMatch::Other) return;
      if (rules::known_category_for_shape(spec, e) >= 0) return;  // DL413's warning
      report.report(e.fields[1], "分類 '{}' is not one of {}; its value's shape is not checked",
                    quote_for_message(ctx.text(e.fields[1]), 30), rules::category_list(spec));
    });
  }
};

}  // namespace

extern const RuleInfo kNonstandardIocCategory{
    .code = "DL404",
    .name = "nonstandard-ioc-category",
    .summary = "An IOC 分類 outside IPアドレス / URL / FQDN名 (information)",
    .default_severity = Severity::Info,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<NonstandardIocCategory>,
};

}  // namespace digestlint
