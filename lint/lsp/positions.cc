#include "lsp/positions.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace digestlint::lsp {

LspPosition to_lsp_position(PositionCursor& cursor, Offset offset, PositionEncoding encoding) {
  const Position p = cursor.position(offset, column_unit(encoding));
  return LspPosition{p.line - 1, p.column - 1};
}

Offset to_offset(const SourceText& source, LspPosition position, PositionEncoding encoding) {
  if (position.line >= source.line_count()) return source.size();
  const Offset begin = source.line_begin(position.line);
  const Offset end = source.line_end(position.line);
  if (encoding == PositionEncoding::Utf8) {
    return position.character >= end - begin ? end : begin + position.character;
  }
  // Decoded exactly as count_columns decodes (one U+FFFD per maximal
  // ill-formed subpart, one unit each), so the two stay inverse.
  const auto* p = reinterpret_cast<const std::uint8_t*>(source.bytes().data());
  auto i = static_cast<std::int32_t>(begin);
  const auto n = static_cast<std::int32_t>(end);
  std::uint32_t units = 0;
  while (i < n) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT_OR_FFFD(p, i, n, c);
    units += c > 0xFFFF ? 2 : 1;
    if (units > position.character) return static_cast<Offset>(start);
  }
  return end;
}

}  // namespace digestlint::lsp
