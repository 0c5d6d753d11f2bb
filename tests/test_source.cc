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

TEST_CASE("a position cursor answers as SourceText::position, in any order") {
  // Long lines mixing ASCII, kana, astral characters, CRLF and ill-formed
  // bytes: truncated sequences, stray continuations, a lead before ASCII.
  const std::string text =
      "ab攻撃😀c\r\n\xE3\x81"
      "a\x80\x80😀x\xF0\x9F"
      "攻\ry\xC3\n" +
      std::string(3, '\xE6') + "撃\n";
  const SourceText source(text);
  for (ColumnUnit unit : {ColumnUnit::Utf16, ColumnUnit::CodePoint, ColumnUnit::Byte}) {
    PositionCursor forward(source);
    for (Offset o = 0; o <= source.size(); ++o) {
      const Position want = source.position(o, unit);
      const Position got = forward.position(o, unit);
      INFO("offset " << o);
      CHECK(got.line == want.line);
      CHECK(got.column == want.column);
    }
    PositionCursor backward(source);
    for (Offset o = source.size() + 1; o-- > 0;) {
      const Position want = source.position(o, unit);
      const Position got = backward.position(o, unit);
      INFO("offset " << o);
      CHECK(got.line == want.line);
      CHECK(got.column == want.column);
    }
    // Every pair (a, b): the cursor after a, then b.
    for (Offset a = 0; a <= source.size(); ++a) {
      for (Offset b = 0; b <= source.size(); ++b) {
        PositionCursor cursor(source);
        cursor.position(a, unit);
        const Position got = cursor.position(b, unit);
        const Position want = source.position(b, unit);
        INFO("offsets " << a << " then " << b);
        CHECK(got.column == want.column);
      }
    }
  }
}
