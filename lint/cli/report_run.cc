#include "cli/report_run.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "digestlint/settings.h"

namespace digestlint {

namespace {

bool use_color(std::string_view mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* term = std::getenv("TERM");
  return isatty(fd) != 0 && std::getenv("NO_COLOR") == nullptr &&
         (term == nullptr || std::string_view(term) != "dumb");
}

}  // namespace

int write_results(const Options& o, OutputFormat format, RunResults results) {
  std::vector<FileReport>& reports = results.reports;
  std::stable_sort(reports.begin(), reports.end(),
                   [](const FileReport& a, const FileReport& b) { return a.path < b.path; });

  // With --fix on stdin the fixed text goes to stdout, findings to stderr.
  std::ostream& out = results.stdin_fixed ? std::cerr : std::cout;
  const int out_fd = results.stdin_fixed ? STDERR_FILENO : STDOUT_FILENO;
  OutputOptions output;
  output.color = format == OutputFormat::Text && use_color(o.color, out_fd);
  output.context = format == OutputFormat::Text && isatty(out_fd) != 0;
  output.rules = results.rules_run;
  if (o.statistics) {
    std::vector<FileReport> unreadable;
    for (const FileReport& r : reports) {
      if (!r.error.empty()) unreadable.push_back(r);
    }
    write_text(std::cerr, unreadable, OutputOptions{});
    if (format == OutputFormat::Json) {
      write_statistics_json(out, reports);
    } else {
      write_statistics_text(out, reports);
    }
  } else {
    write_report(format, out, std::cerr, reports, output);
  }
  out.flush();
  if (results.stdin_fixed) std::cout << results.fixed_stdin;

  const Totals totals = count(reports);
  if (is_log_format(format) && !o.quiet) {
    std::cerr << summary_line(totals, results.excluded, results.not_digests) << '\n';
  }
  if (totals.failed_files > 0) return kExitFailure;
  const Severity threshold = *parse_severity(o.fail_on);
  for (const FileReport& r : reports) {
    for (const ReportedDiagnostic& d : r.diagnostics) {
      if (d.severity >= threshold) return kExitFindings;
    }
  }
  return kExitClean;
}

}  // namespace digestlint
