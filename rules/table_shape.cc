// DL119 table-shape
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Checks a `content = "table"` section: it holds a table whose header has
the schema's columns (`[[sections.columns]]`) in order, the required ones
present and no others; between `min_rows` and `max_rows` data rows; and
as many cells in each row as in its header.

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

Tables are read by people and by scripts by their headers. A renamed or
missing column, or a row with a cell too few, shifts every value after it.

## Example

```markdown
| 分類 | 深刻度 |
| --- | --- |
| 技術 | 高 |
```

## Use instead

```markdown
| 分類 | 件数 | 深刻度 |
| --- | --- | --- |
| 技術 | 2 | 高 |
```

## Fix

When exactly one required column is missing and the header has exactly
one cell the schema does not list, standing where the missing column
belongs (between its neighbours in the schema), the finding is one: "has
no column '件数' (expected after '分類'); its header has '件名' there", and
the fix renames that header cell. It is unsafe (applied with
`--unsafe-fixes`): the cells below were written for the old header.
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class TableShape final : public Rule {
 public:
  explicit TableShape(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::TableShape);
  }
};

}  // namespace

extern const RuleInfo kTableShape{
    .code = "DL119",
    .name = "table-shape",
    .summary =
        "A table lacks a column, has an unknown or misplaced one, or the wrong number of rows or "
        "cells",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<TableShape>,
    .has_fix = true,
};

}  // namespace digestlint
