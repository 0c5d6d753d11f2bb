// DL103 duplicate-section
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a section heading that appears a second time.

## Why is this bad?

Each section exists once; a second copy splits its content in two places,
usually after a copy-paste of the skeleton or a merge.

## Example

```markdown
### Tools
- [tool A](https://example.com/a)

### Tools
- [tool B](https://example.com/b)
```

## Use instead

```markdown
### Tools
- [tool A](https://example.com/a)
- [tool B](https://example.com/b)
```
)md";

class DuplicateSection final : public Rule {
 public:
  explicit DuplicateSection(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    for (const Section& s : ctx.digest.sections) {
      if (s.duplicate_of == kNone) continue;
      const Section& first = ctx.digest.sections[s.duplicate_of];
      report
          .report(ctx.line_range(s.heading_line), "section '{}' appears again (first on line {})",
                  ctx.schema.sections[s.spec].display(), first.heading_line + 1)
          .note(ctx.line_range(first.heading_line), "first '{}' here",
                ctx.schema.sections[s.spec].display());
    }
  }
};

}  // namespace

extern const RuleInfo kDuplicateSection{
    .code = "DL103",
    .name = "duplicate-section",
    .summary = "A section heading appears more than once",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<DuplicateSection>,
};

}  // namespace digestlint
