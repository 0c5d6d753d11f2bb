// DL603 mixed-line-endings
#include <array>

#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a file whose lines end in more than one way: LF, CRLF and lone CR
mixed. The finding points at the first line end that differs from the
file's majority and counts the others.

## Why is this bad?

Mixed line ends come from pasting text between Windows and Unix tools.
Markdown accepts all three, but `git diff` shows `^M` on some lines, line
counts differ between tools (a lone CR is a line break to a Markdown
renderer and to digestlint, but not to `grep` or `wc -l`), and a paste into
the middle of a CRLF file leaves a seam no one can see.

## Example

```markdown
# Daily Security Info␍␊
### Tools␊
N/A␍␊
```

## Use instead

```markdown
# Daily Security Info␍␊
### Tools␍␊
N/A␍␊
```

## Fix

Rewrites every minority line end to the majority one (safe). On a tie, the
first line end of the file wins.
)md";

std::string_view eol_name(LineEnd e) {
  switch (e) {
    case LineEnd::CrLf:
      return "CRLF";
    case LineEnd::Cr:
      return "CR";
    default:
      return "LF";
  }
}

std::string_view eol_bytes(LineEnd e) {
  switch (e) {
    case LineEnd::CrLf:
      return "\r\n";
    case LineEnd::Cr:
      return "\r";
    default:
      return "\n";
  }
}

class MixedLineEndings final : public Rule {
 public:
  explicit MixedLineEndings(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const auto& lines = ctx.doc.lines;
    std::array<std::uint32_t, 4> count{};
    LineEnd first = LineEnd::None;
    for (const Line& l : lines) {
      if (l.line_end == LineEnd::None) continue;
      if (first == LineEnd::None) first = l.line_end;
      ++count[static_cast<std::size_t>(l.line_end)];
    }
    LineEnd majority = first;
    for (LineEnd e : {LineEnd::Lf, LineEnd::CrLf, LineEnd::Cr}) {
      if (count[static_cast<std::size_t>(e)] > count[static_cast<std::size_t>(majority)]) {
        majority = e;
      }
    }
    if (first == LineEnd::None) return;
    const std::uint32_t total = count[1] + count[2] + count[3];
    const std::uint32_t others = total - count[static_cast<std::size_t>(majority)];
    if (others == 0) return;

    std::vector<Edit> edits;
    ByteRange at;
    LineEnd seen = LineEnd::None;
    for (std::uint32_t i = 0; i + 1 < lines.size(); ++i) {
      const Line& l = lines[i];
      if (l.line_end == LineEnd::None || l.line_end == majority) continue;
      const ByteRange r{l.end, lines[i + 1].begin};
      if (edits.empty()) {
        at = r;
        seen = l.line_end;
      }
      edits.push_back(Edit{r, std::string(eol_bytes(majority))});
    }
    report
        .report(at,
                "line ends with {} but {} of {} line ends in this file are {}; {} {} another "
                "line end",
                eol_name(seen), count[static_cast<std::size_t>(majority)], total,
                eol_name(majority), others, others == 1 ? "line uses" : "lines use")
        .fix(fmt::format("rewrite {} line end{} to {}", others, others == 1 ? "" : "s",
                         eol_name(majority)),
             std::move(edits));
  }
};

}  // namespace

extern const RuleInfo kMixedLineEndings{
    .code = "DL603",
    .name = "mixed-line-endings",
    .summary = "LF, CRLF and CR line ends mixed in one file",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MixedLineEndings>,
    .has_fix = true,
};

}  // namespace digestlint
