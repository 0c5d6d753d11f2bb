// --format text: "path:line:col: severity: message [CODE name]", the shape
// compilers print, which editors and problem matchers already parse; " [*]"
// after it marks a finding --fix fixes (as ruff marks them). On a
// terminal each finding is followed by its line and a caret under it;
// those lines start with a space, so no matcher takes them for findings.
#include <fmt/format.h>
#include <unicode/uchar.h>

#include <unicode/utf8.h>
#include <charconv>

#include "digestlint/rule.h"
#include "output/escape.h"
#include "output/formats.h"
#include "output/writer.h"

namespace digestlint {

namespace {

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::Error:
      return "\x1b[1;31m";
    case Severity::Warning:
      return "\x1b[1;33m";
    default:
      return "\x1b[1;36m";
  }
}

// A source line as the terminal will show it: tabs expanded, control and
// invisible characters made visible, and the display columns (East Asian
// wide characters take two) where the finding starts and ends.
struct ShownLine {
  std::string text;
  std::uint32_t start = 0;  // display column of byte `from`
  std::uint32_t stop = 0;   // display column of byte `to`
};

ShownLine show_line(std::string_view line, std::size_t from, std::size_t to) {
  ShownLine shown;
  std::uint32_t width = 0;
  const auto* p = reinterpret_cast<const std::uint8_t*>(line.data());
  const auto n = static_cast<std::int32_t>(line.size());
  for (std::int32_t i = 0; i <= n;) {
    if (static_cast<std::size_t>(i) <= from) shown.start = width;
    if (static_cast<std::size_t>(i) <= to) shown.stop = width;
    if (i == n) break;
    UChar32 c;
    U8_NEXT_OR_FFFD(p, i, n, c);
    if (c == '\t') {
      const std::uint32_t next = (width / 4 + 1) * 4;
      shown.text.append(next - width, ' ');
      width = next;
    } else if (c < 0x20 || c == 0x7F) {
      shown.text += fmt::format("\\x{:02x}", c);
      width += 4;
    } else if (c >= 0x80 && c < 0xA0) {
      shown.text += fmt::format("\\u{:04x}", c);
      width += 6;
    } else if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL) ||
               u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      // Bidi controls would reorder the line on screen; invisible ones
      // would hide what the finding is about.
      const std::string visible = fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(c));
      shown.text += visible;
      width += static_cast<std::uint32_t>(visible.size());
    } else {
      char buffer[4];
      std::int32_t len = 0;
      U8_APPEND_UNSAFE(buffer, len, c);
      shown.text.append(buffer, static_cast<std::size_t>(len));
      const auto eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
      const auto gc = u_charType(c);
      if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK) {
        // drawn on the previous character
      } else if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) {
        width += 2;
      } else {
        width += 1;
      }
    }
  }
  return shown;
}

class TextWriter final : public ReportWriter {
 public:
  TextWriter(std::ostream& out, const OutputOptions& options) : out_(out), options_(options) {}
  void file(const FileReport& r) override;
  void end(const RunEnd&) override {}

 private:
  std::ostream& out_;
  OutputOptions options_;
  std::string buffer_;  // a file's output, handed on in pieces of kFlushBytes
};

void append_number(std::string& out, std::uint32_t n) {
  char digits[12];
  const auto r = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, static_cast<std::size_t>(r.ptr - digits));
}

void TextWriter::file(const FileReport& r) {
  // Findings are appended to a buffer, not formatted each into a string
  // of its own: a file can have a million.
  std::string& out = buffer_;
  const OutputOptions& options = options_;
  const std::string_view bold = options.color ? "\x1b[1m" : "";
  const std::string_view dim = options.color ? "\x1b[2m" : "";
  const std::string_view reset = options.color ? "\x1b[0m" : "";
  const std::string path = printable(r.path);
  if (!r.error.empty()) {
    const std::string where =
        r.error_line > 0 ? fmt::format("{}:{}:{}", path, r.error_line, r.error_column) : path;
    out += fmt::format("{}{}{}: {}error{}: {}\n", bold, where, reset,
                       options.color ? severity_color(Severity::Error) : "", reset,
                       printable(r.error));
    // Findings may come with an error (--fix could not write the file).
  }
  for (const ReportedDiagnostic& d : r.diagnostics) {
    const std::string_view color = options.color ? severity_color(d.severity) : "";
    const bool fixable = d.fix && (d.fix->safe || options.unsafe_fixes);
    // "{bold}{path}:{line}:{column}{reset}: {color}{severity}{reset}: {message}
    // {dim}[{code} {name}]{reset}{ [*]}"
    out += bold;
    out += path;
    out += ':';
    append_number(out, d.range.start.line);
    out += ':';
    append_number(out, d.range.start.column);
    out += reset;
    out += ": ";
    out += color;
    out += to_string(d.severity);
    out += reset;
    out += ": ";
    append_printable(out, d.message);
    out += ' ';
    out += dim;
    out += '[';
    out += d.rule->code;
    out += ' ';
    out += d.rule->name;
    out += ']';
    out += reset;
    if (fixable) out += " [*]";
    out += '\n';
    if (out.size() >= kFlushBytes) flush_buffer(out_, out);
    if (!options.context) continue;
    static const SourceContext kNoContext;
    const SourceContext& context = d.context ? *d.context : kNoContext;
    const std::size_t skipped = context.skipped;
    const std::size_t from = d.range.start_byte.column - 1 - skipped;
    const std::size_t to =
        d.range.stop.line == d.range.start.line
            ? std::min(d.range.stop_byte.column - 1 - skipped, context.line.size())
            : context.line.size();
    ShownLine shown = show_line(context.line, from, to);
    if (skipped > 0) {
      // "…" takes one column in front of the window.
      shown.text.insert(0, "\u2026");
      ++shown.start;
      ++shown.stop;
    }
    if (context.cut) shown.text += "\u2026";
    const std::string number = std::to_string(d.range.start.line);
    const std::string gutter(std::max<std::size_t>(number.size(), 4), ' ');
    out += fmt::format(" {}{:>{}} |{} {}\n", dim, number, gutter.size(), reset, shown.text);
    out += fmt::format(
        " {}{} |{} {}{}{}{}\n", dim, gutter, reset, std::string(shown.start, ' '), color,
        std::string(shown.stop > shown.start ? shown.stop - shown.start : 1, '^'), reset);
    for (const ReportedNote& note : d.notes) {
      out += fmt::format(" {} = note: {}:{}: {}\n", gutter, note.range.start.line,
                         note.range.start.column, printable(note.message));
    }
  }
  flush_buffer(out_, out);
}

}  // namespace

std::unique_ptr<ReportWriter> make_text_writer(std::ostream& out, const OutputOptions& options) {
  return std::make_unique<TextWriter>(out, options);
}

void write_text(std::ostream& out, std::span<const FileReport> reports,
                const OutputOptions& options) {
  TextWriter writer(out, options);
  write_all(writer, reports, options.rules);
}

}  // namespace digestlint
