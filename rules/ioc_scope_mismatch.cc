// DL405 ioc-scope-mismatch
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "model/articles.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an IOC entry whose field 5 does not fit its 分類: an IPアドレス
takes `グローバル` or `プライベート`, every other 分類 takes `NA(IP以外)`.
For a 分類 outside the schema's, the value decides: an IP-shaped value
takes グローバル/プライベート, anything else `NA(IP以外)`.

## Why is this bad?

"Global or private" is a property of IP addresses only; `グローバル` on a
domain or a wallet address means a field was filled in by habit, and
filters on routable IPs pick the entry up wrongly.

## Example

```markdown
    - login-portal[.]example,FQDN名,知られていない,フィッシングサイト,グローバル
```

## Use instead

```markdown
    - login-portal[.]example,FQDN名,知られていない,フィッシングサイト,NA(IP以外)
```

## Fix

When the 分類 takes one value, writes it: safe when the value looks like
its 分類, unsafe otherwise (the 分類 may be the wrong field). An IP address
marked `NA(IP以外)` is left to the author (global or private?).
)md";

class IocScopeMismatch final : public Rule {
 public:
  explicit IocScopeMismatch(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const IocSpec& spec = ctx.schema.ioc;
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      if (!rules::scope_mismatch(spec, e)) return;
      const std::vector<std::string_view> allowed = rules::allowed_scopes(spec, e);
      std::string list;
      for (std::string_view s : allowed)
        list += fmt::format("{}{}", list.empty() ? "" : " | ", s);
      auto diag = report.report(e.fields[4], "'{}' does not fit 分類 '{}', which takes {}",
                                quote_for_message(ctx.text(e.fields[4]), 20),
                                quote_for_message(ctx.text(e.fields[1]), 20), list);
      if (allowed.size() != 1) return;
      const bool fits = e.category >= 0 &&
                        value_fits_shape(spec.categories[e.category].shape, e.shape) &&
                        spec.categories[e.category].shape != IocShape::Any;
      diag.fix(fmt::format("replace with '{}'", allowed[0]), e.fields[4], std::string(allowed[0]),
               fits ? Applicability::Safe : Applicability::Unsafe);
    });
  }
};

}  // namespace

extern const RuleInfo kIocScopeMismatch{
    .code = "DL405",
    .name = "ioc-scope-mismatch",
    .summary = "IOC field 5 does not fit the 分類 (グローバル on a domain, NA on an IP)",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<IocScopeMismatch>,
    .has_fix = true,
};

}  // namespace digestlint
