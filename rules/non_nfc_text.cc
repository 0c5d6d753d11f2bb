// DL501 non-nfc-text
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include "digestlint/prose.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports prose that is not in Unicode Normalization Form C (NFC): a kana
written as a base letter plus a combining voiced mark (`か` + U+3099 instead
of `が`), other decomposed characters, and CJK compatibility ideographs.
It also reports the voiced marks NFC leaves alone: a stand-alone `゛`/`゜`
(U+309B/U+309C) written after a kana, and a combining U+3099/U+309A that
has nothing to combine with.

## Why is this bad?

The text looks identical but is not: a search for `ガイド` does not find
`ガイド` written with a combining mark, two copies of one sentence compare
unequal, and some fonts draw the mark detached. Decomposed text comes from
PDFs and from file names pasted from macOS; `ハ゛` from old input methods.

## Example

```markdown
- ランサムウェアのカ゛イト゛を公開
```

(`カ` + U+309B and `ト` + U+309B)

## Use instead

```markdown
- ランサムウェアのガイドを公開
```

## Fix

Replaces the flagged characters with their NFC form, and a kana followed
by `゛`/`゜` with the composed kana (safe). A voiced mark that cannot
combine with the letter before it has no fix.
)md";

class NonNfcText final : public Rule {
 public:
  explicit NonNfcText(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return;
    static const icu::UnicodeSet& kana = prose::frozen_set(u"[[:scx=Kana:][:scx=Hira:]&[:L:]]");
    const std::string_view bytes = ctx.source.bytes();
    const prose::Index& index = prose::index(ctx);
    // Only a segment holding a character whose NFC quick check is not
    // "yes" can fail; the full check runs on those alone.
    std::uint32_t checked = UINT32_MAX;
    for (std::uint32_t h : index.of(prose::kNfcCandidate)) {
      const prose::Hit& hit = index.hits[h];
      if (hit.segment == checked) continue;
      checked = hit.segment;
      const ByteRange r = index.segments[hit.segment].range;
      const std::string_view text = bytes.substr(r.begin, r.size());
      status = U_ZERO_ERROR;
      if (!nfc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                                 status)) {
        report_nfc(*nfc, text, r.begin, report);
      }
    }
    for (std::uint32_t h : index.of(prose::kVoicedMark)) {
      const prose::Hit& hit = index.hits[h];
      const ByteRange r = index.segments[hit.segment].range;
      const std::string_view text = bytes.substr(r.begin, r.size());
      const std::size_t m = hit.at - r.begin;
      std::size_t base_begin = 0;
      const UChar32 base = prose::decode_before(text, m, 0, &base_begin);
      check_mark(*nfc, kana, text, r.begin, base, base_begin, hit.c, m, m + hit.size, report);
    }
  }

 private:
  static void report_nfc(const icu::Normalizer2& nfc, std::string_view text, Offset origin,
                         Reporter& report) {
    UErrorCode status = U_ZERO_ERROR;
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized);
    icu::Edits edits;
    nfc.normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                      &edits, status);
    if (U_FAILURE(status)) return;
    icu::Edits::Iterator it = edits.getCoarseChangesIterator();
    while (it.next(status) && U_SUCCESS(status)) {
      if (!it.hasChange()) continue;
      const auto src = static_cast<std::size_t>(it.sourceIndex());
      const auto old_len = static_cast<std::size_t>(it.oldLength());
      const std::string_view before = text.substr(src, old_len);
      const std::string after = normalized.substr(static_cast<std::size_t>(it.destinationIndex()),
                                                  static_cast<std::size_t>(it.newLength()));
      const ByteRange range{origin + static_cast<Offset>(src),
                            origin + static_cast<Offset>(src + old_len)};
      report
          .report(range, "'{}' ({}) is not in NFC; write '{}' ({})", quote_for_message(before),
                  prose::code_points_of(before), quote_for_message(after),
                  prose::code_points_of(after))
          .fix(fmt::format("replace with '{}'", after), range, after);
    }
  }

  // A voiced or semi-voiced mark at text[m, after), after `base`.
  static void check_mark(const icu::Normalizer2& nfc, const icu::UnicodeSet& kana,
                         std::string_view text, Offset origin, UChar32 base, std::size_t base_begin,
                         UChar32 mark, std::size_t m, std::size_t after, Reporter& report) {
    const bool combining = mark == 0x3099 || mark == 0x309A;
    const bool after_kana = base >= 0 && kana.contains(base);
    if (combining) {
      // A combining mark after a letter NFC composes with is the NFC
      // finding above; this is the one that stays detached.
      if (base >= 0 && nfc.composePair(base, mark) >= 0) return;
      // After a half-width kana: halfwidth-katakana's finding, whose fix composes it.
      if (base >= 0 && prose::kind_set(prose::kHalfwidthKana).contains(base)) return;
      report.report({origin + static_cast<Offset>(m), origin + static_cast<Offset>(after)},
                    "combining voiced mark {} after '{}' does not combine with it and shows as a "
                    "detached mark; delete it or use a kana that takes the mark",
                    prose::code_point_name(mark),
                    quote_for_message(text.substr(base_begin, m - base_begin)));
      return;
    }
    if (!after_kana) return;  // "゛" on its own, e.g. when explaining the mark itself
    const UChar32 composed = nfc.composePair(base, mark == 0x309B ? 0x3099 : 0x309A);
    const std::string_view written = text.substr(base_begin, after - base_begin);
    const ByteRange range{origin + static_cast<Offset>(base_begin),
                          origin + static_cast<Offset>(after)};
    if (composed < 0) {
      report.report(range,
                    "stand-alone voiced mark {} after '{}' cannot combine with it; retype the "
                    "word without it",
                    prose::code_point_name(mark),
                    quote_for_message(text.substr(base_begin, m - base_begin)));
      return;
    }
    std::string replacement;
    icu::UnicodeString(composed).toUTF8String(replacement);
    report
        .report(range, "'{}' writes the voiced mark as a separate character {}; write '{}'",
                quote_for_message(written), prose::code_point_name(mark), replacement)
        .fix(fmt::format("replace with '{}'", replacement), range, replacement);
  }
};

}  // namespace

extern const RuleInfo kNonNfcText{
    .code = "DL501",
    .name = "non-nfc-text",
    .summary = "Text not in NFC, or a voiced mark written apart from its kana",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<NonNfcText>,
    .has_fix = true,
};

}  // namespace digestlint
