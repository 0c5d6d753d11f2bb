// DL204 bad-indentation
#include "digestlint/rule.h"
#include "support.h"

#include <algorithm>

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a list item whose indentation is not its nesting depth times the
schema's step (`[lists] indent`, 4): 2-space nesting, odd indents, tabs.
The depth is the one Markdown gives the item, i.e. what GitHub renders.
An indented article label (`  - その他`) is indented-label's, with the
items it drags one level deeper. A `content = "list"` section whose schema
sets `nesting_step` is measured by that step instead.

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

A list nested consistently by another step (every item indented by its
depth times 2 spaces, say) renders exactly as intended: that is one style
choice, reported once for the list. Otherwise each misplaced item is its
own finding, and the message says when the item renders at a depth its
indentation does not show (a tab under a three-space item renders as its
sibling, though it sits further right).

## Fix

For a consistently nested list: re-indents the whole list, every line of
each item moving with it (safe: the rendered nesting stays the same, and
it is the one the indentation shows). For a single item: re-indents it to
its rendered depth times the step; safe when its indentation shows that
depth next to the item above (further right: one level deeper; as far:
the same level; less: shallower), unsafe otherwise (the rendered depth
may not be the one the author meant).
)md";

class BadIndentation final : public Rule {
 public:
  explicit BadIndentation(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::uint16_t step = ctx.schema.indent_step;
    // Most digests indent every item right: then no list has a misplaced
    // item whatever step it is measured by, and there is nothing to group.
    if (!any_item_may_be_misplaced(ctx, step)) return;
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
    // The item lines of each outermost list, in order.
    std::int32_t current_root = kNone;
    std::vector<std::uint32_t> lines;
    auto flush = [&] {
      // A schema's list section may nest by its own step (nesting_step).
      if (current_root != kNone) {
        check_list(ctx, report, ctx.digest.indent_step_at(lines.front(), step), current_root,
                   lines);
      }
      lines.clear();
    };
    // The outermost list above each item's list, found once per list:
    // siblings share it (kUnknown until asked).
    constexpr std::int32_t kUnknown = -2;
    std::vector<std::int32_t> root_of_list(ctx.doc.blocks.size(), kUnknown);
    for (std::uint32_t l = 0; l < ctx.doc.lines.size(); ++l) {
      const Line& line = ctx.doc.lines[l];
      if (line.role != LineRole::ItemStart || line.item == kNone || line.comment) continue;
      if (label_owned[l]) continue;
      const Block& item = ctx.doc.blocks[line.item];
      // Items inside block quotes or other containers keep their own prefix.
      std::int32_t root = kNone;
      if (item.parent == kNone) {
        root = outermost_list(ctx.doc, item);
      } else {
        std::int32_t& known = root_of_list[static_cast<std::size_t>(item.parent)];
        if (known == kUnknown) known = outermost_list(ctx.doc, item);
        root = known;
      }
      if (root == kNone) continue;
      if (root != current_root) {
        flush();
        current_root = root;
      }
      lines.push_back(l);
    }
    flush();
  }

 private:
  // Whether some item line is indented with a tab, or not at its depth
  // times `step` or any nesting_step: a superset of the lines check_list
  // can call misplaced.
  static bool any_item_may_be_misplaced(const LintContext& ctx, std::uint16_t step) {
    for (const Line& line : ctx.doc.lines) {
      if (line.role != LineRole::ItemStart || line.item == kNone) continue;
      if (line.tab_in_indent) return true;
      const std::uint32_t depth = ctx.doc.blocks[line.item].list_depth;
      if (line.indent != depth * step) return true;
      for (const Digest::NestingStep& n : ctx.digest.nesting_steps) {
        if (line.indent != depth * n.step) return true;
      }
    }
    return false;
  }

  static std::uint32_t expected_indent(const LintContext& ctx, const Line& line,
                                       std::uint16_t step) {
    return static_cast<std::uint32_t>(ctx.doc.blocks[line.item].list_depth) * step;
  }

  // One list: a list nested consistently by another step, as it renders,
  // is one style choice (one finding, one fix); otherwise each misplaced
  // item is its own finding.
  static void check_list(const LintContext& ctx, Reporter& report, std::uint16_t step,
                         std::int32_t root, const std::vector<std::uint32_t>& lines) {
    std::vector<std::uint32_t> misplaced;
    for (std::uint32_t l : lines) {
      const Line& line = ctx.doc.lines[l];
      if (line.indent != expected_indent(ctx, line, step) || line.tab_in_indent) {
        misplaced.push_back(l);
      }
    }
    if (misplaced.empty()) return;
    const std::uint32_t other_step = consistent_step(ctx, root, lines);
    if (other_step != 0 && misplaced.size() > 1) {
      report_list(ctx, report, step, other_step, root, lines, misplaced);
      return;
    }
    for (std::uint32_t l : misplaced) {
      const Line& line = ctx.doc.lines[l];
      const std::uint32_t expected = expected_indent(ctx, line, step);
      const ByteRange indent{line.begin, line.indent_end};
      const std::uint32_t depth = ctx.doc.blocks[line.item].list_depth;
      const bool as_shown = renders_as_indented(ctx, lines, l);
      auto d =
          !as_shown ? report.report(indent,
                                    "list item indented {} columns renders at nesting level {}, "
                                    "not where its indentation puts it next to the item above; "
                                    "indent {} spaces for that level, or re-nest it",
                                    line.indent, depth + 1, expected)
          : line.tab_in_indent
              ? report.report(indent, "tab in list indentation; indent with {} spaces", expected)
              : report.report(indent,
                              "list item indented {} space{}; at nesting level {} expected {}",
                              line.indent, line.indent == 1 ? "" : "s", depth + 1, expected);
      // Re-indenting to the rendered depth keeps what the author meant only
      // where the indentation shows that depth; otherwise it is a guess.
      d.fix(fmt::format("indent {} spaces", expected), indent, std::string(expected, ' '),
            as_shown ? Applicability::Safe : Applicability::Unsafe);
    }
  }

  // Whether the item on line `l` is nested the way its indentation shows
  // next to the item line before it in the list: indented further means
  // one level deeper, as far means the same level, less means shallower.
  static bool renders_as_indented(const LintContext& ctx, const std::vector<std::uint32_t>& lines,
                                  std::uint32_t l) {
    const auto at = std::lower_bound(lines.begin(), lines.end(), l);
    if (at == lines.begin()) return true;
    const Line& line = ctx.doc.lines[l];
    const Line& previous = ctx.doc.lines[*(at - 1)];
    const int depth = ctx.doc.blocks[line.item].list_depth;
    const int previous_depth = ctx.doc.blocks[previous.item].list_depth;
    if (line.indent > previous.indent) return depth == previous_depth + 1;
    if (line.indent == previous.indent) return depth == previous_depth;
    return depth < previous_depth;
  }

  // The step every item of the list is indented by (its depth times the
  // step, spaces only, the step not the schema's), or 0.
  static std::uint32_t consistent_step(const LintContext& ctx, std::int32_t root,
                                       const std::vector<std::uint32_t>& lines) {
    std::uint32_t found = 0;
    for (std::uint32_t l : lines) {
      const Line& line = ctx.doc.lines[l];
      if (line.tab_in_indent) return 0;
      const std::uint32_t depth = ctx.doc.blocks[line.item].list_depth;
      if (depth == 0) {
        if (line.indent != 0) return 0;
        continue;
      }
      if (found == 0) {
        if (line.indent % depth != 0 || line.indent == 0) return 0;
        found = line.indent / depth;
      }
      if (line.indent != depth * found) return 0;
    }
    // Tabs on continuation lines would move by other amounts.
    const Block& list = ctx.doc.blocks[root];
    for (std::uint32_t l = list.first_line; l <= list.last_line; ++l) {
      if (ctx.doc.lines[l].tab_in_indent) return 0;
    }
    return found;
  }

  // One finding for the whole list; its fix moves every line of each item
  // (continuation lines and nested blocks too) by what its item moves.
  static void report_list(const LintContext& ctx, Reporter& report, std::uint16_t step,
                          std::uint32_t other_step, std::int32_t root,
                          const std::vector<std::uint32_t>& lines,
                          const std::vector<std::uint32_t>& misplaced) {
    const Block& list = ctx.doc.blocks[root];
    std::vector<Edit> edits;
    std::vector<std::int32_t> open;  // items containing the current line, innermost last
    for (std::uint32_t l = list.first_line; l <= list.last_line; ++l) {
      const Line& line = ctx.doc.lines[l];
      while (!open.empty() && ctx.doc.blocks[open.back()].last_line < l)
        open.pop_back();
      if (line.role == LineRole::ItemStart && line.item != kNone &&
          std::binary_search(lines.begin(), lines.end(), l)) {
        open.push_back(line.item);
      }
      if (line.blank() || open.empty()) continue;
      const Line& start = ctx.doc.lines[ctx.doc.blocks[open.back()].first_line];
      const std::int64_t shift = static_cast<std::int64_t>(expected_indent(ctx, start, step)) -
                                 static_cast<std::int64_t>(start.indent);
      if (shift == 0) continue;
      const std::int64_t indent = std::max<std::int64_t>(0, line.indent + shift);
      edits.push_back(
          Edit{{line.begin, line.indent_end}, std::string(static_cast<std::size_t>(indent), ' ')});
    }
    const Line& first = ctx.doc.lines[misplaced.front()];
    report
        .report(ByteRange{first.begin, first.indent_end},
                "list nested by {} spaces per level ({} items); the digest nests by {}", other_step,
                misplaced.size(), step)
        .fix(fmt::format("re-indent the list by {} spaces per level", step), std::move(edits));
  }

  // The outermost list holding `item` when only lists and items enclose
  // it, else kNone.
  static std::int32_t outermost_list(const Document& doc, const Block& item) {
    std::int32_t root = kNone;
    for (std::int32_t p = item.parent; p != kNone; p = doc.blocks[p].parent) {
      const BlockKind k = doc.blocks[p].kind;
      if (k == BlockKind::BulletList || k == BlockKind::OrderedList) {
        root = p;
      } else if (k != BlockKind::ListItem && k != BlockKind::Document) {
        return kNone;
      }
    }
    return root;
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
