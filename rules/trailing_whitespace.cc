// DL208 trailing-whitespace
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
allowed (option `allow-hard-break`). On headings they are reported: a
heading has no line break.

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

Deletes the trailing whitespace (safe).
)md";

class TrailingWhitespace final : public Rule {
 public:
  explicit TrailingWhitespace(const RuleOptions& options)
      : allow_hard_break_(options.get_bool("allow-hard-break")) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::string_view bytes = ctx.source.bytes();
    for (const Line& line : ctx.doc.lines) {
      if (line.trailing_ws == line.end && !(line.blank() && line.end > line.begin)) continue;
      if (line.role == LineRole::Code) continue;
      // "- " with nothing after it: empty-list-item's finding, whose fix
      // removes the line.
      if ((line.shape == LineShape::Bullet || line.shape == LineShape::Ordered) &&
          line.trailing_ws <= line.marker_end) {
        continue;
      }
      const ByteRange ws =
          line.blank() ? ByteRange{line.begin, line.end} : ByteRange{line.trailing_ws, line.end};
      if (ws.empty()) continue;
      const std::string_view tail = bytes.substr(ws.begin, ws.size());
      if (allow_hard_break_ && !line.blank() && tail == "  " &&
          (line.role == LineRole::Paragraph || line.role == LineRole::ItemStart)) {
        continue;
      }
      const char* what = line.blank() ? "whitespace-only line" : "trailing whitespace";
      report.report(ws, "{}", what).fix("delete it", ws, "");
    }
  }

 private:
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
