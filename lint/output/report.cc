#include "output/report.h"

#include <algorithm>
#include <cstring>

namespace digestlint {

namespace {

// UTF-16 code units in well-formed UTF-8 `bytes`: one per character (a
// byte that is not a continuation byte), two for one beyond U+FFFF (a
// 4-byte lead, F0-F4). Eight bytes at a time, each byte's count (0, 1 or
// 2) kept in its own lane of a word, the lanes summed every 64 words
// (before a lane can pass 255).
std::uint32_t utf16_units(const unsigned char* p, std::size_t n) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kPairs = 0x00FF00FF00FF00FFu;
  std::uint32_t units = 0;
  std::size_t i = 0;
  while (i + 8 <= n) {
    std::uint64_t lanes = 0;
    for (int word = 0; word < 64 && i + 8 <= n; ++word, i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      const std::uint64_t continuation = (w & ~(w << 1)) >> 7 & kOnes;                 // 10xxxxxx
      const std::uint64_t astral = (w & (w << 1) & (w << 2) & (w << 3)) >> 7 & kOnes;  // 1111xxxx
      lanes += kOnes - continuation + astral;
    }
    const std::uint64_t pairs = (lanes & kPairs) + (lanes >> 8 & kPairs);
    units += static_cast<std::uint32_t>((pairs * 0x0001000100010001u) >> 48);
  }
  for (; i < n; ++i)
    units += (p[i] & 0xC0) != 0x80 ? (p[i] >= 0xF0 ? 2 : 1) : 0;
  return units;
}

// PositionCursor's UTF-16 answers, counted faster when the source is known
// to be well-formed UTF-8 and the offset starts a character (or ends its
// line): then a character is its lead byte, and a decoder is not needed.
// Anything else (ill-formed bytes, an offset inside a character) asks
// PositionCursor. Offsets come mostly in order: a line's count goes on
// from the last offset asked.
class Utf16Cursor {
 public:
  explicit Utf16Cursor(const SourceText& source) : source_(source), slow_(source) {}

  // `ahead`: another cursor over the same source, whose count is taken
  // over when it is further along the line (a range's end counted on from
  // its start).
  Position position(Offset offset, const Utf16Cursor* ahead = nullptr) {
    if (!source_.known_well_formed()) return slow_.position(offset, ColumnUnit::Utf16);
    offset = std::min(offset, source_.size());
    const std::uint32_t line = source_.line_of(offset, hint_);
    hint_ = line;
    const Offset end = source_.line_end(line);
    const Offset clamped = std::min(offset, end);
    const auto* p = reinterpret_cast<const unsigned char*>(source_.bytes().data());
    if (clamped < end && (p[clamped] & 0xC0) == 0x80)
      return slow_.position(offset, ColumnUnit::Utf16);
    if (line != line_ || clamped < at_) {
      line_ = line;
      at_ = source_.line_begin(line);
      units_ = 0;
    }
    if (ahead != nullptr && ahead->line_ == line && ahead->at_ > at_ && ahead->at_ <= clamped) {
      at_ = ahead->at_;
      units_ = ahead->units_;
    }
    units_ += utf16_units(p + at_, clamped - at_);
    at_ = clamped;
    return Position{line + 1, units_ + 1};
  }

 private:
  const SourceText& source_;
  PositionCursor slow_;
  std::uint32_t line_ = UINT32_MAX;
  std::uint32_t hint_ = 0;
  Offset at_ = 0;
  std::uint32_t units_ = 0;
};

// A cursor only moves forward cheaply (backwards it restarts at the line's
// start), so starts and ends each get their own: with many findings on
// one line, both then only move forward and the line is decoded once.
struct Cursors {
  Utf16Cursor start;
  Utf16Cursor stop;
  explicit Cursors(const SourceText& source) : start(source), stop(source) {}
};

// The byte column of `offset` on the line `at` already found for it (as
// PositionCursor computes it, without finding the line again).
Position byte_position(const SourceText& source, Offset offset, Position at) {
  const std::uint32_t line = at.line - 1;
  const Offset clamped = std::min({offset, source.size(), source.line_end(line)});
  return Position{at.line, clamped - source.line_begin(line) + 1};
}

ReportedRange report_range(const SourceText& source, Cursors& cursors, ByteRange range) {
  ReportedRange r;
  r.begin = range.begin;
  r.end = range.end;
  r.start = cursors.start.position(range.begin);
  r.stop = cursors.stop.position(range.end, &cursors.start);
  r.start_byte = byte_position(source, range.begin, r.start);
  r.stop_byte = byte_position(source, range.end, r.stop);
  return r;
}

// Context shown around a finding: its line, or on a long line (a minified
// blob, a pathological input) a window around the range, cut at character
// starts. Copying whole long lines per finding would be quadratic.
constexpr Offset kContextBefore = 120;
constexpr Offset kContextAfter = 240;

SourceContext context(const SourceText& source, const ReportedDiagnostic& out) {
  const std::uint32_t line = out.range.start.line - 1;
  const std::string_view text = source.line_text(line);
  const Offset begin = source.line_begin(line);
  const Offset from = std::min<Offset>(out.range.begin - begin, static_cast<Offset>(text.size()));
  auto boundary = [&](Offset at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
      --at;
    return at;
  };
  const Offset first = from > kContextBefore ? boundary(from - kContextBefore) : 0;
  const Offset stop = std::min<Offset>(out.range.end - begin, static_cast<Offset>(text.size()));
  const Offset last = text.size() - std::max(from, stop) > kContextAfter
                          ? boundary(std::max(from, stop) + kContextAfter)
                          : static_cast<Offset>(text.size());
  return SourceContext{std::string(text.substr(first, last - first)), first, last < text.size()};
}

}  // namespace

ReportedRange report_range(const SourceText& source, ByteRange range) {
  Cursors cursors(source);
  return report_range(source, cursors, range);
}

FileReport make_report(std::string path, const SourceText& source,
                       std::vector<Diagnostic>&& diagnostics, bool source_lines) {
  FileReport report;
  report.path = std::move(path);
  report.diagnostics.reserve(diagnostics.size());
  // Findings come sorted by offset; their notes and edits lie near them,
  // each kind in order.
  Cursors cursor(source);
  Cursors note_cursor(source);
  Cursors edit_cursor(source);
  for (Diagnostic& d : diagnostics) {
    ReportedDiagnostic& out = report.diagnostics.emplace_back();
    out.rule = d.rule;
    out.severity = d.severity;
    out.message = std::move(d.message);
    out.range = report_range(source, cursor, d.range);
    if (source_lines) out.context = context(source, out);
    if (!d.notes.empty()) {
      out.notes.reserve(d.notes.size());
      for (Note& n : d.notes) {
        out.notes.push_back(
            ReportedNote{report_range(source, note_cursor, n.range), std::move(n.message)});
      }
      // Freed as converted, so the heap blocks are reused by the findings
      // after it instead of the peak holding both forms of every note.
      std::vector<Note>().swap(d.notes);
    }
    if (d.fix) {
      ReportedFix fix;
      fix.title = std::move(d.fix->title);
      fix.safe = d.fix->applicability == Applicability::Safe;
      fix.edits.reserve(d.fix->edits.size());
      for (Edit& e : d.fix->edits) {
        fix.edits.push_back(
            ReportedEdit{report_range(source, edit_cursor, e.range), std::move(e.replacement)});
      }
      d.fix.reset();
      out.fix = std::move(fix);
    }
  }
  return report;
}

void Totals::add(const FileReport& r) {
  ++files;
  if (!r.error.empty()) ++failed_files;
  fixes += r.fixes_applied;
  for (const ReportedDiagnostic& d : r.diagnostics) {
    switch (d.severity) {
      case Severity::Error:
        ++errors;
        break;
      case Severity::Warning:
        ++warnings;
        break;
      case Severity::Info:
        ++infos;
        break;
      case Severity::Off:
        break;
    }
  }
}

Totals count(std::span<const FileReport> reports) {
  Totals t;
  for (const FileReport& r : reports)
    t.add(r);
  return t;
}

}  // namespace digestlint
