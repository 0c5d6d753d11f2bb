// DL110 empty-section
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a section with nothing under its heading. A section with nothing to
report holds exactly the schema's empty marker, `N/A`.

## Why is this bad?

An empty section cannot be told apart from one whose content was lost; `N/A`
says "checked, nothing today". All 3,827 empty sections of the modern
archive say `N/A`.

## Example

```markdown
### Tools

### malware campaign
```

## Use instead

```markdown
### Tools
N/A

### malware campaign
```

## Fix

Inserts `N/A` under the heading (unsafe: an empty section may be one the
author has not written yet, and `N/A` says there is nothing to report;
empty-label's fix is unsafe for the same reason).
)md";

class EmptySection final : public Rule {
 public:
  explicit EmptySection(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::string& marker = ctx.schema.empty_marker;
    for (const Section& s : ctx.digest.sections) {
      if (s.spec < 0) continue;
      bool empty = true;
      for (std::uint32_t l = s.body_begin; l < s.body_end && empty; ++l) {
        empty = !is_content_line(ctx.doc.lines[l]);
      }
      if (!empty) continue;
      const std::uint32_t last_heading_line = s.body_begin - 1;
      const Offset at = rules::next_line_begin(ctx, last_heading_line);
      const std::string eol(preferred_eol(ctx.source.bytes()));
      const bool has_eol = ctx.doc.lines[last_heading_line].line_end != LineEnd::None;
      // Text right under the heading that is no content here (a setext
      // heading's text line) would absorb the marker: a blank line keeps
      // it a paragraph of its own.
      const std::uint32_t next = last_heading_line + 1;
      const bool joins = next < ctx.doc.lines.size() && !ctx.doc.lines[next].blank() &&
                         (ctx.doc.lines[next].role == LineRole::Paragraph ||
                          (ctx.doc.lines[next].role == LineRole::Heading &&
                           ctx.doc.lines[next].shape != LineShape::AtxHeading));
      report
          .report(ctx.line_range(s.heading_line),
                  "section '{}' is empty; write '{}' when there is nothing to report",
                  ctx.schema.sections[s.spec].display(), marker)
          .fix(fmt::format("insert '{}'", marker), ByteRange{at, at},
               has_eol ? marker + eol + (joins ? eol : "") : eol + marker, Applicability::Unsafe);
    }
  }
};

}  // namespace

extern const RuleInfo kEmptySection{
    .code = "DL110",
    .name = "empty-section",
    .summary = "A section has no content and no N/A",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<EmptySection>,
    .has_fix = true,
};

}  // namespace digestlint
