// DL402 invalid-ioc-field
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a field of an IOC entry that is empty or outside its closed
enumeration, at the field's own columns:

- field 1 (value), 2 (分類) or 4 (context) empty;
- field 3 not `よく知られている` / `知られていない` (or an accepted
  spelling, see ioc-field-alias);
- field 5 not `グローバル` / `プライベート` / `NA(IP以外)`: often the
  context written in the scope's place.

A 分類 outside IPアドレス / URL / FQDN名 is nonstandard-ioc-category's.

## Why is this bad?

Fields 3 and 5 are enumerations so that entries can be filtered; free
text there is lost to every filter.

## Example

```markdown
    - 203[.]0[.]113[.]7,IPアドレス,知られていない,攻撃元,C2サーバー
```

## Use instead

```markdown
    - 203[.]0[.]113[.]7,IPアドレス,知られていない,C2サーバー,グローバル
```
)md";

class InvalidIocField final : public Rule {
 public:
  explicit InvalidIocField(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const IocSpec& spec = ctx.schema.ioc;
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      if (e.kind != IocKind::Entry || (!e.anchored && e.raw_fields != 5)) return;
      if (e.match[0] == FieldMatch::Empty) {
        report.report(e.fields[0], "IOC entry has an empty value (field 1)");
      }
      if (e.match[1] == FieldMatch::Empty) {
        report.report(e.fields[1], "IOC entry has an empty 分類 (field 2); expected {}",
                      rules::category_list(spec));
      }
      if (e.match[2] == FieldMatch::Empty || e.match[2] == FieldMatch::Other) {
        report.report(e.fields[2], "'{}' is not {}; expected {}",
                      quote_for_message(ctx.text(e.fields[2]), 30), rules::ioc_field_name(2),
                      rules::value_list(spec.familiarity));
      }
      if (e.match[3] == FieldMatch::Empty) {
        report.report(e.fields[3],
                      "IOC entry has an empty context (field 4); say where the value appears");
      }
      if (e.match[4] == FieldMatch::Empty || e.match[4] == FieldMatch::Other) {
        report.report(e.fields[4], "'{}' is not {}; expected {}",
                      quote_for_message(ctx.text(e.fields[4]), 30), rules::ioc_field_name(4),
                      rules::value_list(spec.scopes));
      }
    });
  }
};

}  // namespace

extern const RuleInfo kInvalidIocField{
    .code = "DL402",
    .name = "invalid-ioc-field",
    .summary = "An IOC field empty or outside its enumeration",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<InvalidIocField>,
};

}  // namespace digestlint
