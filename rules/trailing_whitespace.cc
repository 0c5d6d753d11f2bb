// DL208 trailing-whitespace
#include <vector>

#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports spaces, tabs and ideographic spaces (U+3000) at the end of a line,
and lines holding only whitespace. Code blocks are not checked.

Exactly two ASCII spaces after the text of a paragraph or list item are a
Markdown hard line break, as in the template's preamble line, and are
allowed (option `allow-hard-break`). On headings and on article labels
(`- 要約␣␣`) they are reported: a heading has no line break, and a label
has nothing after it.

## Why is this bad?

Trailing whitespace is invisible in review and makes diffs noisy; one or
three spaces are typos of a hard break, and U+3000 at a line end is an
input-method slip.

## Example

```markdown
- 推奨事項なし␣
```

## Use instead

```markdown
- 推奨事項なし
```

## Fix

Deletes the trailing whitespace (safe). Where two or more spaces end a
line whose paragraph goes on (a Markdown line break), deleting them would
join the lines: with `allow-hard-break` the fix keeps exactly two (safe),
and without it, or on a label, deleting them is an unsafe fix.
)md";

class TrailingWhitespace final : public Rule {
 public:
  explicit TrailingWhitespace(const RuleOptions& options)
      : allow_hard_break_(options.get_bool("allow-hard-break")) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::string_view bytes = ctx.source.bytes();
    // Asked only for lines of only whitespace, which few digests hold.
    std::vector<bool> in_list;
    bool in_list_known = false;
    std::size_t next_label = 0;  // labels are in document order
    for (std::uint32_t l = 0; l < ctx.doc.lines.size(); ++l) {
      const Line& line = ctx.doc.lines[l];
      if (line.trailing_ws == line.end && !(line.blank() && line.end > line.begin)) continue;
      if (line.role == LineRole::Code) continue;
      // "- " with nothing after it: empty-list-item's finding, whose fix
      // removes the line.
      if ((line.shape == LineShape::Bullet || line.shape == LineShape::Ordered) &&
          line.trailing_ws <= line.marker_end) {
        continue;
      }
      // A line of spaces inside a list is a blank line there:
      // blank-line-in-list's finding, whose fix removes the line.
      if (line.blank() && !in_list_known) {
        in_list = blank_lines_reported_as_list_gaps(ctx);
        in_list_known = true;
      }
      if (line.blank() && !in_list.empty() && in_list[l]) continue;
      const ByteRange ws =
          line.blank() ? ByteRange{line.begin, line.end} : ByteRange{line.trailing_ws, line.end};
      if (ws.empty()) continue;
      const std::string_view tail = bytes.substr(ws.begin, ws.size());
      // A label ("- 要約") has nothing after it, not even a line break.
      while (next_label < ctx.digest.labels.size() && ctx.digest.labels[next_label].line < l) {
        ++next_label;
      }
      const bool label = next_label < ctx.digest.labels.size() &&
                         ctx.digest.labels[next_label].line == l &&
                         ctx.digest.labels[next_label].match != LabelMatch::Unknown;
      if (allow_hard_break_ && !label && !line.blank() && tail == "  " &&
          (line.role == LineRole::Paragraph || line.role == LineRole::ItemStart)) {
        continue;
      }
      if (line.blank()) {
        report.report(ws, "line of only whitespace ({}); leave it empty", describe(tail))
            .fix("delete the whitespace", ws, "");
      } else if (!breaks_line(ctx, l, tail)) {
        report.report(ws, "trailing whitespace ({})", describe(tail)).fix("delete it", ws, "");
      } else if (allow_hard_break_ && !label) {
        // Two or more spaces before a paragraph's next line render a line
        // break: deleting them would join the lines, so keep exactly two.
        report
            .report(ws, "trailing whitespace ({}); a line break is exactly two spaces",
                    describe(tail))
            .fix("keep two spaces (the line break)", ws, "  ");
      } else {
        report.report(ws, "trailing whitespace ({})", describe(tail))
            .fix("delete it (the line joins the next one)", ws, "", Applicability::Unsafe);
      }
    }
  }

 private:
  // "1 space", "3 spaces, a tab", "U+3000 ideographic space".
  static std::string describe(std::string_view ws) {
    std::size_t spaces = 0;
    std::size_t tabs = 0;
    std::size_t ideographic = 0;
    for (std::size_t i = 0; i < ws.size(); ++i) {
      if (ws[i] == ' ') {
        ++spaces;
      } else if (ws[i] == '\t') {
        ++tabs;
      } else {
        ++ideographic;
        i += 2;  // U+3000 is three bytes
      }
    }
    std::string out;
    auto add = [&](std::size_t n, std::string_view one, std::string_view many) {
      if (n == 0) return;
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, n == 1 ? one : many);
    };
    add(spaces, "space", "spaces");
    add(tabs, "tab", "tabs");
    add(ideographic, "U+3000 ideographic space", "U+3000 ideographic spaces");
    return out;
  }

  // Whether trailing `tail` on line `l` is a Markdown hard line break:
  // at least two spaces at the end of paragraph text that continues on the
  // next line.
  static bool breaks_line(const LintContext& ctx, std::uint32_t l, std::string_view tail) {
    const Line& line = ctx.doc.lines[l];
    if (line.role != LineRole::Paragraph && line.role != LineRole::ItemStart) return false;
    if (tail.size() < 2 || tail.substr(tail.size() - 2) != "  ") return false;
    return l + 1 < ctx.doc.lines.size() && ctx.doc.lines[l + 1].role == LineRole::Paragraph &&
           !ctx.doc.lines[l + 1].blank();
  }

  // Blank lines blank-line-in-list reports (inside an outermost list, when
  // the schema forbids them). Empty when the file has no list.
  static std::vector<bool> blank_lines_reported_as_list_gaps(const LintContext& ctx) {
    std::vector<bool> marked;
    if (ctx.schema.blank_lines_between_items) return marked;
    const Document& doc = ctx.doc;
    for (const Block& b : doc.blocks) {
      if (b.kind != BlockKind::BulletList && b.kind != BlockKind::OrderedList) continue;
      if (b.parent == kNone || doc.blocks[b.parent].kind == BlockKind::ListItem) continue;
      if (marked.empty()) marked.assign(doc.lines.size(), false);
      for (std::uint32_t l = b.first_line; l <= b.last_line && l < marked.size(); ++l) {
        marked[l] = true;
      }
    }
    return marked;
  }

  bool allow_hard_break_;
};

}  // namespace

extern const RuleInfo kTrailingWhitespace{
    .code = "DL208",
    .name = "trailing-whitespace",
    .summary = "Whitespace at the end of a line",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {OptionSpec{"allow-hard-break", true,
                           "allow exactly two trailing spaces after text (a Markdown line break)"}},
    .create = make_rule<TrailingWhitespace>,
    .has_fix = true,
};

}  // namespace digestlint
