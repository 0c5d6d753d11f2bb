// DL206 blank-line-in-list
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports blank lines inside a list: between its items, or between an item
and its nested bullets. Silent when the schema allows them
(`[lists] blank_lines_between_items = true`, as in the legacy schema).

## Why is this bad?

A blank line makes the whole list "loose": every item is wrapped in a
paragraph and renders with extra spacing. Modern digests have none since
2024-05-07.

## Example

```markdown
- 要約
    - first point

- IOCの列挙
```

## Use instead

```markdown
- 要約
    - first point
- IOCの列挙
```

## Fix

Deletes the blank lines (safe).
)md";

class BlankLineInList final : public Rule {
 public:
  explicit BlankLineInList(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    if (ctx.schema.blank_lines_between_items) return;
    const Document& doc = ctx.doc;
    for (const Block& list : doc.blocks) {
      if (list.kind != BlockKind::BulletList && list.kind != BlockKind::OrderedList) continue;
      // Outermost lists only: they span their nested lists' lines.
      if (list.parent == kNone || !is_outermost(doc, list)) continue;
      std::uint32_t l = list.first_line;
      while (l <= list.last_line && l < doc.lines.size()) {
        if (!doc.lines[l].blank() || doc.lines[l].role == LineRole::Code) {
          ++l;
          continue;
        }
        const std::uint32_t first = l;
        while (l <= list.last_line && l < doc.lines.size() && doc.lines[l].blank())
          ++l;
        // Blank lines that end the list separate nothing.
        if (l > list.last_line || l >= doc.lines.size()) break;
        const ByteRange blank{doc.lines[first].begin, doc.lines[l].begin};
        report
            .report(blank, "{} inside a list; list items follow each other without blank lines",
                    l - first == 1 ? std::string("blank line")
                                   : fmt::format("{} blank lines", l - first))
            .fix("delete the blank lines", blank, "");
      }
    }
  }

 private:
  static bool is_outermost(const Document& doc, const Block& list) {
    for (std::int32_t p = list.parent; p != kNone; p = doc.blocks[p].parent) {
      const BlockKind k = doc.blocks[p].kind;
      if (k == BlockKind::BulletList || k == BlockKind::OrderedList) return false;
    }
    return true;
  }
};

}  // namespace

extern const RuleInfo kBlankLineInList{
    .code = "DL206",
    .name = "blank-line-in-list",
    .summary = "A blank line between the items of a list",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<BlankLineInList>,
    .has_fix = true,
};

}  // namespace digestlint
