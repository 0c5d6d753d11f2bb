// DL117 missing-subsection
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a subsection the schema requires (`[[sections.sections]]` with
`required = true` or `min` of 1 or more) that its section does not have,
at the section's heading, naming where it belongs.

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

Subsections are the report's outline below the top level; a missing one
is usually a part deleted while editing, or a template left half filled.

## Example

```markdown
## 3. 課題
(no "### 3-1. 一覧")
```

## Use instead

```markdown
## 3. 課題
### 3-1. 一覧
```
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class MissingSubsection final : public Rule {
 public:
  explicit MissingSubsection(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::MissingSubsection);
  }
};

}  // namespace

extern const RuleInfo kMissingSubsection{
    .code = "DL117",
    .name = "missing-subsection",
    .summary = "A required subsection of a section is missing",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MissingSubsection>,
    .has_fix = false,
};

}  // namespace digestlint
