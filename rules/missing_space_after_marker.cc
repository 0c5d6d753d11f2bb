// DL201 missing-space-after-marker
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a line that starts with `-` directly followed by text, such as
`-[title](url)`.

## Why is this bad?

Markdown needs a space after a list marker. Without it the line is not a
list item but a paragraph, and the nested bullets under it become part of
that paragraph's text: the whole entry silently renders as one run-on line.
This is the defect in the seed digest's security report.

## Example

```markdown
-[Sidecar injection attacks](https://example.com/sidecar)
    - Kubernetes sidecar containers can be abused.
```

## Use instead

```markdown
- [Sidecar injection attacks](https://example.com/sidecar)
    - Kubernetes sidecar containers can be abused.
```

## Fix

Inserts the space (safe).
)md";

class MissingSpaceAfterMarker final : public Rule {
 public:
  explicit MissingSpaceAfterMarker(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    for (const Line& line : ctx.doc.lines) {
      if (line.shape != LineShape::DashNoSpace || !line.in_prose() || line.comment) continue;
      const Offset at = line.marker_end;
      report
          .report({line.marker_begin, at + 1},
                  "no space after '-': '{}' is not a list item and breaks the list; write '- '",
                  quote_for_message(ctx.text({line.marker_begin, line.end}), 12))
          .fix("insert a space after '-'", ByteRange{at, at}, " ");
    }
  }
};

}  // namespace

extern const RuleInfo kMissingSpaceAfterMarker{
    .code = "DL201",
    .name = "missing-space-after-marker",
    .summary = "'-' directly followed by text is not a list item",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MissingSpaceAfterMarker>,
    .has_fix = true,
};

}  // namespace digestlint
