// DL203 extra-space-after-marker
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a list item with more than one space, or a tab, between its marker
and its text (`-  text`).

## Why is this bad?

The digest's lists use exactly one space. Extra spaces shift the item's
content column, which changes where nested bullets must start; five or
more turn the text into a code block.

## Example

```markdown
-  **Initial access**: public Jenkins servers
```

## Use instead

```markdown
- **Initial access**: public Jenkins servers
```

## Fix

Replaces the whitespace with one space (safe).
)md";

class ExtraSpaceAfterMarker final : public Rule {
 public:
  explicit ExtraSpaceAfterMarker(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::string_view bytes = ctx.source.bytes();
    for (const Line& line : ctx.doc.lines) {
      if (line.role != LineRole::ItemStart) continue;
      if (line.shape != LineShape::Bullet && line.shape != LineShape::Ordered) continue;
      if (line.content_begin == line.end) continue;  // nothing after the marker
      const ByteRange gap{line.marker_end, line.content_begin};
      if (gap.size() == 1 && bytes[gap.begin] == ' ') continue;
      report
          .report(gap, "{} after the list marker; write exactly one space",
                  bytes.substr(gap.begin, gap.size()).find('\t') != std::string_view::npos
                      ? std::string("a tab")
                      : fmt::format("{} spaces", gap.size()))
          .fix("use one space", gap, " ");
    }
  }
};

}  // namespace

extern const RuleInfo kExtraSpaceAfterMarker{
    .code = "DL203",
    .name = "extra-space-after-marker",
    .summary = "More than one space, or a tab, after a list marker",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<ExtraSpaceAfterMarker>,
    .has_fix = true,
};

}  // namespace digestlint
