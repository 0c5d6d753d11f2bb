// DL406 ioc-value-mismatch
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "model/articles.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an IOC value that does not look like its 分類, once refanged:

- `IPアドレス`: an IPv4 or IPv6 address (a port is allowed);
- `URL`: a scheme (`hxxps://…`) or a host followed by a path;
- `FQDN名`: a host name ending in a real top-level domain.

Host names are told from package IDs and file names (`com.example.app`,
`loader[.]dll`) by their top-level domain. A 分類 outside the schema's is
not checked.

## Why is this bad?

Tools route entries by 分類: a bare domain filed as URL, or a file name
filed as FQDN名, lands in the wrong block list.

## Example

```markdown
    - login-portal[.]example[.]com,URL,知られていない,フィッシングサイト,NA(IP以外)
```

## Use instead

```markdown
    - login-portal[.]example[.]com,FQDN名,知られていない,フィッシングサイト,NA(IP以外)
```

## Fix

When the value looks like exactly one other 分類, writes that 分類
(unsafe: the value may be the wrong field).
)md";

std::string_view describe(ValueShape s) {
  switch (s) {
    case ValueShape::Ip4:
    case ValueShape::Ip6:
      return "an IP address";
    case ValueShape::Url:
      return "a URL";
    case ValueShape::Host:
      return "a host name";
    case ValueShape::Email:
      return "an e-mail address";
    case ValueShape::Other:
      break;
  }
  return "";
}

std::string_view expect(IocShape s) {
  switch (s) {
    case IocShape::Ip:
      return "an IP address";
    case IocShape::Url:
      return "a URL (a scheme, or a host and a path)";
    case IocShape::Host:
      return "a host name";
    case IocShape::Any:
      break;
  }
  return "";
}

class IocValueMismatch final : public Rule {
 public:
  explicit IocValueMismatch(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const IocSpec& spec = ctx.schema.ioc;
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      if (e.kind != IocKind::Entry || e.category < 0 || e.fields[0].empty()) return;
      const IocCategorySpec& cat = spec.categories[e.category];
      if (value_fits_shape(cat.shape, e.shape)) return;
      const std::string value = quote_for_message(ctx.text(e.fields[0]), 40);
      const std::string_view looks = describe(e.shape);
      auto diag = looks.empty()
                      ? report.report(e.fields[0], "value '{}' is not {}, as 分類 '{}' says", value,
                                      expect(cat.shape), cat.name)
                      : report.report(e.fields[0], "value '{}' is {}, not {} as 分類 '{}' says",
                                      value, looks, expect(cat.shape), cat.name);
      int other = -1;
      for (std::size_t c = 0; c < spec.categories.size(); ++c) {
        if (spec.categories[c].shape == IocShape::Any ||
            !value_fits_shape(spec.categories[c].shape, e.shape)) {
          continue;
        }
        other = other == -1 ? static_cast<int>(c) : -2;
      }
      if (other >= 0) {
        diag.fix(fmt::format("make the 分類 '{}'", spec.categories[other].name), e.fields[1],
                 spec.categories[other].name, Applicability::Unsafe);
      }
    });
  }
};

}  // namespace

extern const RuleInfo kIocValueMismatch{
    .code = "DL406",
    .name = "ioc-value-mismatch",
    .summary = "An IOC value that does not look like its 分類 (a domain filed as URL)",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<IocValueMismatch>,
    .has_fix = true,
};

}  // namespace digestlint
