// DL202 invalid-list-marker
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports bullet items marked with `*` or `+` where the schema's marker is
`-` (`[lists] marker`).

## Why is this bad?

Markdown starts a new list whenever the marker changes, so mixing markers
splits one list into several; and scripts that read the digest look for
`- `.

## Example

```markdown
* [Report](https://example.com/report)
```

## Use instead

```markdown
- [Report](https://example.com/report)
```

## Fix

Replaces the marker (safe).
)md";

class InvalidListMarker final : public Rule {
 public:
  explicit InvalidListMarker(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const char want = ctx.schema.list_marker;
    for (const Line& line : ctx.doc.lines) {
      if (line.role != LineRole::ItemStart || line.shape != LineShape::Bullet) continue;
      if (line.marker == want) continue;
      report
          .report({line.marker_begin, line.marker_end}, "list marker '{}'; this digest uses '{}'",
                  line.marker, want)
          .fix(fmt::format("replace with '{}'", want),
               ByteRange{line.marker_begin, line.marker_end}, std::string(1, want));
    }
  }
};

}  // namespace

extern const RuleInfo kInvalidListMarker{
    .code = "DL202",
    .name = "invalid-list-marker",
    .summary = "A bullet marked '*' or '+' instead of the schema's '-'",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<InvalidListMarker>,
    .has_fix = true,
};

}  // namespace digestlint
