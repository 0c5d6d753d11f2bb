// --format github: GitHub Actions workflow commands, one per finding:
//   ::error file=F,line=L,endLine=L2,col=C,endColumn=C2,title=CODE name::MESSAGE
// Everything echoed from a digest or a path is escaped as the Actions
// toolkit escapes it, so no digest text can end the command or start one
// of its own (the runner reads commands only at the start of a line, and
// CR and LF never reach the output raw).
#include <fmt/format.h>

#include "digestlint/rule.h"
#include "output/escape.h"
#include "output/formats.h"
#include "output/writer.h"

namespace digestlint {

namespace {

std::string_view command(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    default:
      return "notice";
  }
}

class GithubWriter final : public ReportWriter {
 public:
  explicit GithubWriter(std::ostream& out) : out_(out) {}
  void end(const RunEnd&) override {}

  void file(const FileReport& r) override {
    std::ostream& out = out_;
    // Annotations resolve paths against the repository root.
    const std::string file = github_escape_property(cwd_relative(r.path));
    if (!r.error.empty()) {
      const std::string where =
          r.error_line > 0 ? fmt::format(",line={},col={}", r.error_line, r.error_column) : "";
      out << fmt::format("::error file={}{},title=digestlint::{}\n", file, where,
                         github_escape_data(r.error));
    }
    for (const ReportedDiagnostic& d : r.diagnostics) {
      const ReportedRange& g = d.range;
      // Columns only for a one-line range: GitHub ignores them otherwise.
      const std::string columns =
          g.start.line == g.stop.line
              ? fmt::format(",col={},endColumn={}", g.start.column, g.stop.column)
              : "";
      out << fmt::format("::{} file={},line={},endLine={}{},title={}::{}\n", command(d.severity),
                         file, g.start.line, g.stop.line, columns,
                         github_escape_property(fmt::format("{} {}", d.rule->code, d.rule->name)),
                         github_escape_data(d.message));
    }
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_github_writer(std::ostream& out) {
  return std::make_unique<GithubWriter>(out);
}

void write_github(std::ostream& out, std::span<const FileReport> reports) {
  GithubWriter writer(out);
  write_all(writer, reports, {});
}

}  // namespace digestlint
