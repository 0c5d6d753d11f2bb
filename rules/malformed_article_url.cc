// DL303 malformed-article-url
#include "article_support.h"
#include "articles.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an article URL line that is not just the bare, live article URL:

- a defanged URL (`hxxps://`, `[.]`): defanging is for indicators, not
  for the article's own source;
- a Markdown link (`[記事のURL](https://…)`) or an angle-bracket URL;
- other text on the line besides the URL.

In legacy digests whose articles start with `1. <url>`, a defanged URL in
that item is reported too.

## Why is this bad?

The URL line is the article's citation. A defanged or wrapped URL cannot
be opened with one click, and tools that collect sources read the line as
a bare URL. `[記事のURL]` is the prompt's placeholder left in the text.

## Example

```markdown
#### 通販サイトで顧客情報が流出
hxxps://example[.]com/news/breach
```

## Use instead

```markdown
#### 通販サイトで顧客情報が流出
https://example.com/news/breach
```

## Fix

Refangs a defanged URL, unwraps a Markdown link or angle brackets to the
bare URL (safe). Text around the URL is left to the author.
)md";

class MalformedArticleUrl final : public Rule {
 public:
  explicit MalformedArticleUrl(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    for (const Article& a : ctx.digest.articles) {
      const std::string_view url = ctx.text(a.url);
      const std::string live = refang(url);
      const bool defanged = live != url;
      switch (a.url_form) {
        case UrlLine::Bare:
        case UrlLine::Missing:
          break;
        case UrlLine::InHeading:
          if (defanged) emit_defanged(ctx, report, a, live);
          break;
        case UrlLine::Defanged:
          emit_defanged(ctx, report, a, live);
          break;
        case UrlLine::MarkdownLink: {
          const std::string_view line = ctx.text(a.url_text);
          const std::string_view label = line.substr(0, line.find("]("));
          report
              .report(a.url_text,
                      "article URL written as a Markdown link '{}]({})'{}; the line holds the "
                      "bare URL",
                      quote_for_message(label, 20), quote_for_message(url, 40),
                      label == "[記事のURL" ? " with the prompt's placeholder text" : "")
              .fix("replace the link with the bare URL", a.url_text, live);
          break;
        }
        case UrlLine::Angle:
          report.report(a.url_text, "article URL in angle brackets; the line holds the bare URL")
              .fix("remove the angle brackets", a.url_text, live);
          break;
        case UrlLine::TextAround:
          report.report(a.url_text,
                        "the article's URL line holds other text: '{}'; it holds only the bare "
                        "URL (put notes under 追記)",
                        quote_for_message(ctx.text(a.url_text), 50));
          break;
      }
    }
  }

 private:
  static void emit_defanged(const LintContext& ctx, Reporter& report, const Article& a,
                            const std::string& live) {
    report
        .report(a.url, "article URL '{}' is defanged; the article's own URL is written live ('{}')",
                quote_for_message(ctx.text(a.url), 40), quote_for_message(live, 40))
        .fix("refang the URL", a.url, live);
  }
};

}  // namespace

extern const RuleInfo kMalformedArticleUrl{
    .code = "DL303",
    .name = "malformed-article-url",
    .summary = "The article URL line is not a bare live URL",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MalformedArticleUrl>,
    .has_fix = true,
};

}  // namespace digestlint
