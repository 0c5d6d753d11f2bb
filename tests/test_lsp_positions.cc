// The language server's positions: LSP (line, character) in utf-16 or
// utf-8 units back to byte offsets, the inverse of the engine's counting.
#include <catch2/catch.hpp>

#include <string>

#include "lsp/positions.h"

using namespace digestlint;
using namespace digestlint::lsp;

TEST_CASE("lsp: every character start round-trips in both encodings") {
  // Kana, an emoji (a surrogate pair in UTF-16), CRLF, a lone CR, and a
  // stray continuation byte (one unit, as a decoder shows U+FFFD).
  const std::string text = "# 見出し\r\n- 攻撃😀X\rbad\x80y\n";
  const SourceText source(text);
  const std::size_t stray = text.find("bad") + 3;
  for (const PositionEncoding encoding : {PositionEncoding::Utf16, PositionEncoding::Utf8}) {
    PositionCursor cursor(source);
    for (Offset at = 0; at <= source.size(); ++at) {
      const bool starts_char = at == source.size() ||
                               (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 || at == stray;
      const bool in_line_end = at > 0 && text[at - 1] == '\r' && text[at] == '\n';
      if (!starts_char || in_line_end) continue;
      CAPTURE(at, encoding == PositionEncoding::Utf8);
      CHECK(to_offset(source, to_lsp_position(cursor, at, encoding), encoding) == at);
    }
  }
}

TEST_CASE("lsp: the emoji's UTF-16 columns differ from its UTF-8 ones") {
  const std::string text = "- 攻撃😀X\n";
  const SourceText source(text);
  PositionCursor cursor(source);
  const auto x = static_cast<Offset>(text.find('X'));
  CHECK(to_lsp_position(cursor, x, PositionEncoding::Utf16).character == 6);
  CHECK(to_lsp_position(cursor, x, PositionEncoding::Utf8).character == 12);
  // Inside the surrogate pair: the emoji's start.
  CHECK(to_offset(source, {0, 5}, PositionEncoding::Utf16) == text.find("😀"));
}

TEST_CASE("lsp: positions past a line or the text clamp") {
  const SourceText source("ab\ncd");
  CHECK(to_offset(source, {0, 99}, PositionEncoding::Utf16) == 2);
  CHECK(to_offset(source, {1, 99}, PositionEncoding::Utf8) == 5);
  CHECK(to_offset(source, {7, 0}, PositionEncoding::Utf16) == 5);
}
