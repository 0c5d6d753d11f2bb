// DL901 markdown-too-complex
#include "digestlint/rule.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a block that holds thousands of link brackets or URLs, or a link
reference definition that is very long. The Markdown parser (md4c 0.4.8)
needs time that grows with the square of such a block, so digestlint reads
its brackets and URLs as plain text; the rest of the file is checked as
usual. Real digests stay far below the limits (at most 158 brackets and
14 URLs in a block).

## Why is this bad?

Such a block is almost certainly not a digest entry: a paste of binary or
generated data, or input crafted to stall Markdown tools.

## Example

A paragraph of 2,000 `[` characters.

## Use instead

Split the block, or move generated data out of the digest.
)md";

class MarkdownTooComplex final : public Rule {
 public:
  explicit MarkdownTooComplex(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    for (const ByteRange& r : ctx.doc.defused) {
      const std::uint32_t first = ctx.source.line_of(r.begin);
      report.report(ctx.line_range(first),
                    "block too complex for the Markdown parser (lines {}-{}); parts of it "
                    "(links, brackets, nesting) were read as plain text",
                    first + 1, ctx.source.line_of(r.end > r.begin ? r.end - 1 : r.end) + 1);
    }
  }
};

}  // namespace

extern const RuleInfo kMarkdownTooComplex{
    .code = "DL901",
    .name = "markdown-too-complex",
    .summary = "A block too complex for the Markdown parser was read as plain text",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MarkdownTooComplex>,
};

}  // namespace digestlint
