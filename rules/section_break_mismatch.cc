// DL125 section-break-mismatch
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Checks the schema's `[breaks] between_sections`: with `"required"`, the
last thing before each top-level section heading after the first is a
thematic break (`---`); with `"forbidden"`, it never is. `"any"` (the
default) checks nothing. Blank lines and HTML comments in between do not
count.

Under such a schema the break belongs to neither section: an empty
marker above it is still the section's only content.

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

Reports that separate their sections with `---` in one week and not in
the next render differently and diff noisily.

## Example

```markdown
## 1. 概要

- 状態: 順調

## 2. 進捗
```

## Use instead

```markdown
## 1. 概要

- 状態: 順調

---

## 2. 進捗
```

## Fix

Inserts the `---` (with blank lines around it) above the heading, or
deletes it and the blank lines after it; both safe.
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class SectionBreakMismatch final : public Rule {
 public:
  explicit SectionBreakMismatch(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::SectionBreaks);
  }
};

}  // namespace

extern const RuleInfo kSectionBreakMismatch{
    .code = "DL125",
    .name = "section-break-mismatch",
    .summary =
        "A thematic break is missing between sections where the schema wants one, or present where "
        "it wants none",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<SectionBreakMismatch>,
    .has_fix = true,
};

}  // namespace digestlint
