// The linted bytes and their line index. Everything inside digestlint speaks
// byte offsets; this class turns them into what a consumer counts.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "digestlint/diagnostic.h"

namespace digestlint {

// How a column is counted. Editors (VS Code, LSP default) and SARIF count
// UTF-16 code units, reviewdog and vim count bytes.
enum class ColumnUnit : std::uint8_t { Utf16, Byte, CodePoint };

struct Position {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, in the requested unit
};

// Line ends as written. md4c accepts all three, so the index does too: a
// file using lone CRs must not collapse onto line 1.
enum class LineEnd : std::uint8_t { None, Lf, CrLf, Cr };

class SourceText {
 public:
  SourceText() = default;
  explicit SourceText(std::string_view bytes) { reset(bytes); }

  // Re-indexes another buffer, reusing the allocation (one per worker).
  // `well_formed`: the caller checked that every byte is well-formed UTF-8.
  void reset(std::string_view bytes, bool well_formed = false);

  // True only when the bytes were checked to be well-formed UTF-8 (then no
  // one needs to look for ill-formed bytes); false when not known.
  bool known_well_formed() const { return well_formed_; }

  std::string_view bytes() const { return bytes_; }
  Offset size() const { return static_cast<Offset>(bytes_.size()); }

  // Lines are 0-based here. A buffer ending with a line end has a last,
  // empty line after it, as editors show it.
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }
  Offset line_begin(std::uint32_t line) const { return starts_[line]; }
  // End of the line's content, line end excluded.
  Offset line_end(std::uint32_t line) const;
  LineEnd line_ending(std::uint32_t line) const;
  std::string_view line_text(std::uint32_t line) const;
  // The 0-based line containing a byte (offsets inside a CRLF belong to the
  // line it ends; size() belongs to the last line).
  std::uint32_t line_of(Offset offset) const;
  // The same, looked up from a line at or near it (offsets that come in
  // order: a step or two instead of a binary search).
  std::uint32_t line_of(Offset offset, std::uint32_t hint) const;

  Position position(Offset offset, ColumnUnit unit = ColumnUnit::Utf16) const;
  std::string_view slice(ByteRange r) const { return bytes_.substr(r.begin, r.end - r.begin); }

 private:
  std::string_view bytes_;
  std::vector<Offset> starts_;
  bool well_formed_ = false;
};

// Positions of many offsets of one text, in increasing order: a line's
// columns are counted on from the last offset asked, not from the line's
// start each time, so thousands of findings on one long line stay linear.
// Same answers as SourceText::position.
class PositionCursor {
 public:
  explicit PositionCursor(const SourceText& source) : source_(source) {}
  Position position(Offset offset, ColumnUnit unit);

 private:
  const SourceText& source_;
  std::uint32_t line_ = UINT32_MAX;
  std::uint32_t hint_ = 0;  // the line of the last offset asked, either unit
  Offset at_ = 0;           // where the counts below end, at a character boundary
  std::uint32_t utf16_ = 0;
  std::uint32_t code_points_ = 0;
};

// Column width of bytes [begin, end) of one line in the given unit. Invalid
// UTF-8 counts one unit per byte, as a decoder shows U+FFFD for each.
std::uint32_t count_columns(std::string_view text, ColumnUnit unit);

}  // namespace digestlint
