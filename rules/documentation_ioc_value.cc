// DL409 documentation-ioc-value
#include <array>

#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "digestlint/url.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an IOC value that is reserved for documentation and examples, so
it cannot be a real indicator:

- an address in a documentation block of the IANA special-purpose
  registries: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737),
  2001:db8::/32 (RFC 3849), 3fff::/20 (RFC 9637);
- a host (alone, in a URL or in an e-mail address) under `example.com`,
  `example.net` or `example.org` (RFC 2606), or in the special-use
  top-level domains `.example`, `.test` or `.invalid` (RFC 2606, 6761).

## Why is this bad?

Such a value comes from a placeholder or an example the summary copied,
not from the report: blocking it does nothing, and the real indicator is
missing from the digest.

## Example

```markdown
    - 203.0.113[.]7,IPアドレス,知られていない,C2サーバー,グローバル
```

## Use instead

The indicator the source gives, or `IOC情報なし` when it gives none:

```markdown
    - 185.220.101[.]4,IPアドレス,知られていない,C2サーバー,グローバル
```
)md";

// RFC 2606 second-level names, and the special-use TLDs for examples.
constexpr std::array<std::string_view, 3> kExampleDomains = {"example.com", "example.net",
                                                             "example.org"};
constexpr std::array<std::string_view, 3> kExampleTlds = {"example", "test", "invalid"};

// The reserved name `host` is or is under, or empty.
std::string_view reserved_name(std::string_view host) {
  for (std::string_view d : kExampleDomains) {
    if (host == d ||
        (host.size() > d.size() && host.ends_with(d) && host[host.size() - d.size() - 1] == '.')) {
      return d;
    }
  }
  const std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos) return {};
  for (std::string_view tld : kExampleTlds) {
    if (host.substr(dot + 1) == tld) return tld;
  }
  return {};
}

class DocumentationIocValue final : public Rule {
 public:
  explicit DocumentationIocValue(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      if (e.kind != IocKind::Entry || e.fields[0].empty()) return;
      // Quoted only for a finding: most values are fine.
      auto value = [&] { return quote_for_message(ctx.text(e.fields[0]), 50); };
      if (const std::optional<IpAddress> ip = rules::ioc_address(ctx, e)) {
        const IpBlock* block = special_purpose_block(*ip);
        if (block == nullptr || block->ip_class != IpClass::Documentation) return;
        const IpAddress network{block->family, block->prefix};
        report.report(e.fields[0],
                      "IOC value '{}' is in {}/{}, reserved for {} ({}): not a real indicator",
                      value(), network.to_string(), block->length, block->name, block->reference);
        return;
      }
      const std::string host = rules::ioc_host(ctx, e);
      const std::string_view name = reserved_name(host);
      if (name.empty()) return;
      report.report(e.fields[0],
                    "IOC value '{}' is under '{}', reserved for examples (RFC 2606): not a real "
                    "indicator",
                    value(), name);
    });
  }
};

}  // namespace

extern const RuleInfo kDocumentationIocValue{
    .code = "DL409",
    .name = "documentation-ioc-value",
    .summary = "An IOC value reserved for documentation (192.0.2.0/24, example.com, .test)",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<DocumentationIocValue>,
};

}  // namespace digestlint
