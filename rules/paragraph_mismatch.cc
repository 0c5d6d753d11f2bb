// DL123 paragraph-mismatch
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Checks a `content = "paragraphs"` section: it holds prose paragraphs and
nothing else (no list, table, code block, quote or thematic break); their
number is between `min_paragraphs` (default 1) and `max_paragraphs` (0,
the default, is no limit); and the first line of each matches the
schema's `paragraph_pattern`, if any (with typed parts: a `{date}` must be
a real date). The empty marker alone is accepted.

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

A section the schema keeps as prose (a summary, a conclusion) that turned
into bullets, or lost the lead its paragraphs start with ("結論: ..."), no
longer reads like the same report in every week.

## Example

```markdown
## 6. 所感

- 全体として順調
```

## Use instead

```markdown
## 6. 所感

全体として順調。来週はリリース判定に集中する。
```
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class ParagraphMismatch final : public Rule {
 public:
  explicit ParagraphMismatch(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::Paragraphs);
  }
};

}  // namespace

extern const RuleInfo kParagraphMismatch{
    .code = "DL123",
    .name = "paragraph-mismatch",
    .summary =
        "A paragraphs section has too few or too many paragraphs, one that does not match its "
        "pattern, or other content",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<ParagraphMismatch>,
    .has_fix = false,
};

}  // namespace digestlint
