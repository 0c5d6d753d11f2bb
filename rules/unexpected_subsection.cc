// DL118 unexpected-subsection
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a heading at a section's subsection level that names none of the
subsections the schema lists for it, and (unless the section says
`order = "any"`) a subsection that comes after one the schema puts later.

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

Readers and tools find a report's parts by their headings. A heading
the schema does not know is a typo or an improvised part; subsections out
of order break the outline every report shares.

## Example

```markdown
## 2. 進捗
### 2-1. 実装
### 2-2. 設計   (the schema lists 設計 first)
```

## Use instead

```markdown
## 2. 進捗
### 2-1. 設計
### 2-2. 実装
```
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class UnexpectedSubsection final : public Rule {
 public:
  explicit UnexpectedSubsection(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::UnknownSubsection);
  }
};

}  // namespace

extern const RuleInfo kUnexpectedSubsection{
    .code = "DL118",
    .name = "unexpected-subsection",
    .summary = "A subsection the schema does not list, or one out of the schema's order",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<UnexpectedSubsection>,
    .has_fix = false,
};

}  // namespace digestlint
