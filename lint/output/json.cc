// --format json: one document, described in the README; fields keep their
// meaning across versions, new ones may be added. Streamed: each file's
// object is written as the file is done; the summary closes the document.
#include <charconv>

#include "digestlint/rule.h"
#include "output/formats.h"
#include "output/json_emit.h"
#include "output/writer.h"
#include "version.h"

namespace digestlint {

namespace {

void range_fields(JsonEmitter& j, const ReportedRange& r) {
  j.field("line", r.start.line);
  j.field("column", r.start.column);
  j.field("end_line", r.stop.line);
  j.field("end_column", r.stop.column);
  j.field("offset", r.begin);
  j.field("end_offset", r.end);
}

// A finding without notes or fix (nearly all of them), written straight
// into the buffer: the bytes JsonEmitter writes for it as an element of a
// file's "diagnostics" (fields five levels deep), without its per-token
// bookkeeping. A million findings in one file spend most of their time here.
void append_number(std::string& out, std::uint64_t n) {
  char digits[24];
  const auto r = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, static_cast<std::size_t>(r.ptr - digits));
}

void plain_finding(std::string& out, const ReportedDiagnostic& d) {
  out += "{\n          \"rule\": ";
  append_json_string(out, d.rule->code);
  out += ",\n          \"name\": ";
  append_json_string(out, d.rule->name);
  out += ",\n          \"severity\": ";
  append_json_string(out, to_string(d.severity));
  out += ",\n          \"line\": ";
  append_number(out, d.range.start.line);
  out += ",\n          \"column\": ";
  append_number(out, d.range.start.column);
  out += ",\n          \"end_line\": ";
  append_number(out, d.range.stop.line);
  out += ",\n          \"end_column\": ";
  append_number(out, d.range.stop.column);
  out += ",\n          \"offset\": ";
  append_number(out, d.range.begin);
  out += ",\n          \"end_offset\": ";
  append_number(out, d.range.end);
  out += ",\n          \"message\": ";
  append_json_string(out, d.message);
  out += "\n        }";
}

// A file's object, as an element of the "files" array (two levels deep).
// `written` is called after each finding, to pass on what is done.
template <typename Written>
void file_json(std::string& out, const FileReport& r, Written written) {
  JsonEmitter j(out, 2, 2);
  j.begin_object();
  j.field("path", r.path);
  if (!r.error.empty()) {
    j.field("error", r.error);
    if (r.error_line > 0) {
      j.field("line", r.error_line);
      j.field("column", r.error_column);
    }
    if (r.diagnostics.empty()) {
      j.end_object();
      return;
    }
  }
  j.key("diagnostics");
  j.begin_array();
  for (const ReportedDiagnostic& d : r.diagnostics) {
    if (d.notes.empty() && !d.fix) {
      j.raw_value({});  // the separator and indentation before an element
      plain_finding(out, d);
      written();
      continue;
    }
    j.begin_object();
    j.field("rule", d.rule->code);
    j.field("name", d.rule->name);
    j.field("severity", to_string(d.severity));
    range_fields(j, d.range);
    j.field("message", d.message);
    if (!d.notes.empty()) {
      j.key("notes");
      j.begin_array();
      for (const ReportedNote& n : d.notes) {
        j.begin_object();
        range_fields(j, n.range);
        j.field("message", n.message);
        j.end_object();
      }
      j.end_array();
    }
    if (d.fix) {
      j.key("fix");
      j.begin_object();
      j.field("title", d.fix->title);
      j.field("applicability", d.fix->safe ? "safe" : "unsafe");
      j.key("edits");
      j.begin_array();
      for (const ReportedEdit& e : d.fix->edits) {
        j.begin_object();
        range_fields(j, e.range);
        j.field("replacement", e.replacement);
        j.end_object();
      }
      j.end_array();
      j.end_object();
    }
    j.end_object();
    written();
  }
  j.end_array();
  if (r.fixes_applied > 0) j.field("fixed", static_cast<std::uint64_t>(r.fixes_applied));
  j.end_object();
}

class JsonWriter final : public ReportWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  void begin() override {
    buffer_ =
        "{\n  \"version\": 1,\n  \"tool\": {\n    \"name\": \"digestlint\",\n    \"version\": ";
    append_json_string(buffer_, kVersion);
    buffer_ += "\n  },\n  \"files\": [";
    flush();
  }

  void file(const FileReport& r) override {
    buffer_ += any_ ? ",\n    " : "\n    ";
    any_ = true;
    // A file with a million findings is written as it is serialised.
    file_json(buffer_, r, [this] {
      if (buffer_.size() >= kFlushBytes) flush();
    });
    flush();
  }

  void end(const RunEnd& run) override {
    buffer_ += any_ ? "\n  ],\n" : "],\n";
    buffer_ += "  \"summary\": ";
    JsonEmitter j(buffer_, 2, 1);
    j.begin_object();
    j.field("files", static_cast<std::uint64_t>(run.totals.files));
    j.field("errors", static_cast<std::uint64_t>(run.totals.errors));
    j.field("warnings", static_cast<std::uint64_t>(run.totals.warnings));
    j.field("infos", static_cast<std::uint64_t>(run.totals.infos));
    j.end_object();
    buffer_ += "\n}\n";
    flush();
  }

 private:
  void flush() { flush_buffer(out_, buffer_); }

  std::ostream& out_;
  std::string buffer_;
  bool any_ = false;
};

}  // namespace

std::unique_ptr<ReportWriter> make_json_writer(std::ostream& out) {
  return std::make_unique<JsonWriter>(out);
}

void write_json(std::ostream& out, std::span<const FileReport> reports) {
  JsonWriter writer(out);
  write_all(writer, reports, {});
}

}  // namespace digestlint
