// DL304 duplicate-article-url
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

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

constexpr std::uint8_t kCapital = 1;
constexpr std::uint8_t kHostEnd = 2;

// Appends the comparison form of `url` to `out`.
void append_normalised(std::string_view url, std::string& out) {
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
  // The host ends at '/', '?' or '#'; one pass finds the end and whether
  // it holds a capital to lower (most hosts hold none).
  static constexpr std::array<std::uint8_t, 256> kByteClass = [] {
    std::array<std::uint8_t, 256> c{};
    c['/'] = c['?'] = c['#'] = kHostEnd;
    for (int b = 'A'; b <= 'Z'; ++b)
      c[b] = kCapital;
    return c;
  }();
  std::size_t host_end = p;
  std::uint8_t seen = 0;
  for (; host_end < u.size(); ++host_end) {
    const std::uint8_t cls = kByteClass[static_cast<unsigned char>(u[host_end])];
    if (cls == kHostEnd) break;
    seen |= cls;
  }
  out += "https://";
  const std::size_t host_at = out.size();
  out.append(u, p, host_end - p);
  if (seen != 0) {
    for (std::size_t i = host_at; i < out.size(); ++i) {
      if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
    }
  }
  if (out.compare(host_at, 4, "www.") == 0) out.erase(host_at, 4);
  std::string_view rest = u.substr(host_end);
  while (!rest.empty() && rest.back() == '/')
    rest.remove_suffix(1);
  out += rest;
}

class DuplicateArticleUrl final : public Rule {
 public:
  explicit DuplicateArticleUrl(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    // Every article's normalised URL in one string, then grouped by
    // sorting: no allocation per URL (this runs for every digest, and
    // almost none holds a duplicate).
    const std::vector<Article>& articles = ctx.digest.articles;
    std::string keys;
    std::vector<Key> order;
    order.reserve(articles.size());
    for (std::size_t i = 0; i < articles.size(); ++i) {
      if (articles[i].url.empty()) continue;
      const std::size_t begin = keys.size();
      append_normalised(ctx.text(articles[i].url), keys);
      order.push_back({begin, keys.size() - begin, last_bytes(keys, begin), i});
    }
    auto key_text = [&](const Key& k) { return std::string_view(keys).substr(k.begin, k.size); };
    // By length and last bytes first, as numbers: keys that differ mostly
    // differ in those, and equal keys still group.
    std::sort(order.begin(), order.end(), [&](const Key& x, const Key& y) {
      if (x.size != y.size) return x.size < y.size;
      if (x.tail != y.tail) return x.tail < y.tail;
      const int c = key_text(x).compare(key_text(y));
      return c != 0 ? c < 0 : x.article < y.article;
    });
    // The earliest article with the same URL, for each later one.
    constexpr std::size_t kFirst = static_cast<std::size_t>(-1);
    std::vector<std::size_t> first_of;
    for (std::size_t k = 1; k < order.size(); ++k) {
      if (order[k].size != order[k - 1].size || order[k].tail != order[k - 1].tail ||
          key_text(order[k]) != key_text(order[k - 1]))
        continue;
      if (first_of.empty()) first_of.assign(articles.size(), kFirst);
      const std::size_t earlier = first_of[order[k - 1].article];
      first_of[order[k].article] = earlier != kFirst ? earlier : order[k - 1].article;
    }
    if (first_of.empty()) return;
    for (std::size_t i = 0; i < articles.size(); ++i) {
      if (first_of[i] == kFirst) continue;
      const Article& a = articles[i];
      const Article& earlier = articles[first_of[i]];
      report
          .report(a.url, "article URL already used by the article at line {} ('{}')",
                  earlier.line + 1, quote_for_message(ctx.text(earlier.title), 30))
          .note(earlier.url, "first used here");
    }
  }

 private:
  struct Key {
    std::size_t begin;  // in the string of all keys
    std::size_t size;
    std::uint64_t tail;  // up to its last 8 bytes, as one number
    std::size_t article;
  };

  static std::uint64_t last_bytes(std::string_view keys, std::size_t begin) {
    std::uint64_t tail = 0;
    for (std::size_t i = keys.size() - std::min<std::size_t>(8, keys.size() - begin);
         i < keys.size(); ++i)
      tail = tail << 8 | static_cast<unsigned char>(keys[i]);
    return tail;
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
