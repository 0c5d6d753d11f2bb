// DL102 missing-section
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports a required section of the schema that the digest does not have,
at the place where it belongs.

## Why is this bad?

Readers and tools rely on every digest having the same seven sections in
the same order. A missing section usually means it was deleted by accident
while editing; when there is nothing to report, the section holds `N/A`.

## Example

```markdown
### malware campaign
N/A

### cybercrime topics
N/A
```

## Use instead

```markdown
### malware campaign
N/A

### security report
N/A

### cybercrime topics
N/A
```

## Fix

Inserts the heading with `N/A` where it belongs (unsafe: the section may
have been renamed rather than removed).
)md";

class MissingSection final : public Rule {
 public:
  static bool ends_inside_open_block(const LintContext& ctx) {
    const Document& doc = ctx.doc;
    std::uint32_t last = static_cast<std::uint32_t>(doc.lines.size());
    while (last > 0 && doc.lines[last - 1].blank())
      --last;
    if (last == 0) return false;
    const Line& line = doc.lines[last - 1];
    if (line.comment) return ctx.line_text(last - 1).find("-->") == std::string_view::npos;
    if (line.role != LineRole::Code) return false;
    for (const Block& b : doc.blocks) {
      if (b.kind != BlockKind::Code || b.mark == 0 || b.last_line != last - 1) continue;
      // Closed when the block's last line is a fence other than its opening one.
      return !(line.shape == LineShape::Fence && b.last_line != b.first_line);
    }
    return false;
  }

  explicit MissingSection(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Schema& schema = ctx.schema;
    const Digest& digest = ctx.digest;
    const std::string eol(preferred_eol(ctx.source.bytes()));
    for (std::size_t spec = 0; spec < schema.sections.size(); ++spec) {
      const SectionSpec& want = schema.sections[spec];
      if (!want.required || digest.first_of_spec[spec] != kNone) continue;
      // It belongs before the next later schema section that is present
      // and in order, else at the end of the file.
      Offset at = ctx.source.size();
      for (std::size_t next = spec + 1; next < schema.sections.size(); ++next) {
        const std::int32_t s = digest.first_of_spec[next];
        if (s != kNone && digest.sections[s].in_order) {
          at = ctx.doc.lines[digest.sections[s].heading_line].begin;
          break;
        }
      }
      const std::string heading = rules::heading_markup(want.level, want.heading);
      std::string insertion = heading + eol + schema.empty_marker + eol + eol;
      if (at == ctx.source.size()) {
        const std::string_view bytes = ctx.source.bytes();
        const bool ends_with_eol = !bytes.empty() && (bytes.back() == '\n' || bytes.back() == '\r');
        insertion = (bytes.empty() ? "" : (ends_with_eol ? eol : eol + eol)) + heading + eol +
                    schema.empty_marker;
      }
      const std::string after = spec > 0 ? schema.sections[spec - 1].display() : std::string();
      auto d =
          after.empty()
              ? report.report({at, at}, "section '{}' is missing (expected first)", want.display())
              : report.report({at, at}, "section '{}' is missing (expected after '{}')",
                              want.display(), after);
      // A heading from one_of or a pattern, or a numbered one, has no one
      // right spelling to insert.
      if (want.heading.empty() || !schema.numbering.empty()) continue;
      // Appended to a file that ends inside an unclosed fence or comment,
      // the heading would be code or comment too: no fix.
      if (at == ctx.source.size() && ends_inside_open_block(ctx)) continue;
      d.fix(fmt::format("insert '{}' with '{}'", heading, schema.empty_marker), ByteRange{at, at},
            insertion, Applicability::Unsafe);
    }
  }
};

}  // namespace

extern const RuleInfo kMissingSection{
    .code = "DL102",
    .name = "missing-section",
    .summary = "A required section of the schema is missing",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MissingSection>,
    .has_fix = true,
};

}  // namespace digestlint
