// DL502 halfwidth-katakana
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include "digestlint/prose.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports half-width katakana and half-width Japanese punctuation
(U+FF61..U+FF9F: `ｶﾀｶﾅ`, `｢｣`, `､｡`, `ｰ`, `ﾞﾟ`) in prose, link text
included.

## Why is this bad?

Half-width kana are a legacy of 1980s terminals. In a digest they come from
pasted web titles and old systems; they do not match a search for the
full-width word (`ﾗﾝｻﾑｳｪｱ` is not found by `ランサムウェア`), the voiced
mark is a separate character (`ｶﾞ` is two), and the text looks out of place
next to everything else.

## Example

```markdown
- [Googleの｢ダークウェブ レポート｣が公開](https://example.com/report)
- ﾗﾝｻﾑｳｪｱ攻撃を確認
```

## Use instead

```markdown
- [Googleの「ダークウェブ レポート」が公開](https://example.com/report)
- ランサムウェア攻撃を確認
```

## Fix

Replaces each run with its full-width form, voiced marks composed
(`ｶﾞｲﾄﾞ` becomes `ガイド`), by NFKC applied to the run only (safe).
)md";

class HalfwidthKatakana final : public Rule {
 public:
  explicit HalfwidthKatakana(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return;
    const std::string_view bytes = ctx.source.bytes();
    const prose::Index& index = prose::index(ctx);
    const std::vector<std::uint32_t>& hits = index.of(prose::kHalfwidthKana);
    for (std::size_t k = 0; k < hits.size();) {
      // A run of adjacent half-width characters, and the combining voiced
      // marks after it (NFKC composes ｶ + U+3099 too).
      const prose::Hit& first = index.hits[hits[k]];
      Offset end = prose::next_run(index, hits, k).end;
      const Offset segment_end = index.segments[first.segment].range.end;
      for (std::size_t next = end; end < segment_end;) {
        const UChar32 c = prose::decode(bytes.substr(0, segment_end), end, &next);
        if (c != 0x3099 && c != 0x309A) break;
        end = static_cast<Offset>(next);
      }
      const ByteRange range{first.at, end};
      const std::string_view run = ctx.text(range);
      std::string full;
      icu::StringByteSink<std::string> sink(&full);
      status = U_ZERO_ERROR;
      nfkc->normalizeUTF8(0, icu::StringPiece(run.data(), static_cast<int32_t>(run.size())), sink,
                          nullptr, status);
      if (U_FAILURE(status)) continue;
      report
          .report(range, "half-width katakana or punctuation '{}'; write '{}'",
                  quote_for_message(run), full)
          .fix(fmt::format("replace with '{}'", full), range, full);
    }
  }
};

}  // namespace

extern const RuleInfo kHalfwidthKatakana{
    .code = "DL502",
    .name = "halfwidth-katakana",
    .summary = "Half-width katakana or half-width Japanese punctuation in text",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<HalfwidthKatakana>,
    .has_fix = true,
};

}  // namespace digestlint
