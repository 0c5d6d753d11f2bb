// --format json: one document, described in the README; fields keep their
// meaning across versions, new ones may be added. Streamed: each file's
// object is written as the file is done; the summary closes the document.
#include <charconv>
#include <cstring>

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

// Up to a few hundred bytes gathered on the stack and appended to the
// output at once: a range's six numbers and their keys cost one append
// instead of twelve.
class Piece {
 public:
  void add(std::string_view text) {
    std::memcpy(bytes_ + size_, text.data(), text.size());
    size_ += text.size();
  }
  void add(char c) { bytes_[size_++] = c; }
  void number(std::uint32_t n) {
    size_ = static_cast<std::size_t>(std::to_chars(bytes_ + size_, bytes_ + sizeof bytes_, n).ptr -
                                     bytes_);
  }
  void append_to(std::string& out) const { out.append(bytes_, size_); }

 private:
  // Six keys of at most 32 bytes and six numbers of at most 10 digits.
  char bytes_[512];
  std::size_t size_ = 0;
};

// A finding without notes or fix (nearly all of them): literal pieces,
// which the compiler copies inline.
void plain_finding(std::string& out, const ReportedDiagnostic& d) {
  out += "{\n          \"rule\": ";
  append_json_string(out, d.rule->code);
  out += ",\n          \"name\": ";
  append_json_string(out, d.rule->name);
  out += ",\n          \"severity\": ";
  append_json_string(out, to_string(d.severity));
  Piece range;
  range.add(",\n          \"line\": ");
  range.number(d.range.start.line);
  range.add(",\n          \"column\": ");
  range.number(d.range.start.column);
  range.add(",\n          \"end_line\": ");
  range.number(d.range.stop.line);
  range.add(",\n          \"end_column\": ");
  range.number(d.range.stop.column);
  range.add(",\n          \"offset\": ");
  range.number(d.range.begin);
  range.add(",\n          \"end_offset\": ");
  range.number(d.range.end);
  range.add(",\n          \"message\": ");
  range.append_to(out);
  append_json_string(out, d.message);
  out += "\n        }";
}

// A line break, `spaces` of indentation and `key` (quoted, with its
// colon), after `before` (a comma, a bracket): what precedes a value, as
// one piece, built once and appended about 25 times a finding.
std::string lead(std::string_view before, std::size_t spaces, std::string_view key) {
  std::string s(before);
  s += '\n';
  s.append(spaces, ' ');
  s += key;
  return s;
}

struct RangeKeys {
  std::string line, column, end_line, end_column, offset, end_offset;
  explicit RangeKeys(std::size_t spaces)
      : line(lead("", spaces, "\"line\": ")),
        column(lead(",", spaces, "\"column\": ")),
        end_line(lead(",", spaces, "\"end_line\": ")),
        end_column(lead(",", spaces, "\"end_column\": ")),
        offset(lead(",", spaces, "\"offset\": ")),
        end_offset(lead(",", spaces, "\"end_offset\": ")) {}
};

// A range's six fields, the last followed by a comma (a message or a
// replacement always comes after them).
void range_json(std::string& out, const ReportedRange& r, const RangeKeys& k) {
  Piece piece;
  piece.add(k.line);
  piece.number(r.start.line);
  piece.add(k.column);
  piece.number(r.start.column);
  piece.add(k.end_line);
  piece.number(r.stop.line);
  piece.add(k.end_column);
  piece.number(r.stop.column);
  piece.add(k.offset);
  piece.number(r.begin);
  piece.add(k.end_offset);
  piece.number(r.end);
  piece.add(',');
  piece.append_to(out);
}

void finding_json(std::string& out, const ReportedDiagnostic& d) {
  // Fields of a finding are 10 spaces deep, of its notes and fix 12, of
  // their objects 14, of a fix's edits 16.
  static const std::string kRule = lead("{", 10, "\"rule\": ");
  static const std::string kName = lead(",", 10, "\"name\": ");
  static const std::string kSeverity = lead(",", 10, "\"severity\": ");
  static const RangeKeys kFindingRange(10);
  static const std::string kMessage = lead("", 10, "\"message\": ");
  static const std::string kNotes = lead(",", 10, "\"notes\": [");
  static const std::string kNoteOpen = lead("", 12, "{");
  static const std::string kNextNoteOpen = lead(",", 12, "{");
  static const RangeKeys kNoteRange(14);
  static const std::string kNoteMessage = lead("", 14, "\"message\": ");
  static const std::string kNoteClose = lead("", 12, "}");
  static const std::string kNotesClose = lead("", 10, "]");
  static const std::string kFixTitle = lead(lead(",", 10, "\"fix\": {"), 12, "\"title\": ");
  static const std::string kSafe =
      lead(",", 12, "\"applicability\": \"safe\",") + lead("", 12, "\"edits\": [");
  static const std::string kUnsafe =
      lead(",", 12, "\"applicability\": \"unsafe\",") + lead("", 12, "\"edits\": [");
  static const std::string kEditOpen = lead("", 14, "{");
  static const std::string kNextEditOpen = lead(",", 14, "{");
  static const RangeKeys kEditRange(16);
  static const std::string kReplacement = lead("", 16, "\"replacement\": ");
  static const std::string kEditClose = lead("", 14, "}");
  static const std::string kEditsClose = lead("", 12, "]");
  static const std::string kFixClose = lead("", 10, "}");
  static const std::string kFindingClose = lead("", 8, "}");

  out += kRule;
  append_json_string(out, d.rule->code);
  out += kName;
  append_json_string(out, d.rule->name);
  out += kSeverity;
  append_json_string(out, to_string(d.severity));
  out += ',';
  range_json(out, d.range, kFindingRange);
  out += kMessage;
  append_json_string(out, d.message);
  if (!d.notes.empty()) {
    out += kNotes;
    bool first = true;
    for (const ReportedNote& n : d.notes) {
      out += first ? kNoteOpen : kNextNoteOpen;
      first = false;
      range_json(out, n.range, kNoteRange);
      out += kNoteMessage;
      append_json_string(out, n.message);
      out += kNoteClose;
    }
    out += kNotesClose;
  }
  if (d.fix) {
    out += kFixTitle;
    append_json_string(out, d.fix->title);
    out += d.fix->safe ? kSafe : kUnsafe;
    bool first = true;
    for (const ReportedEdit& e : d.fix->edits) {
      out += first ? kEditOpen : kNextEditOpen;
      first = false;
      range_json(out, e.range, kEditRange);
      out += kReplacement;
      append_json_string(out, e.replacement);
      out += kEditClose;
    }
    // An empty array stays on its key's line.
    out += d.fix->edits.empty() ? std::string_view("]") : std::string_view(kEditsClose);
    out += kFixClose;
  }
  out += kFindingClose;
}

// A file's object, as an element of the "files" array (two levels deep):
// the bytes JsonEmitter(out, 2, 2) writes for it, as literal pieces.
// `written` is called after each finding, to pass on what is done.
template <typename Written>
void file_json(std::string& out, const FileReport& r, Written written) {
  out += "{\n      \"path\": ";
  append_json_string(out, r.path);
  if (!r.error.empty()) {
    out += ",\n      \"error\": ";
    append_json_string(out, r.error);
    if (r.error_line > 0) {
      Piece where;
      where.add(",\n      \"line\": ");
      where.number(r.error_line);
      where.add(",\n      \"column\": ");
      where.number(r.error_column);
      where.append_to(out);
    }
    if (r.diagnostics.empty()) {
      out += "\n    }";
      return;
    }
  }
  out += ",\n      \"diagnostics\": [";
  bool first = true;
  for (const ReportedDiagnostic& d : r.diagnostics) {
    // The separator and indentation before an element.
    out += first ? std::string_view("\n        ") : std::string_view(",\n        ");
    first = false;
    if (d.notes.empty() && !d.fix) {
      plain_finding(out, d);
    } else {
      finding_json(out, d);
    }
    written();
  }
  // An empty array stays on its key's line.
  out += r.diagnostics.empty() ? std::string_view("]") : std::string_view("\n      ]");
  if (r.fixes_applied > 0) {
    out += ",\n      \"fixed\": ";
    char digits[24];
    out.append(digits,
               static_cast<std::size_t>(
                   std::to_chars(digits, digits + sizeof digits, r.fixes_applied).ptr - digits));
  }
  out += "\n    }";
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
