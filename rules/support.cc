#include "support.h"

#include <algorithm>

#include "digestlint/text.h"

namespace digestlint::rules {

int single_content_line(const LintContext& ctx, const Section& section) {
  int found = -1;
  for (std::uint32_t l = section.body_begin; l < section.body_end; ++l) {
    if (!is_content_line(ctx.doc.lines[l])) continue;
    if (found >= 0) return -1;
    found = static_cast<int>(l);
  }
  return found;
}

std::string_view marker_free_text(const LintContext& ctx, std::uint32_t line, bool& had_marker) {
  const Line& l = ctx.doc.lines[line];
  had_marker = l.shape == LineShape::Bullet || l.shape == LineShape::Ordered;
  const Offset from = had_marker ? l.content_begin : l.indent_end;
  // Up to the trailing whitespace (U+3000 included): trailing-whitespace's.
  return trim_ascii_space(ctx.text({std::min(from, l.trailing_ws), l.trailing_ws}));
}

EmptyMarker match_empty_marker(const LintContext& ctx, std::uint32_t line) {
  bool had_marker = false;
  const std::string_view text = marker_free_text(ctx, line, had_marker);
  const Schema& schema = ctx.schema;
  if (text == schema.empty_marker) return had_marker ? EmptyMarker::AsListItem : EmptyMarker::Exact;
  // A bare "-" is an empty list item to Markdown but a dash to its author.
  if (had_marker && text.empty() && ctx.doc.lines[line].marker == '-') {
    for (const std::string& v : schema.empty_marker_variants) {
      if (v == "-") return EmptyMarker::Variant;
    }
    return EmptyMarker::None;
  }
  // Markers are short; anything long is content, and folding is skipped.
  if (text.empty() || text.size() > 64) return EmptyMarker::None;
  const std::vector<std::string>& markers = schema.folded_empty_markers();
  const bool variant =
      std::find(markers.begin(), markers.end(), fold_loosely(text)) != markers.end();
  return variant ? EmptyMarker::Variant : EmptyMarker::None;
}

void report_outline_issues(const LintContext& ctx, Reporter& report, OutlineCheck check) {
  for (const OutlineIssue& issue : ctx.digest.outline_issues) {
    if (issue.check != check) continue;
    auto d = report.report(issue.range, "{}", issue.message);
    if (issue.has_fix) {
      d.fix(issue.fix_label, issue.fix_range, issue.fix_text,
            issue.fix_safe ? Applicability::Safe : Applicability::Unsafe);
    }
  }
}

}  // namespace digestlint::rules
