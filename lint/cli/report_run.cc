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

}  // namespace

ReportRun::ReportRun(const Options& o, OutputFormat format, bool stdin_fixed)
    : o_(o), format_(format), stdin_fixed_(stdin_fixed), threshold_(*parse_severity(o.fail_on)) {}

bool ReportRun::open() {
  // The report goes to --output-file, else stdout; with --fix on stdin the
  // fixed text takes stdout and the findings go to stderr.
  if (!o_.output_file.empty()) {
    file_.open(o_.output_file, std::ios::binary | std::ios::trunc);
    if (!file_) {
      std::cerr << fmt::format("digestlint: error: cannot write {}: {}\n", o_.output_file,
                               std::strerror(errno));
      return false;
    }
  }
  out_ = file_.is_open() ? &file_ : stdin_fixed_ ? &std::cerr : &std::cout;
  const int out_fd = file_.is_open() ? -1 : stdin_fixed_ ? STDERR_FILENO : STDOUT_FILENO;
  if (o_.diff || o_.statistics) return true;
  OutputOptions output;
  output.color = format_ == OutputFormat::Text && use_color(o_.color, out_fd);
  output.context =
      format_ == OutputFormat::Text && o_.show_source.value_or(out_fd >= 0 && isatty(out_fd) != 0);
  output.unsafe_fixes = o_.unsafe_fixes;
  source_lines_ = output.context;
  writer_ = make_report_writer(format_, *out_, std::cerr, output);
  writer_->begin();
  return true;
}

void ReportRun::file(FileReport&& r) {
  totals_.add(r);
  for (const ReportedDiagnostic& d : r.diagnostics) {
    over_threshold_ = over_threshold_ || d.severity >= threshold_;
    if (d.fix) ++(d.fix->safe || o_.unsafe_fixes ? safe_fixable_ : unsafe_fixable_);
  }
  if (writer_) {
    writer_->file(r);
    return;
  }
  if (o_.statistics) statistics_.add(r);
  if (!r.error.empty()) {
    r.diagnostics.clear();
    failed_.push_back(std::move(r));
  }
}

void ReportRun::diff(std::string_view diff) {
  *out_ << diff;
  ++diffs_written_;
}

// --diff: the diffs are on `out` already; file errors go to stderr; exit 1
// when a file would change.
int ReportRun::write_diffs() {
  const std::size_t files = diffs_written_;
  const std::size_t fixes = totals_.fixes;
  write_text(std::cerr, failed_, OutputOptions{});
  if (!o_.quiet) {
    std::cerr << (files == 0 ? std::string("no fix to apply\n")
                             : fmt::format("would fix {} {} in {} {}\n", fixes,
                                           fixes == 1 ? "finding" : "findings", files,
                                           files == 1 ? "file" : "files"));
  }
  if (!failed_.empty()) return kExitFailure;
  return files > 0 ? kExitFindings : kExitClean;
}

int ReportRun::finish(const std::vector<const RuleInfo*>& rules_run, std::size_t excluded,
                      std::size_t not_digests, const std::string& fixed_stdin) {
  int status = kExitClean;
  if (o_.diff) {
    status = write_diffs();
  } else if (writer_) {
    writer_->end(RunEnd{totals_, rules_run});
  } else {
    write_text(std::cerr, failed_, OutputOptions{});
    if (format_ == OutputFormat::Json) {
      write_statistics_json(*out_, statistics_);
    } else {
      write_statistics_text(*out_, statistics_);
    }
  }
  out_->flush();
  if (file_.is_open() && !file_) {
    std::cerr << fmt::format("digestlint: error: cannot write {}: {}\n", o_.output_file,
                             std::strerror(errno));
    return kExitFailure;
  }
  if (stdin_fixed_) std::cout << fixed_stdin;
  if (o_.diff) return status;

  if (is_log_format(format_) && !o_.quiet) {
    std::cerr << summary_line(totals_, excluded, not_digests) << '\n';
    if (format_ == OutputFormat::Text && !o_.statistics) {
      const std::string fixable = fixable_line(safe_fixable_, unsafe_fixable_);
      if (!fixable.empty()) std::cerr << fixable << '\n';
    }
  }
  if (totals_.failed_files > 0) return kExitFailure;
  if (o_.exit_zero) return kExitClean;
  return over_threshold_ ? kExitFindings : kExitClean;
}

void write_error_document(const Options& o, OutputFormat format, const Error& error) {
  if (format != OutputFormat::Json && format != OutputFormat::Sarif &&
      format != OutputFormat::Junit && format != OutputFormat::Checkstyle) {
    return;
  }
  Options quiet = o;
  quiet.diff = false;
  quiet.statistics = false;
  ReportRun run(quiet, format, false);
  if (!run.open()) return;
  FileReport report;
  report.path = error.path;
  report.error = error.message;
  report.error_line = error.line;
  report.error_column = error.column;
  run.file(std::move(report));
  run.finish({}, 0, 0, {});
}

}  // namespace digestlint
