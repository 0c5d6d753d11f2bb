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

// A finding written straight into the buffer: the bytes JsonEmitter
// writes for it as an element of a file's "diagnostics" (fields five
// levels deep), without its per-token bookkeeping or escaping of the
// constant keys. A million findings in one file spend most of their
// time here.
void append_number(std::string& out, std::uint64_t n) {
  char digits[24];
  const auto r = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, static_cast<std::size_t>(r.ptr - digits));
}

// A line break, `spaces` of indentation and `key` (quoted, with its colon).
void key_at(std::string& out, std::size_t spaces, std::string_view key) {
  out += '\n';
  out.append(spaces, ' ');
  out += key;
}

// A range's six fields, each followed by a comma (a message or a
// replacement always comes after them).
void range_json(std::string& out, const ReportedRange& r, std::size_t spaces) {
  const auto number = [&](std::string_view key, std::uint64_t n) {
    key_at(out, spaces, key);
    append_number(out, n);
    out += ',';
  };
  number("\"line\": ", r.start.line);
  number("\"column\": ", r.start.column);
  number("\"end_line\": ", r.stop.line);
  number("\"end_column\": ", r.stop.column);
  number("\"offset\": ", r.begin);
  number("\"end_offset\": ", r.end);
}

void finding_json(std::string& out, const ReportedDiagnostic& d) {
  out += '{';
  key_at(out, 10, "\"rule\": ");
  append_json_string(out, d.rule->code);
  out += ',';
  key_at(out, 10, "\"name\": ");
  append_json_string(out, d.rule->name);
  out += ',';
  key_at(out, 10, "\"severity\": ");
  append_json_string(out, to_string(d.severity));
  out += ',';
  range_json(out, d.range, 10);
  key_at(out, 10, "\"message\": ");
  append_json_string(out, d.message);
  if (!d.notes.empty()) {
    out += ',';
    key_at(out, 10, "\"notes\": [");
    bool first = true;
    for (const ReportedNote& n : d.notes) {
      if (!first) out += ',';
      first = false;
      key_at(out, 12, "{");
      range_json(out, n.range, 14);
      key_at(out, 14, "\"message\": ");
      append_json_string(out, n.message);
      key_at(out, 12, "}");
    }
    key_at(out, 10, "]");
  }
  if (d.fix) {
    out += ',';
    key_at(out, 10, "\"fix\": {");
    key_at(out, 12, "\"title\": ");
    append_json_string(out, d.fix->title);
    out += ',';
    key_at(out, 12, "\"applicability\": ");
    out += d.fix->safe ? "\"safe\"," : "\"unsafe\",";
    key_at(out, 12, "\"edits\": [");
    bool first = true;
    for (const ReportedEdit& e : d.fix->edits) {
      if (!first) out += ',';
      first = false;
      key_at(out, 14, "{");
      range_json(out, e.range, 16);
      key_at(out, 16, "\"replacement\": ");
      append_json_string(out, e.replacement);
      key_at(out, 14, "}");
    }
    if (d.fix->edits.empty()) {
      out += ']';  // an empty array stays on the key's line
    } else {
      key_at(out, 12, "]");
    }
    key_at(out, 10, "}");
  }
  key_at(out, 8, "}");
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
    j.raw_value({});  // the separator and indentation before an element
    finding_json(out, d);
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
