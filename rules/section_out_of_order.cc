// DL104 section-out-of-order
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a section that is not where the schema puts it. The sections that
are in order are the longest run of them in schema order, so moving one
section up reports that one section, not every section it jumped over.

## Why is this bad?

Readers skim digests by position: the news summary is always the fifth
section. An out-of-order section is easy to miss.

## Example

```markdown
### Tools
### security report
### malware campaign
```

## Use instead

```markdown
### Tools
### malware campaign
### security report
```
)md";

class SectionOutOfOrder final : public Rule {
 public:
  explicit SectionOutOfOrder(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Schema& schema = ctx.schema;
    const Digest& digest = ctx.digest;
    for (const Section& s : digest.sections) {
      if (s.spec < 0 || s.duplicate_of != kNone || s.in_order) continue;
      // Name the in-order neighbours it belongs between.
      std::string after;
      std::string before;
      for (int p = s.spec - 1; p >= 0 && after.empty(); --p) {
        const std::int32_t f = digest.first_of_spec[p];
        if (f != kNone && digest.sections[f].in_order) after = schema.sections[p].display();
      }
      for (std::size_t n = s.spec + 1; n < schema.sections.size() && before.empty(); ++n) {
        const std::int32_t f = digest.first_of_spec[n];
        if (f != kNone && digest.sections[f].in_order) before = schema.sections[n].display();
      }
      const std::string name = schema.sections[s.spec].display();
      const ByteRange at = ctx.line_range(s.heading_line);
      if (!after.empty() && !before.empty()) {
        report.report(at, "section '{}' is out of order (expected after '{}', before '{}')", name,
                      after, before);
      } else if (!after.empty()) {
        report.report(at, "section '{}' is out of order (expected after '{}')", name, after);
      } else {
        report.report(at, "section '{}' is out of order (expected before '{}')", name, before);
      }
    }
  }
};

}  // namespace

extern const RuleInfo kSectionOutOfOrder{
    .code = "DL104",
    .name = "section-out-of-order",
    .summary = "A section is not in the schema's order",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<SectionOutOfOrder>,
};

}  // namespace digestlint
