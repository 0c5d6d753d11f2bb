// DL301 empty-article-title
#include "article_support.h"
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an article heading with no title: `#### ` with nothing after it.

## Why is this bad?

The title is how a reader finds an article in the digest and in GitHub's
outline; an empty heading also breaks the anchor links GitHub generates.

## Example

```markdown
####
https://example.com/news/breach
```

## Use instead

```markdown
#### 通販サイトで顧客情報が流出
https://example.com/news/breach
```
)md";

class EmptyArticleTitle final : public Rule {
 public:
  explicit EmptyArticleTitle(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    for (const Article& a : ctx.digest.articles) {
      if (a.heading == kNone || !a.title.empty()) continue;
      const Heading& h = ctx.doc.headings[a.heading];
      report.report(rules::heading_line_range(ctx, h),
                    "article heading has no title; write the article's title (in Japanese) "
                    "after '{} '",
                    std::string(h.level, '#'));
    }
  }
};

}  // namespace

extern const RuleInfo kEmptyArticleTitle{
    .code = "DL301",
    .name = "empty-article-title",
    .summary = "An article heading with no title",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<EmptyArticleTitle>,
};

}  // namespace digestlint
