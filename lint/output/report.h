// What the output formats read: diagnostics with their positions already
// computed in every unit a consumer needs, so a file's bytes can be
// dropped as soon as it is linted (memory stays flat over many files).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "digestlint/diagnostic.h"
#include "digestlint/source.h"

namespace digestlint {

struct ReportedRange {
  Offset begin = 0;
  Offset end = 0;
  Position start;  // columns in UTF-16 code units (editors, SARIF)
  Position stop;
  Position start_byte;  // columns in bytes (reviewdog, vim)
  Position stop_byte;
};

struct ReportedEdit {
  ReportedRange range;
  std::string replacement;
};

struct ReportedFix {
  std::string title;
  bool safe = true;
  std::vector<ReportedEdit> edits;
};

struct ReportedNote {
  ReportedRange range;
  std::string message;
};

struct ReportedDiagnostic {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::Error;
  std::string message;
  ReportedRange range;
  // The first line of the range, for context display; on a long line a
  // window of it, starting `source_line_skipped` bytes into the line and
  // `source_line_cut` before its end.
  std::string source_line;
  Offset source_line_skipped = 0;
  bool source_line_cut = false;
  std::vector<ReportedNote> notes;
  std::optional<ReportedFix> fix;
};

struct FileReport {
  std::string path;   // as shown to users: relative to the working directory when below it
  std::string error;  // set when the file could not be read or written
  std::vector<ReportedDiagnostic> diagnostics;
  std::size_t fixes_applied = 0;
  // Where in `path` the error is (a config file's line and column); 0: the
  // whole file.
  std::uint32_t error_line = 0;
  std::uint32_t error_column = 0;
  // No schema claims the file (automatic schema choice): skipped, not
  // linted; never written by --fix (lint/cli/inputs.h).
  bool not_a_digest = false;
  // The schema it was linted against and why ("daily-security-info,
  // claimed by its title"), for --verbose.
  std::string linted_as;
};

ReportedRange report_range(const SourceText& source, ByteRange range);
// `source_lines`: keep each finding's line (source_line) for the text
// output's context; without it a long line is not copied per finding.
FileReport make_report(std::string path, const SourceText& source,
                       std::vector<Diagnostic>&& diagnostics, bool source_lines = true);

struct Totals {
  std::size_t files = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t failed_files = 0;  // unreadable or unwritable
  std::size_t fixes = 0;
  void add(const FileReport& report);
};
Totals count(std::span<const FileReport> reports);

}  // namespace digestlint
