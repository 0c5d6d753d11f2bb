// DL122 list-item-mismatch
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Checks a `content = "list"` section: the number of its top-level items
is between `min_items` and `max_items`, and each item matches the
schema's `item_pattern` (with typed parts: a `{date}` must be a real
date).

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

A list the schema sizes ("at least one plan for next week") that is
empty, or items that lost their required shape ("2026-05-11: ..."), are a
report that cannot be read the way the others are.

## Example

```markdown
## 4. 来週の予定

なし
```

## Use instead

```markdown
## 4. 来週の予定

- 2026-05-11: リリース判定
```
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class ListItemMismatch final : public Rule {
 public:
  explicit ListItemMismatch(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::ListItems);
  }
};

}  // namespace

extern const RuleInfo kListItemMismatch{
    .code = "DL122",
    .name = "list-item-mismatch",
    .summary =
        "A list section has too few or too many items, or an item that does not match its pattern",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<ListItemMismatch>,
    .has_fix = false,
};

}  // namespace digestlint
