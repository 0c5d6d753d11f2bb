// DL702 invalid-suppression: reported by the engine (lint/engine/suppressions.cc)
// while it reads the digestlint comments; no Rule class, as for DL701.
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a digestlint comment that cannot work: a rule name or code that
does not exist (`<!-- digestlint-disable DL299 -->`), or a misspelt
directive (`<!-- digestlint-disable-nextline DL201 -->`). The message
suggests the closest rule or directive.

The directives are `digestlint-disable`, `digestlint-enable`,
`digestlint-disable-line`, `digestlint-disable-next-line` and
`digestlint-disable-file`, each followed by rule codes or names separated
by commas or spaces (none: every rule), optionally followed by `-- reason`.

## Why is this bad?

A suppression that names nothing suppresses nothing: the finding it was
written for is still reported, or worse, the author believes a defect is
acknowledged when the comment is silently ignored. An unknown name that
is not a rule at all (`DL299`) never suppresses every rule by accident.

## Example

```markdown
<!-- digestlint-disable-next-line missing-space-afer-marker -->
-[Sidecar injection attacks](https://example.com/sidecar)
```

## Use instead

```markdown
<!-- digestlint-disable-next-line missing-space-after-marker -->
-[Sidecar injection attacks](https://example.com/sidecar)
```
)md";

}  // namespace

extern const RuleInfo kInvalidSuppression{
    .code = "DL702",
    .name = "invalid-suppression",
    .summary = "A digestlint comment naming an unknown rule or directive",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = nullptr,
    .has_fix = false,
    .engine_reported = true,
};

}  // namespace digestlint
