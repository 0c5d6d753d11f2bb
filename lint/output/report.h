// What the output formats read: diagnostics with their positions already
// computed in every unit a consumer needs, so a file's bytes can be
// dropped as soon as it is linted (memory stays flat over many files).
#pragma once

#include <memory>
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

// The first line of a finding's range, for context display; on a long
// line a window of it, starting `skipped` bytes into the line and `cut`
// before its end.
struct SourceContext {
  std::string line;
  Offset skipped = 0;
  bool cut = false;
};

// An optional part held out of line, copied deeply: most findings have no
// fix and no context, and a file can have a million findings, so their
// absence costs a pointer instead of the part's whole size.
template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(const Boxed& other) : held_(other.held_ ? std::make_unique<T>(*other.held_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) held_ = other.held_ ? std::make_unique<T>(*other.held_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(T value) {
    held_ = std::make_unique<T>(std::move(value));
    return *this;
  }
  ~Boxed() = default;

  explicit operator bool() const { return held_ != nullptr; }
  T* operator->() { return held_.get(); }
  const T* operator->() const { return held_.get(); }
  T& operator*() { return *held_; }
  const T& operator*() const { return *held_; }

 private:
  std::unique_ptr<T> held_;
};

struct ReportedDiagnostic {
  const RuleInfo* rule = nullptr;
  std::string message;
  ReportedRange range;
  std::vector<ReportedNote> notes;
  Boxed<ReportedFix> fix;
  Boxed<SourceContext> context;  // set when the report keeps source lines
  Severity severity = Severity::Error;
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
