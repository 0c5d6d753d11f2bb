// DL317 leaked-prompt-text
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports prompt or template text left in an article: the prompt's
instructions (`推奨事項が１つもない場合は、推奨事項なしと記載`), the
output template's placeholders (`{{…}}`, `要約1行目`, `xxxxx`), and the
model talking about the format (`推奨事項が2つしかないため、3つ目はなし`).
The phrases are the `leaked_text` of the schema's articles section
(docs/SCHEMA.md), matched as written in article titles and label
blocks, as whole tokens: a phrase that starts or ends with an ASCII
letter, digit or `_` does not match inside a longer word (`dev_xxxxxx`,
`0xxxxxx`), while a longer run of a repeated placeholder (`xxxxxxx`)
still does. `[記事のURL](…)` on the URL
line is malformed-article-url's.

## Why is this bad?

The text is not about the article; it tells readers the summary was not
reviewed, and often sits next to a real answer that it contradicts.

## Example

```markdown
- 推奨事項
    - パッチを適用する
    - 推奨事項が１つもない場合は、推奨事項なしと記載
```

## Use instead

```markdown
- 推奨事項
    - パッチを適用する
```

## Fix

Deletes the line (unsafe: a line may mix leaked text with an answer).
)md";

class LeakedPromptText final : public Rule {
 public:
  explicit LeakedPromptText(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::vector<std::string>& phrases = ctx.schema.articles.leaked_text;
    auto phrase_in = [&](std::string_view s) -> std::string_view {
      for (const std::string& p : phrases) {
        if (contains_as_token(s, p)) return p;
      }
      return {};
    };
    for (const Article& a : ctx.digest.articles) {
      if (!a.title_leak) continue;
      const std::string_view hit = phrase_in(ctx.text(a.title));
      if (!hit.empty()) {
        report.report(a.title, "article title holds template text '{}'; write the article's title",
                      quote_for_message(hit));
      }
    }
    for (const ArticleItem& it : ctx.digest.items) {
      if (!it.leak) continue;
      const std::string_view hit = phrase_in(ctx.text(ctx.line_range(it.line)));
      auto diag = report.report(ctx.line_range(it.line), "leaked prompt text '{}'; delete it",
                                quote_for_message(hit));
      const bool has_children = it.line + 1 < ctx.doc.lines.size() &&
                                ctx.doc.lines[it.line].item != kNone &&
                                ctx.doc.blocks[ctx.doc.lines[it.line].item].last_line > it.line;
      if (!has_children) {
        diag.fix("delete the line", rules::whole_line(ctx, it.line), "", Applicability::Unsafe);
      }
    }
  }
};

}  // namespace

extern const RuleInfo kLeakedPromptText{
    .code = "DL317",
    .name = "leaked-prompt-text",
    .summary = "Prompt or template text left in an article",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<LeakedPromptText>,
    .has_fix = true,
};

}  // namespace digestlint
