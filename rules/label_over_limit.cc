// DL314 label-over-limit
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

#include "article_support.h"
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a label block over the prompt's limits (the schema's `max_items`
per label): 要約 at most 5 items, 推奨事項 at most 3, その他 at most 3,
ChatGPTの推奨事項 exactly 1. Only first-level items count; nested details
and a none-marker do not. The message gives the count.

With the option `check-item-length`, it also reports a first-level item
longer than the label's `max_item_length` (要約: 50 characters, counted
as user-perceived characters, i.e. grapheme clusters, not bytes). This is
off by default: most real summaries exceed 50 characters.

## Why is this bad?

The limits keep a digest skimmable; a 9-item summary or a paragraph-long
recommendation defeats the point of summarising.

## Example

```markdown
- ChatGPTの推奨事項
    - パッチを適用する
    - 多要素認証を有効にする
```

## Use instead

```markdown
- ChatGPTの推奨事項
    - 直ちにパッチを適用し、多要素認証を有効にする
```
)md";

// Grapheme clusters in UTF-8 text, without a UTF-16 copy.
std::size_t grapheme_count(std::string_view s) {
  thread_local std::unique_ptr<icu::BreakIterator> it;
  UErrorCode status = U_ZERO_ERROR;
  if (!it) {
    it.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
  }
  if (!it) return s.size();
  status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<std::int64_t>(s.size()), &status);
  if (U_FAILURE(status)) return s.size();
  it->setText(ut, status);
  std::size_t n = 0;
  if (U_SUCCESS(status)) {
    it->first();
    while (it->next() != icu::BreakIterator::DONE)
      ++n;
  }
  utext_close(ut);
  // The iterator keeps a reference to the UText; leave it on empty text.
  status = U_ZERO_ERROR;
  it->setText(icu::UnicodeString());
  return n;
}

class LabelOverLimit final : public Rule {
 public:
  explicit LabelOverLimit(const RuleOptions& options)
      : check_length_(options.get_bool("check-item-length")) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const ArticleSpec& spec = ctx.schema.articles;
    const std::vector<rules::BlockSummary>& summaries = rules::label_summaries(ctx);
    for (std::size_t k = 0; k < ctx.digest.labels.size(); ++k) {
      const ArticleLabel& l = ctx.digest.labels[k];
      if (l.spec < 0) continue;
      const LabelSpec& ls = spec.labels[l.spec];
      const rules::BlockSummary& s = summaries[k];
      if (ls.max_items > 0 && s.bullets > ls.max_items) {
        if (ls.max_items == ls.min_items) {
          report.report(ctx.line_range(l.line),
                        "label '{}' has {} items; the prompt asks for exactly {}", ls.name,
                        s.bullets, ls.max_items);
        } else {
          report.report(ctx.line_range(l.line),
                        "label '{}' has {} items; the prompt allows at most {}", ls.name, s.bullets,
                        ls.max_items);
        }
      } else if (s.bullets > 0 && s.bullets < ls.min_items) {
        report.report(ctx.line_range(l.line),
                      "label '{}' has {} items; the prompt asks for at least {}", ls.name,
                      s.bullets, ls.min_items);
      }
      if (!check_length_ || ls.max_item_length <= 0) continue;
      for (std::uint32_t i = l.first_item; i < l.end_item; ++i) {
        const ArticleItem& it = ctx.digest.items[i];
        if (!it.top || !it.bullet || it.leak || it.none_marker) continue;
        const std::size_t n = grapheme_count(ctx.text(it.text));
        if (n <= static_cast<std::size_t>(ls.max_item_length)) continue;
        report.report(it.text, "'{}' item is {} characters long; the prompt asks for at most {}",
                      ls.name, n, ls.max_item_length);
      }
    }
  }

 private:
  bool check_length_;
};

}  // namespace

extern const RuleInfo kLabelOverLimit{
    .code = "DL314",
    .name = "label-over-limit",
    .summary =
        "A label block with more items than the prompt allows (or, opt-in, too long an item)",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {OptionSpec{"check-item-length", false,
                           "also report first-level items longer than the label's "
                           "max_item_length (要約: 50 characters, counted as graphemes)"}},
    .create = make_rule<LabelOverLimit>,
};

}  // namespace digestlint
