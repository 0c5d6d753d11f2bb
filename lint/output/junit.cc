// --format junit: JUnit XML as markdownlint-cli2 writes it, for CI test
// report views: one testsuite per run, one testcase per finding
// (classname = file, name = rule) with a <failure>, a passing testcase per
// clean file so a clean run is visible, and an <error> per file that could
// not be read.
#include <fmt/format.h>

#include "digestlint/rule.h"
#include "output/escape.h"
#include "output/formats.h"
#include "output/writer.h"

namespace digestlint {

namespace {

// The header counts every testcase, so the testcases wait in a spill file.
class JunitWriter final : public ReportWriter {
 public:
  explicit JunitWriter(std::ostream& out) : out_(out) {}

  void file(const FileReport& r) override {
    std::string body;
    const std::string file = xml_escape(r.path);
    if (!r.error.empty()) {
      ++tests_;
      ++errors_;
      body += fmt::format(
          "    <testcase classname=\"{}\" name=\"digestlint\">\n"
          "      <error type=\"error\" message=\"{}\"/>\n"
          "    </testcase>\n",
          file, xml_escape(r.error));
    } else if (r.diagnostics.empty()) {
      ++tests_;
      body += fmt::format("    <testcase classname=\"{}\" name=\"digestlint\"/>\n", file);
    }
    for (const ReportedDiagnostic& d : r.diagnostics) {
      ++tests_;
      ++failures_;
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
    body_.write(body);
  }

  void end(const RunEnd&) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ << fmt::format(
        "<testsuites name=\"digestlint\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\">\n"
        "  <testsuite name=\"digestlint\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\">\n",
        tests_, failures_, errors_);
    body_.copy_to(out_);
    out_ << "  </testsuite>\n</testsuites>\n";
  }

 private:
  std::ostream& out_;
  std::size_t tests_ = 0;
  std::size_t failures_ = 0;
  std::size_t errors_ = 0;
  SpillFile body_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_junit_writer(std::ostream& out) {
  return std::make_unique<JunitWriter>(out);
}

void write_junit(std::ostream& out, std::span<const FileReport> reports) {
  JunitWriter writer(out);
  write_all(writer, reports, {});
}

}  // namespace digestlint
