// DL112 empty-marker-with-content
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports the empty marker `N/A` (or a variant of it) in a section that also
has content. Only lines at the section's own level count: an `N/A` inside
an article or a nested bullet is text, not the section's marker.

## Why is this bad?

`N/A` claims the section is empty. Next to content it is a leftover from
the template that contradicts the section.

## Example

```markdown
### Tools
N/A
- [New scanner](https://example.com/scanner)
```

## Use instead

```markdown
### Tools
- [New scanner](https://example.com/scanner)
```

## Fix

Deletes the marker's line (safe).
)md";

class EmptyMarkerWithContent final : public Rule {
 public:
  explicit EmptyMarkerWithContent(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    for (const Section& s : ctx.digest.sections) {
      if (s.spec < 0 || rules::single_content_line(ctx, s) >= 0) continue;
      for (std::uint32_t l = s.body_begin; l < s.body_end; ++l) {
        const Line& line = ctx.doc.lines[l];
        if (!is_content_line(line)) continue;
        // Articles and deeper headings hold their own text.
        if (line.role == LineRole::Heading) break;
        if (line.indent != 0 || !line.in_prose()) continue;
        // A thematic break ("---") is a separator, not a marker.
        if (line.role == LineRole::ThematicBreak || line.role == LineRole::SetextUnderline)
          continue;
        // A bare "-" among items is an empty item (empty-list-item's).
        if (line.shape == LineShape::Bullet && line.content_begin == line.end) continue;
        if (rules::match_empty_marker(ctx, l) == rules::EmptyMarker::None) continue;
        report
            .report(ctx.line_range(l), "'{}' in section '{}', which has content; remove it",
                    quote_for_message(trim_ascii_space(ctx.line_text(l))),
                    ctx.schema.sections[s.spec].display())
            .fix("delete the line", rules::whole_line(ctx, l), "");
      }
    }
  }
};

}  // namespace

extern const RuleInfo kEmptyMarkerWithContent{
    .code = "DL112",
    .name = "empty-marker-with-content",
    .summary = "'N/A' next to real content in a section",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<EmptyMarkerWithContent>,
    .has_fix = true,
};

}  // namespace digestlint
