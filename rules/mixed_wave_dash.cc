// DL509 mixed-wave-dash
#include "digestlint/prose.h"
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a document that writes ranges with both wave dashes: `〜` (U+301C
WAVE DASH) and `～` (U+FF5E FULLWIDTH TILDE). The occurrences of the less
used one are reported (on a tie, of the one used second), each pointing at
the first use of the other. Link text, which quotes headlines as published,
is not counted.

## Why is this bad?

The two look alike but are different characters: macOS input methods type
`〜`, Windows ones `～`. A document mixing them does not find all its date
ranges with one search, and the two render differently in some fonts.

## Example

```markdown
- 2025年1月27日〜2月6日に攻撃を観測
- 5月1日～6月4日にも再度観測
```

## Use instead

```markdown
- 2025年1月27日〜2月6日に攻撃を観測
- 5月1日〜6月4日にも再度観測
```

## Fix

Replaces each minority wave dash with the majority one (safe).
)md";

constexpr UChar32 kWaveDash = 0x301C;
constexpr UChar32 kFullwidthTilde = 0xFF5E;

class MixedWaveDash final : public Rule {
 public:
  explicit MixedWaveDash(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const prose::Index& index = prose::index(ctx);
    std::vector<std::pair<ByteRange, bool>> found;  // (range, is wave dash)
    std::size_t waves = 0;
    for (std::uint32_t h : index.of(prose::kWaveDash)) {
      const prose::Hit& hit = index.hits[h];
      if (index.segments[hit.segment].kind == RunKind::LinkText) continue;
      const bool wave = hit.c == kWaveDash;
      found.emplace_back(ByteRange{hit.at, hit.end()}, wave);
      waves += wave ? 1 : 0;
    }
    const std::size_t tildes = found.size() - waves;
    if (waves == 0 || tildes == 0) return;
    const bool majority_wave = waves != tildes ? waves > tildes : found.front().second;
    const std::size_t majority_count = majority_wave ? waves : tildes;
    ByteRange first_majority;
    for (const auto& [range, wave] : found) {
      if (wave == majority_wave) {
        first_majority = range;
        break;
      }
    }
    const char* const have = majority_wave ? "〜" : "～";
    const char* const other = majority_wave ? "～" : "〜";
    const UChar32 other_cp = majority_wave ? kFullwidthTilde : kWaveDash;
    const UChar32 have_cp = majority_wave ? kWaveDash : kFullwidthTilde;
    for (const auto& [range, wave] : found) {
      if (wave == majority_wave) continue;
      report
          .report(range, "'{}' ({}) but this document writes '{}' ({}) {} time{}; write '{}'",
                  other, prose::code_point_name(other_cp), have, prose::code_point_name(have_cp),
                  majority_count, majority_count == 1 ? "" : "s", have)
          .note(first_majority, "first '{}' here", have)
          .fix(fmt::format("replace with '{}'", have), range, have);
    }
  }
};

}  // namespace

extern const RuleInfo kMixedWaveDash{
    .code = "DL509",
    .name = "mixed-wave-dash",
    .summary = "Both wave dashes, 〜 and ～, in one document",
    .default_severity = Severity::Info,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MixedWaveDash>,
    .has_fix = true,
};

}  // namespace digestlint
