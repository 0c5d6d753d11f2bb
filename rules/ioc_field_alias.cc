// DL403 ioc-field-alias
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an IOC field written as an accepted alias of its value: 分類
`FQDN` (for `FQDN名`), field 3 `知られている` (for `よく知られている`),
field 5 `NA` (for `NA(IP以外)`), and the same values written in another
width or case. The aliases are the schema's, per value. A value followed
by a note in parentheses (`グローバル(AS番号)`) is reported too: the note
belongs in the context.

## Why is this bad?

Filters match the exact enumeration values; `NA` and `NA(IP以外)` sort
into two groups.

## Example

```markdown
    - files[.]example[.]net,FQDN,知られていない,偽のパッケージミラー,NA
```

## Use instead

```markdown
    - files[.]example[.]net,FQDN名,知られていない,偽のパッケージミラー,NA(IP以外)
```

## Fix

Replaces the alias with the value (safe). A note in parentheses is left
to the author.
)md";

class IocFieldAlias final : public Rule {
 public:
  explicit IocFieldAlias(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const IocSpec& spec = ctx.schema.ioc;
    rules::for_each_ioc(ctx, [&](const IocEntry& e, const ArticleItem&) {
      if (e.kind != IocKind::Entry) return;
      emit(ctx, report, e, 1, e.category >= 0 ? spec.categories[e.category].name : "");
      emit(ctx, report, e, 2, e.familiarity >= 0 ? spec.familiarity[e.familiarity].name : "");
      // A scope its 分類 does not take is ioc-scope-mismatch's, alias or not.
      if (!rules::scope_mismatch(spec, e)) {
        emit(ctx, report, e, 4, e.scope >= 0 ? spec.scopes[e.scope].name : "");
      }
    });
  }

 private:
  static void emit(const LintContext& ctx, Reporter& report, const IocEntry& e, int field,
                   std::string_view name) {
    const FieldMatch m = e.match[field];
    if (name.empty()) return;
    if (m != FieldMatch::Alias && m != FieldMatch::Loose && m != FieldMatch::Annotated) return;
    const std::string written = quote_for_message(ctx.text(e.fields[field]), 40);
    if (m == FieldMatch::Alias || m == FieldMatch::Loose) {
      report
          .report(e.fields[field], "'{}' in {} stands for '{}'; write '{}'", written,
                  rules::ioc_field_name(field), name, name)
          .fix(fmt::format("replace with '{}'", name), e.fields[field], std::string(name));
    } else if (m == FieldMatch::Annotated) {
      report.report(e.fields[field],
                    "'{}' in {} adds a note to '{}'; write '{}' and put the note in the context",
                    written, rules::ioc_field_name(field), name, name);
    }
  }
};

}  // namespace

extern const RuleInfo kIocFieldAlias{
    .code = "DL403",
    .name = "ioc-field-alias",
    .summary = "An IOC field written as an alias ('FQDN', 'NA', '知られている')",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<IocFieldAlias>,
    .has_fix = true,
};

}  // namespace digestlint
