#include "model/outline.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "digestlint/text.h"

namespace digestlint {

namespace {

// A heading at one level of the tree, between its parent's heading and the
// next heading at its level or above.
struct Node {
  std::int32_t heading = kNone;
  std::uint32_t end_line = 0;  // one past its last line (subsections included)
  int spec = -1;               // index among its level's specs
  bool numbered = false;
  std::string number;  // "2-1"
  std::string parent;  // "2"
  std::int64_t n = 0;
  std::string_view name;  // the heading without its number
};

class OutlineBuilder {
 public:
  OutlineBuilder(const Document& doc, const SourceText& source, const Schema& schema,
                 Digest& digest)
      : doc_(doc), source_(source), schema_(schema), digest_(digest) {}

  void build() {
    std::vector<Node> top;
    for (const Section& s : digest_.sections) {
      const Heading& h = doc_.headings[s.heading];
      if (h.level != digest_.section_level) continue;
      Node node = read_node(s.heading, schema_.numbering);
      node.spec = s.spec;
      node.end_line = s.body_end;
      top.push_back(node);
    }
    check_numbering(top, schema_.numbering, "");
    check_counts(top, schema_.sections, "", kNone, /*top=*/true);
    for (const Node& node : top) {
      if (node.spec >= 0) check_section(schema_.sections[node.spec], node);
    }
    if (schema_.breaks_between_sections != SectionBreaks::Any) check_breaks(top);
  }

 private:
  std::string_view text(ByteRange r) const { return source_.slice(r); }
  ByteRange line_range(std::uint32_t line) const {
    return {doc_.lines[line].begin, doc_.lines[line].end};
  }
  ByteRange heading_range(std::int32_t heading) const {
    return line_range(doc_.headings[heading].line);
  }
  std::string heading_text(std::int32_t heading) const {
    return quote_for_message(text(doc_.headings[heading].text));
  }

  OutlineIssue& add(OutlineCheck check, ByteRange range, std::string message) {
    OutlineIssue issue;
    issue.check = check;
    issue.range = range;
    issue.message = std::move(message);
    digest_.outline_issues.push_back(std::move(issue));
    return digest_.outline_issues.back();
  }

  Node read_node(std::int32_t heading, const NumberingSpec& numbering) const {
    Node node;
    node.heading = heading;
    node.name = text(doc_.headings[heading].text);
    if (!numbering.empty()) {
      node.numbered = numbering.split(node.name, node.number, node.parent, node.n, node.name);
    }
    return node;
  }

  // Numbers run 1, 2, 3 under their parent's number; one gap or slip is one
  // finding, and the count goes on from what is written.
  void check_numbering(const std::vector<Node>& nodes, const NumberingSpec& numbering,
                       const std::string& parent) {
    if (numbering.empty()) return;
    std::int64_t expected = 1;
    std::string previous;
    for (const Node& node : nodes) {
      const Heading& h = doc_.headings[node.heading];
      const std::string want = numbering.number_for(parent, expected);
      if (!node.numbered) {
        OutlineIssue& issue = add(OutlineCheck::SectionNumbering, heading_range(node.heading),
                                  fmt::format("section '{}' has no number (expected '{}')",
                                              heading_text(node.heading), want));
        issue.has_fix = true;
        issue.fix_range = {h.text.begin, h.text.begin};
        issue.fix_text = numbering.prefix_for(parent, expected);
        issue.fix_label = fmt::format("number it '{}'", want);
        ++expected;
        previous = want;
        continue;
      }
      // "{n}. " under a numbered parent restarts at 1 and names no parent.
      const bool names_parent = numbering.format.find("{parent}") != std::string::npos;
      if (names_parent && node.parent != parent) {
        const std::string fixed = numbering.number_for(parent, node.n);
        OutlineIssue& issue = add(OutlineCheck::SectionNumbering, heading_range(node.heading),
                                  fmt::format("section {} is under section {} (expected {})",
                                              node.number, parent, fixed));
        issue.has_fix = true;
        issue.fix_range = {h.text.begin, static_cast<Offset>(h.text.begin + node.number.size())};
        issue.fix_text = fixed;
        issue.fix_label = fmt::format("renumber it {}", fixed);
      } else if (node.n > expected) {
        const std::string where = previous.empty()
                                      ? fmt::format("before {}", node.number)
                                      : fmt::format("between {} and {}", previous, node.number);
        if (node.n == expected + 1) {
          add(OutlineCheck::SectionNumbering, heading_range(node.heading),
              fmt::format("section {} is missing {}", want, where));
        } else {
          add(OutlineCheck::SectionNumbering, heading_range(node.heading),
              fmt::format("sections {} to {} are missing {}", want,
                          numbering.number_for(parent, node.n - 1), where));
        }
      } else if (node.n < expected) {
        add(OutlineCheck::SectionNumbering, heading_range(node.heading),
            previous.empty()
                ? fmt::format("section {} is numbered out of sequence (expected {})", node.number,
                              want)
                : fmt::format("section {} is numbered out of sequence (expected {} after {})",
                              node.number, want, previous));
        ++expected;
        previous = node.number;
        continue;
      }
      expected = node.n + 1;
      previous = node.number;
    }
  }

  // Fewer than `min` or more than `max` of a spec. At the top level a
  // required section absent altogether, a single section repeated and an
  // unknown heading are the skeleton rules' findings.
  void check_counts(const std::vector<Node>& nodes, const std::vector<SectionSpec>& specs,
                    std::string_view parent_name, std::int32_t parent_heading, bool top) {
    std::vector<std::int64_t> count(specs.size(), 0);
    int last_spec = -1;
    std::string last_name;
    for (const Node& node : nodes) {
      if (node.spec < 0) {
        if (top) continue;
        std::string known;
        for (const SectionSpec& s : specs)
          known += (known.empty() ? "" : ", ") + fmt::format("'{}'", s.display());
        add(OutlineCheck::UnknownSubsection, heading_range(node.heading),
            fmt::format("subsection '{}' of '{}' is not in the schema (expected {})",
                        heading_text(node.heading), parent_name, known));
        continue;
      }
      const SectionSpec& spec = specs[node.spec];
      ++count[node.spec];
      if (spec.max_count > 1 && count[node.spec] == spec.max_count + 1) {
        add(OutlineCheck::SectionCount, heading_range(node.heading),
            fmt::format("section '{}' appears more than {} times; the schema allows at most {}",
                        spec.display(), spec.max_count, spec.max_count));
      }
      if (!top && spec.max_count == 1 && count[node.spec] == 2) {
        add(OutlineCheck::SectionCount, heading_range(node.heading),
            fmt::format("subsection '{}' of '{}' appears twice; the schema allows one",
                        spec.display(), parent_name));
      }
      if (!top && node.spec < last_spec && !order_any_) {
        add(OutlineCheck::UnknownSubsection, heading_range(node.heading),
            fmt::format("subsection '{}' of '{}' comes after '{}'; the schema puts it before",
                        heading_text(node.heading), parent_name, last_name));
      }
      if (node.spec > last_spec) {
        last_spec = node.spec;
        last_name = heading_text(node.heading);
      }
    }
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const SectionSpec& spec = specs[i];
      if (count[i] == 0 && spec.min_count >= 1 && !top) {
        const std::string after =
            i == 0 ? std::string("first") : fmt::format("after '{}'", specs[i - 1].display());
        add(OutlineCheck::MissingSubsection, heading_range(parent_heading),
            fmt::format("section '{}' has no subsection '{}' (expected {})", parent_name,
                        spec.display(), after));
      } else if (count[i] > 0 && count[i] < spec.min_count) {
        const std::int32_t at = top ? kNone : parent_heading;
        std::int32_t last = at;
        for (const Node& node : nodes) {
          if (node.spec == static_cast<int>(i)) last = node.heading;
        }
        add(OutlineCheck::SectionCount, heading_range(last),
            fmt::format("section '{}' appears {} time{}; the schema wants at least {}",
                        spec.display(), count[i], count[i] == 1 ? "" : "s", spec.min_count));
      }
    }
  }

  void check_section(const SectionSpec& spec, const Node& node) {
    const std::uint32_t begin = doc_.headings[node.heading].line + 1;
    // Headings are in document order: a section's own are the ones right
    // after its heading, so each level walks only its part of the list.
    const auto first = static_cast<std::size_t>(node.heading) + 1;
    std::uint32_t body_end = node.end_line;
    if (first < doc_.headings.size() && doc_.headings[first].line < body_end) {
      body_end = doc_.headings[first].line;
    }
    const std::string name = heading_text(node.heading);
    check_content(spec, node.heading, name, begin, body_end);
    if (spec.children.empty()) {
      report_stray_subsections(spec, node, name);
      return;
    }
    const std::uint8_t level = spec.children.front().level;
    std::vector<Node> children;
    for (std::size_t i = first; i < doc_.headings.size(); ++i) {
      const Heading& h = doc_.headings[i];
      if (h.line >= node.end_line) break;
      if (h.level < level && !children.empty()) {
        children.back().end_line = std::min(children.back().end_line, h.line);
      }
      if (h.level != level) continue;
      if (!children.empty()) children.back().end_line = h.line;
      Node child = read_node(static_cast<std::int32_t>(i), spec.children_numbering);
      child.end_line = node.end_line;
      for (std::size_t c = 0; c < spec.children.size(); ++c) {
        if (spec.children[c].names(child.name)) {
          child.spec = static_cast<int>(c);
          break;
        }
      }
      children.push_back(child);
    }
    check_numbering(children, spec.children_numbering, node.number);
    order_any_ = spec.children_any_order;
    check_counts(children, spec.children, name, node.heading, false);
    for (const Node& child : children) {
      if (child.spec >= 0) check_section(spec.children[child.spec], child);
    }
  }

  // A table, key-value or list section the schema gives no subsections
  // holds no headings one level down ("free" sections may).
  void report_stray_subsections(const SectionSpec& spec, const Node& node,
                                const std::string& name) {
    if (spec.content == SectionContent::Free || spec.content == SectionContent::Links ||
        spec.content == SectionContent::Articles) {
      return;
    }
    const Heading& parent = doc_.headings[node.heading];
    for (auto i = static_cast<std::size_t>(node.heading) + 1; i < doc_.headings.size(); ++i) {
      const Heading& h = doc_.headings[i];
      if (h.line >= node.end_line) break;
      if (h.level != parent.level + 1) continue;
      add(OutlineCheck::UnknownSubsection, heading_range(static_cast<std::int32_t>(i)),
          fmt::format("subsection '{}' of '{}': the schema gives '{}' no subsections",
                      heading_text(static_cast<std::int32_t>(i)), name, spec.display()));
    }
  }

  // ---- content kinds

  // Folds only a section's one content line, and only a short one: folding
  // every line of every section was most of the outline's cost.
  bool only_empty_marker(std::uint32_t begin, std::uint32_t end) const {
    std::uint32_t found = end;
    for (std::uint32_t l = begin; l < end; ++l) {
      if (!is_content_line(doc_.lines[l])) continue;
      if (found != end) return false;
      found = l;
    }
    if (found == end) return false;
    const Line& line = doc_.lines[found];
    std::string_view t = trim_ascii_space(text({line.content_begin, line.end}));
    if (line.shape != LineShape::Bullet) t = trim_ascii_space(text({line.begin, line.end}));
    if (t.size() > 64) return false;  // markers are short (as in match_empty_marker)
    const std::string folded = fold_loosely(t);
    const std::vector<std::string>& markers = schema_.folded_empty_markers();
    return std::find(markers.begin(), markers.end(), folded) != markers.end();
  }

  // Top-level list items whose marker lines are in [begin, end).
  std::vector<std::uint32_t> top_items(std::uint32_t begin, std::uint32_t end) const {
    std::vector<std::uint32_t> out;
    for (std::uint32_t l = begin; l < end; ++l) {
      const Line& line = doc_.lines[l];
      if (line.role != LineRole::ItemStart || line.item == kNone || line.comment) continue;
      if (doc_.blocks[line.item].list_depth != 0) continue;
      out.push_back(l);
    }
    return out;
  }

  ByteRange item_text(std::uint32_t l) const {
    const Line& line = doc_.lines[l];
    return {line.content_begin, std::max(line.content_begin, line.trailing_ws)};
  }

  // The text's problem against a closed set or a typed pattern; empty when
  // it is fine. `fix` gets the one value it surely means, if any.
  std::string value_problem(std::string_view value, const std::vector<std::string>& values,
                            const TextPattern& pattern, std::string& fix) const {
    fix.clear();
    if (!values.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
      std::string list;
      const std::string folded = fold_for_match(value);
      int same = 0;
      for (const std::string& v : values) {
        list += (list.empty() ? "" : ", ") + v;
        if (fold_for_match(v) == folded) {
          ++same;
          fix = v;
        }
      }
      if (same != 1) fix.clear();
      return fmt::format(" is not one of: {}", list);
    }
    if (!pattern.empty()) {
      std::vector<std::string_view> parts;
      if (!pattern.match(value, &parts))
        return fmt::format(" does not match '{}'", pattern.source());
      const std::string wrong = pattern.meaningless_part(parts);
      if (!wrong.empty()) return ": " + wrong;
    }
    return {};
  }

  void check_content(const SectionSpec& spec, std::int32_t heading, const std::string& name,
                     std::uint32_t begin, std::uint32_t end) {
    // IOC lists are checked by the DL4xx rules (model/ioc_lists.cc).
    if (spec.content == SectionContent::Free || spec.content == SectionContent::Links ||
        spec.content == SectionContent::Articles || spec.content == SectionContent::Ioc) {
      return;
    }
    if (spec.content == SectionContent::List && spec.nesting_step != 0) {
      digest_.nesting_steps.push_back({begin, end, spec.nesting_step});
    }
    if (only_empty_marker(begin, end)) return;
    if (spec.content == SectionContent::Table) check_table(spec, heading, name, begin, end);
    if (spec.content == SectionContent::KeyValue) check_keys(spec, heading, name, begin, end);
    if (spec.content == SectionContent::List) check_list(spec, heading, name, begin, end);
    if (spec.content == SectionContent::Paragraphs) {
      check_paragraphs(spec, heading, name, begin, end);
    }
    if (spec.content == SectionContent::Code) check_code(spec, heading, name, begin, end);
  }

  // A table row's cells, trimmed, split on '|' outside code spans and
  // escapes; the outer pipes are optional.
  std::vector<ByteRange> cells(std::uint32_t l) const {
    const Line& line = doc_.lines[l];
    const std::string_view bytes = source_.bytes();
    Offset b = line.indent_end;
    Offset e = line.trailing_ws;
    if (b < e && bytes[b] == '|') ++b;
    if (e > b && bytes[e - 1] == '|' && !(e - 1 > b && bytes[e - 2] == '\\')) --e;
    std::vector<ByteRange> out;
    bool code = false;
    Offset start = b;
    auto push = [&](Offset from, Offset to) {
      while (from < to && (bytes[from] == ' ' || bytes[from] == '\t'))
        ++from;
      while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\t'))
        --to;
      out.push_back({from, to});
    };
    for (Offset i = b; i < e; ++i) {
      if (bytes[i] == '\\') {
        ++i;
      } else if (bytes[i] == '`') {
        code = !code;
      } else if (bytes[i] == '|' && !code) {
        push(start, i);
        start = i + 1;
      }
    }
    push(start, e);
    return out;
  }

  // The header cell that is surely a misspelt column: exactly one required
  // column is missing, exactly one header cell is no schema column, and it
  // stands where the missing one belongs (between its neighbours in the
  // schema). -1 when there is no such cell.
  static int renamed_header_cell(const SectionSpec& spec, const std::vector<ByteRange>& header,
                                 const std::vector<int>& position) {
    int missing = -1;
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
      if (position[c] >= 0 || !spec.columns[c].required) continue;
      if (missing >= 0) return -1;
      missing = static_cast<int>(c);
    }
    int unknown = -1;
    for (std::size_t h = 0; h < header.size(); ++h) {
      if (std::find(position.begin(), position.end(), static_cast<int>(h)) != position.end())
        continue;
      if (unknown >= 0) return -1;
      unknown = static_cast<int>(h);
    }
    if (missing < 0 || unknown < 0) return -1;
    int before = -1;
    int after = static_cast<int>(header.size());
    for (int c = 0; c < static_cast<int>(spec.columns.size()); ++c) {
      if (position[c] < 0) continue;
      if (c < missing) before = std::max(before, position[c]);
      if (c > missing) after = std::min(after, position[c]);
    }
    return before < unknown && unknown < after ? unknown : -1;
  }

  void check_table(const SectionSpec& spec, std::int32_t heading, const std::string& name,
                   std::uint32_t begin, std::uint32_t end) {
    std::uint32_t first = end;
    for (std::uint32_t l = begin; l < end; ++l) {
      if (doc_.lines[l].role == LineRole::Table && !doc_.lines[l].comment) {
        first = l;
        break;
      }
    }
    if (first == end) {
      std::string columns;
      for (const ColumnSpec& c : spec.columns)
        columns += (columns.empty() ? "" : ", ") + c.name;
      add(OutlineCheck::TableShape, heading_range(heading),
          fmt::format("section '{}' has no table (columns: {})", name, columns));
      return;
    }
    std::uint32_t last = first;
    while (last + 1 < end && doc_.lines[last + 1].role == LineRole::Table)
      ++last;
    const std::vector<ByteRange> header = cells(first);
    std::vector<int> position(spec.columns.size(), -1);
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
      for (std::size_t h = 0; h < header.size(); ++h) {
        if (text(header[h]) == spec.columns[c].name) position[c] = static_cast<int>(h);
      }
    }
    const int renamed = renamed_header_cell(spec, header, position);
    int previous_position = -1;
    std::string previous_name;
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
      const ColumnSpec& column = spec.columns[c];
      if (position[c] < 0) {
        if (column.required) {
          const std::string after = previous_name.empty()
                                        ? std::string("first")
                                        : fmt::format("after '{}'", previous_name);
          if (renamed >= 0) {
            OutlineIssue& issue = add(
                OutlineCheck::TableShape, header[renamed],
                fmt::format("table in '{}' has no column '{}' (expected {}); its header has '{}' "
                            "there",
                            name, column.name, after, quote_for_message(text(header[renamed]))));
            issue.has_fix = true;
            issue.fix_range = header[renamed];
            issue.fix_text = column.name;
            issue.fix_label = fmt::format("rename the column '{}'", column.name);
            // The cells below were written for the old header: a person
            // confirms they are this column's (--unsafe-fixes).
            issue.fix_safe = false;
          } else {
            add(OutlineCheck::TableShape, line_range(first),
                fmt::format("table in '{}' has no column '{}' (expected {})", name, column.name,
                            after));
          }
        }
        continue;
      }
      if (position[c] < previous_position) {
        add(OutlineCheck::TableShape, header[position[c]],
            fmt::format("column '{}' of table in '{}' comes before '{}'; the schema puts it after",
                        column.name, name, previous_name));
      }
      previous_position = std::max(previous_position, position[c]);
      previous_name = column.name;
    }
    for (std::size_t h = 0; h < header.size(); ++h) {
      if (std::find(position.begin(), position.end(), static_cast<int>(h)) != position.end() ||
          static_cast<int>(h) == renamed)
        continue;
      std::string columns;
      for (const ColumnSpec& c : spec.columns)
        columns += (columns.empty() ? "" : ", ") + c.name;
      add(OutlineCheck::TableShape, header[h],
          fmt::format("table in '{}' has column '{}', which the schema does not list (columns: {})",
                      name, quote_for_message(text(header[h])), columns));
    }
    const std::uint32_t first_row = first + 2;  // after the delimiter row
    const std::int64_t rows = last >= first_row ? last - first_row + 1 : 0;
    if (rows < spec.min_rows) {
      add(OutlineCheck::TableShape, line_range(first),
          fmt::format("table in '{}' has {} row{}; the schema wants at least {}", name, rows,
                      rows == 1 ? "" : "s", spec.min_rows));
    }
    for (std::uint32_t l = first_row; l <= last && l < end; ++l) {
      const std::int64_t row = l - first_row + 1;
      if (spec.max_rows != 0 && row == spec.max_rows + 1) {
        add(OutlineCheck::TableShape, line_range(l),
            fmt::format("table in '{}' has more than {} rows, the schema's most", name,
                        spec.max_rows));
      }
      const std::vector<ByteRange> row_cells = cells(l);
      if (row_cells.size() != header.size()) {
        add(OutlineCheck::TableShape, line_range(l),
            fmt::format("row {} of table in '{}' has {} cells, its header {}", row, name,
                        row_cells.size(), header.size()));
      }
      for (std::size_t c = 0; c < spec.columns.size(); ++c) {
        const ColumnSpec& column = spec.columns[c];
        if (position[c] < 0 || static_cast<std::size_t>(position[c]) >= row_cells.size()) continue;
        const ByteRange cell = row_cells[position[c]];
        std::string fix;
        const std::string problem = value_problem(text(cell), column.values, column.pattern, fix);
        if (problem.empty()) continue;
        OutlineIssue& issue =
            add(OutlineCheck::TableCell, cell.empty() ? line_range(l) : cell,
                fmt::format("cell '{}' in column '{}' of table in '{}'{}",
                            quote_for_message(text(cell)), column.name, name, problem));
        if (!fix.empty()) {
          issue.has_fix = true;
          issue.fix_range = cell;
          issue.fix_text = fix;
          issue.fix_label = fmt::format("replace with '{}'", fix);
          issue.fix_safe = true;
        }
      }
    }
  }

  void check_keys(const SectionSpec& spec, std::int32_t heading, const std::string& name,
                  std::uint32_t begin, std::uint32_t end) {
    std::vector<int> seen(spec.keys.size(), 0);
    for (const std::uint32_t l : top_items(begin, end)) {
      const ByteRange item = item_text(l);
      const std::string_view t = text(item);
      std::size_t colon = t.find(':');
      std::size_t after = colon + 1;
      const std::size_t wide = t.find("\xEF\xBC\x9A");  // "："
      if (wide != std::string_view::npos && (colon == std::string_view::npos || wide < colon)) {
        colon = wide;
        after = wide + 3;
      }
      if (colon == std::string_view::npos) {
        add(OutlineCheck::KeyValue, item,
            fmt::format("item '{}' in '{}' is not 'key: value'", quote_for_message(t), name));
        continue;
      }
      const std::string_view key = trim_ascii_space(t.substr(0, colon));
      const std::string_view value = trim_ascii_space(t.substr(after));
      const Offset value_begin =
          item.begin + static_cast<Offset>(value.empty() ? t.size() : value.data() - t.data());
      const ByteRange value_range{value_begin, static_cast<Offset>(value_begin + value.size())};
      int k = -1;
      for (std::size_t i = 0; i < spec.keys.size(); ++i) {
        if (spec.keys[i].name == key) k = static_cast<int>(i);
      }
      if (k < 0) {
        std::string known;
        for (const KeySpec& s : spec.keys)
          known += (known.empty() ? "" : ", ") + s.name;
        add(OutlineCheck::KeyValue, item,
            fmt::format("key '{}' in '{}' is not one of the schema's: {}", quote_for_message(key),
                        name, known));
        continue;
      }
      if (++seen[k] == 2) {
        add(OutlineCheck::KeyValue, item,
            fmt::format("key '{}' appears twice in '{}'", spec.keys[k].name, name));
      }
      if (value.empty()) {
        add(OutlineCheck::KeyValue, item,
            fmt::format("key '{}' in '{}' has no value", spec.keys[k].name, name));
        continue;
      }
      std::string fix;
      const std::string problem =
          value_problem(value, spec.keys[k].values, spec.keys[k].pattern, fix);
      if (problem.empty()) continue;
      OutlineIssue& issue =
          add(OutlineCheck::KeyValue, value_range,
              fmt::format("value '{}' of key '{}' in '{}'{}", quote_for_message(value),
                          spec.keys[k].name, name, problem));
      if (!fix.empty()) {
        issue.has_fix = true;
        issue.fix_range = value_range;
        issue.fix_text = fix;
        issue.fix_label = fmt::format("replace with '{}'", fix);
        issue.fix_safe = true;
      }
    }
    std::string previous_key;  // the last schema key the section has
    for (std::size_t i = 0; i < spec.keys.size(); ++i) {
      if (seen[i] == 0 && spec.keys[i].required) {
        add(OutlineCheck::KeyValue, heading_range(heading),
            fmt::format("section '{}' has no key '{}' (expected {})", name, spec.keys[i].name,
                        previous_key.empty() ? std::string("first")
                                             : fmt::format("after '{}'", previous_key)));
      }
      if (seen[i] > 0) previous_key = spec.keys[i].name;
    }
  }

  void check_list(const SectionSpec& spec, std::int32_t heading, const std::string& name,
                  std::uint32_t begin, std::uint32_t end) {
    const std::vector<std::uint32_t> items = top_items(begin, end);
    const auto count = static_cast<std::int64_t>(items.size());
    if (count < spec.min_items) {
      add(OutlineCheck::ListItems, heading_range(heading),
          fmt::format("section '{}' has {} item{}; the schema wants at least {}", name, count,
                      count == 1 ? "" : "s", spec.min_items));
    }
    if (spec.max_items != 0 && count > spec.max_items) {
      add(OutlineCheck::ListItems, line_range(items[spec.max_items]),
          fmt::format("section '{}' has {} items; the schema allows at most {}", name, count,
                      spec.max_items));
    }
    if (spec.max_depth != 0) check_list_depth(spec, name, begin, end);
    if (spec.item_pattern.empty()) return;
    for (const std::uint32_t l : items) {
      const ByteRange item = item_text(l);
      std::string fix;
      const std::string problem = value_problem(text(item), {}, spec.item_pattern, fix);
      if (problem.empty()) continue;
      add(OutlineCheck::ListItems, item,
          fmt::format("item '{}' in '{}'{}", quote_for_message(text(item)), name, problem));
    }
  }

  // Items one level deeper than `max_depth` allows; their own nested
  // items go with them.
  void check_list_depth(const SectionSpec& spec, const std::string& name, std::uint32_t begin,
                        std::uint32_t end) {
    for (std::uint32_t l = begin; l < end; ++l) {
      const Line& line = doc_.lines[l];
      if (line.role != LineRole::ItemStart || line.item == kNone || line.comment) continue;
      const std::int64_t level = doc_.blocks[line.item].list_depth + 1;
      if (level != spec.max_depth + 1) continue;
      add(OutlineCheck::ListNesting, item_text(l),
          fmt::format("item '{}' in '{}' is nested {} levels deep; the schema allows {}",
                      quote_for_message(text(item_text(l))), name, level, spec.max_depth));
    }
  }

  // The blocks whose first line is in [begin, end): those directly in the
  // document, or (`nested`) at any depth.
  std::vector<std::int32_t> blocks_in(std::uint32_t begin, std::uint32_t end, bool nested) const {
    std::vector<std::int32_t> out;
    for (std::size_t b = 0; b < doc_.blocks.size(); ++b) {
      const Block& block = doc_.blocks[b];
      if (block.kind == BlockKind::Document || block.first_line < begin ||
          block.first_line >= end) {
        continue;
      }
      if (!nested &&
          (block.parent == kNone || doc_.blocks[block.parent].kind != BlockKind::Document)) {
        continue;
      }
      // An HTML comment renders as nothing (fixtures keep their expectations in one).
      if (block.kind == BlockKind::Html && doc_.lines[block.first_line].comment) continue;
      out.push_back(static_cast<std::int32_t>(b));
    }
    return out;
  }

  static std::string_view describe(BlockKind kind) {
    switch (kind) {
      case BlockKind::BulletList:
        return "a list";
      case BlockKind::OrderedList:
        return "an ordered list";
      case BlockKind::Code:
        return "a code block";
      case BlockKind::Html:
        return "raw HTML";
      case BlockKind::Table:
        return "a table";
      case BlockKind::Quote:
        return "a block quote";
      case BlockKind::ThematicBreak:
        return "a thematic break";
      default:
        return "other content";
    }
  }

  void check_paragraphs(const SectionSpec& spec, std::int32_t heading, const std::string& name,
                        std::uint32_t begin, std::uint32_t end) {
    std::int64_t count = 0;
    for (const std::int32_t b : blocks_in(begin, end, /*nested=*/false)) {
      const Block& block = doc_.blocks[b];
      if (block.kind == BlockKind::Heading) continue;
      const ByteRange first = line_range(block.first_line);
      if (block.kind != BlockKind::Paragraph) {
        add(OutlineCheck::Paragraphs, first,
            fmt::format("section '{}' holds {}; the schema wants paragraphs", name,
                        describe(block.kind)));
        continue;
      }
      ++count;
      if (spec.max_paragraphs != 0 && count == spec.max_paragraphs + 1) {
        add(OutlineCheck::Paragraphs, first,
            fmt::format("section '{}' has more than {} paragraph{}, the schema's most", name,
                        spec.max_paragraphs, spec.max_paragraphs == 1 ? "" : "s"));
      }
      if (spec.paragraph_pattern.empty()) continue;
      const Line& line = doc_.lines[block.first_line];
      const ByteRange opening{line.indent_end, std::max(line.indent_end, line.trailing_ws)};
      std::string fix;
      const std::string problem = value_problem(text(opening), {}, spec.paragraph_pattern, fix);
      if (problem.empty()) continue;
      add(OutlineCheck::Paragraphs, opening,
          fmt::format("paragraph '{}' in '{}'{}", quote_for_message(text(opening)), name, problem));
    }
    if (count < spec.min_paragraphs) {
      add(OutlineCheck::Paragraphs, heading_range(heading),
          fmt::format("section '{}' has {} paragraph{}; the schema wants at least {}", name, count,
                      count == 1 ? "" : "s", spec.min_paragraphs));
    }
  }

  // Inside a block quote a code block's first line is not known for sure
  // (a closing "> ```" may pass for an opening one): its language is not
  // checked there.
  bool in_quote(const Block& block) const {
    for (std::int32_t p = block.parent; p != kNone; p = doc_.blocks[p].parent) {
      if (doc_.blocks[p].kind == BlockKind::Quote) return true;
    }
    return false;
  }

  // Code blocks at any depth (a step of a numbered list may hold one);
  // fenced ones name their language first in the info string.
  void check_code(const SectionSpec& spec, std::int32_t heading, const std::string& name,
                  std::uint32_t begin, std::uint32_t end) {
    std::int64_t count = 0;
    const std::string_view bytes = source_.bytes();
    for (const std::int32_t b : blocks_in(begin, end, /*nested=*/true)) {
      const Block& block = doc_.blocks[b];
      if (block.kind != BlockKind::Code) continue;
      ++count;
      const Line& line = doc_.lines[block.first_line];
      if (spec.max_blocks != 0 && count == spec.max_blocks + 1) {
        add(OutlineCheck::CodeBlocks, line_range(block.first_line),
            fmt::format("section '{}' has more than {} code block{}, the schema's most", name,
                        spec.max_blocks, spec.max_blocks == 1 ? "" : "s"));
      }
      if (spec.language.empty() || in_quote(block)) continue;
      // The fence opens the block's first line, after any indentation or
      // container prefix ("> ```bash" in a quote).
      Offset fence_begin = line.indent_end;
      while (fence_begin < line.end && bytes[fence_begin] != block.mark)
        ++fence_begin;
      Offset fence_end = fence_begin;
      while (fence_end < line.end && bytes[fence_end] == block.mark)
        ++fence_end;
      if (block.mark == 0 || fence_end - fence_begin < 3) {
        add(OutlineCheck::CodeBlocks, line_range(block.first_line),
            fmt::format("indented code block in '{}'; the schema wants fenced '{}' blocks", name,
                        spec.language));
        continue;
      }
      Offset info_begin = fence_end;
      while (info_begin < line.end && (bytes[info_begin] == ' ' || bytes[info_begin] == '\t'))
        ++info_begin;
      Offset info_end = info_begin;
      while (info_end < line.end && bytes[info_end] != ' ' && bytes[info_end] != '\t' &&
             bytes[info_end] != '{')
        ++info_end;
      const std::string_view language = text({info_begin, info_end});
      if (language == spec.language) continue;
      if (language.empty()) {
        OutlineIssue& issue =
            add(OutlineCheck::CodeBlocks, line_range(block.first_line),
                fmt::format("code block in '{}' has no language; the schema wants '{}'", name,
                            spec.language));
        issue.has_fix = true;
        issue.fix_range = {fence_end, fence_end};
        issue.fix_text = spec.language;
        issue.fix_label = fmt::format("mark it '{}'", spec.language);
        issue.fix_safe = true;
        continue;
      }
      OutlineIssue& issue =
          add(OutlineCheck::CodeBlocks, {info_begin, info_end},
              fmt::format("code block in '{}' is marked '{}'; the schema wants '{}'", name,
                          quote_for_message(language), spec.language));
      // "Bash" for "bash" is a spelling; "sh" for "bash" is another language.
      if (fold_for_match(language) == fold_for_match(spec.language)) {
        issue.has_fix = true;
        issue.fix_range = {info_begin, info_end};
        issue.fix_text = spec.language;
        issue.fix_label = fmt::format("replace with '{}'", spec.language);
        issue.fix_safe = true;
      }
    }
    if (count < spec.min_blocks) {
      add(OutlineCheck::CodeBlocks, heading_range(heading),
          fmt::format("section '{}' has {} code block{}; the schema wants at least {}", name, count,
                      count == 1 ? "" : "s", spec.min_blocks));
    }
  }

  // The line before each top-level section heading (blank lines and HTML
  // comments skipped) is a thematic break exactly when the schema wants one.
  void check_breaks(const std::vector<Node>& top) {
    const bool required = schema_.breaks_between_sections == SectionBreaks::Required;
    for (std::size_t k = 1; k < top.size(); ++k) {
      const std::uint32_t at = doc_.headings[top[k].heading].line;
      std::uint32_t last = at;  // the last content line above the heading
      for (std::uint32_t l = at; l > 0; --l) {
        if (is_content_line(doc_.lines[l - 1])) {
          last = l - 1;
          break;
        }
      }
      const bool has_break = last != at && doc_.lines[last].role == LineRole::ThematicBreak;
      const std::string before = heading_text(top[k - 1].heading);
      const std::string after = heading_text(top[k].heading);
      if (required && !has_break) {
        OutlineIssue& issue =
            add(OutlineCheck::SectionBreaks, heading_range(top[k].heading),
                fmt::format("no thematic break ('---') between sections '{}' and '{}'; the schema "
                            "wants one between sections",
                            before, after));
        const bool blank_above = at > 0 && doc_.lines[at - 1].blank();
        issue.has_fix = true;
        issue.fix_range = {doc_.lines[at].begin, doc_.lines[at].begin};
        issue.fix_text = blank_above ? "---\n\n" : "\n---\n\n";
        issue.fix_label = "insert '---'";
        issue.fix_safe = true;
      } else if (!required && has_break) {
        OutlineIssue& issue =
            add(OutlineCheck::SectionBreaks, line_range(last),
                fmt::format("thematic break between sections '{}' and '{}'; the schema wants none "
                            "between sections",
                            before, after));
        // The break and the blank lines after it go; one blank line stays
        // above the heading.
        std::uint32_t next = last + 1;
        while (next < at && doc_.lines[next].blank())
          ++next;
        const bool blank_above = last > 0 && doc_.lines[last - 1].blank();
        issue.has_fix = true;
        issue.fix_range = {doc_.lines[last].begin, doc_.lines[next].begin};
        issue.fix_text.assign(blank_above ? 0 : 1, '\n');
        issue.fix_label = "delete the '---'";
        issue.fix_safe = true;
      }
    }
  }

  const Document& doc_;
  const SourceText& source_;
  const Schema& schema_;
  Digest& digest_;
  bool order_any_ = false;
};

}  // namespace

void build_outline(const Document& doc, const SourceText& source, const Schema& schema,
                   Digest& digest) {
  OutlineBuilder(doc, source, schema, digest).build();
}

}  // namespace digestlint
