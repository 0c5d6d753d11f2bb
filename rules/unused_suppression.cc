// DL701 unused-suppression: reported by the engine (lint/engine/suppressions.cc),
// which alone knows, once every rule has run, what each digestlint comment
// suppressed. There is deliberately no Rule class: see RuleInfo::engine_reported.
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a `digestlint-disable…` or `digestlint-enable` comment that
suppresses (or re-enables) nothing: no finding of the rules it names
starts where it applies. When some of the rules it names are needed and
others are not, each unneeded one is reported.

A comment naming a rule that is turned off in this run (by a config file,
`--select` or `--ignore`) is not reported: another configuration may need it.
This rule cannot itself be suppressed by a comment; turn it off in
`.digestlint.toml` (`[rules] unused-suppression = "off"`) or with
`--ignore DL701`.

## Why is this bad?

Suppressions outlive the defects they were written for. A stale one hides
the next real defect on that line, and the comments pile up until nobody
knows which are needed.

## Example

```markdown
<!-- digestlint-disable-next-line missing-space-after-marker -->
- [A well-formed entry](https://example.com/entry)
```

## Use instead

```markdown
- [A well-formed entry](https://example.com/entry)
```

## Fix

Deletes the comment, or removes the unneeded rule from its list (safe).
Deleting a comment on its own line between two non-blank lines joins those
lines, which can merge two paragraphs: that fix is marked unsafe.
)md";

}  // namespace

extern const RuleInfo kUnusedSuppression{
    .code = "DL701",
    .name = "unused-suppression",
    .summary = "A digestlint-disable comment that suppresses nothing",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = nullptr,
    .has_fix = true,
    .engine_reported = true,
};

}  // namespace digestlint
