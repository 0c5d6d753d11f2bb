// The scanner answers a few questions itself, more cheaply than the general
// way, because it asks them once per line or per md4c event. Each answer
// is held here to the general one: line look-ups near a hint against
// SourceText::line_of, each line's end and line ending against SourceText,
// and a list's depth (kept as a count of open lists) against the lists
// among the block's ancestors in the finished model.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "digestlint/document.h"
#include "digestlint/source.h"
#include "parse/scanner.h"

using namespace digestlint;

namespace {

// Every kind of line end, in every order, empty lines, ill-formed UTF-8, a
// byte order mark, with and without a final line end.
const std::vector<std::string> kTexts = {
    "",
    "a",
    "\n",
    "\r",
    "\r\n",
    "a\nb",
    "a\r\nb\rc\n\nd",
    "\r\r\n\n\r\n\r",
    "\n\n\n\n\n\n\n\nx",
    "\xEF\xBB\xBF\r\n",
    "\xEF\xBB\xBF# t\r\nx\r",
    "\xFF\xC3\r\x80\n\xE3\x80\x80\r\n",
    "# h\n\n- a\r\n  - b\r    - c\n\n> q\r\n> - r\n",
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> seeds_and_fixtures() {
  std::vector<std::string> texts;
  const std::filesystem::path root(DIGESTLINT_SOURCE_DIR);
  for (const auto& dir : {root / "tests" / "fuzz" / "seeds", root / "fixtures"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      if (e.is_regular_file()) texts.push_back(read_file(e.path()));
    }
  }
  return texts;
}

void check_lines(const std::string& text) {
  const SourceText source(text);
  Document doc;
  Scanner scanner;
  scanner.scan(source, doc);
  REQUIRE(doc.lines.size() == source.line_count());
  for (std::uint32_t i = 0; i < source.line_count(); ++i) {
    INFO("line " << i);
    if (i > 0) CHECK(doc.lines[i].begin == source.line_begin(i));
    CHECK(doc.lines[i].end == source.line_end(i));
    CHECK(doc.lines[i].line_end == source.line_ending(i));
  }
}

void check_list_depths(const std::string& text) {
  const SourceText source(text);
  Document doc;
  Scanner scanner;
  scanner.scan(source, doc);
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& block = doc.blocks[i];
    std::uint16_t lists = 0;
    for (std::int32_t p = block.parent; p != kNone; p = doc.blocks[p].parent) {
      const BlockKind k = doc.blocks[p].kind;
      if (k == BlockKind::BulletList || k == BlockKind::OrderedList) ++lists;
    }
    INFO("block " << i);
    if (block.kind == BlockKind::BulletList || block.kind == BlockKind::OrderedList) {
      CHECK(block.list_depth == lists);
    } else if (block.kind == BlockKind::ListItem) {
      CHECK(block.list_depth == (lists > 0 ? lists - 1 : 0));
    }
  }
}

}  // namespace

TEST_CASE("line_near answers as SourceText::line_of, from any hint", "[scanner]") {
  std::vector<std::string> texts = kTexts;
  texts.push_back(std::string(300, '\n'));
  for (const std::string& text : texts) {
    const SourceText source(text);
    // One CHECK per text: there are tens of thousands of pairs.
    std::size_t wrong = 0;
    std::string first_wrong;
    for (Offset offset = 0; offset <= source.size() + 2; ++offset) {
      for (std::uint32_t hint = 0; hint <= source.line_count() + 1; ++hint) {
        if (line_near(source, offset, hint) != source.line_of(offset) && wrong++ == 0) {
          first_wrong = "offset " + std::to_string(offset) + ", hint " + std::to_string(hint);
        }
      }
    }
    INFO("text: " << text << "; first wrong at " << first_wrong);
    CHECK(wrong == 0);
  }
}

TEST_CASE("scanner: line ends as SourceText has them", "[scanner]") {
  for (const std::string& text : kTexts)
    check_lines(text);
  for (const std::string& text : seeds_and_fixtures())
    check_lines(text);
}

TEST_CASE("scanner: list depth counts the lists among a block's ancestors", "[scanner]") {
  const std::vector<std::string> nested = {
      "- a\n  - b\n    - c\n  - d\n- e\n",
      "1. a\n   - b\n     1) c\n\n2. d\n",
      "> - a\n>   - b\n> > - c\n\n- > - d\n",
      "- a\n\n  ```\n  - not a list\n  ```\n- | t |\n  |---|\n  | - |\n",
      "- - - a\n    - b\n- \n  -\n",
      "* a\n+ b\n- c\n",
  };
  for (const std::string& text : nested)
    check_list_depths(text);
  for (const std::string& text : seeds_and_fixtures())
    check_list_depths(text);
}

TEST_CASE("scanner: trailing whitespace with U+3000 and stray 0x80 bytes", "[scanner]") {
  // Line by line: text, then where its trailing whitespace starts (from
  // the line's first byte).
  const std::vector<std::pair<std::string, Offset>> lines = {
      {"\x80", 1},
      {"\x80\x80", 2},
      {"a\x80\x80", 3},
      {"\xE3\x80\x80", 0},  // not indentation (spaces and tabs only): all trailing
      {"a\xE3\x80\x80", 1},
      {"a \xE3\x80\x80\t\xE3\x80\x80", 1},
      {"a\xE3\x80\x80\x80", 5},
      {"\xE3\x80", 2},
      {"- a\xE3\x80\x80 ", 3},
  };
  std::string text;
  for (const auto& line : lines)
    text += line.first + "\n";
  const SourceText source(text);
  Document doc;
  Scanner scanner;
  scanner.scan(source, doc);
  for (std::uint32_t i = 0; i < lines.size(); ++i) {
    INFO("line " << i);
    CHECK(doc.lines[i].trailing_ws == doc.lines[i].begin + lines[i].second);
  }
}

TEST_CASE("scanner: bullets told from thematic breaks", "[scanner]") {
  // A bullet whose content does not start with its own character is told
  // apart before the break test: both answers, and where content starts.
  struct Case {
    std::string text;
    LineShape shape;
    Offset content_begin;  // from the line's first byte, for bullets
  };
  const std::vector<Case> cases = {
      {"-", LineShape::Bullet, 1},
      {"- ", LineShape::Bullet, 2},
      {"-\t", LineShape::Bullet, 2},
      {"- -", LineShape::Bullet, 2},
      {"* *", LineShape::Bullet, 2},
      {"- x", LineShape::Bullet, 2},
      {"-   x", LineShape::Bullet, 4},
      {"- -x", LineShape::Bullet, 2},
      {"* -", LineShape::Bullet, 2},
      {"- * -", LineShape::Bullet, 2},
      {"+ + +", LineShape::Bullet, 2},
      {"  - x", LineShape::Bullet, 4},
      {"- - -", LineShape::ThematicBreak, 0},
      {"-  - -", LineShape::ThematicBreak, 0},
      {"- --", LineShape::ThematicBreak, 0},
      {"* * *", LineShape::ThematicBreak, 0},
      {"*\t*\t*", LineShape::ThematicBreak, 0},
      {"_ _ _", LineShape::ThematicBreak, 0},
      {"---", LineShape::ThematicBreak, 0},
      {"  - - -  ", LineShape::ThematicBreak, 0},
      {"_ x", LineShape::Text, 0},
      {"--", LineShape::Text, 0},
      {"-x", LineShape::DashNoSpace, 1},
  };
  for (const Case& c : cases) {
    const std::string text = c.text + "\n";
    const SourceText source(text);
    Document doc;
    Scanner scanner;
    scanner.scan(source, doc);
    INFO("line '" << c.text << "'");
    CHECK(doc.lines[0].shape == c.shape);
    if (c.shape == LineShape::Bullet || c.shape == LineShape::DashNoSpace) {
      CHECK(doc.lines[0].content_begin == c.content_begin);
    }
  }
}
