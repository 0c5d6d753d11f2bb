// Output formats. Each is a pure function of the reports.
#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "report.h"

namespace digestlint {

enum class OutputFormat { Text, Json };

std::optional<OutputFormat> parse_output_format(std::string_view name);
std::string_view format_names();  // for --help: "text, json, ..."

struct OutputOptions {
  bool color = false;    // ANSI colours (text)
  bool context = false;  // the source line and a caret under the column (text)
};

void write_text(std::ostream& out, std::span<const FileReport> reports,
                const OutputOptions& options);
void write_json(std::ostream& out, std::span<const FileReport> reports);

void write_report(OutputFormat format, std::ostream& out, std::span<const FileReport> reports,
                  const OutputOptions& options);

// The one-line summary printed on stderr after text output.
std::string summary_line(const Totals& totals);

// Text from a linted file or a path, made safe to print on a terminal:
// control characters (ESC among them) become "\x1b"-style escapes.
std::string printable(std::string_view text);

}  // namespace digestlint
