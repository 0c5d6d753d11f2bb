// DL113 misplaced-content
#include <algorithm>
#include <vector>

#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports content a section's kind does not allow:

- in a `links` section (Tools, malware campaign, security report,
  cybercrime topics, 日本のインシデント事例): anything at the top level that
  is not a `-` list: paragraphs, ordered lists, code, tables, raw HTML;
- in an `articles` section (日々のニュース要約): text before the first
  article heading.

The empty marker, HTML comments and a line like `-[title](url)` (reported
by missing-space-after-marker) are not reported here.

## Why is this bad?

Tools that read the digest expect each section's content in one shape;
text outside that shape is skipped or breaks them.

## Example

```markdown
### security report
Today's reports:
- [Report](https://example.com/report)
```

## Use instead

```markdown
### security report
- [Report](https://example.com/report)
```
)md";

class MisplacedContent final : public Rule {
 public:
  explicit MisplacedContent(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Document& doc = ctx.doc;
    // Top-level blocks (children of the document), in document order, and
    // the articles (also in document order) are searched per section, so
    // many sections cost n log n rather than sections x blocks.
    std::vector<std::uint32_t> top_level;
    for (std::size_t b = 1; b < doc.blocks.size(); ++b) {
      if (doc.blocks[b].parent == 0) top_level.push_back(static_cast<std::uint32_t>(b));
    }
    const std::vector<Article>& all_articles = ctx.digest.articles;
    for (const Section& s : ctx.digest.sections) {
      if (s.spec < 0) continue;
      const SectionSpec& spec = ctx.schema.sections[s.spec];
      // Free and the schema language's kinds: the outline rules' concern.
      if (spec.content != SectionContent::Links && spec.content != SectionContent::Articles)
        continue;
      const bool articles = spec.content == SectionContent::Articles;
      // Where the first article starts: its heading, or (legacy) its
      // "1. <url>" item, as the article model found it.
      std::uint32_t first_article = s.body_end;
      if (articles) {
        const auto a =
            std::lower_bound(all_articles.begin(), all_articles.end(), s.body_begin,
                             [](const Article& x, std::uint32_t line) { return x.line < line; });
        if (a != all_articles.end() && a->line < s.body_end) first_article = a->line;
      }
      const auto from = std::lower_bound(
          top_level.begin(), top_level.end(), s.body_begin,
          [&](std::uint32_t b, std::uint32_t line) { return doc.blocks[b].first_line < line; });
      for (auto it = from; it != top_level.end(); ++it) {
        const Block& block = doc.blocks[*it];
        if (block.first_line >= s.body_end) break;
        if (articles && block.first_line >= first_article) break;
        if (articles && block.kind == BlockKind::Heading) break;  // the first article
        if (!articles && block.kind == BlockKind::BulletList) continue;
        if (block.kind == BlockKind::Heading) continue;  // unknown-heading's
        const Line& first = doc.lines[block.first_line];
        if (first.comment) continue;
        if (first.shape == LineShape::DashNoSpace) continue;  // missing-space-after-marker's
        if (block.first_line == block.last_line &&
            rules::match_empty_marker(ctx, block.first_line) != rules::EmptyMarker::None) {
          continue;  // the empty-marker rules'
        }
        const ByteRange at = ctx.line_range(block.first_line);
        if (articles) {
          const std::uint8_t level = ctx.schema.articles.enabled ? ctx.schema.articles.level
                                                                 : ctx.digest.section_level + 1;
          report.report(
              at, "text before the first article in section '{}'; articles start with '{} title'",
              spec.heading, std::string(level, '#'));
        } else {
          report.report(at, "{} in section '{}', which holds a '{} [title](url)' list",
                        describe(block.kind), spec.heading, ctx.schema.list_marker);
        }
      }
    }
  }

 private:
  static std::string_view describe(BlockKind kind) {
    switch (kind) {
      case BlockKind::OrderedList:
        return "an ordered list";
      case BlockKind::Code:
        return "a code block";
      case BlockKind::Html:
        return "raw HTML";
      case BlockKind::Table:
        return "a table";
      case BlockKind::Quote:
        return "a block quote";
      case BlockKind::ThematicBreak:
        return "a thematic break";
      default:
        return "text";
    }
  }
};

}  // namespace

extern const RuleInfo kMisplacedContent{
    .code = "DL113",
    .name = "misplaced-content",
    .summary = "Content of a kind the section does not hold",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MisplacedContent>,
};

}  // namespace digestlint
