// DL304 duplicate-article-url
#include <map>

#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "digestlint/url.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an article whose URL is already the URL of an earlier article in
the same digest. URLs are compared after refanging (`hxxps`, `[.]`),
ignoring `http` versus `https`, a leading `www.`, the case of the host
and a trailing `/` (a `#fragment` is kept: live blogs link their updates
that way). The note points at the first article.

## Why is this bad?

The same source summarised twice is usually a copy-paste slip: one of the
two summaries is stale, and the digest counts the story twice.

## Example

```markdown
#### 通販サイトで顧客情報が流出
https://example.com/news/breach
...
#### 通販サイトの顧客情報流出、続報
https://example.com/news/breach/
```

## Use instead

One article per source; put later information under the first article's
`- 追記`.
)md";

std::string normalise(std::string_view url) {
  // Most article URLs are live: refanged only when defanged.
  std::string refanged;
  std::string_view u = url;
  if (is_defanged(url)) {
    refanged = refang(url);
    u = refanged;
  }
  std::size_t p = 0;
  if (u.compare(0, 8, "https://") == 0) {
    p = 8;
  } else if (u.compare(0, 7, "http://") == 0) {
    p = 7;
  }
  std::size_t host_end = p;
  while (host_end < u.size() && u[host_end] != '/' && u[host_end] != '?' && u[host_end] != '#')
    ++host_end;
  // Built in one string: this runs for every article of every digest.
  std::string out;
  out.reserve(8 + u.size());
  out += "https://";
  const std::size_t host_at = out.size();
  out.append(u, p, host_end - p);
  for (std::size_t i = host_at; i < out.size(); ++i) {
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
  }
  if (out.compare(host_at, 4, "www.") == 0) out.erase(host_at, 4);
  std::string_view rest = u.substr(host_end);
  while (!rest.empty() && rest.back() == '/')
    rest.remove_suffix(1);
  out += rest;
  return out;
}

class DuplicateArticleUrl final : public Rule {
 public:
  explicit DuplicateArticleUrl(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    std::map<std::string, const Article*> first;
    for (const Article& a : ctx.digest.articles) {
      if (a.url.empty()) continue;
      auto [it, inserted] = first.emplace(normalise(ctx.text(a.url)), &a);
      if (inserted) continue;
      const Article& earlier = *it->second;
      report
          .report(a.url, "article URL already used by the article at line {} ('{}')",
                  earlier.line + 1, quote_for_message(ctx.text(earlier.title), 30))
          .note(earlier.url, "first used here");
    }
  }
};

}  // namespace

extern const RuleInfo kDuplicateArticleUrl{
    .code = "DL304",
    .name = "duplicate-article-url",
    .summary = "Two articles of one digest with the same URL",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<DuplicateArticleUrl>,
};

}  // namespace digestlint
