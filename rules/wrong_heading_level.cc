// DL105 wrong-heading-level
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports the title or a section heading written at a level the schema does
not give it (`## Tools` where the schema says `### Tools`). The heading
still counts as that section, so it is not also reported as missing.

The jump from the H1 title straight to H3 sections is the format's
convention and is not reported.

## Why is this bad?

Heading levels make the outline that GitHub and editors show; a section at
the wrong level nests under, or swallows, its neighbours.

## Example

```markdown
## Tools
N/A
```

## Use instead

```markdown
### Tools
N/A
```

## Fix

Rewrites the `#` markers of an ATX heading (safe).
)md";

class WrongHeadingLevel final : public Rule {
 public:
  explicit WrongHeadingLevel(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Schema& schema = ctx.schema;
    for (const Section& s : ctx.digest.sections) {
      if (s.spec < 0) continue;
      const SectionSpec& spec = schema.sections[s.spec];
      const Heading& h = ctx.doc.headings[s.heading];
      if (spec.accepts_level(h.level)) continue;
      emit(ctx, report, h, spec.heading, spec.level, "section");
    }
    // The title text at a level other than the title's.
    for (const Heading& h : ctx.doc.headings) {
      if (h.level != schema.title_level && ctx.text(h.text) == schema.title) {
        emit(ctx, report, h, schema.title, schema.title_level, "document title");
      }
    }
  }

 private:
  static void emit(const LintContext& ctx, Reporter& report, const Heading& h,
                   std::string_view name, std::uint8_t level, std::string_view what) {
    const Line& line = ctx.doc.lines[h.line];
    auto d =
        report.report(rules::heading_line_range(ctx, h), "{} '{}' is an H{}, expected H{} ('{}')",
                      what, name, h.level, level, rules::heading_markup(level, name));
    if (!h.setext) {
      d.fix(fmt::format("make it an H{}", level), ByteRange{line.marker_begin, line.marker_end},
            std::string(level, '#'));
    }
  }
};

}  // namespace

extern const RuleInfo kWrongHeadingLevel{
    .code = "DL105",
    .name = "wrong-heading-level",
    .summary = "The title or a section heading is at the wrong level",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<WrongHeadingLevel>,
    .has_fix = true,
};

}  // namespace digestlint
