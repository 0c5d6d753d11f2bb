// DL510 mixed-parenthesis-width
#include <algorithm>

#include "digestlint/prose.h"
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Opt-in: off unless a config gives it a severity or `--select` names it. Reports a document that puts Japanese
text in parentheses of both widths: `（注記）` and `(注記)`. The pairs of
the less used width are reported (on a tie, of the width used second).
Parentheses around ASCII only, such as `(CVE-2024-1234)` or `(IOC)`, are
not counted: either width is normal there.

It is off because mixing is the norm in the archive: 37% of the digests
use both widths next to Japanese text, and 14% with Japanese inside.

## Why is this bad?

One document should look like one style. Full-width parentheses are the
Japanese convention around Japanese text; ASCII ones there usually come
from a paste or from language-model output.

## Example

```markdown
- 悪意のある添付ファイル(Excelなど)を開かせる
- 既知の脆弱性（権限昇格）を悪用する
- 攻撃は（主に夜間に）行われた
```

## Use instead

```markdown
- 悪意のある添付ファイル（Excelなど）を開かせる
- 既知の脆弱性（権限昇格）を悪用する
- 攻撃は（主に夜間に）行われた
```
)md";

struct Pair {
  Offset open = 0;
  bool ascii = false;
};

class MixedParenthesisWidth final : public Rule {
 public:
  explicit MixedParenthesisWidth(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const std::string_view bytes = ctx.source.bytes();
    const prose::Index& index = prose::index(ctx);
    std::vector<Pair> pairs;
    std::vector<Offset> open_ascii;
    std::vector<Offset> open_full;
    std::uint32_t line = UINT32_MAX;
    for (std::uint32_t h : index.of(prose::kParenthesis)) {
      const prose::Hit& hit = index.hits[h];
      const std::uint32_t hit_line = index.segments[hit.segment].line;
      if (hit_line != line) {  // pairs are matched within a line
        open_ascii.clear();
        open_full.clear();
        line = hit_line;
      }
      switch (hit.c) {
        case '(':
          open_ascii.push_back(hit.at);
          break;
        case ')':
          close(bytes, open_ascii, hit.at, true, pairs);
          break;
        case 0xFF08:
          open_full.push_back(hit.at);
          break;
        default:
          close(bytes, open_full, hit.at, false, pairs);
          break;
      }
    }
    std::sort(pairs.begin(), pairs.end(),
              [](const Pair& a, const Pair& b) { return a.open < b.open; });
    std::size_t ascii = 0;
    for (const Pair& p : pairs)
      ascii += p.ascii ? 1 : 0;
    const std::size_t full = pairs.size() - ascii;
    if (ascii == 0 || full == 0) return;
    const bool majority_ascii = ascii != full ? ascii > full : pairs.front().ascii;
    const std::size_t majority = majority_ascii ? ascii : full;
    for (const Pair& p : pairs) {
      if (p.ascii == majority_ascii) continue;
      const Offset len = p.ascii ? 1 : 3;
      report.report({p.open, p.open + len},
                    "{} parentheses around Japanese text, but this document uses {} ones {} "
                    "time{}; write '{}'",
                    p.ascii ? "ASCII" : "full-width", majority_ascii ? "ASCII" : "full-width",
                    majority, majority == 1 ? "" : "s", majority_ascii ? "(…)" : "（…）");
    }
  }

 private:
  static void close(std::string_view bytes, std::vector<Offset>& open, Offset at, bool ascii,
                    std::vector<Pair>& pairs) {
    if (open.empty()) return;
    const Offset from = open.back();
    open.pop_back();
    const std::string_view inside = bytes.substr(from, at - from);
    const icu::UnicodeSet& letters = prose::japanese_letters();
    if (letters.spanUTF8(inside.data(), static_cast<int32_t>(inside.size()),
                         USET_SPAN_NOT_CONTAINED) < static_cast<int32_t>(inside.size())) {
      pairs.push_back(Pair{from, ascii});
    }
  }
};

}  // namespace

extern const RuleInfo kMixedParenthesisWidth{
    .code = "DL510",
    .name = "mixed-parenthesis-width",
    .summary = "ASCII and full-width parentheses both around Japanese text (opt-in)",
    .default_severity = Severity::Info,
    .opt_in = true,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MixedParenthesisWidth>,
    .has_fix = false,
};

}  // namespace digestlint
