// --format junit: JUnit XML as markdownlint-cli2 writes it, for CI test
// report views: one testsuite per run, one testcase per finding
// (classname = file, name = rule) with a <failure>, a passing testcase per
// clean file so a clean run is visible, and an <error> per file that could
// not be read.
#include <fmt/format.h>

#include "digestlint/rule.h"
#include "output/escape.h"
#include "output/formats.h"

namespace digestlint {

void write_junit(std::ostream& out, std::span<const FileReport> reports) {
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::string body;
  for (const FileReport& r : reports) {
    const std::string file = xml_escape(r.path);
    if (!r.error.empty()) {
      ++tests;
      ++errors;
      body += fmt::format(
          "    <testcase classname=\"{}\" name=\"digestlint\">\n"
          "      <error type=\"error\" message=\"{}\"/>\n"
          "    </testcase>\n",
          file, xml_escape(r.error));
    } else if (r.diagnostics.empty()) {
      ++tests;
      body += fmt::format("    <testcase classname=\"{}\" name=\"digestlint\"/>\n", file);
      continue;
    }
    for (const ReportedDiagnostic& d : r.diagnostics) {
      ++tests;
      ++failures;
      const std::string where =
          fmt::format("{}:{}:{}", r.path, d.range.start.line, d.range.start.column);
      body += fmt::format(
          "    <testcase classname=\"{}\" name=\"{} {}\">\n"
          "      <failure type=\"{}\" message=\"{}\">{}: {}: {} [{} {}]</failure>\n"
          "    </testcase>\n",
          file, d.rule->code, d.rule->name, to_string(d.severity), xml_escape(d.message),
          xml_escape(where, false), to_string(d.severity), xml_escape(d.message, false),
          d.rule->code, d.rule->name);
    }
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"digestlint\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\">\n"
      "  <testsuite name=\"digestlint\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\">\n",
      tests, failures, errors);
  out << body;
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace digestlint
