// DL111 nonstandard-empty-marker
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a section whose only content is a loose way of saying "nothing":
`NA`, `n/a`, `なし`, `-`, `xxxxx`, `- N/A` and the other variants the
schema lists under `[empty_section] variants`. Variants match ignoring
case, character width and repetition (`XXXX` is `x`).

## Why is this bad?

The digest marks an empty section with exactly `N/A`, so that tools and
readers can tell "nothing today" from content. Placeholders like `xxxxx`
are usually template text that was never filled in.

## Example

```markdown
### Tools
なし
```

## Use instead

```markdown
### Tools
N/A
```

## Fix

Replaces the line with `N/A`: safe for the ways of saying "nothing"
(`なし`, `n/a`, `-`), unsafe for placeholders and to-do notes (`xxxxx`,
`TBD`, `TODO`), which say the section was not written yet rather than
that there is nothing to report.
)md";

class NonstandardEmptyMarker final : public Rule {
 public:
  // Variants that mean "not written yet" rather than "nothing to report":
  // a template's placeholder (xxxxx) or a to-do note.
  static bool is_placeholder(std::string_view written) {
    std::string folded = fold_loosely(written);
    if (!folded.empty() && folded.rfind("- ", 0) == 0) folded = folded.substr(2);
    return folded == "x" || folded == "tbd" || folded == "todo";
  }

  explicit NonstandardEmptyMarker(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::string& marker = ctx.schema.empty_marker;
    for (const Section& s : ctx.digest.sections) {
      if (s.spec < 0) continue;
      const int line = rules::single_content_line(ctx, s);
      if (line < 0) continue;
      const auto l = static_cast<std::uint32_t>(line);
      const rules::EmptyMarker kind = rules::match_empty_marker(ctx, l);
      if (kind != rules::EmptyMarker::Variant && kind != rules::EmptyMarker::AsListItem) continue;
      const ByteRange range = ctx.line_range(l);
      const std::string_view written = trim_ascii_space(ctx.text(range));
      report
          .report(range, "section '{}' says '{}'; an empty section holds exactly '{}'",
                  ctx.schema.sections[s.spec].display(), quote_for_message(written), marker)
          .fix(fmt::format("replace with '{}'", marker), range, marker,
               is_placeholder(written) ? Applicability::Unsafe : Applicability::Safe);
    }
  }
};

}  // namespace

extern const RuleInfo kNonstandardEmptyMarker{
    .code = "DL111",
    .name = "nonstandard-empty-marker",
    .summary = "An empty section says 'NA', 'なし', '-' or similar instead of 'N/A'",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<NonstandardEmptyMarker>,
    .has_fix = true,
};

}  // namespace digestlint
