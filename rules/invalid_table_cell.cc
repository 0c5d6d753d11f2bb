// DL120 invalid-table-cell
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Checks each cell of a column that the schema gives a closed set of
`values` or a typed `pattern` (`{date}`, `{n}`, `{week}`...): the cell is
one of the values, or has the pattern's shape and means something (a
real date).

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

A column with a closed set of values is how reports are filtered and
counted; "重大" where the set is 高/中/低 drops out of every count.

## Example

```markdown
| 分類 | 件数 | 深刻度 |
| --- | --- | --- |
| 技術 | 二 | 重大 |
```

## Use instead

```markdown
| 分類 | 件数 | 深刻度 |
| --- | --- | --- |
| 技術 | 2 | 高 |
```

## Fix

A cell that equals one value ignoring case and width ("ｈｉｇｈ" for
"high") is replaced by it (safe).
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class InvalidTableCell final : public Rule {
 public:
  explicit InvalidTableCell(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::TableCell);
  }
};

}  // namespace

extern const RuleInfo kInvalidTableCell{
    .code = "DL120",
    .name = "invalid-table-cell",
    .summary = "A table cell is not one of its column's values or does not match its pattern",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<InvalidTableCell>,
    .has_fix = true,
};

}  // namespace digestlint
