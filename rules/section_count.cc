// DL116 section-count
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Counts the sections (and subsections) of each schema entry that sets
`min` or `max`: fewer than `min` (but at least one) or more than `max` is
reported. A required section absent altogether is missing-section's
(top level) or missing-subsection's finding; a top-level section the
schema does not let repeat is duplicate-section's.

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

A schema's counts say what a complete report holds ("at least two
progress items", "one summary"). Too few means work went unreported; too
many usually means a section was pasted twice.

## Example

```markdown
## 2. 進捗
### 2-1. 設計     (the schema wants min = 2)
```

## Use instead

```markdown
## 2. 進捗
### 2-1. 設計
### 2-2. 実装
```
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class SectionCount final : public Rule {
 public:
  explicit SectionCount(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::SectionCount);
  }
};

}  // namespace

extern const RuleInfo kSectionCount{
    .code = "DL116",
    .name = "section-count",
    .summary = "A section appears fewer or more times than the schema's min and max",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<SectionCount>,
    .has_fix = false,
};

}  // namespace digestlint
