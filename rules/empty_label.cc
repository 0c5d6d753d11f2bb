// DL312 empty-label
#include "article_support.h"
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a label with no item under it. A block whose only content is a
line without `- ` is stray-line-in-article's instead (most are a
none-marker written without its dash).

## Why is this bad?

An empty label says neither what the article contains nor that there is
nothing: the label's marker (`IOC情報なし`, `推奨事項なし`, `なし`) is how
the digest says "nothing to report".

## Example

```markdown
- IOCの列挙
- 推奨事項
    - 推奨事項なし
```

## Use instead

```markdown
- IOCの列挙
    - IOC情報なし
- 推奨事項
    - 推奨事項なし
```

## Fix

Inserts the label's "nothing" marker as its item (unsafe: whether there
is really nothing is for the author to check).
)md";

class EmptyLabel final : public Rule {
 public:
  explicit EmptyLabel(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const ArticleSpec& spec = ctx.schema.articles;
    const std::vector<rules::BlockSummary>& summaries = rules::label_summaries(ctx);
    for (std::size_t k = 0; k < ctx.digest.labels.size(); ++k) {
      const ArticleLabel& l = ctx.digest.labels[k];
      if (l.spec < 0 || l.duplicate_of != kNone) continue;
      const LabelSpec& ls = spec.labels[l.spec];
      if (ls.min_items == 0) continue;
      const rules::BlockSummary& s = summaries[k];
      if (s.lines > 0 || s.leaks > 0) continue;
      // "- ChatGPTの推奨事項: text": the content is on the label's line
      // (text-after-label's finding).
      std::string_view extra = ctx.text(l.extra);
      while (!extra.empty()) {
        if (extra[0] == ':' || extra[0] == ' ' || extra[0] == '\t') {
          extra.remove_prefix(1);
        } else if (extra.substr(0, 3) == "\xEF\xBC\x9A" || extra.substr(0, 3) == "\xE3\x80\x80") {
          extra.remove_prefix(3);
        } else {
          break;
        }
      }
      if (!extra.empty()) continue;
      // Nested items with no first-level one: an indentation problem.
      if (l.end_item > l.first_item) continue;
      if (ls.none_marker.empty()) {
        report.report(ctx.line_range(l.line),
                      "label '{}' has no items; write at least one '{} ' item under it", ls.name,
                      ctx.schema.list_marker);
        continue;
      }
      auto diag = report.report(ctx.line_range(l.line),
                                "label '{}' has no items; write its items, or '{}' if there is "
                                "nothing",
                                ls.name, ls.none_marker);
      if (l.bullet) {
        const Line& line = ctx.doc.lines[l.line];
        const Offset at = rules::next_line_begin(ctx, l.line);
        std::string text =
            fmt::format("{}{} {}", std::string(line.indent + ctx.schema.indent_step, ' '),
                        ctx.schema.list_marker, ls.none_marker);
        if (line.line_end == LineEnd::None) {
          text = std::string(rules::eol_for(ctx)) + text;
        } else {
          text += rules::eol_for(ctx);
        }
        diag.fix(fmt::format("insert '{}'", ls.none_marker), ByteRange{at, at}, text,
                 Applicability::Unsafe);
      }
    }
  }
};

}  // namespace

extern const RuleInfo kEmptyLabel{
    .code = "DL312",
    .name = "empty-label",
    .summary = "A label with no item under it",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<EmptyLabel>,
    .has_fix = true,
};

}  // namespace digestlint
