// DL101 invalid-title
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Checks the document title: the schema's H1 (`# Daily Security Info`) must
be present, must be the first line, must appear once, and must read exactly
as the schema says.

A schema may give the title as a pattern with typed parts instead
(`[title] pattern = "週次レビュー {week}"`): the title must then have the
pattern's shape, and each part must mean something: `{date}` a real
calendar date (`2026-02-30` is reported), `{week}` an ISO week that exists
(`2026-W54` is reported).

## Why is this bad?

The title is how readers, archives and tools recognise a digest. A missing
or altered title, text above it, or a second H1 breaks the page outline on
GitHub and makes the file look like a different document.

## Example

```markdown
Notes for today
# Daily security info
```

## Use instead

```markdown
# Daily Security Info
```

## Fix

A title that is a near miss of the schema's (`# Daily security info`,
`# Daily Security Infо` with a Cyrillic `о`: equal once case, width and
spaces are folded, or a few letters apart) is replaced by it (safe: the
author meant this title). Any other title gets no fix: it may be another
schema's title (`# 日々のニュース要約`, a legacy digest) or a document that
is not a digest at all (`# My team repo`), and rewriting it would change
what the file is. A missing title is inserted at the top (unsafe: review
it).
A title that does not fit the schema's title pattern has no fix: only the
writer knows the date.
)md";

class InvalidTitle final : public Rule {
 public:
  explicit InvalidTitle(const RuleOptions&) {}

  // `[title] pattern`: the shape of the title, then the meaning of each
  // typed part (a real date, an ISO week that exists).
  static void check_pattern(const LintContext& ctx, const Heading& title, Reporter& report) {
    const TextPattern& pattern = ctx.schema.title_pattern;
    const std::string_view text = ctx.text(title.text);
    std::vector<std::string_view> parts;
    if (!pattern.match(text, &parts)) {
      report.report(rules::heading_line_range(ctx, title),
                    "document title is '{}', expected the pattern '{}'", quote_for_message(text),
                    pattern.source());
      return;
    }
    const std::string wrong = pattern.meaningless_part(parts);
    if (!wrong.empty()) report.report(rules::heading_line_range(ctx, title), "title's {}", wrong);
  }

  void check(const LintContext& ctx, Reporter& report) const override {
    const Schema& schema = ctx.schema;
    const std::string expected = rules::heading_markup(schema.title_level, schema.title);
    const Digest& digest = ctx.digest;
    const bool patterned = !schema.title_pattern.empty();
    if (digest.title == kNone) {
      // A title written at the wrong level is wrong-heading-level's finding.
      for (const Heading& h : ctx.doc.headings) {
        if (ctx.text(h.text) == schema.title) return;
      }
      if (patterned) {
        report.report({0, 0}, "document title matching '{}' is missing; a report starts with it",
                      expected);
        return;
      }
      const std::string eol(preferred_eol(ctx.source.bytes()));
      report.report({0, 0}, "document title '{}' is missing; a digest starts with it", expected)
          .fix(fmt::format("insert '{}'", expected), ByteRange{0, 0}, expected + eol + eol,
               Applicability::Unsafe);
      return;
    }
    const Heading& title = ctx.doc.headings[digest.title];
    for (std::uint32_t l = 0; l < title.line; ++l) {
      if (is_content_line(ctx.doc.lines[l])) {
        report.report(ctx.line_range(l),
                      "text before the document title '{}'; the title comes first", expected);
        break;
      }
    }
    const std::string_view text = ctx.text(title.text);
    if (patterned) {
      check_pattern(ctx, title, report);
    } else if (text != schema.title) {
      auto diag = report.report(rules::heading_line_range(ctx, title),
                                "document title is '{}', expected '{}'", quote_for_message(text),
                                schema.title);
      // Only a misspelling of this schema's own title is corrected.
      if (is_near_miss(text, schema.title)) {
        diag.fix(fmt::format("replace with '{}'", schema.title), title.text, schema.title);
      }
    }
    for (std::size_t i = 0; i < ctx.doc.headings.size(); ++i) {
      const Heading& h = ctx.doc.headings[i];
      if (static_cast<std::int32_t>(i) == digest.title || h.level != schema.title_level) continue;
      // An H1 naming a section is a level error, reported by wrong-heading-level.
      if (schema.find_section(ctx.text(h.text)) >= 0) continue;
      report.report(rules::heading_line_range(ctx, h),
                    "second document title '{}'; a digest has one H1 (first on line {})",
                    quote_for_message(ctx.text(h.text)), title.line + 1);
    }
  }
};

}  // namespace

extern const RuleInfo kInvalidTitle{
    .code = "DL101",
    .name = "invalid-title",
    .summary = "The document title is missing, not first, repeated or misspelt",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<InvalidTitle>,
    .has_fix = true,
};

}  // namespace digestlint
