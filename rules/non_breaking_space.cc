// DL505 non-breaking-space
#include "digestlint/prose.h"
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports special spaces and the non-breaking hyphen in prose, link text and
headings: U+00A0 NO-BREAK SPACE, U+202F NARROW NO-BREAK SPACE, the
fixed-width spaces U+2000..200A, U+205F, and U+2011 NON-BREAKING HYPHEN.
Adjacent characters are one finding. The ideographic space U+3000 is
Japanese text and is not reported here.

## Why is this bad?

They look like a space or a hyphen but are other characters: a search for
`Myth Stealer` misses `Myth<U+202F>Stealer`, and a command such as
`rm<U+00A0><U+2011>rf` copied from the digest does not run. Language-model
output and pages pasted from the web are where they come from.

## Example

```markdown
#### Myth<U+202F>Stealerが偽ゲームサイトで拡散
- Meta<U+2011>as<U+2011>a<U+2011>Service型の攻撃
```

## Use instead

```markdown
#### Myth Stealerが偽ゲームサイトで拡散
- Meta-as-a-Service型の攻撃
```

## Fix

Replaces each space with an ASCII space and each non-breaking hyphen with
`-` (safe).
)md";

class NonBreakingSpace final : public Rule {
 public:
  explicit NonBreakingSpace(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::string_view bytes = ctx.source.bytes();
    const prose::Index& index = prose::index(ctx);
    const std::vector<std::uint32_t>& hits = index.of(prose::kSpecialSpace);
    for (std::size_t k = 0; k < hits.size();) {
      // Adjacent characters are one finding.
      const prose::Hit& first = index.hits[hits[k]];
      const prose::HitRun run = prose::next_run(index, hits, k);
      const Offset end = run.end;
      std::string replacement;
      bool hyphen = false;
      bool space = false;
      for (std::size_t i = run.first; i < run.last; ++i) {
        const bool h = index.hits[hits[i]].c == 0x2011;
        replacement += h ? '-' : ' ';
        (h ? hyphen : space) = true;
      }
      const ByteRange r = index.segments[first.segment].range;
      const std::string_view text = bytes.substr(r.begin, r.size());
      const std::size_t b = first.at - r.begin;
      const std::size_t e = end - r.begin;
      const ByteRange range{first.at, end};
      const std::string_view what = hyphen && space ? "special space and non-breaking hyphen"
                                    : hyphen        ? "non-breaking hyphen"
                                                    : "special space";
      const std::string_view looks = hyphen && space ? "' -'" : hyphen ? "'-'" : "a space";
      const std::string write = hyphen                    ? fmt::format("'{}'", replacement)
                                : replacement.size() == 1 ? std::string("an ASCII space")
                                                          : std::string("ASCII spaces");
      report
          .report(range, "{} {} in '{}': it looks like {} but is another character; write {}", what,
                  prose::code_points_of(text.substr(b, e - b)), prose::quote_context(text, b, e),
                  looks, write)
          .fix(fmt::format("replace with '{}'", replacement), range, replacement);
    }
  }
};

}  // namespace

extern const RuleInfo kNonBreakingSpace{
    .code = "DL505",
    .name = "non-breaking-space",
    .summary = "No-break or other special spaces, or a non-breaking hyphen, in text",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<NonBreakingSpace>,
    .has_fix = true,
};

}  // namespace digestlint
