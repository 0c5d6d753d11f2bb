// --format rdjsonl: reviewdog's Diagnostic, one JSON object per line.
// Lines and columns are 1-based, columns in UTF-8 bytes, ends exclusive
// (reviewdog's spec); safe fixes become suggestions. Files that could not
// be read have no place in the format: they go to `errors` (stderr).
#include "digestlint/rule.h"
#include "output/escape.h"
#include "output/formats.h"
#include "output/json_emit.h"
#include "output/writer.h"

namespace digestlint {

namespace {

void position(JsonEmitter& j, std::string_view key, const Position& p) {
  j.key(key);
  j.begin_object();
  j.field("line", p.line);
  j.field("column", p.column);
  j.end_object();
}

void byte_range(JsonEmitter& j, const ReportedRange& r) {
  j.begin_object();
  position(j, "start", r.start_byte);
  position(j, "end", r.stop_byte);
  j.end_object();
}

std::string_view severity(Severity s) {
  switch (s) {
    case Severity::Error:
      return "ERROR";
    case Severity::Warning:
      return "WARNING";
    default:
      return "INFO";
  }
}

class RdjsonlWriter final : public ReportWriter {
 public:
  RdjsonlWriter(std::ostream& out, std::ostream& errors) : out_(out), errors_(errors) {}
  void end(const RunEnd&) override {}

  void file(const FileReport& r) override {
    if (!r.error.empty()) {
      errors_ << "digestlint: " << printable(r.path) << ": " << printable(r.error) << '\n';
    }
    for (const ReportedDiagnostic& d : r.diagnostics) {
      JsonEmitter j(buffer_, -1);
      j.begin_object();
      j.field("message", d.message);
      j.key("location");
      j.begin_object();
      j.field("path", r.path);
      j.key("range");
      byte_range(j, d.range);
      j.end_object();
      j.field("severity", severity(d.severity));
      j.key("source");
      j.begin_object();
      j.field("name", "digestlint");
      j.end_object();
      j.key("code");
      j.begin_object();
      j.field("value", d.rule->code);
      j.end_object();
      if (d.fix && d.fix->safe) {
        j.key("suggestions");
        j.begin_array();
        for (const ReportedEdit& e : d.fix->edits) {
          j.begin_object();
          j.key("range");
          byte_range(j, e.range);
          j.field("text", e.replacement);
          j.end_object();
        }
        j.end_array();
      }
      j.end_object();
      buffer_ += '\n';
      if (buffer_.size() >= kFlushBytes) flush();
    }
    flush();
  }

 private:
  void flush() { flush_buffer(out_, buffer_); }

  std::ostream& out_;
  std::ostream& errors_;
  std::string buffer_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_rdjsonl_writer(std::ostream& out, std::ostream& errors) {
  return std::make_unique<RdjsonlWriter>(out, errors);
}

void write_rdjsonl(std::ostream& out, std::ostream& errors, std::span<const FileReport> reports) {
  RdjsonlWriter writer(out, errors);
  write_all(writer, reports, {});
}

}  // namespace digestlint
