// Writing the results of a run, file by file as they are linted, and
// choosing its exit status.
#pragma once

#include <cstddef>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/options.h"
#include "config/config.h"
#include "digestlint/rule.h"
#include "output/formats.h"
#include "output/report.h"
#include "output/writer.h"

namespace digestlint {

// One run's output. Reports arrive in path order through file(); the
// findings (with --diff the diffs) are written as they come; --statistics
// keeps only per-rule counts, and the files that failed are kept for the
// end of the text outputs.
class ReportRun {
 public:
  ReportRun(const Options& options, OutputFormat format, bool stdin_fixed);

  // Opens --output-file; false (the error printed) when it cannot be.
  bool open();
  void file(FileReport&& report);
  // Whether the output shows each finding's source line (after open()).
  bool shows_source_lines() const { return source_lines_; }
  void diff(std::string_view diff);  // --diff: a changed file's diff, before its report
  // Ends the output (the summary, the fixed stdin); returns the exit status:
  // 2 when a file failed or the output cannot be written, 1 for a finding
  // at or above --fail-on (unless --exit-zero) or, with --diff, for a file
  // that would change.
  // `not_digests`: Markdown files a walk found that no schema claims.
  int finish(const std::vector<const RuleInfo*>& rules_run, std::size_t excluded,
             std::size_t not_digests, const std::string& fixed_stdin);

 private:
  int write_diffs();

  const Options& o_;
  OutputFormat format_;
  bool stdin_fixed_;
  std::ofstream file_;
  std::ostream* out_ = nullptr;
  std::unique_ptr<ReportWriter> writer_;
  bool source_lines_ = false;
  Totals totals_;
  bool over_threshold_ = false;
  Severity threshold_ = Severity::Warning;
  std::size_t safe_fixable_ = 0;  // for the "N fixable" line
  std::size_t unsafe_fixable_ = 0;
  RuleStatistics statistics_;       // --statistics
  std::vector<FileReport> failed_;  // without a report writer: the files that failed
  std::size_t diffs_written_ = 0;   // --diff
};

// A run that fails before any file is linted (a --schema or --config that
// does not load): the error is printed on stderr by the caller, and with
// an output that is one document (json, sarif, junit, checkstyle) it is
// also that whole document, so a CI consumer always parses one.
void write_error_document(const Options& options, OutputFormat format, const Error& error);

}  // namespace digestlint
