// DL413 nonstandard-category-for-known-shape
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an IOC entry whose 分類 (field 2) is none of the format's
(IPアドレス, URL, FQDN名) nor an alias of one, while its value is plainly
one of them: a URL (`hxxps://…`, or a host and a path) or an IP address.
Other values under such a 分類 (packages, files, wallets) are
nonstandard-ioc-category's, which only notes them.

## Why is this bad?

Tools and feeds route entries by 分類: a URL filed as `ウェブサイト` or
`C2` is left out of the URL block list although it is one.

## Example

```markdown
    - hxxps://dl[.]evil-cdn[.]net/setup,ウェブサイト,知られていない,配布サイト,NA(IP以外)
```

## Use instead

```markdown
    - hxxps://dl[.]evil-cdn[.]net/setup,URL,知られていない,配布サイト,NA(IP以外)
```

## Fix

Writes the category the value's shape belongs to (safe: a URL or an
address cannot be anything else; keep what the 分類 said in field 4 if it
mattered).
)md";

class NonstandardCategoryForKnownShape final : public Rule {
 public:
  explicit NonstandardCategoryForKnownShape(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const IocSpec& spec = ctx.schema.ioc;
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      const int known = rules::known_category_for_shape(spec, e);
      if (known < 0) return;
      const std::string& name = spec.categories[known].name;
      report
          .report(e.fields[1], "分類 '{}' is not one of {}, but its value '{}' is {}: write '{}'",
                  quote_for_message(ctx.text(e.fields[1]), 30), rules::category_list(spec),
                  quote_for_message(ctx.text(e.fields[0]), 50),
                  e.shape == ValueShape::Url ? "a URL" : "an IP address", name)
          .fix(fmt::format("make the 分類 '{}'", name), e.fields[1], name);
    });
  }
};

}  // namespace

extern const RuleInfo kNonstandardCategoryForKnownShape{
    .code = "DL413",
    .name = "nonstandard-category-for-known-shape",
    .summary = "A URL or IP address under a 分類 outside IPアドレス / URL / FQDN名",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<NonstandardCategoryForKnownShape>,
    .has_fix = true,
};

}  // namespace digestlint
