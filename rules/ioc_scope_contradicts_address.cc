// DL410 ioc-scope-contradicts-address
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "digestlint/url.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an IP address whose scope (field 5) contradicts what the address
is, by the IANA special-purpose address registries:

- `グローバル` on an address that is not globally reachable: private
  (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7), shared
  (100.64.0.0/10), loopback, link-local, multicast, reserved, unspecified
  or benchmarking;
- `プライベート` on an ordinary public address.

Documentation addresses (192.0.2.0/24, …) are documentation-ioc-value's.

## Why is this bad?

Feeds split indicators by scope: a private address marked global is
pushed to perimeter block lists (and blocks nothing, or an internal
host), and a public one marked private is never blocked.

## Example

```markdown
    - 10.20.30[.]40,IPアドレス,知られていない,侵害されたホスト,グローバル
```

## Use instead

```markdown
    - 10.20.30[.]40,IPアドレス,知られていない,侵害されたホスト,プライベート
```

## Fix

Writes the other scope (unsafe: the address itself may be the typo).
)md";

constexpr std::string_view kGlobal = "グローバル";
constexpr std::string_view kPrivate = "プライベート";

class IocScopeContradictsAddress final : public Rule {
 public:
  explicit IocScopeContradictsAddress(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const IocSpec& spec = ctx.schema.ioc;
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      if (e.kind != IocKind::Entry || e.scope < 0) return;
      const std::string_view scope = spec.scopes[e.scope].name;
      if (scope != kGlobal && scope != kPrivate) return;
      const std::optional<IpAddress> ip = rules::ioc_address(ctx, e);
      if (!ip) return;
      const IpClass ip_class = classify_ip(*ip);
      if (ip_class == IpClass::Documentation) return;
      const bool global = is_global_ip(*ip);
      if (global == (scope == kGlobal)) return;
      const std::string value = quote_for_message(ctx.text(e.fields[0]), 50);
      const std::string_view want = global ? kGlobal : kPrivate;
      const std::string what = global
                                   ? std::string("a public address")
                                   : fmt::format("{}, not globally reachable", to_string(ip_class));
      report
          .report(e.fields[4], "'{}' contradicts the address: '{}' is {}; write '{}'",
                  ctx.text(e.fields[4]), value, what, want)
          .fix(fmt::format("replace with '{}'", want), e.fields[4], std::string(want),
               Applicability::Unsafe);
    });
  }
};

}  // namespace

extern const RuleInfo kIocScopeContradictsAddress{
    .code = "DL410",
    .name = "ioc-scope-contradicts-address",
    .summary =
        "グローバル on a private/loopback/multicast/reserved address, or プライベート on a public "
        "one",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<IocScopeContradictsAddress>,
    .has_fix = true,
};

}  // namespace digestlint
