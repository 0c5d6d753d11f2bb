// DL602 utf8-bom
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a UTF-8 byte order mark (the bytes `EF BB BF`, U+FEFF) at the start
of the file. digestlint reads the rest of the file as if the mark were not
there, so the title after it is still recognised.

## Why is this bad?

UTF-8 has no byte order. Editors on Windows add the mark, and many tools
then see it as text: a Markdown renderer may not recognise the
`# Daily Security Info` heading after it, `cat`-ing digests together puts
an invisible character in the middle of one, and diffs show a change that
nobody can see.

## Example

```markdown
<U+FEFF># Daily Security Info
```

## Use instead

```markdown
# Daily Security Info
```

## Fix

Deletes the mark (safe).
)md";

class Utf8Bom final : public Rule {
 public:
  explicit Utf8Bom(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    if (ctx.source.bytes().substr(0, 3) != "\xEF\xBB\xBF") return;
    report
        .report({0, 3}, "file starts with a UTF-8 byte order mark <U+FEFF>; UTF-8 files have none")
        .fix("delete the byte order mark", ByteRange{0, 3}, "");
  }
};

}  // namespace

extern const RuleInfo kUtf8Bom{
    .code = "DL602",
    .name = "utf8-bom",
    .summary = "The file starts with a UTF-8 byte order mark",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<Utf8Bom>,
    .has_fix = true,
};

}  // namespace digestlint
