// DL114 unlinked-item
#include <algorithm>

#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

In a `links` section, reports a top-level item that is not a single link
`- [title](url)`. Nested sub-bullets are free text and are not checked.

Off the error path by default (info): a few real digests group links under
a plain topic item (`- 日本語のマルスパム` with the URLs below it) on
purpose. Raise it to `warning` in a config file to enforce the shape.

## Why is this bad?

Each entry of these sections points at its source; an item without a link
is often a sub-bullet that lost its indentation.

## Example

```markdown
### security report
- [IntelBroker unmasked](https://example.com/kela)
- IntelBroker appeared in late 2022.
```

## Use instead

```markdown
### security report
- [IntelBroker unmasked](https://example.com/kela)
    - IntelBroker appeared in late 2022.
```
)md";

class UnlinkedItem final : public Rule {
 public:
  explicit UnlinkedItem(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const Document& doc = ctx.doc;
    for (const Section& s : ctx.digest.sections) {
      if (s.spec < 0 || ctx.schema.sections[s.spec].content != SectionContent::Links) continue;
      for (std::uint32_t l = s.body_begin; l < s.body_end; ++l) {
        const Line& line = doc.lines[l];
        if (line.role != LineRole::ItemStart || line.item == kNone) continue;
        const Block& item = doc.blocks[line.item];
        if (item.list_depth != 0 || doc.blocks[item.parent].kind != BlockKind::BulletList) continue;
        if (doc.blocks[doc.blocks[item.parent].parent].kind != BlockKind::Document) continue;
        if (rules::match_empty_marker(ctx, l) != rules::EmptyMarker::None) continue;
        if (line.content_begin == line.end) continue;  // empty-list-item's
        if (is_single_link(ctx, line)) continue;
        report.report(ctx.line_range(l),
                      "item in section '{}' is not a link; expected '{} [title](url)'",
                      ctx.schema.sections[s.spec].heading, ctx.schema.list_marker);
      }
    }
  }

 private:
  // "[title](url)" and nothing else, as md4c parsed it.
  static bool is_single_link(const LintContext& ctx, const Line& line) {
    const Offset end = std::max(line.content_begin, line.trailing_ws);
    std::string_view text = trim_ascii_space(ctx.text({line.content_begin, end}));
    // A trailing HTML comment (a suppression, say) renders as nothing.
    if (text.size() >= 7 && text.substr(text.size() - 3) == "-->") {
      const std::size_t open_comment = text.rfind("<!--");
      if (open_comment != std::string_view::npos) {
        text = trim_ascii_space(text.substr(0, open_comment));
      }
    }
    if (text.size() < 4 || text.front() != '[' || text.back() != ')') return false;
    // The link's text starts right after "[", or after markup opening it
    // ("[`nmap` 7.95](...)", "[**title**](...)").
    const Offset open = line.content_begin + 1;
    // Links are in document order: start at the first one that can be this
    // item's (a scan from the top was quadratic in a long list of items).
    const auto from =
        std::lower_bound(ctx.doc.links.begin(), ctx.doc.links.end(), open,
                         [](const Link& link, Offset at) { return link.text.begin < at; });
    for (auto it = from; it != ctx.doc.links.end(); ++it) {
      const Link& link = *it;
      if (!link.text.empty() && link.text.begin >= end) break;
      if (link.autolink || link.text.begin < open) continue;
      const std::string_view before = ctx.text({open, link.text.begin});
      if (before.find_first_not_of("*_`~") == std::string_view::npos) return true;
    }
    return false;
  }
};

}  // namespace

extern const RuleInfo kUnlinkedItem{
    .code = "DL114",
    .name = "unlinked-item",
    .summary = "A top-level item of a links section is not a link",
    .default_severity = Severity::Info,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<UnlinkedItem>,
};

}  // namespace digestlint
