// DL507 inconsistent-sentence-ending
#include "digestlint/prose.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Compares the items of one list: either all of them end with `。` or none
does. Reports the items that differ from the list's majority, and names
the majority. By default only a clear majority counts: at least two
items agree (option `min-majority`) and they are at least twice as many as
the others, so in the most common real mix, a three-item list where one
item differs, that item is reported, while a two-against-two tie is not;
set `min-majority = 1` to report any mix (on a tie, the items that differ
from the first one).

Only items that are Japanese sentences take part: an item is set aside
when it has nested items (a label such as `- 要約`), is an IOC entry or a
"nothing" marker (`なし`, `推奨事項なし`, `N/A`), or when its last
character (closing brackets, quotes and `**` set aside, so `…した。）`
ends with `。`) is not a Japanese letter or `。`: a URL, code, a name, `？`.
A list needs two such items.

By default items holding more than one sentence are set aside too
(`ignore-multi-sentence-items`): writing `。` between sentences and after the
last one is natural even where one-phrase items have none.

## Why is this bad?

A summary list reads as one voice. An item that alone ends with `。` (or
alone lacks it) is usually an item appended or edited later, and the mix
shows in the rendered page.

## Example

```markdown
- 要約
    - 脆弱性は6年間見過ごされていた
    - 影響を受ける製品は3種類
    - 修正パッチは提供されない。
```

## Use instead

```markdown
- 要約
    - 脆弱性は6年間見過ごされていた
    - 影響を受ける製品は3種類
    - 修正パッチは提供されない
```
)md";

class InconsistentSentenceEnding final : public Rule {
 public:
  explicit InconsistentSentenceEnding(const RuleOptions& options)
      : ignore_multi_(options.get_bool("ignore-multi-sentence-items")),
        min_majority_(options.get_int("min-majority")) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const prose::Index& index = prose::index(ctx);
    std::vector<Item> items;
    std::vector<prose::ItemEnd> ends;
    for (const prose::List& list : index.lists) {
      if (list.end_item - list.first_item < 2) continue;
      // Most lists are consistent: whether an end is in prose (a run
      // lookup) and the finer exclusions are worked out only for lists
      // whose ends mix before them, since leaving ends out cannot mix a list.
      collect(ctx, index, list, false, ends, items);
      if (!mixed(items)) continue;
      collect(ctx, index, list, true, ends, items);
      if (!mixed(items)) continue;
      std::erase_if(items, [&](const Item& i) {
        const std::string_view text = ctx.text(i.text);
        // A "。" before the last character: more than one sentence.
        return prose::is_nothing_marker(ctx, text) ||
               (ignore_multi_ &&
                text.substr(0, i.last.begin - i.text.begin).find("。") != std::string_view::npos);
      });
      if (items.size() < 2) continue;
      std::size_t with = 0;
      for (const Item& i : items)
        with += i.maru ? 1 : 0;
      const std::size_t without = items.size() - with;
      if (with == 0 || without == 0) continue;
      const bool majority_maru = with != without ? with > without : items.front().maru;
      // Only a clear majority says which ending the list uses.
      const std::size_t majority = majority_maru ? with : without;
      const std::size_t minority = items.size() - majority;
      if (min_majority_ > 1 &&
          (static_cast<std::int64_t>(majority) < min_majority_ || majority < 2 * minority)) {
        continue;
      }
      for (const Item& i : items) {
        if (i.maru == majority_maru) continue;
        if (i.maru) {
          report.report(i.last,
                        "list item ends with '。' but {} of {} items in this list end without it",
                        without, items.size());
        } else {
          report.report(i.last,
                        "list item ends without '。' but {} of {} items in this list end with it",
                        with, items.size());
        }
      }
    }
  }

 private:
  struct Item {
    ByteRange text;  // the item's own text
    ByteRange last;  // its last character
    bool maru;
  };

  // The items of `list` that end with '。' or a Japanese letter.
  static void collect(const LintContext& ctx, const prose::Index& index, const prose::List& list,
                      bool check_prose, std::vector<prose::ItemEnd>& ends,
                      std::vector<Item>& items) {
    items.clear();
    prose::sentence_ends(ctx, index, list, ends, check_prose);
    for (const prose::ItemEnd& end : ends) {
      const bool maru = end.c == 0x3002;
      if (!maru && !prose::japanese_letters().contains(end.c)) continue;
      items.push_back(Item{end.text, end.last, maru});
    }
  }

  static bool mixed(const std::vector<Item>& items) {
    for (const Item& i : items) {
      if (i.maru != items.front().maru) return true;
    }
    return false;
  }
  bool ignore_multi_;
  std::int64_t min_majority_;
};

}  // namespace

extern const RuleInfo kInconsistentSentenceEnding{
    .code = "DL507",
    .name = "inconsistent-sentence-ending",
    .summary = "Items of one list mix endings with and without '。'",
    .default_severity = Severity::Warning,
    .documentation = kDoc,
    .options = {OptionSpec{"ignore-multi-sentence-items", true,
                           "set aside items holding more than one sentence"},
                OptionSpec{"min-majority", std::int64_t{2},
                           "report only when at least this many items agree, and at least twice "
                           "as many as the others (1: any mix)"}},
    .create = make_rule<InconsistentSentenceEnding>,
    .has_fix = false,
};

}  // namespace digestlint
