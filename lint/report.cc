#include "report.h"

namespace digestlint {

ReportedRange report_range(const SourceText& source, ByteRange range) {
  ReportedRange r;
  r.begin = range.begin;
  r.end = range.end;
  r.start = source.position(range.begin, ColumnUnit::Utf16);
  r.stop = source.position(range.end, ColumnUnit::Utf16);
  r.start_byte = source.position(range.begin, ColumnUnit::Byte);
  r.stop_byte = source.position(range.end, ColumnUnit::Byte);
  return r;
}

FileReport make_report(std::string path, const SourceText& source,
                       std::vector<Diagnostic>&& diagnostics) {
  FileReport report;
  report.path = std::move(path);
  report.diagnostics.reserve(diagnostics.size());
  for (Diagnostic& d : diagnostics) {
    ReportedDiagnostic out;
    out.rule = d.rule;
    out.severity = d.severity;
    out.message = std::move(d.message);
    out.range = report_range(source, d.range);
    out.source_line = std::string(source.line_text(out.range.start.line - 1));
    for (Note& n : d.notes) {
      out.notes.push_back(ReportedNote{report_range(source, n.range), std::move(n.message)});
    }
    if (d.fix) {
      ReportedFix fix;
      fix.title = std::move(d.fix->title);
      fix.safe = d.fix->applicability == Applicability::Safe;
      for (Edit& e : d.fix->edits) {
        fix.edits.push_back(ReportedEdit{report_range(source, e.range), std::move(e.replacement)});
      }
      out.fix = std::move(fix);
    }
    report.diagnostics.push_back(std::move(out));
  }
  return report;
}

Totals count(std::span<const FileReport> reports) {
  Totals t;
  for (const FileReport& r : reports) {
    ++t.files;
    if (!r.error.empty()) ++t.failed_files;
    t.fixes += r.fixes_applied;
    for (const ReportedDiagnostic& d : r.diagnostics) {
      switch (d.severity) {
        case Severity::Error:
          ++t.errors;
          break;
        case Severity::Warning:
          ++t.warnings;
          break;
        case Severity::Info:
          ++t.infos;
          break;
        case Severity::Off:
          break;
      }
    }
  }
  return t;
}

}  // namespace digestlint
