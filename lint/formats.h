// Output formats. Each is a pure function of the reports: deterministic
// (no time stamps, no absolute paths the reports do not hold), so golden
// files pin them.
#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "digestlint/linter.h"
#include "report.h"

namespace digestlint {

enum class OutputFormat { Text, Json, Sarif, Github, Rdjsonl, Junit, Checkstyle };

std::optional<OutputFormat> parse_output_format(std::string_view name);
std::string_view format_names();  // for --help: "text, json, ..."
// Whether the format is read by people in a log (then a summary line goes
// to stderr), rather than by a program.
bool is_log_format(OutputFormat format);

struct OutputOptions {
  bool color = false;    // ANSI colours (text)
  bool context = false;  // the source line and a caret under the finding (text)
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

// --statistics: findings per rule, most frequent first; "[*]" marks rules
// with a safe fix among their findings.
void write_statistics_text(std::ostream& out, std::span<const FileReport> reports);
void write_statistics_json(std::ostream& out, std::span<const FileReport> reports);

// A rule's page: its code, name, summary, default severity, documentation
// and options. What --explain prints, docs/rules/ holds and SARIF's rule
// help carries.
std::string explain_rule(const RuleInfo& rule);

// --list-rules --format json: every rule with its code, name, summary,
// default and effective severity, fix and options.
void write_rules_json(std::ostream& out, const Linter& linter);

// The one-line summary printed on stderr after log formats.
std::string summary_line(const Totals& totals, std::size_t excluded = 0);

// Text from a linted file or a path, made safe to print on a terminal or
// in a CI log: control characters (ESC among them) become "\x1b"-style
// escapes, and "##[" (which a GitHub Actions runner obeys anywhere in a
// line, as a command) becomes "##\x5b".
std::string printable(std::string_view text);

// --- Escaping, shared with the tests ---

// GitHub workflow commands, as the Actions toolkit escapes them: a
// message's '%', CR and LF; a property value's also ':' and ','.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

// XML 1.0 text or attribute content: & < > " ' escaped; tab, CR and LF in
// attributes as character references; characters XML 1.0 forbids (most C0
// controls, U+FFFE, U+FFFF) dropped; invalid UTF-8 as U+FFFD.
std::string xml_escape(std::string_view text, bool attribute = true);

// A path relative to the working directory when it is below it (what
// code scanning and annotations resolve against the repository root).
std::string cwd_relative(std::string_view path);

// A path as a SARIF artifact URI: relative paths stay relative (to the
// working directory) with each byte outside [A-Za-z0-9-._~/] percent-encoded;
// absolute ones below the working directory become relative, others
// "file://" URIs.
std::string artifact_uri(std::string_view path);

// The first paragraph(s) of a rule's "## What it does" section, as plain
// text, for short help (SARIF fullDescription).
std::string what_it_does(std::string_view documentation);

}  // namespace digestlint
