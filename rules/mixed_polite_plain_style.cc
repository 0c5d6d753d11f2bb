// DL512 mixed-polite-plain-style
#include "digestlint/prose.h"
#include "digestlint/rule.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Opt-in: off unless a config gives it a severity or `--select` names it. Compares how the items of one list end:
the polite style (です, ます, ました, ません, でしょう, ください) against the
plain style (である, だ, verbs and adjectives in the plain form: した, する,
いる, ない). Reports the items that differ from the list's majority (on a
tie, from its first item). Items ending in a noun (体言止め) go with either
style and are never reported, nor are items ending in ASCII, URLs or code,
or holding nested items.

It is off because it is a heuristic on the last characters, not a
morphological analysis, and because a list mixing the styles is often a
deliberate quote.

## Why is this bad?

A summary written partly in です/ます and partly in である reads like two
authors pasted together, which it usually is.

## Example

```markdown
- 攻撃グループは犯行を主張しました。
- 同社は情報流出を否定している。
- 身代金を要求されたが拒否しました。
```

## Use instead

```markdown
- 攻撃グループは犯行を主張しました。
- 同社は情報流出を否定しています。
- 身代金を要求されたが拒否しました。
```
)md";

enum class Style { None, Polite, Plain };

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The style of a sentence by its last characters, 。 and closers removed.
Style style_of(std::string_view s) {
  // Final particles: "でしょうか", "ですね", "ますよ".
  for (std::string_view particle : {"か", "ね", "よ"}) {
    if (ends_with(s, particle)) {
      const std::string_view rest = s.substr(0, s.size() - particle.size());
      if (ends_with(rest, "す") || ends_with(rest, "う") || ends_with(rest, "た")) s = rest;
      break;
    }
  }
  static constexpr std::string_view kPolite[] = {"です",   "ます",     "ました",   "でした",
                                                 "ません", "でしょう", "ましょう", "ください"};
  for (std::string_view p : kPolite) {
    // なりすます and 澄ます are plain verbs that end in ます.
    if (ends_with(s, p) && !(p == "ます" && ends_with(s, "すます"))) return Style::Polite;
  }
  static constexpr std::string_view kPlain[] = {"である", "だ", "た", "る", "う", "く", "ぐ",
                                                "す",     "つ", "ぬ", "ぶ", "む", "い"};
  for (std::string_view p : kPlain) {
    if (ends_with(s, p)) return Style::Plain;
  }
  return Style::None;
}

class MixedPolitePlainStyle final : public Rule {
 public:
  explicit MixedPolitePlainStyle(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const prose::Index& index = prose::index(ctx);
    std::vector<std::pair<ByteRange, Style>> items;
    std::vector<prose::ItemEnd> ends;
    for (const prose::List& list : index.lists) {
      if (list.end_item - list.first_item < 2) continue;
      items.clear();
      std::size_t polite = 0;
      prose::sentence_ends(ctx, index, list, ends);
      for (const prose::ItemEnd& end : ends) {
        // The sentence without its final 。.
        const Offset stop = end.c == 0x3002 ? end.last.begin : end.last.end;
        const std::string_view text = ctx.text({end.text.begin, stop});
        const Style style = style_of(text);
        if (style == Style::None) continue;
        // Report on the sentence's last word: up to three characters.
        std::size_t from = stop;
        for (int n = 0; n < 3 && from > end.text.begin; ++n)
          prose::decode_before(ctx.source.bytes(), from, end.text.begin, &from);
        items.emplace_back(ByteRange{static_cast<Offset>(from), stop}, style);
        polite += style == Style::Polite ? 1 : 0;
      }
      const std::size_t plain = items.size() - polite;
      if (polite == 0 || plain == 0) continue;
      const Style majority =
          polite != plain ? (polite > plain ? Style::Polite : Style::Plain) : items.front().second;
      for (const auto& [range, style] : items) {
        if (style == majority) continue;
        if (style == Style::Polite) {
          report.report(range,
                        "list item ends in the polite style ('{}') but {} of {} items in this "
                        "list end in the plain style (である)",
                        ctx.text(range), plain, items.size());
        } else {
          report.report(range,
                        "list item ends in the plain style ('{}') but {} of {} items in this "
                        "list end in the polite style (です/ます)",
                        ctx.text(range), polite, items.size());
        }
      }
    }
  }
};

}  // namespace

extern const RuleInfo kMixedPolitePlainStyle{
    .code = "DL512",
    .name = "mixed-polite-plain-style",
    .summary = "Items of one list mix the です/ます and である styles (opt-in)",
    .default_severity = Severity::Info,
    .opt_in = true,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MixedPolitePlainStyle>,
    .has_fix = false,
};

}  // namespace digestlint
