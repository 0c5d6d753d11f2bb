// DL204 bad-indentation
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a list item whose indentation is not its nesting depth times the
schema's step (`[lists] indent`, 4): 2-space nesting, odd indents, tabs.
The depth is the one Markdown gives the item, i.e. what GitHub renders.
An indented article label (`  - その他`) is indented-label's, with the
items it drags one level deeper.

## Why is this bad?

Markdown nests by content column, not by a fixed step, so 2- and 3-space
indents render, but inconsistently across renderers and editors; and a
later edit of one line can silently re-nest the lines after it. The digest
indents by exactly 4 spaces per level.

## Example

```markdown
- [Latrodectus](https://example.com/latrodectus)
  - url > .js > .msi > .dll
```

## Use instead

```markdown
- [Latrodectus](https://example.com/latrodectus)
    - url > .js > .msi > .dll
```

## Fix

Re-indents the item to its depth times the step (safe: the rendered
nesting stays the same).
)md";

class BadIndentation final : public Rule {
 public:
  explicit BadIndentation(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::uint16_t step = ctx.schema.indent_step;
    // An indented article label is indented-label's, and so are the items
    // of a label nested under the block above: fixing the label re-nests them.
    std::vector<bool> label_owned(ctx.doc.lines.size(), false);
    for (const ArticleLabel& label : ctx.digest.labels) {
      if (!label.indented || !label.bullet || label.spec < 0) continue;
      label_owned[label.line] = true;
      const Line& label_line = ctx.doc.lines[label.line];
      if (label_line.item == kNone || ctx.doc.blocks[label_line.item].list_depth == 0) continue;
      for (std::uint32_t i = label.first_item; i < label.end_item; ++i)
        label_owned[ctx.digest.items[i].line] = true;
    }
    for (const Line& line : ctx.doc.lines) {
      if (line.role != LineRole::ItemStart || line.item == kNone || line.comment) continue;
      if (label_owned[static_cast<std::size_t>(&line - ctx.doc.lines.data())]) continue;
      const Block& item = ctx.doc.blocks[line.item];
      // Items inside block quotes or other containers keep their own prefix.
      if (!directly_in_lists(ctx.doc, item)) continue;
      const std::uint32_t expected = static_cast<std::uint32_t>(item.list_depth) * step;
      if (line.indent == expected && !line.tab_in_indent) continue;
      const ByteRange indent{line.begin, line.indent_end};
      auto d =
          line.tab_in_indent
              ? report.report(indent, "tab in list indentation; indent with {} spaces", expected)
              : report.report(
                    indent, "list item indented {} space{}; at nesting level {} expected {}",
                    line.indent, line.indent == 1 ? "" : "s", item.list_depth + 1, expected);
      d.fix(fmt::format("indent {} spaces", expected), indent, std::string(expected, ' '));
    }
  }

 private:
  static bool directly_in_lists(const Document& doc, const Block& item) {
    for (std::int32_t p = item.parent; p != kNone; p = doc.blocks[p].parent) {
      const BlockKind k = doc.blocks[p].kind;
      if (k != BlockKind::BulletList && k != BlockKind::OrderedList && k != BlockKind::ListItem &&
          k != BlockKind::Document) {
        return false;
      }
    }
    return true;
  }
};

}  // namespace

extern const RuleInfo kBadIndentation{
    .code = "DL204",
    .name = "bad-indentation",
    .summary = "A list item not indented by its depth times the step (4 spaces)",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<BadIndentation>,
    .has_fix = true,
};

}  // namespace digestlint
