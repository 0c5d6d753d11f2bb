// DL401 malformed-ioc-entry
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a line under `- IOCの列挙` that is neither `IOC情報なし` nor an
IOC entry of five comma-separated fields:

```
<value>,<分類>,<よく知られている|知られていない>,<context>,<グローバル|プライベート|NA(IP以外)>
```

The fields are found around the closed enumerations of fields 3 and 5, so
a comma inside the context (`約28,900回`) or inside the value (a
User-Agent) is not a sixth field. Reported: a missing field (usually the
fifth), a bare value with no fields, a line that cannot be split into the
five fields, and prose filed under IOCの列挙. A line pointing at the
source's IOC list is ioc-source-link's.

## Why is this bad?

IOC entries are data: tools split them on commas to feed block lists and
searches. An entry with a missing field shifts every field after it.

## Example

```markdown
- IOCの列挙
    - update-check[.]example,FQDN名,知られていない,C2サーバー
```

## Use instead

```markdown
- IOCの列挙
    - update-check[.]example,FQDN名,知られていない,C2サーバー,NA(IP以外)
```
)md";

class MalformedIocEntry final : public Rule {
 public:
  explicit MalformedIocEntry(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const IocSpec& spec = ctx.schema.ioc;
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem& item) {
      const std::string_view text = ctx.text(e.text);
      if (e.kind == IocKind::SourceLink) return;
      // A line without "- " (a none-marker, an entry broken over two
      // lines) is stray-line-in-article's.
      if (!item.bullet && !e.anchored && e.raw_fields != 5) return;
      if (e.kind == IocKind::NotCsv) {
        if (e.shape != ValueShape::Other) {
          report.report(e.text,
                        "IOC entry '{}' has only its value; an entry has 5 fields: "
                        "value,分類,よく知られているか,context,{}",
                        quote_for_message(text, 40), rules::value_list(spec.scopes));
        } else if (item.label == kNone) {
          // An item of a content = "ioc" section: no label, no none-marker.
          report.report(e.text,
                        "'{}' is not an IOC entry; an IOC list holds 'value,分類,…' entries or "
                        "'{}'",
                        quote_for_message(text, 40), ctx.schema.empty_marker);
        } else {
          report.report(e.text,
                        "'{}' is not an IOC entry; IOCの列挙 holds 'value,分類,…' entries or "
                        "'IOC情報なし'",
                        quote_for_message(text, 40));
        }
        return;
      }
      if (!e.anchored) {
        if (e.raw_fields == 5) return;  // positional: invalid-ioc-field's
        report.report(e.text,
                      "IOC entry has {} comma-separated {}, and its fields cannot be told apart; "
                      "expected 5: value,分類,{},context,{}",
                      e.raw_fields, e.raw_fields == 1 ? "field" : "fields",
                      rules::value_list(spec.familiarity), rules::value_list(spec.scopes));
        return;
      }
      const bool no_context = e.match[3] == FieldMatch::Missing;
      const bool no_scope = e.match[4] == FieldMatch::Missing;
      if (no_context && no_scope) {
        report.report(ByteRange{e.text.end, e.text.end},
                      "IOC entry ends after field 3; fields 4 (context) and 5 ({}) are missing",
                      rules::value_list(spec.scopes));
      } else if (no_scope) {
        report.report(ByteRange{e.text.end, e.text.end},
                      "IOC entry has 4 fields; field 5 ({}) is missing",
                      rules::value_list(spec.scopes));
      } else if (no_context) {
        report.report(e.fields[3], "IOC entry has 4 fields; field 4 (the context) is missing");
      }
    });
  }
};

}  // namespace

extern const RuleInfo kMalformedIocEntry{
    .code = "DL401",
    .name = "malformed-ioc-entry",
    .summary = "A line under IOCの列挙 that is not a 5-field IOC entry",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MalformedIocEntry>,
};

}  // namespace digestlint
