// Positions: byte offsets to lines and columns in each unit, on multibyte
// text, emoji (surrogate pairs in UTF-16), combining marks, CRLF and CR.
#include <catch2/catch.hpp>

#include "digestlint/source.h"

using namespace digestlint;

TEST_CASE("columns count UTF-16 units, bytes and code points") {
  // The ICU notes' example: the column of X is 32 in bytes, 14 in UTF-16
  // units and 12 in code points.
  const std::string text = "AI攻撃👩‍💻とｶﾞ゙X";
  const SourceText s(text);
  const auto x = static_cast<Offset>(text.find('X'));
  CHECK(s.position(x, ColumnUnit::Byte).column == 32);
  CHECK(s.position(x, ColumnUnit::Utf16).column == 14);
  CHECK(s.position(x, ColumnUnit::CodePoint).column == 12);
}

TEST_CASE("line ends: LF, CRLF and lone CR each end a line") {
  const SourceText s("a\nb\r\nc\rd");
  REQUIRE(s.line_count() == 4);
  CHECK(s.line_text(0) == "a");
  CHECK(s.line_text(1) == "b");
  CHECK(s.line_text(2) == "c");
  CHECK(s.line_text(3) == "d");
  CHECK(s.line_ending(1) == LineEnd::CrLf);
  CHECK(s.line_ending(2) == LineEnd::Cr);
  CHECK(s.line_ending(3) == LineEnd::None);
  CHECK(s.position(7).line == 4);  // "d"
  CHECK(s.position(7).column == 1);
  // The CR of a CRLF belongs to its line, one past the content.
  CHECK(s.position(3).line == 2);
  CHECK(s.position(3).column == 2);
}

TEST_CASE("a file ending with a newline has an empty last line") {
  const SourceText s("abc\n");
  CHECK(s.line_count() == 2);
  CHECK(s.position(4).line == 2);
  CHECK(s.position(4).column == 1);
  const SourceText empty("");
  CHECK(empty.line_count() == 1);
  CHECK(empty.position(0).line == 1);
}

TEST_CASE("invalid UTF-8 counts one column per ill-formed subpart") {
  // E3 80 is a truncated 3-byte sequence: one U+FFFD, as editors show it.
  const std::string text =
      "a\xE3\x80"
      "b\xFF"
      "c";
  const SourceText s(text);
  CHECK(s.position(3, ColumnUnit::Utf16).column == 3);  // b
  CHECK(s.position(5, ColumnUnit::Utf16).column == 5);  // c
  CHECK(s.position(5, ColumnUnit::Byte).column == 6);
}
