// DL205 skipped-nesting-level
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a bullet indented more than one level deeper than the item above
it, e.g. 8 spaces under a top-level item.

## Why is this bad?

Markdown nests one level at a time. A bullet indented four or more columns
past its parent's text is not a list item at all: it becomes part of the
parent's text and renders as "parent - child" on one line.

## Example

```markdown
- 要約
        - 2 levels deeper than its parent
```

## Use instead

```markdown
- 要約
    - one level deeper than its parent
```

## Fix

Indents it one level below the item above (unsafe: it changes what
renders, from run-on text to a nested bullet).
)md";

class SkippedNestingLevel final : public Rule {
 public:
  explicit SkippedNestingLevel(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Document& doc = ctx.doc;
    const std::uint16_t step = ctx.schema.indent_step;
    std::int32_t parent_item = kNone;  // the last item above, in this block of lines
    for (std::uint32_t l = 0; l < doc.lines.size(); ++l) {
      const Line& line = doc.lines[l];
      if (line.role == LineRole::ItemStart && line.item != kNone) {
        // An item inside a quote ("> - a") counts columns after the '>':
        // bullets below it are the quote's lazy text, not mis-indented.
        const bool bare = line.shape == LineShape::Bullet || line.shape == LineShape::Ordered;
        parent_item = bare ? line.item : kNone;
        continue;
      }
      // Past a heading, code, or a "-[...]" line (whose indented bullets are
      // missing-space-after-marker's), bullets no longer continue an item.
      if (line.role == LineRole::Heading || !line.in_prose() ||
          line.shape == LineShape::DashNoSpace) {
        parent_item = kNone;
      }
      // A bullet Markdown did not take as an item: part of the text above.
      if (line.role != LineRole::Paragraph || line.shape != LineShape::Bullet) continue;
      if (line.content_begin == line.end || parent_item == kNone) continue;
      const Block& parent = doc.blocks[parent_item];
      const Line& parent_line = doc.lines[parent.first_line];
      const std::uint32_t expected =
          parent_line.indent + ctx.digest.indent_step_at(parent.first_line, step);
      if (line.indent <= expected) continue;  // not the indentation, then
      const ByteRange indent{line.begin, line.indent_end};
      report
          .report(indent,
                  "bullet indented {} spaces, more than one level below the item on line {}; it "
                  "renders as that item's text (expected {} spaces)",
                  line.indent, parent.first_line + 1, expected)
          .fix(fmt::format("indent {} spaces", expected), indent, std::string(expected, ' '),
               Applicability::Unsafe);
    }
  }
};

}  // namespace

extern const RuleInfo kSkippedNestingLevel{
    .code = "DL205",
    .name = "skipped-nesting-level",
    .summary = "A bullet nested more than one level deeper than its parent",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<SkippedNestingLevel>,
    .has_fix = true,
};

}  // namespace digestlint
