#include "output/report.h"

#include <algorithm>

namespace digestlint {

namespace {

// A cursor only moves forward cheaply (backwards it restarts at the line's
// start), so starts and ends each get their own: with many findings on
// one line, both then only move forward and the line is decoded once.
struct Cursors {
  PositionCursor start;
  PositionCursor stop;
  explicit Cursors(const SourceText& source) : start(source), stop(source) {}
};

// The byte column of `offset` on the line `at` already found for it (as
// PositionCursor computes it, without finding the line again).
Position byte_position(const SourceText& source, Offset offset, Position at) {
  const std::uint32_t line = at.line - 1;
  const Offset clamped = std::min({offset, source.size(), source.line_end(line)});
  return Position{at.line, clamped - source.line_begin(line) + 1};
}

ReportedRange report_range(const SourceText& source, Cursors& cursors, ByteRange range) {
  ReportedRange r;
  r.begin = range.begin;
  r.end = range.end;
  r.start = cursors.start.position(range.begin, ColumnUnit::Utf16);
  r.stop = cursors.stop.position(range.end, ColumnUnit::Utf16);
  r.start_byte = byte_position(source, range.begin, r.start);
  r.stop_byte = byte_position(source, range.end, r.stop);
  return r;
}

// Context shown around a finding: its line, or on a long line (a minified
// blob, a pathological input) a window around the range, cut at character
// starts. Copying whole long lines per finding would be quadratic.
constexpr Offset kContextBefore = 120;
constexpr Offset kContextAfter = 240;

SourceContext context(const SourceText& source, const ReportedDiagnostic& out) {
  const std::uint32_t line = out.range.start.line - 1;
  const std::string_view text = source.line_text(line);
  const Offset begin = source.line_begin(line);
  const Offset from = std::min<Offset>(out.range.begin - begin, static_cast<Offset>(text.size()));
  auto boundary = [&](Offset at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
      --at;
    return at;
  };
  const Offset first = from > kContextBefore ? boundary(from - kContextBefore) : 0;
  const Offset stop = std::min<Offset>(out.range.end - begin, static_cast<Offset>(text.size()));
  const Offset last = text.size() - std::max(from, stop) > kContextAfter
                          ? boundary(std::max(from, stop) + kContextAfter)
                          : static_cast<Offset>(text.size());
  return SourceContext{std::string(text.substr(first, last - first)), first, last < text.size()};
}

}  // namespace

ReportedRange report_range(const SourceText& source, ByteRange range) {
  Cursors cursors(source);
  return report_range(source, cursors, range);
}

FileReport make_report(std::string path, const SourceText& source,
                       std::vector<Diagnostic>&& diagnostics, bool source_lines) {
  FileReport report;
  report.path = std::move(path);
  report.diagnostics.reserve(diagnostics.size());
  // Findings come sorted by offset; their notes and edits lie near them,
  // each kind in order.
  Cursors cursor(source);
  Cursors note_cursor(source);
  Cursors edit_cursor(source);
  for (Diagnostic& d : diagnostics) {
    ReportedDiagnostic& out = report.diagnostics.emplace_back();
    out.rule = d.rule;
    out.severity = d.severity;
    out.message = std::move(d.message);
    out.range = report_range(source, cursor, d.range);
    if (source_lines) out.context = context(source, out);
    if (!d.notes.empty()) {
      out.notes.reserve(d.notes.size());
      for (Note& n : d.notes) {
        out.notes.push_back(
            ReportedNote{report_range(source, note_cursor, n.range), std::move(n.message)});
      }
      // Freed as converted, so the heap blocks are reused by the findings
      // after it instead of the peak holding both forms of every note.
      std::vector<Note>().swap(d.notes);
    }
    if (d.fix) {
      ReportedFix fix;
      fix.title = std::move(d.fix->title);
      fix.safe = d.fix->applicability == Applicability::Safe;
      fix.edits.reserve(d.fix->edits.size());
      for (Edit& e : d.fix->edits) {
        fix.edits.push_back(
            ReportedEdit{report_range(source, edit_cursor, e.range), std::move(e.replacement)});
      }
      d.fix.reset();
      out.fix = std::move(fix);
    }
  }
  return report;
}

void Totals::add(const FileReport& r) {
  ++files;
  if (!r.error.empty()) ++failed_files;
  fixes += r.fixes_applied;
  for (const ReportedDiagnostic& d : r.diagnostics) {
    switch (d.severity) {
      case Severity::Error:
        ++errors;
        break;
      case Severity::Warning:
        ++warnings;
        break;
      case Severity::Info:
        ++infos;
        break;
      case Severity::Off:
        break;
    }
  }
}

Totals count(std::span<const FileReport> reports) {
  Totals t;
  for (const FileReport& r : reports)
    t.add(r);
  return t;
}

}  // namespace digestlint
