// DL126 list-nesting-mismatch
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Checks `max_depth` of a `content = "list"` section: the levels its items
may take (1: no nested items). Each item one level too deep is reported;
the items under it go with it. The step of each level (`nesting_step`,
by default the schema's `[lists] indent`) is bad-indentation's (DL204),
which measures this section's items by it.

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

A list the schema keeps flat or two levels deep is read and parsed by
its levels; an item pushed one level further is a detail a reader or a
script does not expect there.

## Example

```markdown
## 2. 進捗

- 認証を実装した
  - トークンの更新
    - 期限の延長
```

## Use instead

```markdown
## 2. 進捗

- 認証を実装した
  - トークンの更新と期限の延長
```
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class ListNestingMismatch final : public Rule {
 public:
  explicit ListNestingMismatch(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::ListNesting);
  }
};

}  // namespace

extern const RuleInfo kListNestingMismatch{
    .code = "DL126",
    .name = "list-nesting-mismatch",
    .summary = "An item of a list section is nested deeper than the section's max_depth",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<ListNestingMismatch>,
    .has_fix = false,
};

}  // namespace digestlint
