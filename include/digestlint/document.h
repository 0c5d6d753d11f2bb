// The document model: built once per file by the scanner (md4c events plus a
// raw-line pass), then read by every rule. Nothing here owns text: ranges
// point into the linted buffer.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "digestlint/diagnostic.h"
#include "digestlint/source.h"

namespace digestlint {

inline constexpr std::int32_t kNone = -1;

// What a line looks like before Markdown decides what it is.
enum class LineShape : std::uint8_t {
  Blank,          // only spaces and tabs
  Text,           // anything else
  AtxHeading,     // up to 3 spaces, 1-6 '#', then space or end
  Bullet,         // '-', '*' or '+' followed by whitespace or end
  Ordered,        // 1-9 digits, '.' or ')', then whitespace or end
  DashNoSpace,    // '-' directly followed by text: "-[title](url)"
  ThematicBreak,  // "---", "***", "- - -"
  Fence,          // ``` or ~~~ (three or more)
};

// What md4c made of the line. Rules trust this over the shape: a
// bullet-shaped line inside a code block is code.
enum class LineRole : std::uint8_t {
  None,             // blank, or no md4c event (e.g. a link reference definition)
  Heading,          // ATX heading line, or the text line of a setext heading
  SetextUnderline,  // the "===" / "---" line under a setext heading
  ItemStart,        // the line holding a list item's marker
  Paragraph,        // paragraph text (including an item's continuation lines)
  Code,             // fenced (fences included) or indented code
  Html,             // an HTML block line
  Table,
  ThematicBreak,
};

struct Line {
  Offset begin = 0;       // first byte of the line
  Offset end = 0;         // end of content, line end excluded
  Offset indent_end = 0;  // first byte that is not a space or tab
  Offset marker_begin = 0;
  Offset marker_end = 0;     // past the marker ("-", "12.")
  Offset content_begin = 0;  // past the marker and the whitespace after it
  Offset trailing_ws = 0;    // start of trailing spaces, tabs and U+3000 (== end if none)
  std::uint16_t indent = 0;  // leading columns, a tab advancing to the next multiple of 4
  LineShape shape = LineShape::Blank;
  LineRole role = LineRole::None;
  LineEnd line_end = LineEnd::None;
  char marker = 0;  // '-', '*', '+', or '.' / ')' for ordered items
  bool tab_in_indent = false;
  bool comment = false;          // the line belongs to an HTML comment ("<!-- ... -->")
  std::int32_t item = kNone;     // list item whose marker is on this line
  std::int32_t heading = kNone;  // heading on this line

  bool blank() const { return shape == LineShape::Blank; }
  // Shaped like a list item and not inside code, HTML or a table.
  bool in_prose() const {
    return role != LineRole::Code && role != LineRole::Html && role != LineRole::Table;
  }
};

enum class BlockKind : std::uint8_t {
  Document,
  Quote,
  BulletList,
  OrderedList,
  ListItem,
  ThematicBreak,
  Heading,
  Code,
  Html,
  Paragraph,
  Table,
  TableRow,
  TableCell,
};

struct Block {
  BlockKind kind = BlockKind::Document;
  std::int32_t parent = kNone;
  std::uint32_t first_line = 0;  // 0-based
  std::uint32_t last_line = 0;   // inclusive
  std::uint32_t first_run = 0;   // text runs [first_run, end_run) in document order
  std::uint32_t end_run = 0;
  std::uint16_t list_depth = 0;  // lists and items: 0 for a top-level list
  std::uint8_t level = 0;        // heading level
  char mark = 0;                 // list marker, or fence char for code
  bool tight = true;             // lists
  bool anchored = false;         // first_line is known
};

// The kind of a text run, i.e. what a prose rule may look at.
enum class RunKind : std::uint8_t {
  Text,      // prose
  LinkText,  // prose inside [...](...)
  Url,       // an autolink's text: a bare URL or <url>
  Code,      // inline code or a code block line
  Html,      // raw HTML, inline or block
  Entity,    // "&amp;" as written
};

struct TextRun {
  ByteRange range;
  RunKind kind = RunKind::Text;
  std::int32_t block = kNone;  // innermost enclosing block
  bool emphasis = false;       // inside * or _ emphasis (or strong)
};

struct Heading {
  std::int32_t block = kNone;
  std::uint32_t line = 0;
  std::uint8_t level = 0;
  ByteRange text;  // heading text as written, markers and closing #s excluded, trimmed
  bool setext = false;
};

struct Link {
  ByteRange text;  // the link text (or the URL itself for autolinks)
  ByteRange href;  // empty when md4c had to copy it (escapes, www. prefix)
  bool autolink = false;
};

struct Document {
  std::vector<Line> lines;  // one per SourceText line
  std::vector<Block> blocks;
  std::vector<TextRun> runs;
  std::vector<Heading> headings;
  std::vector<Link> links;
  // Set when md4c could not be run on part of the input (see Scanner).
  std::vector<ByteRange> defused;

  void clear() {
    lines.clear();
    blocks.clear();
    runs.clear();
    headings.clear();
    links.clear();
    defused.clear();
  }
};

}  // namespace digestlint
