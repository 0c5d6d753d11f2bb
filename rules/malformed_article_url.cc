// DL303 malformed-article-url
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "digestlint/url.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an article URL line that is not just the bare, live article URL:

- a defanged URL (`hxxps://`, `[.]`): defanging is for indicators, not
  for the article's own source;
- a Markdown link (`[記事のURL](https://…)`) or an angle-bracket URL;
- other text on the line besides the URL;
- a character no working link holds, pasted in from a rich-text source:
  a dash other than `-` (U+2011 non-breaking hyphen, U+2013 en dash), an
  invisible format character, a special space. Letters of any script are
  fine (an IRI such as `https://ja.wikipedia.org/wiki/脆弱性` works).

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
bare URL, turns look-alike dashes into `-` and drops invisible characters
(safe). Text around the URL, and special spaces inside it, are left to the
author.
)md";

class MalformedArticleUrl final : public Rule {
 public:
  explicit MalformedArticleUrl(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    for (const Article& a : ctx.digest.articles) {
      const std::string_view url = ctx.text(a.url);
      if (a.url_form == UrlLine::Bare) {
        check_characters(ctx, report, a);
        continue;
      }
      const std::string live = refang(url);
      const bool defanged = live != url;
      switch (a.url_form) {
        case UrlLine::Bare:
          break;
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
  // Characters that cannot be part of a working link, usually pasted from
  // a rich-text source: dashes other than '-' (U+2011 non-breaking hyphen,
  // U+2013 en dash), invisible format characters, special spaces. Letters
  // of any script are fine (IRIs). One finding per URL, at the first one.
  static void check_characters(const LintContext& ctx, Reporter& report, const Article& a) {
    const std::string_view url = ctx.text(a.url);
    const auto* p = reinterpret_cast<const std::uint8_t*>(url.data());
    const auto n = static_cast<std::int32_t>(url.size());
    // Nearly every URL is visible ASCII: nothing to look up.
    if (all_visible_ascii(url)) return;
    std::string fixed;
    bool fixable = true;
    std::int32_t first = -1;
    std::int32_t first_end = 0;
    UChar32 first_char = 0;
    std::size_t count = 0;
    for (std::int32_t i = 0; i < n;) {
      const std::int32_t start = i;
      UChar32 c;
      U8_NEXT_OR_FFFD(p, i, n, c);
      const auto piece =
          url.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
      const std::int8_t type = c < 0x80 ? std::int8_t{U_OTHER_LETTER} : u_charType(c);
      const bool bad = type == U_DASH_PUNCTUATION || type == U_FORMAT_CHAR ||
                       type == U_SPACE_SEPARATOR || type == U_CONTROL_CHAR;
      if (!bad) {
        fixed += piece;
        continue;
      }
      if (first < 0) {
        first = start;
        first_end = i;
        first_char = c;
      }
      ++count;
      if (type == U_DASH_PUNCTUATION) {
        fixed += '-';
      } else if (type != U_FORMAT_CHAR) {
        fixable = false;  // a space: where the URL really ends is unclear
      }
    }
    if (first < 0) return;
    const ByteRange at{a.url.begin + static_cast<Offset>(first),
                       a.url.begin + static_cast<Offset>(first_end)};
    char name[128] = {};
    UErrorCode status = U_ZERO_ERROR;
    u_charName(first_char, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    auto d = report.report(at,
                           "article URL holds U+{:04X} {}{}; the link is broken (write an ASCII "
                           "'-', or remove invisible characters)",
                           static_cast<std::uint32_t>(first_char), U_SUCCESS(status) ? name : "",
                           count > 1 ? fmt::format(" and {} more such characters", count - 1) : "");
    if (fixable) d.fix("replace dashes with '-' and drop invisible characters", a.url, fixed);
  }

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
