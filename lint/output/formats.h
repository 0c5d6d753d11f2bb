// Output formats. Each is a pure function of the reports: deterministic
// (no time stamps, no absolute paths the reports do not hold), so golden
// files pin them.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/linter.h"
#include "output/report.h"

namespace digestlint {

enum class OutputFormat { Text, Json, Sarif, Github, Rdjsonl, Junit, Checkstyle };

std::optional<OutputFormat> parse_output_format(std::string_view name);
std::string_view format_names();  // for --help: "text, json, ..."
// Whether the format is read by people in a log (then a summary line goes
// to stderr), rather than by a program.
bool is_log_format(OutputFormat format);

struct OutputOptions {
  bool color = false;         // ANSI colours (text)
  bool context = false;       // the source line and a caret under the finding (text)
  bool unsafe_fixes = false;  // "[*]" marks unsafe fixes too (text)
  // The rules that ran, in code order (SARIF's tool.driver.rules).
  std::span<const RuleInfo* const> rules;
};

void write_text(std::ostream& out, std::span<const FileReport> reports,
                const OutputOptions& options);
void write_json(std::ostream& out, std::span<const FileReport> reports);
void write_sarif(std::ostream& out, std::span<const FileReport> reports,
                 const OutputOptions& options);
void write_github(std::ostream& out, std::span<const FileReport> reports);
void write_rdjsonl(std::ostream& out, std::ostream& errors, std::span<const FileReport> reports);
void write_junit(std::ostream& out, std::span<const FileReport> reports);
void write_checkstyle(std::ostream& out, std::span<const FileReport> reports);

// `errors` receives what a format has no place for (rdjsonl's file errors).
void write_report(OutputFormat format, std::ostream& out, std::ostream& errors,
                  std::span<const FileReport> reports, const OutputOptions& options);

// --statistics: findings per rule, counted as each file is done (nothing
// of a file is kept), then written most frequent first; "[*]" marks rules
// with a safe fix among their findings.
class RuleStatistics {
 public:
  struct Count {
    const RuleInfo* rule = nullptr;
    std::size_t count = 0;
    std::size_t fixable = 0;             // findings with a safe fix
    Severity severity = Severity::Info;  // the highest reported
  };
  void add(const FileReport& report);
  std::vector<Count> most_frequent_first() const;

 private:
  std::map<std::string_view, Count> by_code_;
};
void write_statistics_text(std::ostream& out, const RuleStatistics& statistics);
void write_statistics_json(std::ostream& out, const RuleStatistics& statistics);

// The one-line summary printed on stderr after log formats.
// `not_digests`: Markdown files skipped because no schema claims them.
std::string summary_line(const Totals& totals, std::size_t excluded = 0,
                         std::size_t not_digests = 0);

// "N fixable with `--fix` (M more with `--unsafe-fixes`)" after the text
// output, from the counts of findings with a safe fix (every fix, with
// --unsafe-fixes) and with an unsafe one; empty when there are none.
std::string fixable_line(std::size_t safe, std::size_t unsafe);

}  // namespace digestlint
