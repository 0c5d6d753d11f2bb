// DL124 code-block-mismatch
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Checks a `content = "code"` section: it holds between `min_blocks`
(default 1) and `max_blocks` (0, the default, is no limit) code blocks,
at any depth (a step of a numbered list may hold one); with `language`
set, each is fenced and its info string starts with that language (not
checked inside block quotes).
Text around the blocks is free. The empty marker alone is accepted.

Only schemas written in the schema language (a title pattern, numbering,
subsections, counts, [breaks], or the table, key-value, list, paragraphs
and code content kinds) have these checks; the built-in digest schemas do
not.

## Why is this bad?

A block without its language is shown without highlighting and cannot be
picked out by a tool that runs or checks the `bash` blocks of a report;
a missing block is a procedure lost.

## Example

````markdown
## 7. 手順

```
./deploy.sh --dry-run
```
````

## Use instead

````markdown
## 7. 手順

```bash
./deploy.sh --dry-run
```
````

## Fix

A fence with no info string gets the schema's language, and one that
spells it in other case (`Bash`) is rewritten (both safe). Another
language (`sh` for `bash`) is left to the author.
)md";

// The outline model finds these (lint/model/outline.cc); this rule reports them.
class CodeBlockMismatch final : public Rule {
 public:
  explicit CodeBlockMismatch(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    rules::report_outline_issues(ctx, report, OutlineCheck::CodeBlocks);
  }
};

}  // namespace

extern const RuleInfo kCodeBlockMismatch{
    .code = "DL124",
    .name = "code-block-mismatch",
    .summary = "A code section has too few or too many code blocks, or one not in its language",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<CodeBlockMismatch>,
    .has_fix = true,
};

}  // namespace digestlint
