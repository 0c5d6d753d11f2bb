// DL313 stray-line-in-article
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a line of an article that is neither a label nor a `- ` item of
one:

- a line inside a label block written without `- ` (most are a
  none-marker: `    IOC情報なし`), or a continuation line of an item;
- a label written without `- ` (`その他`);
- text between the URL line and the first label.

Leaked prompt text on such a line is leaked-prompt-text's; a `- ` line
indented too deep to be an item is skipped-nesting-level's.

## Why is this bad?

Markdown folds a line without a marker into the item above it:
`    IOC情報なし` under `- IOCの列挙` renders as "IOCの列挙 IOC情報なし", one
line, and the label looks empty to every tool.

## Example

```markdown
- IOCの列挙
    IOC情報なし
```

## Use instead

```markdown
- IOCの列挙
    - IOC情報なし
```

## Fix

Writes the missing `- ` in front of a none-marker or a label (safe), and
in front of other lines of a label block (unsafe: a wrapped sentence
would become two items).
)md";

class StrayLineInArticle final : public Rule {
 public:
  explicit StrayLineInArticle(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Digest& d = ctx.digest;
    const std::string marker(1, ctx.schema.list_marker);
    for (const ArticleLabel& l : d.labels) {
      if (l.bullet || l.spec < 0) continue;
      const Line& line = ctx.doc.lines[l.line];
      const ByteRange indent{line.begin, line.indent_end};
      report
          .report(ctx.line_range(l.line), "label '{}' is written without '{} '; write '{} {}'",
                  rules::label_name(ctx, l), marker, marker, rules::label_name(ctx, l))
          .fix(fmt::format("write '{} '", marker), indent, marker + " ");
    }
    for (const ArticleItem& it : d.items) {
      if (it.leak || it.in_ioc_list()) continue;
      const Line& line = ctx.doc.lines[it.line];
      const ByteRange range = ctx.line_range(it.line);
      const std::string_view text = ctx.text(it.text);
      if (it.label == kNone) {
        report.report(range,
                      "'{}' is outside any label; an article holds only its labels and their items",
                      quote_for_message(text, 30));
        continue;
      }
      if (it.bullet) continue;
      const ArticleLabel& label = d.labels[it.label];
      const Line& label_line = ctx.doc.lines[label.line];
      const std::string want =
          std::string(label_line.indent + ctx.schema.indent_step, ' ') + marker + " ";
      const ByteRange indent{line.begin, line.indent_end};
      if (it.none_marker) {
        report
            .report(range, "'{}' under '{}' is written without '{} '; write '{}{}'",
                    quote_for_message(text), rules::label_name(ctx, label), marker, want, text)
            .fix(fmt::format("write '{} '", marker), indent, want);
        continue;
      }
      // A "- " line indented too deep to open a list: Markdown appends it
      // to the item above; skipped-nesting-level reports it.
      if (line.shape == LineShape::Bullet && line.role == LineRole::Paragraph) continue;
      report
          .report(range, "line inside label '{}' is not a '{} ' item: '{}'",
                  rules::label_name(ctx, label), marker, quote_for_message(text, 30))
          .fix(fmt::format("make it a '{} ' item", marker), indent, want, Applicability::Unsafe);
    }
  }
};

}  // namespace

extern const RuleInfo kStrayLineInArticle{
    .code = "DL313",
    .name = "stray-line-in-article",
    .summary =
        "A line of an article that is not a label or a '- ' item (e.g. 'IOC情報なし' without '- ')",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<StrayLineInArticle>,
    .has_fix = true,
};

}  // namespace digestlint
