// --format text: "path:line:col: severity: message [CODE name]", the shape
// compilers print, which editors and problem matchers already parse.
#include <fmt/format.h>

#include "digestlint/rule.h"
#include "formats.h"

namespace digestlint {

namespace {

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::Error:
      return "\x1b[1;31m";
    case Severity::Warning:
      return "\x1b[1;33m";
    default:
      return "\x1b[1;36m";
  }
}

}  // namespace

void write_text(std::ostream& out, std::span<const FileReport> reports,
                const OutputOptions& options) {
  const std::string_view bold = options.color ? "\x1b[1m" : "";
  const std::string_view dim = options.color ? "\x1b[2m" : "";
  const std::string_view reset = options.color ? "\x1b[0m" : "";
  for (const FileReport& r : reports) {
    const std::string path = printable(r.path);
    if (!r.error.empty()) {
      out << fmt::format("{}{}{}: {}error{}: {}\n", bold, path, reset,
                         options.color ? severity_color(Severity::Error) : "", reset,
                         printable(r.error));
      continue;
    }
    for (const ReportedDiagnostic& d : r.diagnostics) {
      out << fmt::format("{}{}:{}:{}{}: {}{}{}: {} {}[{} {}]{}\n", bold, path, d.range.start.line,
                         d.range.start.column, reset,
                         options.color ? severity_color(d.severity) : "", to_string(d.severity),
                         reset, printable(d.message), dim, d.rule->code, d.rule->name, reset);
      if (options.context) {
        // The line, then a caret under the start column (columns counted
        // as the terminal shows them is out of scope: UTF-16 units are
        // close enough for the ASCII-indented lines of a digest).
        const std::string line = printable(d.source_line);
        out << fmt::format("  {}\n", line);
        const std::uint32_t span =
            d.range.stop.line == d.range.start.line && d.range.stop.column > d.range.start.column
                ? d.range.stop.column - d.range.start.column
                : 1;
        out << fmt::format("  {}{}{}{}\n", std::string(d.range.start.column - 1, ' '),
                           options.color ? severity_color(d.severity) : "", std::string(span, '^'),
                           reset);
      }
    }
  }
}

}  // namespace digestlint
