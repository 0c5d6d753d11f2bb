// DL503 fullwidth-alphanumeric
#include "digestlint/prose.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports full-width ASCII letters and digits (`１１００件`, `Ｅメール`,
U+FF10..FF19, U+FF21..FF3A, U+FF41..FF5A) in prose and headings. Link
text is not checked by default (option `check-link-text`): it quotes the
source's headline as published, and Japanese news sites write full-width
digits.

Full-width symbols such as `（）`, `：`, `％` and `～` are normal Japanese
typography and are not reported. A full-width empty-section marker
(`Ｎ／Ａ`) is `nonstandard-empty-marker`'s finding.

## Why is this bad?

The digests write numbers and Latin words in half-width. A full-width `２`
or a stray `ｓ` is an input-method slip: it does not match a search for
`2つ` or `CVE`, sorts differently, and looks inconsistent next to the
half-width digits around it.

## Example

```markdown
- ２つの脆弱性が悪用された
- 約１１００件の情報が流出
```

## Use instead

```markdown
- 2つの脆弱性が悪用された
- 約1100件の情報が流出
```

## Fix

Replaces each run with its ASCII form (safe).
)md";

class FullwidthAlphanumeric final : public Rule {
 public:
  explicit FullwidthAlphanumeric(const RuleOptions& options)
      : link_text_(options.get_bool("check-link-text")) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const prose::Index& index = prose::index(ctx);
    const std::vector<std::uint32_t>& hits = index.of(prose::kFullwidthAlnum);
    std::uint32_t marker_line = UINT32_MAX;  // the last line found to be an empty marker
    for (std::size_t k = 0; k < hits.size();) {
      const prose::Hit& first = index.hits[hits[k]];
      const prose::Segment& segment = index.segments[first.segment];
      // U+FF01..FF5E mirror U+0021..007E.
      const prose::HitRun run = prose::next_run(index, hits, k);
      const Offset end = run.end;
      std::string ascii;
      for (std::size_t i = run.first; i < run.last; ++i)
        ascii += static_cast<char>(index.hits[hits[i]].c - 0xFEE0);
      if (segment.kind == RunKind::LinkText && !link_text_) continue;
      // "Ｎ／Ａ" for an empty section is nonstandard-empty-marker's finding.
      if (segment.line == marker_line) continue;
      if (rules::match_empty_marker(ctx, segment.line) != rules::EmptyMarker::None) {
        marker_line = segment.line;
        continue;
      }
      const ByteRange range{first.at, end};
      report
          .report(range, "full-width {} '{}'; write '{}'", describe(ascii),
                  quote_for_message(ctx.text(range)), ascii)
          .fix(fmt::format("replace with '{}'", ascii), range, ascii);
    }
  }

 private:
  static std::string_view describe(std::string_view ascii) {
    bool digits = false;
    bool letters = false;
    for (char c : ascii) {
      (c >= '0' && c <= '9' ? digits : letters) = true;
    }
    if (digits && letters) return "letters and digits";
    return digits ? (ascii.size() == 1 ? "digit" : "digits")
                  : (ascii.size() == 1 ? "letter" : "letters");
  }

  bool link_text_;
};

}  // namespace

extern const RuleInfo kFullwidthAlphanumeric{
    .code = "DL503",
    .name = "fullwidth-alphanumeric",
    .summary = "Full-width ASCII letters or digits in text",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {OptionSpec{"check-link-text", false,
                           "also check link text, which quotes the source's headline"}},
    .create = make_rule<FullwidthAlphanumeric>,
    .has_fix = true,
};

}  // namespace digestlint
