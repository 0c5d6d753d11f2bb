// LSP positions (0-based line, column in the negotiated encoding's code
// units) to and from the engine's byte offsets.
#pragma once

#include <cstdint>

#include "digestlint/source.h"

namespace digestlint::lsp {

// What `character` counts: LSP 3.17 lets the client offer utf-8 and the
// server pick it; utf-16 is the default every client understands.
enum class PositionEncoding : std::uint8_t { Utf16, Utf8 };

struct LspPosition {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
};

inline ColumnUnit column_unit(PositionEncoding encoding) {
  return encoding == PositionEncoding::Utf8 ? ColumnUnit::Byte : ColumnUnit::Utf16;
}

// Through the engine's own counting (SourceText / PositionCursor), so LSP
// columns agree with every other output format's.
LspPosition to_lsp_position(PositionCursor& cursor, Offset offset, PositionEncoding encoding);

// The inverse. A line past the end gives the end of the text; a character
// past the line's end gives the line's end (LSP: "defaults back to the
// line length"); a character inside a multi-unit character gives that
// character's start.
Offset to_offset(const SourceText& source, LspPosition position, PositionEncoding encoding);

}  // namespace digestlint::lsp
