// DL411 service-domain-ioc
#include <algorithm>

#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an IOC whose value is, alone, the domain of a well-known service
(`github.com`, `t.me`, `drive.google.com` is not alone but `google.com`
is): a bare host name, with or without `www.`, found in the schema's
`[ioc] service_domains` list. A URL on the service
(`hxxps://github[.]com/attacker/tool`) or a subdomain the attacker
controls (`attacker.github.io`) is a real indicator and is not reported.

Edit `service_domains` in your schema (start one from `digestlint
--print-schema`) to fit the services your team relies on.

## Why is this bad?

Block lists take an FQDN literally: blocking `github.com` blocks GitHub
for everyone. The article meant the attacker's repository, channel or
file on the service, which the entry does not say.

## Example

```markdown
    - github[.]com,FQDN名,よく知られている,マルウェアの配布元,NA(IP以外)
```

## Use instead

```markdown
    - hxxps://github[.]com/attacker/loader,URL,知られていない,マルウェアの配布元,NA(IP以外)
```
)md";

class ServiceDomainIoc final : public Rule {
 public:
  explicit ServiceDomainIoc(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::vector<std::string>& services = ctx.schema.ioc.service_domains;
    if (services.empty()) return;
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      // A bare host name under one of the schema's categories: under
      // ファイル名 or パッケージ名 a dotted name is not taken for a host.
      if (e.kind != IocKind::Entry || e.shape != ValueShape::Host || e.category < 0) return;
      std::string host = rules::ioc_host(ctx, e);
      if (host.starts_with("www.")) host.erase(0, 4);
      if (std::find(services.begin(), services.end(), host) == services.end()) return;
      report.report(e.fields[0],
                    "IOC value '{}' is the domain of a well-known service ({}): blocking it "
                    "blocks the service; give the URL or the host the attacker controls",
                    quote_for_message(ctx.text(e.fields[0]), 50), host);
    });
  }
};

}  // namespace

extern const RuleInfo kServiceDomainIoc{
    .code = "DL411",
    .name = "service-domain-ioc",
    .summary = "A well-known service's domain alone as an IOC (github.com, t.me)",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<ServiceDomainIoc>,
};

}  // namespace digestlint
