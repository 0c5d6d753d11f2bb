// DL207 empty-list-item
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a list item with nothing after its marker. A bare `-` that is a
section's only content is reported by nonstandard-empty-marker instead
(it means "nothing to report").

## Why is this bad?

An empty bullet renders as an empty dot; it is usually a leftover line or
an item whose text went to the next line.

## Example

```markdown
- [Report](https://example.com/report)
-
```

## Use instead

```markdown
- [Report](https://example.com/report)
```

## Fix

Deletes the line when nothing is nested under it (safe).
)md";

class EmptyListItem final : public Rule {
 public:
  explicit EmptyListItem(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Document& doc = ctx.doc;
    for (std::uint32_t l = 0; l < doc.lines.size(); ++l) {
      const Line& line = doc.lines[l];
      if (line.role != LineRole::ItemStart) continue;
      if (line.shape != LineShape::Bullet && line.shape != LineShape::Ordered) continue;
      if (line.content_begin != line.end) continue;
      const int section = ctx.digest.section_at(l);
      if (section >= 0 &&
          rules::single_content_line(ctx, ctx.digest.sections[section]) == static_cast<int>(l)) {
        continue;  // a section's lone "-": nonstandard-empty-marker's
      }
      auto d = report.report({line.marker_begin, line.end}, "empty list item");
      const bool has_children = line.item != kNone && doc.blocks[line.item].last_line > l;
      if (!has_children) d.fix("delete the line", rules::whole_line(ctx, l), "");
    }
  }
};

}  // namespace

extern const RuleInfo kEmptyListItem{
    .code = "DL207",
    .name = "empty-list-item",
    .summary = "A list item with no text",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<EmptyListItem>,
    .has_fix = true,
};

}  // namespace digestlint
