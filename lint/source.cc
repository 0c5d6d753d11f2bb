#include "digestlint/source.h"

#include <algorithm>

#include <unicode/utf8.h>

namespace digestlint {

void SourceText::reset(std::string_view bytes) {
  bytes_ = bytes;
  starts_.clear();
  starts_.push_back(0);
  const char* data = bytes.data();
  const std::size_t n = bytes.size();
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

Position SourceText::position(Offset offset, ColumnUnit unit) const {
  offset = std::min(offset, size());
  const std::uint32_t line = line_of(offset);
  const Offset begin = starts_[line];
  // An offset inside a line ending (between CR and LF) reports the column
  // just past the content.
  const Offset clamped = std::min(offset, line_end(line));
  return Position{line + 1, count_columns(bytes_.substr(begin, clamped - begin), unit) + 1};
}

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Off:
      return "off";
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "off") return Severity::Off;
  if (text == "info") return Severity::Info;
  if (text == "warning") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

}  // namespace digestlint
