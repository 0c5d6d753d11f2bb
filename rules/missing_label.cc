// DL305 missing-label
#include "article_support.h"
#include "digestlint/rule.h"
#include "digestlint/text.h"
#include "support.h"

namespace digestlint {
namespace {

constexpr std::string_view kDoc = R"md(
## What it does

Reports an article that lacks a required label (`- 要約`, `- IOCの列挙`,
`- 推奨事項`, `- その他`, `- ChatGPTの推奨事項`; `- 追記` is optional).
Labels missing from the same place are reported together, once. A label
written with a typo, an alias or an indent counts as present (those rules
report it), so one slip is one finding.

## Why is this bad?

Every article answers the same five questions. A missing label cannot be
told apart from "nothing to report" (which the label's own marker says:
`IOC情報なし`, `推奨事項なし`, `なし`).

## Example

```markdown
- 要約
    - 通販サイトで顧客情報が流出した
- 推奨事項
    - 推奨事項なし
```

## Use instead

```markdown
- 要約
    - 通販サイトで顧客情報が流出した
- IOCの列挙
    - IOC情報なし
- 推奨事項
    - 推奨事項なし
```

## Fix

Inserts each missing label with its "nothing" marker (unsafe: whether
there really is nothing to report is for the author to check). Labels
without a marker (要約) are not inserted.
)md";

class MissingLabel final : public Rule {
 public:
  explicit MissingLabel(const RuleOptions&) {}

  void check(const LintContext& ctx, Reporter& report) const override {
    const ArticleSpec& spec = ctx.schema.articles;
    const Digest& d = ctx.digest;
    // Kept from article to article: one allocation per digest.
    std::vector<std::int32_t> at;
    std::vector<int> group;
    for (const Article& a : d.articles) {
      // For each spec, the first label line of it in the article.
      at.assign(spec.labels.size(), kNone);
      for (std::uint32_t i = a.first_label; i < a.end_label; ++i) {
        const ArticleLabel& l = d.labels[i];
        if (l.spec >= 0 && at[l.spec] == kNone) at[l.spec] = static_cast<std::int32_t>(i);
      }
      group.clear();
      for (std::size_t s = 0; s <= spec.labels.size(); ++s) {
        const bool missing = s < spec.labels.size() && at[s] == kNone && spec.labels[s].required;
        if (missing) {
          group.push_back(static_cast<int>(s));
          continue;
        }
        if (s < spec.labels.size() && !spec.labels[s].required && at[s] == kNone) continue;
        if (!group.empty()) emit(ctx, report, a, at, group, s);
        group.clear();
      }
    }
  }

 private:
  // `group`: consecutive missing specs; `next`: the spec after them.
  static void emit(const LintContext& ctx, Reporter& report, const Article& a,
                   const std::vector<std::int32_t>& at, const std::vector<int>& group,
                   std::size_t next) {
    const ArticleSpec& spec = ctx.schema.articles;
    const Digest& d = ctx.digest;
    std::string names;
    for (int s : group)
      names += fmt::format("{}'{}'", names.empty() ? "" : ", ", spec.labels[s].name);
    // Where they belong: before the next present label, else after the
    // previous one's block.
    std::int32_t before = kNone;
    for (std::size_t s = next; s < spec.labels.size() && before == kNone; ++s)
      before = at[s];
    std::int32_t after = kNone;
    for (int s = group.front() - 1; s >= 0 && after == kNone; --s)
      after = at[s];
    std::string where;
    if (after != kNone && before != kNone) {
      where = fmt::format(" between '{}' and '{}'", spec.labels[d.labels[after].spec].name,
                          spec.labels[d.labels[before].spec].name);
    } else if (after != kNone) {
      where = fmt::format(" after '{}'", spec.labels[d.labels[after].spec].name);
    } else if (before != kNone) {
      where = fmt::format(" before '{}'", spec.labels[d.labels[before].spec].name);
    }
    const ByteRange range = a.heading != kNone
                                ? rules::heading_line_range(ctx, ctx.doc.headings[a.heading])
                                : ctx.line_range(a.line);
    auto diag = report.report(range, "{} {} {} missing{}", group.size() == 1 ? "label" : "labels",
                              names, group.size() == 1 ? "is" : "are", where);
    // The fix inserts whole lines at a line start.
    Offset insert_at = 0;
    std::string prefix;
    if (before != kNone && d.labels[before].in_order) {
      insert_at = ctx.doc.lines[d.labels[before].line].begin;
    } else if (after != kNone) {
      std::uint32_t last = d.labels[after].line;
      const ArticleLabel& l = d.labels[after];
      if (l.end_item > l.first_item) last = std::max(last, d.items[l.end_item - 1].line);
      insert_at = rules::next_line_begin(ctx, last);
      if (ctx.doc.lines[last].line_end == LineEnd::None) prefix = rules::eol_for(ctx);
    } else {
      return;
    }
    std::string text = prefix;
    const std::string_view eol = rules::eol_for(ctx);
    for (int s : group) {
      if (spec.labels[s].none_marker.empty()) return;
      text += fmt::format("{} {}{}{}{} {}{}", ctx.schema.list_marker, spec.labels[s].name, eol,
                          std::string(ctx.schema.indent_step, ' '), ctx.schema.list_marker,
                          spec.labels[s].none_marker, eol);
    }
    if (!prefix.empty()) text.resize(text.size() - eol.size());
    diag.fix(group.size() == 1 ? "insert the label with its 'nothing' marker"
                               : "insert the labels with their 'nothing' markers",
             ByteRange{insert_at, insert_at}, text, Applicability::Unsafe);
  }
};

}  // namespace

extern const RuleInfo kMissingLabel{
    .code = "DL305",
    .name = "missing-label",
    .summary = "An article lacks a required label (要約, IOCの列挙, …)",
    .default_severity = Severity::Error,
    .documentation = kDoc,
    .options = {},
    .create = make_rule<MissingLabel>,
    .has_fix = true,
};

}  // namespace digestlint
