// DL106 unknown-heading
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports headings the schema does not know:

- a section-level heading that names no section (`### Misc`); when it
  nearly names a section (`### Security Report`, `### security reprot`),
  the message says which one it was meant to be, and the heading counts as
  that section;
- a deeper heading where the section's content does not allow one: in a
  `links` section, or below article level in an `articles` section.
  `free` sections (その他のメモ) may use any deeper heading.

Extra H1s are reported by invalid-title.

## Why is this bad?

An unknown heading ends the section above it, so everything under it falls
outside the schema; a misspelt section heading breaks links and searches
that rely on the exact name.

## Example

```markdown
### Security Report
- [Report](https://example.com/report)
#### Notes
```

## Use instead

```markdown
### security report
- [Report](https://example.com/report)
```

## Fix

A heading that differs from the section's only in case, width or spaces is
renamed (safe); other near misses are renamed as an unsafe fix.
)md";

class UnknownHeading final : public Rule {
 public:
  explicit UnknownHeading(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Schema& schema = ctx.schema;
    const Digest& digest = ctx.digest;
    for (const Section& s : digest.sections) {
      const Heading& h = ctx.doc.headings[s.heading];
      if (h.level == schema.title_level) continue;  // invalid-title's
      const std::string_view text = ctx.text(h.text);
      if (text == schema.title) continue;  // the title at another level: wrong-heading-level's
      if (s.spec < 0) {
        report.report(rules::heading_line_range(ctx, h),
                      "unknown section '{}'; this schema has no such section",
                      quote_for_message(text));
      } else if (!s.exact) {
        const SectionSpec& section = schema.sections[s.spec];
        const std::string& want = section.heading;
        const bool same_when_folded = fold_for_match(text) == section.folded_heading();
        report
            .report(rules::heading_line_range(ctx, h),
                    "section heading '{}' does not match the schema; did you mean '{}'?",
                    quote_for_message(text), want)
            .fix(fmt::format("rename to '{}'", want), h.text, want,
                 same_when_folded ? Applicability::Safe : Applicability::Unsafe);
      }
    }
    // Deeper headings, by the content of the section they are in.
    for (const Heading& h : ctx.doc.headings) {
      if (h.level <= digest.section_level || ctx.doc.lines[h.line].heading < 0) continue;
      const int at = digest.section_at(h.line);
      if (at >= 0 && digest.sections[at].heading_line == h.line) continue;  // a section itself
      if (at < 0) {
        report.report(rules::heading_line_range(ctx, h),
                      "heading '{}' before the first section; the preamble holds no headings",
                      quote_for_message(ctx.text(h.text)));
        continue;
      }
      const Section& s = digest.sections[at];
      if (s.spec < 0) continue;  // already reported as unknown
      const SectionSpec& spec = schema.sections[s.spec];
      // Free and the schema language's kinds: the outline rules' concern.
      if (spec.content != SectionContent::Links && spec.content != SectionContent::Articles)
        continue;
      if (spec.content == SectionContent::Articles && h.level == digest.section_level + 1) {
        continue;
      }
      const std::string text = quote_for_message(ctx.text(h.text));
      if (spec.content == SectionContent::Links) {
        report.report(rules::heading_line_range(ctx, h),
                      "heading '{}' in section '{}', which holds a list of links", text,
                      spec.heading);
      } else {
        report.report(rules::heading_line_range(ctx, h),
                      "heading '{}' in section '{}': articles are H{} and hold no sub-headings",
                      text, spec.heading, digest.section_level + 1);
      }
    }
  }
};

}  // namespace

extern const RuleInfo kUnknownHeading{
    .code = "DL106",
    .name = "unknown-heading",
    .summary = "A heading the schema does not know, or a misspelt section heading",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<UnknownHeading>,
    .has_fix = true,
};

}  // namespace digestlint
