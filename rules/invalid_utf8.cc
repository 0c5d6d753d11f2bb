// DL601 invalid-utf8
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "digestlint/prose.h"
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports every byte sequence that is not valid UTF-8, at its exact bytes:
each maximal ill-formed subpart (what a decoder replaces by one U+FFFD) is
one finding. Checks the whole file, code and IOC entries included. After
`max-reports` findings one last finding says how many more there are.

## Why is this bad?

Digests are UTF-8. A file saved as Shift_JIS, a truncated copy or a stray
byte from a binary paste shows up as `�` on GitHub, breaks search, and makes
every tool that decodes the file strictly (JSON exporters, feeds) fail. The
rest of the file is still linted.

## Example

```markdown
- 攻撃者は\x82\xa0を使用した
```

(bytes `82 A0`: the Shift_JIS encoding of あ inside a UTF-8 file)

## Use instead

```markdown
- 攻撃者はあを使用した
```

Save the file as UTF-8 and retype the damaged characters; there is no
automatic fix because the intended character cannot be known.
)md";

class InvalidUtf8 final : public Rule {
 public:
  explicit InvalidUtf8(const RuleOptions& options) : max_reports_(options.get_int("max-reports")) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    // Checked on reading (lint/cli): nothing to find, no pass to make.
    if (ctx.source.known_well_formed()) return;
    const std::string_view bytes = ctx.source.bytes();
    // When the Japanese-text rules ran, prose was decoded once already and
    // its ill-formed bytes come from their index; only the rest of the file
    // (markup, code, URLs, IOC entries) is checked here. Alone, this rule
    // checks every byte itself rather than build that index.
    std::vector<ByteRange> bad;
    if (const prose::Index* index = prose::cached_index(ctx)) {
      bad.assign(index->ill_formed.begin(), index->ill_formed.end());
      Offset at = 0;
      for (const prose::Segment& s : index->segments) {
        if (s.range.begin > at) validate(bytes, at, s.range.begin, bad);
        at = std::max(at, s.range.end);
      }
      validate(bytes, at, static_cast<Offset>(bytes.size()), bad);
    } else {
      validate(bytes, 0, static_cast<Offset>(bytes.size()), bad);
    }
    std::sort(bad.begin(), bad.end(),
              [](const ByteRange& x, const ByteRange& y) { return x.begin < y.begin; });
    const auto total = static_cast<std::int64_t>(bad.size());
    for (std::int64_t k = 0; k < total && k <= max_reports_; ++k) {
      const ByteRange r = bad[static_cast<std::size_t>(k)];
      if (k == max_reports_) {
        report.report(r,
                      "{} more invalid UTF-8 sequences from here on are not reported ({} in the "
                      "file); is it UTF-8 at all?",
                      total - max_reports_, total);
        break;
      }
      const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data()) + r.begin;
      report.report(r, "invalid UTF-8: {} {} not a character; save the file as UTF-8",
                    describe(p, static_cast<std::int32_t>(r.size())), r.size() == 1 ? "is" : "are");
    }
  }

 private:
  // Appends the maximal ill-formed subparts of bytes[from, to), each what a
  // decoder shows as one U+FFFD, with the prose scanner's decoder (16 bytes
  // at a time through plain kana and kanji).
  static void validate(std::string_view bytes, Offset from, Offset to,
                       std::vector<ByteRange>& bad) {
    // An ASCII byte decodes alone and leaves the decoder at a character
    // start: no ill-formed subpart begins before the first byte above
    // 0x7F. The markup between prose segments is mostly ASCII, in many
    // short pieces (eight bytes a step).
    while (to - from >= 8) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + from, 8);
      if ((word & 0x8080808080808080u) != 0) break;
      from += 8;
    }
    while (from < to && static_cast<unsigned char>(bytes[from]) < 0x80)
      ++from;
    if (from == to) return;
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> ill_formed;
    ill_formed.clear();
    prose::find_interesting(bytes.substr(from, to - from), nullptr, ill_formed);
    for (const auto& [at, length] : ill_formed)
      bad.push_back({from + at, from + at + length});
  }

  static std::string describe(const std::uint8_t* b, std::int32_t len) {
    std::string out = len == 1 ? "byte" : "bytes";
    for (std::int32_t k = 0; k < len; ++k)
      out += fmt::format(" 0x{:02X}", b[k]);
    return out;
  }

  std::int64_t max_reports_;
};

}  // namespace

extern const RuleInfo kInvalidUtf8{
    .code = "DL601",
    .name = "invalid-utf8",
    .summary = "Bytes that are not valid UTF-8",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {OptionSpec{"max-reports", std::int64_t{100},
                           "report at most this many invalid sequences per file, then one "
                           "finding with the total"}},
    .create = make_rule<InvalidUtf8>,
    .has_fix = false,
};

}  // namespace digestlint
