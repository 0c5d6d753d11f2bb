// DL115 section-numbering
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Checks the numbers of numbered headings, at every level whose schema
sets `numbering` (`numbering = "{n}. "` at the top of the schema,
`numbering = "{parent}-{n}. "` on a section for its subsections): each
heading carries a number, the numbers run 1, 2, 3 under their parent, and
a subsection's number starts with its parent's.

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

Numbered sections are how readers refer to a report ("see 2-3"). A gap
usually means a section was deleted or renumbered by hand; a subsection
numbered after the wrong parent was moved without its number.

## Example

```markdown
## 1. 概要
## 3. 課題
### 3-1. 詳細   (under "## 2. 進捗")
```

## Use instead

```markdown
## 1. 概要
## 2. 進捗
### 2-1. 詳細
```

## Fix

A heading without a number gets the one it should have; a subsection
numbered under the wrong parent gets its parent's number (both unsafe:
review them). A gap has no fix: a section may be missing, or misnumbered.
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class SectionNumbering final : public Rule {
 public:
  explicit SectionNumbering(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::SectionNumbering);
  }
};

}  // namespace

extern const RuleInfo kSectionNumbering{
    .code = "DL115",
    .name = "section-numbering",
    .summary = "A numbered heading is unnumbered, out of sequence or under the wrong parent",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<SectionNumbering>,
    .has_fix = true,
};

}  // namespace digestlint
