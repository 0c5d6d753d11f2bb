// --format checkstyle: Checkstyle 4.3 XML, read by Jenkins warnings-ng,
// reviewdog (-f=checkstyle) and many CI dashboards. Every linted file gets
// a <file> element; columns are UTF-16 code units, as in Java.
#include <fmt/format.h>

#include "digestlint/rule.h"
#include "output/escape.h"
#include "output/formats.h"
#include "output/writer.h"

namespace digestlint {

namespace {

class CheckstyleWriter final : public ReportWriter {
 public:
  explicit CheckstyleWriter(std::ostream& out) : out_(out) {}

  void begin() override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  }

  void file(const FileReport& r) override {
    std::ostream& out = out_;
    const std::string file = xml_escape(r.path);
    if (r.error.empty() && r.diagnostics.empty()) {
      out << fmt::format("  <file name=\"{}\"/>\n", file);
      return;
    }
    out << fmt::format("  <file name=\"{}\">\n", file);
    if (!r.error.empty()) {
      const std::string where =
          r.error_line > 0 ? fmt::format(" line=\"{}\" column=\"{}\"", r.error_line, r.error_column)
                           : "";
      out << fmt::format("    <error{} severity=\"error\" message=\"{}\" source=\"digestlint\"/>\n",
                         where, xml_escape(r.error));
    }
    for (const ReportedDiagnostic& d : r.diagnostics) {
      out << fmt::format(
          "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"{}\"/>\n",
          d.range.start.line, d.range.start.column, to_string(d.severity), xml_escape(d.message),
          d.rule->code);
    }
    out << "  </file>\n";
  }

  void end(const RunEnd&) override { out_ << "</checkstyle>\n"; }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_checkstyle_writer(std::ostream& out) {
  return std::make_unique<CheckstyleWriter>(out);
}

void write_checkstyle(std::ostream& out, std::span<const FileReport> reports) {
  CheckstyleWriter writer(out);
  write_all(writer, reports, {});
}

}  // namespace digestlint
