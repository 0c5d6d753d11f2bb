// DL407 live-ioc-value
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "digestlint/url.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

A safety rule: reports an IOC value (field 1) that is live, i.e. could be
clicked or resolved by accident:

- it carries a live `http://` or `https://` scheme;
- it is a network value (an IPv4 address, a host name, a URL, an e-mail
  address) with no defanged dot at all (`[.]`, `[dot]`, `(.)`).

Partial defanging (`vpn2.example[.]com`, `192.0.2[.]1`) is common CTI
practice and allowed; the option `require-every-dot` reports any live dot
in the host part. An IPv6 address has no dots: it is live when nothing in
it is defanged, and is defanged by writing `[:]` for its colons. Host names
are told from package IDs and file names by their top-level domain; under
a 分類 outside the schema's (ファイル名, パッケージ名), a bare dotted name
is taken as a file or package, not a host.

## Why is this bad?

A digest is read in browsers, chat previews and mail clients that turn
live URLs and domains into links and fetch previews: a live indicator can
send a reader, or a crawler, to the attacker's server.

## Example

```markdown
    - https://login-portal.example.com/auth,URL,知られていない,フィッシングサイト,NA(IP以外)
```

## Use instead

```markdown
    - hxxps://login-portal[.]example[.]com/auth,URL,知られていない,フィッシングサイト,NA(IP以外)
```

## Fix

Writes `hxxp` for the scheme and `[.]` for the live dots of the host
(safe: defanging is what the format asks for).
)md";

class LiveIocValue final : public Rule {
 public:
  explicit LiveIocValue(const RuleOptions& options)
      : every_dot_(options.get_bool("require-every-dot")) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      if (e.kind == IocKind::SourceLink || e.fields[0].empty()) return;
      // Quoted only for a finding: most values are fine.
      auto value = [&] { return quote_for_message(ctx.text(e.fields[0]), 50); };
      std::vector<Edit> edits;
      auto defang_dots = [&] {
        const std::string_view host = ctx.text(e.host);
        for (std::size_t i = 0; i < host.size(); ++i) {
          const auto at = static_cast<Offset>(e.host.begin + i);
          if (is_live_dot(host, i)) edits.push_back(Edit{{at, at + 1}, "[.]"});
        }
      };
      if (!e.live_scheme.empty()) {
        edits.push_back(Edit{e.live_scheme, "hxxp"});
        if (e.defanged_dots == 0) defang_dots();
        report
            .report(ByteRange{e.live_scheme.begin, e.fields[0].end},
                    "IOC value '{}' has a live '{}' scheme; defang it as 'hxxp'", value(),
                    ctx.text(e.live_scheme))
            .fix("defang the value", std::move(edits));
        return;
      }
      if (e.shape == ValueShape::Ip6 && !is_defanged(ctx.text(e.fields[0]))) {
        const std::string_view host = ctx.text(e.host);
        for (std::size_t i = 0; i < host.size(); ++i) {
          const auto at = static_cast<Offset>(e.host.begin + i);
          if (host[i] == ':') edits.push_back(Edit{{at, at + 1}, "[:]"});
        }
        report
            .report(e.fields[0],
                    "IOC value '{}' is a live IPv6 address: nothing in it is defanged; write "
                    "'[:]' for its colons",
                    value())
            .fix("defang the colons", std::move(edits));
        return;
      }
      const bool network = e.shape == ValueShape::Ip4 || e.shape == ValueShape::Url ||
                           e.shape == ValueShape::Email ||
                           (e.shape == ValueShape::Host && e.match[1] != FieldMatch::Other);
      if (!network || e.live_dots == 0) return;
      if (e.defanged_dots == 0) {
        defang_dots();
        if (e.shape == ValueShape::Host) {
          // Taken for a host because its 分類 says so and it ends in a TLD;
          // a file name filed as FQDN名 ("loader.so") is wrong either way.
          report
              .report(e.fields[0],
                      "IOC value '{}' (分類 '{}') is a live host name: none of its dots is "
                      "defanged; write '[.]' (or correct the 分類 if it is not a host)",
                      value(), quote_for_message(ctx.text(e.fields[1]), 20))
              .fix("defang the dots", std::move(edits));
        } else {
          report
              .report(e.fields[0],
                      "IOC value '{}' is live: none of its dots is defanged; write '[.]'", value())
              .fix("defang the dots", std::move(edits));
        }
      } else if (every_dot_) {
        defang_dots();
        report
            .report(e.fields[0], "IOC value '{}' is partly defanged: {} {} of its host still live",
                    value(), e.live_dots, e.live_dots == 1 ? "dot" : "dots")
            .fix("defang the remaining dots", std::move(edits));
      }
    });
  }

 private:
  bool every_dot_;
};

}  // namespace

extern const RuleInfo kLiveIocValue{
    .code = "DL407",
    .name = "live-ioc-value",
    .summary = "An IOC value not defanged (live http(s):// or no '[.]' at all)",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {OptionSpec{"require-every-dot", false,
                           "also report partly defanged values: every dot of the host must be "
                           "'[.]'"}},
    .create = make_rule<LiveIocValue>,
    .has_fix = true,
};

}  // namespace digestlint
