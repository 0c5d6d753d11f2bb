// DL302 missing-article-url
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an article whose title is not directly followed by its URL: the
URL line is missing, or blank lines separate it from the title. Also an
article that lost both its title and its URL: when the labels start over
(a second `- 要約` after other labels), a new article begins there, and it
is reported once here rather than as a run of duplicated labels.

A URL line that is there but not a bare live URL (defanged, a Markdown
link) is reported by malformed-article-url; a template placeholder in its
place (`{{記事のURL}}`) by leaked-prompt-text.

## Why is this bad?

The line right after the title is where readers and tools look for the
source of the article; without it the summary cannot be checked against
the original.

## Example

```markdown
#### 通販サイトで顧客情報が流出

https://example.com/news/breach
```

## Use instead

```markdown
#### 通販サイトで顧客情報が流出
https://example.com/news/breach
```

## Fix

Deletes the blank lines between the title and the URL (safe).
)md";

class MissingArticleUrl final : public Rule {
 public:
  explicit MissingArticleUrl(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Digest& d = ctx.digest;
    for (const Article& a : d.articles) {
      if (a.headless) {
        report.report(ctx.line_range(a.line),
                      "a new article starts here without its title heading and URL line (its "
                      "labels begin again); write '{} title' and the URL above it",
                      std::string(ctx.schema.articles.level, '#'));
        continue;
      }
      if (a.heading == kNone) continue;
      const Heading& h = ctx.doc.headings[a.heading];
      if (a.url_form == UrlLine::Missing) {
        // A placeholder where the URL belongs is leaked-prompt-text's.
        if (a.first_item < a.end_item && d.items[a.first_item].leak &&
            (a.first_label == a.end_label ||
             d.items[a.first_item].line < d.labels[a.first_label].line)) {
          continue;
        }
        report.report(rules::heading_line_range(ctx, h),
                      "article '{}' has no URL line; the line right after the title holds "
                      "the bare article URL (https://…)",
                      quote_for_message(ctx.text(a.title), 30));
        continue;
      }
      if (!a.blank_before_url || a.url_line == kNone) continue;
      const std::uint32_t first_blank = ctx.doc.blocks[h.block].last_line + 1;
      const ByteRange blanks{ctx.doc.lines[first_blank].begin,
                             ctx.doc.lines[static_cast<std::uint32_t>(a.url_line)].begin};
      bool only_blank = true;
      for (auto l = first_blank; l < static_cast<std::uint32_t>(a.url_line); ++l)
        only_blank = only_blank && ctx.doc.lines[l].blank();
      auto diag = report.report(ByteRange{blanks.begin, ctx.doc.lines[first_blank].end},
                                "blank line between the title and the article URL; the URL goes "
                                "on the line right after the title");
      if (only_blank) diag.fix("delete the blank lines", blanks, "");
    }
  }
};

}  // namespace

extern const RuleInfo kMissingArticleUrl{
    .code = "DL302",
    .name = "missing-article-url",
    .summary = "An article title not directly followed by the article's URL",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MissingArticleUrl>,
    .has_fix = true,
};

}  // namespace digestlint
