// DL207 empty-list-item
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a list item with nothing after its marker, and an item whose only
content is a second marker on the same line (`- - text`), which renders as
a list nested inside an empty item. A bare `-` that is a section's only
content is reported by nonstandard-empty-marker instead (it means "nothing
to report").

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

Deletes the line when nothing is nested under it; removes the doubled
marker of `- - text` (safe).
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
      if (line.content_begin != line.end) {
        check_doubled_marker(ctx, line, report);
        continue;
      }
      const int section = ctx.digest.section_at(l);
      if (section >= 0 &&
          rules::single_content_line(ctx, ctx.digest.sections[section]) == static_cast<int>(l)) {
        continue;  // a section's lone "-": nonstandard-empty-marker's
      }
      auto d =
          report.report({line.marker_begin, line.end},
                        "empty list item; write its text after the marker, or delete the line");
      const bool has_children = line.item != kNone && doc.blocks[line.item].last_line > l;
      if (!has_children) d.fix("delete the line", rules::whole_line(ctx, l), "");
    }
  }

 private:
  // "- - text": the item's content is another item on the same line.
  static void check_doubled_marker(const LintContext& ctx, const Line& line, Reporter& report) {
    const std::string_view bytes = ctx.source.bytes();
    const Offset c = line.content_begin;
    if (line.shape != LineShape::Bullet || c + 1 > line.end) return;
    if (bytes[c] != '-' && bytes[c] != '*' && bytes[c] != '+') return;
    if (c + 1 < line.end && bytes[c + 1] != ' ' && bytes[c + 1] != '\t') return;
    if (line.item == kNone) return;
    // md4c agrees: the item's first child is a list starting on this line.
    const Document& doc = ctx.doc;
    const auto item = static_cast<std::size_t>(line.item);
    if (item + 1 >= doc.blocks.size() || doc.blocks[item + 1].parent != line.item) return;
    const Block& child = doc.blocks[item + 1];
    if (child.kind != BlockKind::BulletList || child.first_line != doc.blocks[item].first_line) {
      return;
    }
    report
        .report({line.marker_begin, c + 1},
                "list marker written twice ('{} {}'); the item is empty and holds a nested list",
                line.marker, bytes[c])
        .fix("remove the second marker", ByteRange{c, c + 1 < line.end ? c + 2 : c + 1}, "");
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
