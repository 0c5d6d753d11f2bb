// Helpers several rules share: naming sections in messages, locating
// headings, writing the Markdown a fix inserts.
#pragma once

#include <string>
#include <string_view>

#include "digestlint/rule.h"

namespace digestlint::rules {

// The whole line of a heading (its content, line end excluded).
inline ByteRange heading_line_range(const LintContext& ctx, const Heading& h) {
  return ctx.line_range(h.line);
}

// "### Tools"
inline std::string heading_markup(std::uint8_t level, std::string_view text) {
  return std::string(level, '#') + " " + std::string(text);
}

// Where the next line starts (or the end of the buffer for the last line).
inline Offset next_line_begin(const LintContext& ctx, std::uint32_t line) {
  return line + 1 < ctx.doc.lines.size() ? ctx.doc.lines[line + 1].begin : ctx.source.size();
}

// The range of a line including its line end: what deleting the line removes.
inline ByteRange whole_line(const LintContext& ctx, std::uint32_t line) {
  return {ctx.doc.lines[line].begin, next_line_begin(ctx, line)};
}

// The one content line of a section body, or -1 when it has none or several.
int single_content_line(const LintContext& ctx, const Section& section);

// A body line's text with an optional leading list marker removed and
// surrounding spaces trimmed: "- なし" -> "なし". Sets `had_marker`.
std::string_view marker_free_text(const LintContext& ctx, std::uint32_t line, bool& had_marker);

// How a line relates to the schema's empty-section marker ("N/A").
enum class EmptyMarker {
  None,        // anything else
  Exact,       // "N/A"
  AsListItem,  // "- N/A"
  Variant,     // "NA", "なし", "xxxxx", "-", ...
};
EmptyMarker match_empty_marker(const LintContext& ctx, std::uint32_t line);

// Reports the outline model's findings of one kind (schema-language
// schemas), with their fixes.
void report_outline_issues(const LintContext& ctx, Reporter& report, OutlineCheck check);

}  // namespace digestlint::rules
