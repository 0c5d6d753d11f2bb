// DL311 text-after-label
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a label with something after it on its line: a colon
(`- 追記:`), or the block's content (`- ChatGPTの推奨事項: …`). Trailing
whitespace is trailing-whitespace's.

## Why is this bad?

A label line holds only the label; its content goes in sub-bullets, where
the limits and none-markers are checked and where tools look for it.

## Example

```markdown
- ChatGPTの推奨事項: 多要素認証を有効にする
```

## Use instead

```markdown
- ChatGPTの推奨事項
    - 多要素認証を有効にする
```

## Fix

Deletes a lone colon; moves text after the label into a sub-bullet
(safe: the text is kept).
)md";

std::size_t separator_len(std::string_view s, std::size_t at) {
  if (at >= s.size()) return 0;
  if (s[at] == ':' || s[at] == ' ' || s[at] == '\t') return 1;
  if (s.compare(at, 3, "\xEF\xBC\x9A") == 0 || s.compare(at, 3, "\xE3\x80\x80") == 0) return 3;
  return 0;
}

class TextAfterLabel final : public Rule {
 public:
  explicit TextAfterLabel(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    for (const ArticleLabel& l : ctx.digest.labels) {
      if (l.spec < 0 || l.extra.empty()) continue;
      const std::string_view extra = ctx.text(l.extra);
      std::size_t skip = 0;
      while (const std::size_t n = separator_len(extra, skip))
        skip += n;
      const std::string_view name = rules::label_name(ctx, l);
      if (skip == extra.size()) {
        report
            .report(l.extra, "label '{}' is followed by '{}'; write '{} {}' alone", name,
                    quote_for_message(extra), ctx.schema.list_marker, name)
            .fix("delete it", l.extra, "");
        continue;
      }
      const Line& line = ctx.doc.lines[l.line];
      const std::string item = fmt::format("{}{}{} {}", rules::eol_for(ctx),
                                           std::string(line.indent + ctx.schema.indent_step, ' '),
                                           ctx.schema.list_marker, extra.substr(skip));
      report
          .report(l.extra, "label '{}' has text after it ('{}'); its content goes in a sub-bullet",
                  name, quote_for_message(extra.substr(skip), 30))
          .fix("move the text into a sub-bullet", l.extra, item);
    }
  }
};

}  // namespace

extern const RuleInfo kTextAfterLabel{
    .code = "DL311",
    .name = "text-after-label",
    .summary = "A label line with a colon or text after the label",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<TextAfterLabel>,
    .has_fix = true,
};

}  // namespace digestlint
