// DL107 unexpected-preamble
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports content between the title and the first section when the schema
says the digest has no preamble (`[preamble] allowed = false`). The
built-in schemas allow one: the template opens with a site notice.

## Why is this bad?

Text outside every section is invisible to readers who jump to a section,
and usually belongs in その他のメモ.

## Example

```markdown
# Daily Security Info
Some notes.
### Tools
```

## Use instead

```markdown
# Daily Security Info
### Tools
```
)md";

class UnexpectedPreamble final : public Rule {
 public:
  explicit UnexpectedPreamble(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    if (ctx.schema.preamble_allowed || ctx.digest.title == kNone) return;
    for (std::uint32_t l = ctx.digest.preamble_begin; l < ctx.digest.preamble_end; ++l) {
      if (!is_content_line(ctx.doc.lines[l])) continue;
      report.report(ctx.line_range(l),
                    "text between the title and the first section; this schema has no preamble");
      return;
    }
  }
};

}  // namespace

extern const RuleInfo kUnexpectedPreamble{
    .code = "DL107",
    .name = "unexpected-preamble",
    .summary = "Content before the first section where the schema allows none",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<UnexpectedPreamble>,
};

}  // namespace digestlint
