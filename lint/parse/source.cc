#include "digestlint/source.h"

#include <algorithm>
#include <cstring>

#include <unicode/utf8.h>

namespace digestlint {

void SourceText::reset(std::string_view bytes, bool well_formed) {
  bytes_ = bytes;
  well_formed_ = well_formed;
  starts_.clear();
  starts_.push_back(0);
  const char* data = bytes.data();
  const std::size_t n = bytes.size();
  if (n == 0) return;  // data may be null: memchr must not see it
  if (std::memchr(data, '\r', n) == nullptr) {
    // LF only, as nearly every file: memchr finds them a vector at a time.
    for (const char* p = data;
         (p = static_cast<const char*>(std::memchr(p, '\n', data + n - p)));) {
      ++p;
      starts_.push_back(static_cast<Offset>(p - data));
    }
    return;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const char c = data[i];
    if (c == '\n') {
      starts_.push_back(static_cast<Offset>(i + 1));
    } else if (c == '\r') {
      if (i + 1 < n && data[i + 1] == '\n') ++i;
      starts_.push_back(static_cast<Offset>(i + 1));
    }
  }
}

std::uint32_t SourceText::line_of(Offset offset, std::uint32_t hint) const {
  if (hint >= starts_.size() || starts_[hint] > offset) return line_of(offset);
  for (int step = 0; step < 4; ++step) {
    if (hint + 1 >= starts_.size() || starts_[hint + 1] > offset) return hint;
    ++hint;
  }
  auto it = std::upper_bound(starts_.begin() + hint, starts_.end(), offset);
  return static_cast<std::uint32_t>(it - starts_.begin()) - 1;
}

Offset SourceText::line_end(std::uint32_t line) const {
  if (line + 1 >= starts_.size()) return size();
  Offset end = starts_[line + 1] - 1;  // the LF or lone CR
  if (bytes_[end] == '\n' && end > starts_[line] && bytes_[end - 1] == '\r') --end;
  return end;
}

LineEnd SourceText::line_ending(std::uint32_t line) const {
  if (line + 1 >= starts_.size()) return LineEnd::None;
  const Offset last = starts_[line + 1] - 1;
  if (bytes_[last] == '\r') return LineEnd::Cr;
  if (last > starts_[line] && bytes_[last - 1] == '\r') return LineEnd::CrLf;
  return LineEnd::Lf;
}

std::string_view SourceText::line_text(std::uint32_t line) const {
  const Offset b = starts_[line];
  return bytes_.substr(b, line_end(line) - b);
}

std::uint32_t SourceText::line_of(Offset offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<std::uint32_t>(it - starts_.begin()) - 1;
}

std::uint32_t count_columns(std::string_view text, ColumnUnit unit) {
  if (unit == ColumnUnit::Byte) return static_cast<std::uint32_t>(text.size());
  // U8_NEXT_OR_FFFD replaces each maximal ill-formed subpart by one U+FFFD,
  // as editors and browsers decode, so columns after a bad byte match theirs.
  std::uint32_t columns = 0;
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT_OR_FFFD(p, i, n, c);
    columns += (c > 0xFFFF && unit == ColumnUnit::Utf16) ? 2 : 1;
  }
  return columns;
}

Position PositionCursor::position(Offset offset, ColumnUnit unit) {
  offset = std::min(offset, source_.size());
  // Offsets come in order: the line is the last one or a few after it,
  // found without a binary search over every line of the file.
  const std::uint32_t line = source_.line_of(offset, hint_);
  hint_ = line;
  const Offset begin = source_.line_begin(line);
  const Offset clamped = std::min(offset, source_.line_end(line));
  if (unit == ColumnUnit::Byte) return Position{line + 1, clamped - begin + 1};
  if (line != line_ || clamped < at_) {
    line_ = line;
    at_ = begin;
    utf16_ = code_points_ = 0;
  }
  const auto* p = reinterpret_cast<const std::uint8_t*>(source_.bytes().data());
  // Decoding stops at `clamped` as counting the whole prefix would: both
  // decode the same characters up to there. The counts are kept only when
  // `clamped` starts a character (no continuation byte), where a decoder of
  // the whole line would also start one.
  std::uint32_t utf16 = utf16_;
  std::uint32_t code_points = code_points_;
  auto i = static_cast<std::int32_t>(at_);
  const auto n = static_cast<std::int32_t>(clamped);
  while (i < n) {
    UChar32 c;
    U8_NEXT_OR_FFFD(p, i, n, c);
    utf16 += c > 0xFFFF ? 2 : 1;
    ++code_points;
  }
  if (clamped == source_.line_end(line) || (p[clamped] & 0xC0) != 0x80) {
    at_ = clamped;
    utf16_ = utf16;
    code_points_ = code_points;
  }
  return Position{line + 1, (unit == ColumnUnit::Utf16 ? utf16 : code_points) + 1};
}

Position SourceText::position(Offset offset, ColumnUnit unit) const {
  offset = std::min(offset, size());
  const std::uint32_t line = line_of(offset);
  const Offset begin = starts_[line];
  // An offset inside a line ending (between CR and LF) reports the column
  // just past the content.
  const Offset clamped = std::min(offset, line_end(line));
  return Position{line + 1, count_columns(bytes_.substr(begin, clamped - begin), unit) + 1};
}

}  // namespace digestlint
