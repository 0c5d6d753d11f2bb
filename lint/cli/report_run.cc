#include "cli/report_run.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string_view>

#include "digestlint/settings.h"

namespace digestlint {

namespace {

bool set_in_environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

// --color auto: NO_COLOR (no-color.org) wins, then FORCE_COLOR
// (force-color.org), then whether `fd` is a terminal that shows colours.
bool use_color(std::string_view mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (set_in_environment("NO_COLOR")) return false;
  if (set_in_environment("FORCE_COLOR")) return true;
  const char* term = std::getenv("TERM");
  return fd >= 0 && isatty(fd) != 0 && (term == nullptr || std::string_view(term) != "dumb");
}

std::vector<FileReport> failed_only(const std::vector<FileReport>& reports) {
  std::vector<FileReport> failed;
  for (const FileReport& r : reports) {
    if (!r.error.empty()) {
      failed.push_back(r);
      failed.back().diagnostics.clear();
    }
  }
  return failed;
}

// --diff: the diffs on `out`, file errors on stderr; exit 1 when a file
// would change.
int write_diffs(const Options& o, std::ostream& out, const RunResults& results) {
  std::size_t files = 0;
  std::size_t fixes = 0;
  for (const auto& [path, diff] : results.diffs) {
    out << diff;
    ++files;
  }
  for (const FileReport& r : results.reports)
    fixes += r.fixes_applied;
  const std::vector<FileReport> failed = failed_only(results.reports);
  write_text(std::cerr, failed, OutputOptions{});
  if (!o.quiet) {
    std::cerr << (files == 0 ? std::string("no fix to apply\n")
                             : fmt::format("would fix {} {} in {} {}\n", fixes,
                                           fixes == 1 ? "finding" : "findings", files,
                                           files == 1 ? "file" : "files"));
  }
  if (!failed.empty()) return kExitFailure;
  return files > 0 ? kExitFindings : kExitClean;
}

}  // namespace

int write_results(const Options& o, OutputFormat format, RunResults results) {
  std::vector<FileReport>& reports = results.reports;
  std::stable_sort(reports.begin(), reports.end(),
                   [](const FileReport& a, const FileReport& b) { return a.path < b.path; });
  std::sort(results.diffs.begin(), results.diffs.end());

  // The report goes to --output-file, else stdout; with --fix on stdin the
  // fixed text takes stdout and the findings go to stderr.
  std::ofstream file;
  if (!o.output_file.empty()) {
    file.open(o.output_file, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << fmt::format("digestlint: error: cannot write {}: {}\n", o.output_file,
                               std::strerror(errno));
      return kExitFailure;
    }
  }
  std::ostream& out = file.is_open() ? file : results.stdin_fixed ? std::cerr : std::cout;
  const int out_fd = file.is_open() ? -1 : results.stdin_fixed ? STDERR_FILENO : STDOUT_FILENO;

  int status = kExitClean;
  if (o.diff) {
    status = write_diffs(o, out, results);
  } else {
    OutputOptions output;
    output.color = format == OutputFormat::Text && use_color(o.color, out_fd);
    output.context =
        format == OutputFormat::Text && o.show_source.value_or(out_fd >= 0 && isatty(out_fd) != 0);
    output.unsafe_fixes = o.unsafe_fixes;
    output.rules = results.rules_run;
    if (o.statistics) {
      write_text(std::cerr, failed_only(reports), OutputOptions{});
      if (format == OutputFormat::Json) {
        write_statistics_json(out, reports);
      } else {
        write_statistics_text(out, reports);
      }
    } else {
      write_report(format, out, std::cerr, reports, output);
    }
  }
  out.flush();
  if (file.is_open() && !file) {
    std::cerr << fmt::format("digestlint: error: cannot write {}: {}\n", o.output_file,
                             std::strerror(errno));
    return kExitFailure;
  }
  if (results.stdin_fixed) std::cout << results.fixed_stdin;
  if (o.diff) return status;

  const Totals totals = count(reports);
  if (is_log_format(format) && !o.quiet) {
    std::cerr << summary_line(totals, results.excluded, results.not_digests) << '\n';
    if (format == OutputFormat::Text && !o.statistics) {
      const std::string fixable = fixable_line(reports, o.unsafe_fixes);
      if (!fixable.empty()) std::cerr << fixable << '\n';
    }
  }
  if (totals.failed_files > 0) return kExitFailure;
  if (o.exit_zero) return kExitClean;
  const Severity threshold = *parse_severity(o.fail_on);
  for (const FileReport& r : reports) {
    for (const ReportedDiagnostic& d : r.diagnostics) {
      if (d.severity >= threshold) return kExitFindings;
    }
  }
  return kExitClean;
}

}  // namespace digestlint
