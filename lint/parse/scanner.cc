#include "parse/scanner.h"

#include <md4c.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "parse/defuse.h"

namespace digestlint {

unsigned md4c_flags() {
  return MD_DIALECT_GITHUB;
}

std::uint32_t line_near(const SourceText& source, Offset offset, std::uint32_t hint) {
  const std::uint32_t count = source.line_count();
  if (hint < count && source.line_begin(hint) <= offset) {
    if (hint + 1 == count || offset < source.line_begin(hint + 1)) return hint;
    if (hint + 2 == count || offset < source.line_begin(hint + 2)) return hint + 1;
  }
  return source.line_of(offset, hint);
}

namespace {

bool is_space_or_tab(char c) {
  return c == ' ' || c == '\t';
}

// U+3000 IDEOGRAPHIC SPACE, which Japanese input methods leave at line ends.
// For end > from. The last byte first: it rules out nearly every line.
bool ends_with_ideographic_space(const char* b, Offset from, Offset end) {
  return static_cast<unsigned char>(b[end - 1]) == 0x80 && end >= from + 3 &&
         static_cast<unsigned char>(b[end - 2]) == 0x80 &&
         static_cast<unsigned char>(b[end - 3]) == 0xE3;
}

bool is_thematic_break(const char* b, Offset i, Offset end) {
  const char c = b[i];
  int count = 0;
  for (; i < end; ++i) {
    if (b[i] == c) {
      ++count;
    } else if (!is_space_or_tab(b[i])) {
      return false;
    }
  }
  return count >= 3;
}

// The shape of one line, from its bytes alone.
void shape_line(const char* b, Line& line) {
  Offset i = line.begin;
  while (i < line.end && b[i] == ' ')  // nearly every indentation: spaces alone
    ++i;
  std::uint32_t col = i - line.begin;
  for (; i < line.end && is_space_or_tab(b[i]); ++i) {
    if (b[i] == '\t') {
      line.tab_in_indent = true;
      col = (col / 4 + 1) * 4;
    } else {
      ++col;
    }
  }
  line.indent_end = i;
  line.indent = static_cast<std::uint16_t>(std::min<std::uint32_t>(col, 0xFFFF));
  line.marker_begin = line.marker_end = line.content_begin = i;

  Offset t = line.end;
  while (t > i) {
    if (is_space_or_tab(b[t - 1])) {
      --t;
    } else if (ends_with_ideographic_space(b, i, t)) {
      t -= 3;
    } else {
      break;
    }
  }
  line.trailing_ws = t;

  if (i == line.end) {
    line.shape = LineShape::Blank;
    return;
  }
  line.shape = LineShape::Text;
  const char c = b[i];
  const Offset end = line.end;
  auto after_ws = [&](Offset p) {
    while (p < end && is_space_or_tab(b[p]))
      ++p;
    return p;
  };

  if (c == '#') {
    Offset p = i;
    while (p < end && b[p] == '#')
      ++p;
    if (p - i <= 6 && (p == end || is_space_or_tab(b[p]))) {
      line.shape = LineShape::AtxHeading;
      line.marker_end = p;
      line.content_begin = after_ws(p);
    }
    return;
  }
  if (c == '-' || c == '*' || c == '+' || c == '_') {
    if (c != '_' && (i + 1 == end || is_space_or_tab(b[i + 1]))) {
      // A marker and its spacing: a break only if the content starts with
      // the marker's character again ("- - -"); a list item ("- text") is
      // told from the bytes already read.
      const Offset content = after_ws(i + 1);
      if (content == end || b[content] != c) {
        line.shape = LineShape::Bullet;
        line.marker = c;
        line.marker_end = i + 1;
        line.content_begin = content;
        return;
      }
    }
    if (c != '+' && is_thematic_break(b, i, end)) {
      line.shape = LineShape::ThematicBreak;
      return;
    }
    if (c == '_') return;
    if (i + 1 == end || is_space_or_tab(b[i + 1])) {
      line.shape = LineShape::Bullet;
      line.marker = c;
      line.marker_end = i + 1;
      line.content_begin = after_ws(i + 1);
    } else if (c == '-' && b[i + 1] != '-') {
      line.shape = LineShape::DashNoSpace;
      line.marker = c;
      line.marker_end = line.content_begin = i + 1;
    }
    return;
  }
  if (c >= '0' && c <= '9') {
    Offset p = i;
    while (p < end && p - i < 10 && b[p] >= '0' && b[p] <= '9')
      ++p;
    if (p - i <= 9 && p < end && (b[p] == '.' || b[p] == ')') &&
        (p + 1 == end || is_space_or_tab(b[p + 1]))) {
      line.shape = LineShape::Ordered;
      line.marker = b[p];
      line.marker_end = p + 1;
      line.content_begin = after_ws(p + 1);
    }
    return;
  }
  if (c == '`' || c == '~') {
    Offset p = i;
    while (p < end && b[p] == c)
      ++p;
    if (p - i >= 3) line.shape = LineShape::Fence;
  }
}

// Where a line's innermost content starts, after its indentation and any
// container prefixes ("> ", "- ", "1. "): an empty heading, a break or a
// fence inside a quote or an item ("> ##", "- #") has its shape there.
Offset inner_content(const char* b, const Line& line) {
  Offset p = line.indent_end;
  const Offset end = line.end;
  auto skip_ws = [&] {
    while (p < end && is_space_or_tab(b[p]))
      ++p;
  };
  for (;;) {
    if (p < end && b[p] == '>') {
      ++p;
    } else if (p < end && (b[p] == '-' || b[p] == '*' || b[p] == '+') &&
               (p + 1 == end || is_space_or_tab(b[p + 1]))) {
      ++p;
    } else if (p < end && b[p] >= '0' && b[p] <= '9') {
      Offset q = p;
      while (q < end && q - p < 10 && b[q] >= '0' && b[q] <= '9')
        ++q;
      if (q - p > 9 || q == end || (b[q] != '.' && b[q] != ')') ||
          (q + 1 < end && !is_space_or_tab(b[q + 1]))) {
        return p;
      }
      p = q + 1;
    } else {
      return p;
    }
    skip_ws();
  }
}

// A list marker, after any quote prefixes: "- a", "> 1. a", "> -".
bool marker_line(const char* b, const Line& line) {
  if (line.shape == LineShape::Bullet || line.shape == LineShape::Ordered) return true;
  Offset p = line.indent_end;
  if (p >= line.end || b[p] != '>') return false;
  while (p < line.end && (b[p] == '>' || is_space_or_tab(b[p])))
    ++p;
  if (p >= line.end) return false;
  if (b[p] == '-' || b[p] == '*' || b[p] == '+') {
    return (p + 1 == line.end || is_space_or_tab(b[p + 1])) && !is_thematic_break(b, p, line.end);
  }
  const Offset start = p;
  while (p < line.end && p - start < 10 && b[p] >= '0' && b[p] <= '9')
    ++p;
  return p > start && p - start <= 9 && p < line.end && (b[p] == '.' || b[p] == ')') &&
         (p + 1 == line.end || is_space_or_tab(b[p + 1]));
}

bool inner_atx_heading(const char* b, const Line& line) {
  if (line.shape == LineShape::AtxHeading) return true;
  Offset p = inner_content(b, line);
  const Offset start = p;
  while (p < line.end && b[p] == '#')
    ++p;
  return p > start && p - start <= 6 && (p == line.end || is_space_or_tab(b[p]));
}

// A setext underline of '=' or '-', after any quote prefixes: "---",
// "    -" (in an item), "> ===".
bool setext_underline(const char* b, const Line& line, char c) {
  Offset p = line.indent_end;
  while (p < line.trailing_ws && (b[p] == '>' || is_space_or_tab(b[p])))
    ++p;
  if (p >= line.trailing_ws) return false;
  for (; p < line.trailing_ws; ++p) {
    if (b[p] != c) return false;
  }
  return true;
}

bool inner_thematic_break(const char* b, const Line& line) {
  if (line.shape == LineShape::ThematicBreak) return true;
  const Offset p = inner_content(b, line);
  return p < line.end && (b[p] == '-' || b[p] == '*' || b[p] == '_') &&
         is_thematic_break(b, p, line.end);
}

bool inner_fence(const char* b, const Line& line) {
  if (line.shape == LineShape::Fence) return true;
  Offset p = inner_content(b, line);
  const Offset start = p;
  if (p >= line.end || (b[p] != '`' && b[p] != '~')) return false;
  while (p < line.end && b[p] == b[start])
    ++p;
  return p - start >= 3;
}

BlockKind block_kind(MD_BLOCKTYPE type) {
  switch (type) {
    case MD_BLOCK_DOC:
      return BlockKind::Document;
    case MD_BLOCK_QUOTE:
      return BlockKind::Quote;
    case MD_BLOCK_UL:
      return BlockKind::BulletList;
    case MD_BLOCK_OL:
      return BlockKind::OrderedList;
    case MD_BLOCK_LI:
      return BlockKind::ListItem;
    case MD_BLOCK_HR:
      return BlockKind::ThematicBreak;
    case MD_BLOCK_H:
      return BlockKind::Heading;
    case MD_BLOCK_CODE:
      return BlockKind::Code;
    case MD_BLOCK_HTML:
      return BlockKind::Html;
    case MD_BLOCK_P:
      return BlockKind::Paragraph;
    case MD_BLOCK_TABLE:
      return BlockKind::Table;
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    case MD_BLOCK_TR:
      return BlockKind::TableRow;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      return BlockKind::TableCell;
  }
  return BlockKind::Paragraph;
}

// Receives md4c's events. md4c reports no positions, so blocks are placed
// on lines here:
// - a leaf block (paragraph, heading, code, HTML, table cell) at the line
//   of its first text;
// - a list item at its marker's line: the line of its first text when the
//   marker is there, else the last marker line before that text; an item
//   with no text of its own at the next marker line, found when its first
//   child opens (the child may share the line: "- - nested") or when it
//   closes (an empty "-");
// - an empty heading, a thematic break or a fence at the next raw line of
//   that shape;
// - a container (document, quote, list, table, row) at the line of its
//   first placed descendant.
// `next_line_` is the first line a block not yet placed can start on.
class Builder {
 public:
  Builder(const SourceText& source, const char* parse_base, Document& doc)
      : source_(source),
        base_(parse_base),
        base_end_(reinterpret_cast<std::uintptr_t>(parse_base) + source.size()),
        doc_(doc) {}

  int enter_block(MD_BLOCKTYPE type, void* detail);
  int leave_block(MD_BLOCKTYPE type);
  int enter_span(MD_SPANTYPE type, void* detail);
  int leave_span(MD_SPANTYPE type);
  int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size);

 private:
  bool in_buffer(const MD_CHAR* p, MD_SIZE size) const {
    const auto a = reinterpret_cast<std::uintptr_t>(p);
    const auto lo = reinterpret_cast<std::uintptr_t>(base_);
    return a >= lo && a + size <= base_end_;
  }
  Offset offset_of(const MD_CHAR* p) const {
    return static_cast<Offset>(reinterpret_cast<std::uintptr_t>(p) -
                               reinterpret_cast<std::uintptr_t>(base_));
  }
  std::uint32_t last_line() const { return source_.line_count() - 1; }
  std::uint32_t clamp(std::uint32_t line) const { return std::min(line, last_line()); }
  // The next line from `from` of one shape. Searches start at next_line_,
  // which only grows, so each shape keeps where its last search ended: a
  // search from at most that line has the same answer, and the lines
  // scanned over a whole document are disjoint (linear, even when "> #"
  // lines make every search of a plain-shape scan run to the end).
  struct ShapeCursor {
    std::uint32_t searched_from = 0;
    std::uint32_t found = kNotSearched;  // a line, lines.size() for none
    static constexpr std::uint32_t kNotSearched = 0xFFFFFFFF;
  };
  template <typename Pred>
  std::uint32_t find_line(ShapeCursor& cursor, std::uint32_t from, Pred pred) const {
    if (cursor.found == ShapeCursor::kNotSearched || from < cursor.searched_from ||
        from > cursor.found) {
      cursor.searched_from = from;
      cursor.found = static_cast<std::uint32_t>(doc_.lines.size());
      for (std::uint32_t l = from; l < doc_.lines.size(); ++l) {
        if (pred(doc_.lines[l])) {
          cursor.found = l;
          break;
        }
      }
    }
    return cursor.found < doc_.lines.size() ? cursor.found : clamp(from);
  }
  static bool is_container(BlockKind k) {
    return k == BlockKind::Document || k == BlockKind::Quote || k == BlockKind::BulletList ||
           k == BlockKind::OrderedList || k == BlockKind::Table || k == BlockKind::TableRow;
  }
  void place(std::int32_t index, std::uint32_t line);
  void place_item_before(std::int32_t index, std::uint32_t limit);
  void place_by_shape(std::int32_t index);
  void place_for_text(Offset offset, std::uint32_t line);
  void mark_lines(std::uint32_t first, std::uint32_t last, LineRole role);
  void finish_heading(std::int32_t index);
  void finish_code(std::int32_t index);

  const SourceText& source_;
  const char* base_;
  std::uintptr_t base_end_;  // where the parsed buffer ends
  Document& doc_;
  std::vector<std::int32_t> stack_;
  std::vector<std::int32_t> links_;  // open link spans (indices into doc_.links)
  std::vector<std::uint32_t> link_first_run_;
  // Hrefs md4c copied (unescaped, or "http://" added to "www."): md4c frees
  // them after the callback, and leave_span needs them to spot autolinks.
  std::vector<std::string> copied_href_;
  int emphasis_depth_ = 0;
  int image_depth_ = 0;
  std::uint32_t next_line_ = 0;
  std::uint32_t line_hint_ = 0;   // the line of the last text's end
  std::uint16_t open_lists_ = 0;  // lists on stack_
  ShapeCursor marker_cursor_, heading_cursor_, break_cursor_, fence_cursor_;
  ShapeCursor setext1_cursor_, setext2_cursor_;
};

// Places a block, and the containers above it that are still unplaced.
void Builder::place(std::int32_t index, std::uint32_t line) {
  line = clamp(line);
  Block& block = doc_.blocks[index];
  block.anchored = true;
  block.first_line = block.last_line = line;
  Line& l = doc_.lines[line];
  if (block.kind == BlockKind::ListItem) {
    if (l.item == kNone) l.item = index;
    if (l.role == LineRole::None || l.role == LineRole::Paragraph) l.role = LineRole::ItemStart;
  }
  for (std::int32_t p = block.parent; p != kNone && !doc_.blocks[p].anchored;
       p = doc_.blocks[p].parent) {
    if (doc_.blocks[p].kind == BlockKind::ListItem) {
      place_item_before(p, line);
    } else {
      doc_.blocks[p].anchored = true;
      doc_.blocks[p].first_line = doc_.blocks[p].last_line = line;
    }
  }
}

// An item whose content starts on `limit`: its marker is on the last marker
// line from next_line_ up to `limit`.
void Builder::place_item_before(std::int32_t index, std::uint32_t limit) {
  std::uint32_t at = limit;
  const char* b = source_.bytes().data();
  for (std::uint32_t p = limit + 1; p-- > next_line_ && p <= limit;) {
    if (marker_line(b, doc_.lines[p])) {
      at = p;
      break;
    }
  }
  place(index, at);
}

void Builder::place_by_shape(std::int32_t index) {
  const Block& block = doc_.blocks[index];
  const std::uint32_t from = clamp(next_line_);
  const char* b = source_.bytes().data();
  std::uint32_t line = from;
  switch (block.kind) {
    case BlockKind::ListItem:
      line = find_line(marker_cursor_, from, [b](const Line& l) { return marker_line(b, l); });
      break;
    case BlockKind::Heading: {
      // No text in the buffer ("\0", "![](x)" as its text): the next
      // ATX-shaped line, or the next line over a setext underline.
      line =
          find_line(heading_cursor_, from, [b](const Line& l) { return inner_atx_heading(b, l); });
      if (block.level <= 2) {
        const char underline = block.level == 1 ? '=' : '-';
        const std::vector<Line>& lines = doc_.lines;
        ShapeCursor& cursor = block.level == 1 ? setext1_cursor_ : setext2_cursor_;
        const std::uint32_t text_line = find_line(cursor, from, [&](const Line& l) {
          const auto next = static_cast<std::size_t>(&l - lines.data()) + 1;
          return !l.blank() && next < lines.size() && setext_underline(b, lines[next], underline);
        });
        if (text_line < line && setext_underline(b, lines[text_line + 1], underline)) {
          place(index, text_line);
          return;
        }
      }
      break;
    }
    case BlockKind::ThematicBreak:
      line =
          find_line(break_cursor_, from, [b](const Line& l) { return inner_thematic_break(b, l); });
      break;
    case BlockKind::Code:
      if (block.mark != 0) {
        line = find_line(fence_cursor_, from, [b](const Line& l) { return inner_fence(b, l); });
      }
      break;
    default:
      // A block without text and without a shape of its own (an empty
      // table cell): where its parent is.
      if (block.parent != kNone && doc_.blocks[block.parent].anchored) {
        line = doc_.blocks[block.parent].first_line;
      }
      break;
  }
  place(index, line);
}

// The first text of the innermost open block: place it and whatever above
// it is still unplaced.
void Builder::place_for_text(Offset offset, std::uint32_t line) {
  if (stack_.empty()) return;
  const std::int32_t index = stack_.back();
  if (doc_.blocks[index].anchored) return;
  if (doc_.blocks[index].kind == BlockKind::ListItem) {
    // Text directly in an item (a tight list): on the marker's line, or
    // below a marker alone on its line.
    const Line& l = doc_.lines[line];
    if ((l.shape == LineShape::Bullet || l.shape == LineShape::Ordered) && l.marker_end <= offset) {
      place(index, line);
    } else {
      place_item_before(index, line);
    }
    return;
  }
  place(index, line);
}

void Builder::mark_lines(std::uint32_t first, std::uint32_t last, LineRole role) {
  for (std::uint32_t l = first; l <= last && l < doc_.lines.size(); ++l) {
    Line& line = doc_.lines[l];
    if (role == LineRole::Paragraph &&
        (line.role == LineRole::ItemStart || line.role == LineRole::Heading)) {
      continue;
    }
    line.role = role;
  }
}

int Builder::enter_block(MD_BLOCKTYPE type, void* detail) {
  const auto index = static_cast<std::int32_t>(doc_.blocks.size());
  Block block;
  block.kind = block_kind(type);
  block.parent = stack_.empty() ? kNone : stack_.back();
  block.first_run = block.end_run = static_cast<std::uint32_t>(doc_.runs.size());
  const std::uint16_t lists = open_lists_;
  switch (type) {
    case MD_BLOCK_UL:
      ++open_lists_;
      block.list_depth = lists;
      block.mark = static_cast<MD_BLOCK_UL_DETAIL*>(detail)->mark;
      block.tight = static_cast<MD_BLOCK_UL_DETAIL*>(detail)->is_tight != 0;
      break;
    case MD_BLOCK_OL:
      ++open_lists_;
      block.list_depth = lists;
      block.mark = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->mark_delimiter;
      block.tight = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->is_tight != 0;
      break;
    case MD_BLOCK_LI:
      block.list_depth = lists > 0 ? lists - 1 : 0;
      break;
    case MD_BLOCK_H:
      block.level = static_cast<std::uint8_t>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
      break;
    case MD_BLOCK_CODE:
      block.mark = static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->fence_char;
      break;
    default:
      break;
  }
  // A child block other than the paragraph holding an item's own text:
  // an item still without text starts at the next marker line, which the
  // child may share ("- - nested"), so next_line_ stays.
  if (type != MD_BLOCK_P && !stack_.empty()) {
    const std::int32_t open = stack_.back();
    if (doc_.blocks[open].kind == BlockKind::ListItem && !doc_.blocks[open].anchored) {
      place_by_shape(open);
    }
  }
  doc_.blocks.push_back(block);
  stack_.push_back(index);
  // A fence is placed at once: its first text is on the line below it.
  if (type == MD_BLOCK_CODE && block.mark != 0) place_by_shape(index);
  return 0;
}

void Builder::finish_heading(std::int32_t index) {
  Block& block = doc_.blocks[index];
  Heading h;
  h.block = index;
  h.level = block.level;
  h.line = block.first_line;
  const Line& line = doc_.lines[h.line];
  const char* b = source_.bytes().data();
  if (inner_atx_heading(b, line)) {
    // Text between the opening #s and an optional closing run of #s.
    Offset begin = line.content_begin;
    if (line.shape != LineShape::AtxHeading) {
      // Inside a quote or an item: "> ## Title".
      begin = inner_content(b, line);
      while (begin < line.end && b[begin] == '#')
        ++begin;
      while (begin < line.end && is_space_or_tab(b[begin]))
        ++begin;
    }
    Offset end = line.trailing_ws;
    Offset p = end;
    while (p > begin && b[p - 1] == '#')
      --p;
    if (p < end && (p == begin || is_space_or_tab(b[p - 1]))) {
      end = p;
      while (end > begin && is_space_or_tab(b[end - 1]))
        --end;
    }
    h.text = {begin, std::max(begin, end)};
  } else {
    h.setext = true;
    const Offset begin = inner_content(b, line);
    h.text = {begin, std::max(begin, doc_.lines[block.last_line].trailing_ws)};
    const std::uint32_t underline = block.last_line + 1;
    if (underline < doc_.lines.size()) {
      doc_.lines[underline].role = LineRole::SetextUnderline;
      block.last_line = underline;
    }
  }
  for (std::uint32_t l = block.first_line; l <= block.last_line; ++l) {
    if (doc_.lines[l].role != LineRole::SetextUnderline) doc_.lines[l].role = LineRole::Heading;
    doc_.lines[l].heading = static_cast<std::int32_t>(doc_.headings.size());
  }
  doc_.headings.push_back(h);
}

void Builder::finish_code(std::int32_t index) {
  Block& block = doc_.blocks[index];
  if (block.mark != 0) {
    // Fenced: extend over the closing fence when it directly follows.
    const std::uint32_t after = block.last_line + 1;
    if (after < doc_.lines.size() && doc_.lines[after].shape == LineShape::Fence) {
      const Line& l = doc_.lines[after];
      if (source_.bytes()[l.indent_end] == block.mark) block.last_line = after;
    }
  }
  mark_lines(block.first_line, block.last_line, LineRole::Code);
}

int Builder::leave_block(MD_BLOCKTYPE type) {
  const std::int32_t index = stack_.back();
  if (!doc_.blocks[index].anchored) place_by_shape(index);
  stack_.pop_back();
  Block& block = doc_.blocks[index];
  if (block.kind == BlockKind::BulletList || block.kind == BlockKind::OrderedList) --open_lists_;
  block.end_run = static_cast<std::uint32_t>(doc_.runs.size());
  if (block.first_run < block.end_run) {
    const TextRun& last = doc_.runs[block.end_run - 1];
    // The block's last run is most often the last text seen: start the
    // look-up at its line (line_near checks the hint, so any hint is right).
    const std::uint32_t hint = std::max(block.first_line, line_hint_);
    block.last_line = std::max(
        block.last_line,
        line_near(source_,
                  last.range.end > last.range.begin ? last.range.end - 1 : last.range.begin, hint));
  }
  switch (type) {
    case MD_BLOCK_H:
      finish_heading(index);
      break;
    case MD_BLOCK_CODE:
      finish_code(index);
      break;
    case MD_BLOCK_HTML: {
      mark_lines(block.first_line, block.last_line, LineRole::Html);
      // Comment lines run from a line starting "<!--" to the line holding
      // its "-->"; md4c may continue the HTML block past it ("<!-- a -->"
      // then "<div>"), and those lines are not comments.
      bool in_comment = false;
      for (std::uint32_t l = block.first_line; l <= block.last_line; ++l) {
        Line& line = doc_.lines[l];
        const std::string_view text =
            source_.bytes().substr(line.indent_end, line.end - line.indent_end);
        std::size_t from = 0;
        if (!in_comment && text.substr(0, 4) == "<!--") {
          in_comment = true;
          from = 4;
        }
        line.comment = in_comment;
        if (in_comment && text.find("-->", from) != std::string_view::npos) in_comment = false;
      }
      break;
    }
    case MD_BLOCK_P:
      mark_lines(block.first_line, block.last_line, LineRole::Paragraph);
      break;
    case MD_BLOCK_LI:
      // A tight item's text has no paragraph block: its lines are text too.
      // Runs are in document order: each look-up starts at the last one's.
      for (std::uint32_t r = block.first_run, hint = block.first_line; r < block.end_run; ++r) {
        const TextRun& run = doc_.runs[r];
        if (run.block != index) continue;
        const std::uint32_t first = line_near(source_, run.range.begin, hint);
        hint = line_near(source_, run.range.end - 1, first);
        mark_lines(first, hint, LineRole::Paragraph);
      }
      break;
    case MD_BLOCK_HR:
      mark_lines(block.first_line, block.first_line, LineRole::ThematicBreak);
      break;
    case MD_BLOCK_TABLE: {
      // The delimiter row has no text; a header-only table ends with it.
      std::uint32_t last = block.last_line;
      if (last == block.first_line && last + 1 < doc_.lines.size()) ++last;
      block.last_line = last;
      mark_lines(block.first_line, last, LineRole::Table);
      break;
    }
    default:
      break;
  }
  if (block.parent != kNone) {
    Block& parent = doc_.blocks[block.parent];
    parent.last_line = std::max(parent.last_line, block.last_line);
  }
  next_line_ = std::max(next_line_, block.last_line + 1);
  return 0;
}

int Builder::enter_span(MD_SPANTYPE type, void* detail) {
  switch (type) {
    case MD_SPAN_EM:
    case MD_SPAN_STRONG:
      ++emphasis_depth_;
      break;
    case MD_SPAN_IMG:
      ++image_depth_;
      break;
    case MD_SPAN_A: {
      const auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
      Link link;
      if (a->href.text != nullptr && in_buffer(a->href.text, a->href.size)) {
        const Offset o = offset_of(a->href.text);
        link.href = {o, o + a->href.size};
      }
      copied_href_.emplace_back(link.href.empty() && a->href.text != nullptr
                                    ? std::string(a->href.text, a->href.size)
                                    : std::string());
      links_.push_back(static_cast<std::int32_t>(doc_.links.size()));
      link_first_run_.push_back(static_cast<std::uint32_t>(doc_.runs.size()));
      doc_.links.push_back(link);
      break;
    }
    default:
      break;
  }
  return 0;
}

int Builder::leave_span(MD_SPANTYPE type) {
  switch (type) {
    case MD_SPAN_EM:
    case MD_SPAN_STRONG:
      --emphasis_depth_;
      break;
    case MD_SPAN_IMG:
      --image_depth_;
      break;
    case MD_SPAN_A: {
      if (links_.empty()) break;
      Link& link = doc_.links[links_.back()];
      const std::uint32_t first = link_first_run_.back();
      const std::string copied = std::move(copied_href_.back());
      links_.pop_back();
      link_first_run_.pop_back();
      copied_href_.pop_back();
      const auto end = static_cast<std::uint32_t>(doc_.runs.size());
      if (first < end) link.text = {doc_.runs[first].range.begin, doc_.runs[end - 1].range.end};
      // An autolink's text is its URL: the href points at the same bytes
      // (or, copied, was made from them) and nothing was written around it.
      if (!link.href.empty()) {
        link.autolink = link.href.begin == link.text.begin;
      } else if (!copied.empty() && !link.text.empty() &&
                 !(link.text.end < source_.size() && source_.bytes()[link.text.end] == ']')) {
        // (Text followed by "]" is an explicit link "[url](url)" whose
        // destination md4c copied to decode entities: not an autolink.)
        const std::string_view t = source_.slice(link.text);
        const std::string_view h = copied;
        link.autolink =
            h == t ||
            (h.size() == t.size() + 7 && h.substr(0, 7) == "http://" && h.substr(7) == t) ||
            (h.size() == t.size() + 7 && h.substr(0, 7) == "mailto:" && h.substr(7) == t);
      }
      if (link.autolink) {
        if (link.href.empty()) link.href = link.text;
        for (std::uint32_t r = first; r < end; ++r)
          doc_.runs[r].kind = RunKind::Url;
      }
      break;
    }
    default:
      break;
  }
  return 0;
}

int Builder::text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
  // Static strings (breaks, NUL replacements, joins) have no position.
  if (size == 0 || !in_buffer(text, size)) return 0;
  const Offset begin = offset_of(text);
  const std::uint32_t line = line_near(source_, begin, line_hint_);
  place_for_text(begin, line);
  line_hint_ = line_near(source_, begin + size - 1, line);
  next_line_ = std::max(next_line_, line_hint_ + 1);

  TextRun run;
  run.range = {begin, begin + size};
  run.block = stack_.empty() ? kNone : stack_.back();
  run.emphasis = emphasis_depth_ > 0;
  switch (type) {
    case MD_TEXT_CODE:
      run.kind = RunKind::Code;
      break;
    case MD_TEXT_HTML:
      run.kind = RunKind::Html;
      break;
    case MD_TEXT_ENTITY:
      run.kind = RunKind::Entity;
      break;
    default:
      run.kind = links_.empty() ? RunKind::Text : RunKind::LinkText;
      break;
  }
  if (run.block != kNone && doc_.blocks[run.block].kind == BlockKind::Code) {
    run.kind = RunKind::Code;
  }
  doc_.runs.push_back(run);
  return 0;
}

}  // namespace

void Scanner::scan(const SourceText& source, Document& doc) {
  doc.clear();
  const std::string_view bytes = source.bytes();
  const char* b = bytes.data();
  // A UTF-8 byte order mark is not text (utf8-bom reports it): md4c parses
  // from after it, so "<BOM># Daily Security Info" is still the title, and
  // the first line starts after it. Offsets stay those of the buffer.
  const Offset bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::uint32_t line_count = source.line_count();
  doc.lines.resize(line_count);
  for (std::uint32_t i = 0; i < line_count; ++i) {
    Line& line = doc.lines[i];
    const Offset begin = source.line_begin(i);
    line.begin = i == 0 ? bom : begin;
    // SourceText::line_end and line_ending, from the next line's start:
    // once per line, without a call each.
    if (i + 1 < line_count) {
      const Offset last = source.line_begin(i + 1) - 1;  // the LF or lone CR
      if (b[last] == '\r') {
        line.end = last;
        line.line_end = LineEnd::Cr;
      } else if (last > begin && b[last - 1] == '\r') {
        line.end = last - 1;
        line.line_end = LineEnd::CrLf;
      } else {
        line.end = last;
        line.line_end = LineEnd::Lf;
      }
    } else {
      line.end = source.size();
      line.line_end = LineEnd::None;
    }
    shape_line(b, line);
  }

  // md4c reads a copy only when some construct had to be defused; otherwise
  // it parses the caller's buffer directly.
  const char* parse_base = b;
  if (defuse(bytes, defused_copy_, doc.defused)) parse_base = defused_copy_.data();

  Builder builder(source, parse_base, doc);
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = md4c_flags();
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
    return static_cast<Builder*>(u)->enter_block(t, d);
  };
  parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) {
    return static_cast<Builder*>(u)->leave_block(t);
  };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) {
    return static_cast<Builder*>(u)->enter_span(t, d);
  };
  parser.leave_span = [](MD_SPANTYPE t, void*, void* u) {
    return static_cast<Builder*>(u)->leave_span(t);
  };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
    return static_cast<Builder*>(u)->text(t, s, n);
  };
  md_parse(parse_base + bom, static_cast<MD_SIZE>(bytes.size() - bom), &parser, &builder);
}

}  // namespace digestlint
