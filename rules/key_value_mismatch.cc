// DL121 key-value-mismatch
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Checks a `content = "key-value"` section: each top-level bullet is
`key: value` (ASCII or full-width colon), its key one of the schema's
`[[sections.keys]]`, once, its value present and matching the key's
`values` or typed `pattern`; every required key is there.

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

Key-value bullets are the report's fields; a tool reads them by key. A
misspelt key, a missing one or a value outside its set is a field lost.

## Example

```markdown
- 担当 山田
- 状態: 遅れ
```

## Use instead

```markdown
- 担当: 山田
- 状態: 遅延
```

## Fix

A value that equals one of the key's values ignoring case and width is
replaced by it (safe).
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class KeyValueMismatch final : public Rule {
 public:
  explicit KeyValueMismatch(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::KeyValue);
  }
};

}  // namespace

extern const RuleInfo kKeyValueMismatch{
    .code = "DL121",
    .name = "key-value-mismatch",
    .summary = "A key: value bullet is malformed, unknown, repeated, missing or has a wrong value",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<KeyValueMismatch>,
    .has_fix = true,
};

}  // namespace digestlint
