#include "cli/schema_infer.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/files.h"
#include "config/toml_writer.h"
#include "digestlint/digest.h"
#include "digestlint/document.h"
#include "digestlint/schema.h"
#include "digestlint/source.h"
#include "digestlint/text.h"
#include "digestlint/text_pattern.h"
#include "parse/scanner.h"

namespace digestlint {

namespace {

// How the draft generalises what it sees (written into the draft's header
// comment too, so a reader knows why a key is there):
//
// A closed set of values: at most kMaxClosedValues distinct, none longer
// than kMaxClosedValueBytes, each seen twice on average (a column of free
// notes has as many values as rows, and stays open).
constexpr std::size_t kMaxClosedValues = 8;
constexpr std::size_t kMaxClosedValueBytes = 40;
// A repeated section's `max`: the largest count seen, unless the counts
// spread widely (largest above kMaxFixedRepeat and more than twice the
// smallest): then any number (max = 0).
constexpr std::size_t kMaxFixedRepeat = 4;

// One heading of one report, with what its body holds and its subsections.
struct Node {
  std::string heading;  // as written
  std::string name;     // the heading without its number, once numbering is known
  std::string number;   // "2-1" when numbered
  std::uint8_t level = 0;
  // The body: the lines between the heading and the next heading.
  int content_lines = 0;
  std::string single_text;  // the one content line's text, marker removed
  bool single_bullet = false;
  bool table = false;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> items;                               // top-level list items
  std::vector<std::pair<std::string, std::string>> key_values;  // when every item is "key: value"
  bool all_keyed = false;
  bool only_list = false;  // every content line belongs to a list
  std::vector<std::unique_ptr<Node>> children;
};

struct Report {
  std::string title;
  bool preamble = false;
  std::vector<std::unique_ptr<Node>> top;
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool digits_at(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t k = at; k < at + n; ++k)
    if (!is_digit(s[k])) return false;
  return true;
}

// "2026-05-04" -> "{date}", "2026-W19" -> "{week}", "20260504" ->
// "{date:YYYYMMDD}"; with `numbers`, any other digit run -> "{n}". Braces
// are doubled (literal in a pattern).
std::string generalise(std::string_view text, bool numbers) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const bool boundary = i == 0 || !is_digit(text[i - 1]);
    if (boundary && digits_at(text, i, 4) && i + 10 <= text.size() && text[i + 4] == '-' &&
        digits_at(text, i + 5, 2) && text[i + 7] == '-' && digits_at(text, i + 8, 2) &&
        (i + 10 == text.size() || !is_digit(text[i + 10]))) {
      out += "{date}";
      i += 10;
    } else if (boundary && digits_at(text, i, 4) && i + 8 <= text.size() && text[i + 4] == '-' &&
               text[i + 5] == 'W' && digits_at(text, i + 6, 2) &&
               (i + 8 == text.size() || !is_digit(text[i + 8]))) {
      out += "{week}";
      i += 8;
    } else if (boundary && digits_at(text, i, 8) &&
               (i + 8 == text.size() || !is_digit(text[i + 8]))) {
      out += "{date:YYYYMMDD}";
      i += 8;
    } else if (numbers && boundary && is_digit(text[i])) {
      while (i < text.size() && is_digit(text[i]))
        ++i;
      out += "{n}";
    } else {
      if (text[i] == '{' || text[i] == '}') out += text[i];
      out += text[i++];
    }
  }
  return out;
}

// A value's shape led by a typed part: "2026-05-11: リリース" -> "{date}: {text}".
std::string leading_shape(std::string_view value) {
  const std::string full = generalise(value, true);
  if (full.empty() || full.front() != '{' || full.rfind("{{", 0) == 0) return {};
  const std::size_t close = full.find('}');
  std::size_t at = close + 1;
  // The separator: ASCII punctuation and spaces, or a full-width colon.
  while (at < full.size()) {
    if (full.compare(at, 3, "\xEF\xBC\x9A") == 0) {  // "："
      at += 3;
    } else if (full[at] == ' ' || full[at] == ':' || full[at] == '-' || full[at] == ')' ||
               full[at] == '.' || full[at] == ',' || full[at] == '|' || full[at] == '/') {
      ++at;
    } else {
      break;
    }
  }
  if (at == close + 1 || at >= full.size()) return {};
  return full.substr(0, at) + "{text}";
}

bool pattern_holds(const std::string& source, const std::vector<std::string>& values) {
  std::string error;
  const TextPattern pattern = TextPattern::compile(source, error);
  if (!error.empty() || pattern.empty()) return false;
  std::vector<std::string_view> parts;
  for (const std::string& v : values) {
    if (!pattern.match(v, &parts) || !pattern.meaningless_part(parts).empty()) return false;
  }
  return true;
}

// Whether a pattern says only typed parts and punctuation ("{n}",
// "{date}: {text}"), no words: then it wins over a closed set of values.
bool only_typed_parts(const std::string& pattern) {
  bool in_part = false;
  for (const char c : pattern) {
    if (c == '{') in_part = true;
    if (c == '}') in_part = false;
    if (!in_part && c != '}' &&
        ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         static_cast<unsigned char>(c) >= 0x80)) {
      return false;
    }
  }
  return true;
}

// What every value of a column, a key or a list satisfies: a pattern or a
// closed set of values (either may be empty: any text).
struct ValueRule {
  std::string pattern;
  std::vector<std::string> values;
};

ValueRule infer_values(const std::vector<std::string>& seen, bool allow_closed_set) {
  ValueRule rule;
  if (seen.empty()) return rule;
  for (const std::string& v : seen)
    if (v.empty()) return rule;  // an empty cell: anything goes
  std::string pattern;
  const std::string whole = generalise(seen.front(), true);
  if (whole.find("{") != std::string::npos &&
      std::all_of(seen.begin(), seen.end(),
                  [&](const std::string& v) { return generalise(v, true) == whole; })) {
    pattern = whole;
  } else {
    const std::string led = leading_shape(seen.front());
    if (!led.empty() && std::all_of(seen.begin(), seen.end(), [&](const std::string& v) {
          return leading_shape(v) == led;
        })) {
      pattern = led;
    }
  }
  std::set<std::string> distinct(seen.begin(), seen.end());
  // One value, or two, is no evidence of a shape with words in it (a link
  // whose URL ends in a number).
  const std::size_t evidence = only_typed_parts(pattern) ? 2 : 3;
  if (distinct.size() < evidence || !pattern_holds(pattern, seen)) pattern.clear();
  const bool closed = allow_closed_set && distinct.size() <= kMaxClosedValues &&
                      seen.size() >= 2 * distinct.size() &&
                      std::all_of(distinct.begin(), distinct.end(), [](const std::string& v) {
                        return v.size() <= kMaxClosedValueBytes;
                      });
  if (!pattern.empty() && (only_typed_parts(pattern) || !closed)) {
    rule.pattern = pattern;
  } else if (closed) {
    rule.values.assign(distinct.begin(), distinct.end());
  }
  return rule;
}

// A table row's cells, trimmed, split on '|' outside code spans and
// escapes, as the outline model splits them.
std::vector<std::string> row_cells(std::string_view line) {
  line = trim_ascii_space(line);
  if (!line.empty() && line.front() == '|') line.remove_prefix(1);
  if (line.size() >= 2 && line.back() == '|' && line[line.size() - 2] != '\\') {
    line.remove_suffix(1);
  } else if (line.size() == 1 && line.back() == '|') {
    line.remove_suffix(1);
  }
  std::vector<std::string> out;
  bool code = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '`') {
      code = !code;
    } else if (line[i] == '|' && !code) {
      out.emplace_back(trim_ascii_space(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  out.emplace_back(trim_ascii_space(line.substr(start)));
  return out;
}

// "key: value" as the outline model splits it (the first ':' or '：'),
// and only where the key looks like a key: short, not a number, a link or
// a date ("2026-05-11: ..." is a dated item).
bool split_key_value(std::string_view item, std::string& key, std::string& value) {
  std::size_t colon = item.find(':');
  std::size_t after = colon + 1;
  const std::size_t wide = item.find("\xEF\xBC\x9A");
  if (wide != std::string_view::npos && (colon == std::string_view::npos || wide < colon)) {
    colon = wide;
    after = wide + 3;
  }
  if (colon == std::string_view::npos) return false;
  const std::string_view k = trim_ascii_space(item.substr(0, colon));
  const std::string_view v = trim_ascii_space(item.substr(after));
  if (k.empty() || v.empty() || k.size() > 40 || is_digit(k.front())) return false;
  if (k.find_first_of("[]()`*<>|") != std::string_view::npos) return false;
  if (v.rfind("//", 0) == 0) return false;  // a bare URL
  key = std::string(k);
  value = std::string(v);
  return true;
}

class ReportReader {
 public:
  ReportReader(const SourceText& source, const Document& doc) : source_(source), doc_(doc) {}

  // The subtree of headings [first, last): the shallowest of them are the
  // nodes, each owning the deeper ones up to the next.
  std::vector<std::unique_ptr<Node>> nodes(std::size_t first, std::size_t last,
                                           std::uint32_t end_line) const {
    std::vector<std::unique_ptr<Node>> out;
    std::uint8_t level = 7;
    for (std::size_t i = first; i < last; ++i)
      level = std::min(level, doc_.headings[i].level);
    for (std::size_t i = first; i < last; ++i) {
      const Heading& h = doc_.headings[i];
      if (h.level != level) continue;
      std::size_t next = i + 1;
      while (next < last && doc_.headings[next].level > level)
        ++next;
      const std::uint32_t node_end = next < last ? doc_.headings[next].line : end_line;
      auto node = std::make_unique<Node>();
      node->heading = std::string(source_.slice(h.text));
      node->name = node->heading;
      node->level = h.level;
      const std::uint32_t body_end = i + 1 < last ? doc_.headings[i + 1].line : node_end;
      read_body(*node, h.line + 1, std::min(body_end, node_end));
      node->children = nodes(i + 1, next, node_end);
      out.push_back(std::move(node));
    }
    return out;
  }

  bool content_between(std::uint32_t begin, std::uint32_t end) const {
    for (std::uint32_t l = begin; l < end; ++l)
      if (is_content_line(doc_.lines[l])) return true;
    return false;
  }

 private:
  void read_body(Node& node, std::uint32_t begin, std::uint32_t end) const {
    int items = 0;
    int keyed = 0;
    int other = 0;
    bool in_list = false;
    std::uint32_t table_line = 0;
    bool table_done = false;
    for (std::uint32_t l = begin; l < end; ++l) {
      const Line& line = doc_.lines[l];
      if (!is_content_line(line)) continue;
      ++node.content_lines;
      const std::string_view text = source_.slice({line.begin, line.end});
      const bool marker = line.shape == LineShape::Bullet || line.shape == LineShape::Ordered;
      node.single_text = std::string(trim_ascii_space(
          source_.slice({marker ? line.content_begin : line.indent_end, line.trailing_ws})));
      node.single_bullet = marker;
      if (line.role == LineRole::Table) {
        if (!node.table) {
          node.table = true;
          table_line = l;
          node.columns = row_cells(text);
        } else if (!table_done && l == table_line + 1) {
          // the delimiter row
        } else if (!table_done && doc_.lines[l - 1].role == LineRole::Table) {
          node.rows.push_back(row_cells(text));
        } else {
          table_done = true;
        }
        in_list = false;
        continue;
      }
      if (node.table) table_done = true;
      if (line.role == LineRole::ItemStart && line.item != kNone) {
        in_list = true;
        if (doc_.blocks[line.item].list_depth != 0) continue;
        ++items;
        const std::string_view item =
            trim_ascii_space(source_.slice({line.content_begin, line.trailing_ws}));
        node.items.emplace_back(item);
        std::string key;
        std::string value;
        if (split_key_value(item, key, value)) {
          ++keyed;
          node.key_values.emplace_back(std::move(key), std::move(value));
        }
      } else if (!(in_list && line.indent > 0)) {
        ++other;
        in_list = false;
      }
    }
    node.only_list = items > 0 && other == 0 && !node.table;
    node.all_keyed = node.only_list && keyed == items;
  }

  const SourceText& source_;
  const Document& doc_;
};

bool read_report(const std::string& file, Report& report, Error& error) {
  std::string bytes;
  if (!read_file(file, bytes, error)) return false;
  const SourceText source(bytes);
  Document doc;
  Scanner().scan(source, doc);
  // The schema wants a title: a report without one cannot pass a draft.
  if (doc.headings.empty() || doc.headings.front().level != 1) {
    error = Error{file, 0, 0, "no title (the first heading is not a level-1 heading)"};
    return false;
  }
  if (doc.headings.size() == 1) {
    error = Error{file, 0, 0, "no sections (headings below the title)"};
    return false;
  }
  report.title = std::string(source.slice(doc.headings.front().text));
  const std::uint32_t body_begin = doc.headings.front().line + 1;
  const std::size_t first = 1;
  const ReportReader reader(source, doc);
  report.preamble = reader.content_between(body_begin, doc.headings[first].line);
  report.top =
      reader.nodes(first, doc.headings.size(), static_cast<std::uint32_t>(doc.lines.size()));
  return true;
}

// ---- the draft

// One [[sections]] entry of the draft at any depth, with the nodes (of all
// reports) it stands for.
struct Spec {
  std::string heading;  // empty: `pattern`
  std::string pattern;
  std::uint8_t level = 2;
  std::vector<std::uint8_t> other_levels;
  std::size_t min = 1;
  std::size_t max = 1;  // 0: any number
  std::vector<Node*> nodes;
  // Its subsections.
  std::string numbering;
  bool any_order = false;
  std::vector<Spec> children;
};

struct Draft {
  std::string empty_marker;  // empty: the default (N/A) stands
  std::string empty_note;
};

// Whether a node's body is only the draft's empty marker, as the outline
// and the empty-marker rules read it (a bare line, not a list item).
bool is_empty_marker(const Node& node, const Draft& draft) {
  const std::string& marker = draft.empty_marker.empty() ? std::string("N/A") : draft.empty_marker;
  return node.content_lines == 1 && !node.single_bullet && node.single_text == marker;
}

// The numbering of one level: a format every heading of the level splits
// with, each group running 1, 2, 3 under its parent's number.
std::string infer_numbering(const std::vector<std::vector<Node*>>& groups,
                            const std::vector<std::string>& parents, bool top) {
  // Under numbered parents the number carries the parent's ("2-1. "); the
  // outline checks a format without {parent} against an empty parent, so
  // it fits only under unnumbered ones.
  const bool parents_numbered =
      std::all_of(parents.begin(), parents.end(), [](const std::string& p) { return !p.empty(); });
  const bool parents_plain =
      std::all_of(parents.begin(), parents.end(), [](const std::string& p) { return p.empty(); });
  std::vector<std::string> candidates;
  if (top || parents_plain) {
    candidates = {"{n}. ", "{n} "};
  } else if (parents_numbered) {
    candidates = {"{parent}-{n}. ", "{parent}.{n}. ", "{parent}-{n} ", "{parent}.{n} "};
  }
  bool any = false;
  for (const auto& g : groups)
    any = any || !g.empty();
  if (!any) return {};
  for (const std::string& format : candidates) {
    NumberingSpec numbering{format};
    const bool with_parent = format.find("{parent}") != std::string::npos;
    bool fits = true;
    for (std::size_t g = 0; g < groups.size() && fits; ++g) {
      for (std::size_t i = 0; i < groups[g].size() && fits; ++i) {
        std::string number;
        std::string parent;
        std::int64_t n = 0;
        std::string_view rest;
        fits = numbering.split(groups[g][i]->heading, number, parent, n, rest) && !rest.empty() &&
               n == static_cast<std::int64_t>(i + 1) &&
               parent == (with_parent ? parents[g] : std::string());
      }
    }
    if (!fits) continue;
    for (const auto& g : groups) {
      for (Node* node : g) {
        std::string parent;
        std::int64_t n = 0;
        std::string_view rest;
        numbering.split(node->heading, node->number, parent, n, rest);
        node->name = std::string(rest);
      }
    }
    return format;
  }
  return {};
}

std::size_t widest_max(std::size_t smallest, std::size_t largest) {
  if (largest > kMaxFixedRepeat && largest > 2 * std::max<std::size_t>(smallest, 1)) return 0;
  return largest;
}

// Names in the order the groups give them: a new name goes after the last
// known name before it in the group it first appears in.
std::vector<std::string> merged_order(const std::vector<std::vector<std::string>>& sequences) {
  std::vector<std::string> order;
  for (const auto& seq : sequences) {
    std::size_t at = 0;
    for (const std::string& name : seq) {
      const auto it = std::find(order.begin(), order.end(), name);
      if (it == order.end()) {
        order.insert(order.begin() + static_cast<std::ptrdiff_t>(at), name);
        ++at;
      } else {
        at = static_cast<std::size_t>(it - order.begin()) + 1;
      }
    }
  }
  return order;
}

bool follows(const std::vector<std::string>& seq, const std::vector<std::string>& order) {
  std::size_t last = 0;
  for (const std::string& name : seq) {
    const auto at =
        static_cast<std::size_t>(std::find(order.begin(), order.end(), name) - order.begin());
    if (at < last) return false;
    last = at;
  }
  return true;
}

// The specs of one level of the tree from the groups of sibling nodes (one
// group per occurrence of the parent, or one per report at the top).
void infer_level(std::vector<std::vector<Node*>> groups, const std::vector<std::string>& parents,
                 bool top, std::string& numbering, bool& any_order, std::vector<Spec>& specs) {
  numbering = infer_numbering(groups, parents, top);
  std::vector<std::vector<std::string>> sequences;
  std::map<std::string, std::size_t> presence;
  for (const auto& g : groups) {
    sequences.emplace_back();
    std::set<std::string> names;
    for (const Node* node : g) {
      sequences.back().push_back(node->name);
      names.insert(node->name);
    }
    for (const std::string& name : names)
      ++presence[name];
  }
  if (presence.empty()) return;
  // Headings that differ from report to report (the titles of work items,
  // of articles) are one repeated section named by a pattern: most of the
  // names are rare, each in fewer than half of the groups.
  std::size_t rare = 0;
  for (const auto& [name, count] : presence)
    rare += count * 2 < groups.size() ? 1 : 0;
  const bool varying = groups.size() >= 3 && rare >= 2 && rare * 2 > presence.size();
  std::vector<std::string> order;
  if (varying) {
    order = {""};
  } else {
    order = merged_order(sequences);
    for (const auto& seq : sequences)
      any_order = any_order || !follows(seq, order);
  }
  for (const std::string& name : order) {
    Spec spec;
    if (varying) {
      spec.pattern = "{text}";
    } else {
      spec.heading = name;
    }
    std::size_t smallest = SIZE_MAX;
    std::size_t largest = 0;
    std::map<std::uint8_t, std::size_t> levels;
    for (const auto& g : groups) {
      std::size_t count = 0;
      for (Node* node : g) {
        if (!varying && node->name != name) continue;
        ++count;
        ++levels[node->level];
        spec.nodes.push_back(node);
      }
      smallest = std::min(smallest, count);
      largest = std::max(largest, count);
    }
    spec.min = smallest;
    spec.max = widest_max(smallest, largest);
    std::size_t most = 0;
    for (const auto& [level, count] : levels) {
      if (count > most) {
        most = count;
        spec.level = level;
      }
    }
    for (const auto& [level, count] : levels)
      if (level != spec.level) spec.other_levels.push_back(level);
    specs.push_back(std::move(spec));
  }
  // Subsections, recursively: one group per node of the spec.
  for (Spec& spec : specs) {
    std::vector<std::vector<Node*>> child_groups;
    std::vector<std::string> child_parents;
    for (Node* node : spec.nodes) {
      child_groups.emplace_back();
      for (const auto& child : node->children)
        child_groups.back().push_back(child.get());
      child_parents.push_back(node->number);
    }
    infer_level(std::move(child_groups), child_parents, false, spec.numbering, spec.any_order,
                spec.children);
  }
}

void write_value_rule(const ValueRule& rule, std::string& out) {
  if (!rule.pattern.empty()) out += "pattern = " + toml_string(rule.pattern) + "\n";
  if (!rule.values.empty()) out += "values = " + toml_strings(rule.values) + "\n";
}

// The content keys of a spec, from its nodes that are not just the empty
// marker. Subsection headings are not content.
void write_content(const Spec& spec, const Draft& draft, const std::string& path,
                   std::string& out) {
  std::vector<const Node*> full;
  for (const Node* node : spec.nodes)
    if (node->content_lines > 0 && !is_empty_marker(*node, draft)) full.push_back(node);
  if (full.empty()) return;
  const bool table = std::all_of(full.begin(), full.end(), [](const Node* n) { return n->table; });
  if (table) {
    std::vector<std::vector<std::string>> sequences;
    for (const Node* n : full)
      sequences.push_back(n->columns);
    const std::vector<std::string> columns = merged_order(sequences);
    bool sound = true;
    for (const auto& seq : sequences) {
      sound = sound && follows(seq, columns) &&
              std::set<std::string>(seq.begin(), seq.end()).size() == seq.size();
    }
    for (const Node* n : full)
      for (const auto& row : n->rows)
        sound = sound && row.size() == n->columns.size();
    if (sound && !columns.empty()) {
      const bool rows =
          std::all_of(full.begin(), full.end(), [](const Node* n) { return !n->rows.empty(); });
      out += "content = \"table\"\n";
      if (rows) out += "min_rows = 1\n";
      for (const std::string& column : columns) {
        std::vector<std::string> cells;
        std::size_t present = 0;
        for (const Node* n : full) {
          const auto at = std::find(n->columns.begin(), n->columns.end(), column);
          if (at == n->columns.end()) continue;
          ++present;
          const auto c = static_cast<std::size_t>(at - n->columns.begin());
          for (const auto& row : n->rows)
            cells.push_back(row[c]);
        }
        out += fmt::format("\n[[{}.columns]]\nname = {}\n", path, toml_string(column));
        if (present < full.size()) out += "required = false\n";
        write_value_rule(infer_values(cells, true), out);
      }
      return;
    }
  }
  const bool keyed =
      std::all_of(full.begin(), full.end(), [](const Node* n) { return n->all_keyed; });
  if (keyed) {
    std::vector<std::vector<std::string>> sequences;
    std::size_t widest = 0;
    bool sound = true;
    for (const Node* n : full) {
      sequences.emplace_back();
      for (const auto& [key, value] : n->key_values)
        sequences.back().push_back(key);
      const std::set<std::string> keys(sequences.back().begin(), sequences.back().end());
      sound = sound && keys.size() == sequences.back().size();
      widest = std::max(widest, keys.size());
    }
    const std::vector<std::string> keys = merged_order(sequences);
    // A free list of "name: description" items has keys that keep changing.
    if (sound && (full.size() == 1 || keys.size() <= 2 * widest)) {
      out += "content = \"key-value\"\n";
      for (const std::string& key : keys) {
        std::vector<std::string> values;
        std::size_t present = 0;
        for (const Node* n : full) {
          for (const auto& [k, v] : n->key_values) {
            if (k != key) continue;
            ++present;
            values.push_back(v);
          }
        }
        out += fmt::format("\n[[{}.keys]]\nname = {}\n", path, toml_string(key));
        if (present < full.size()) out += "required = false\n";
        write_value_rule(infer_values(values, true), out);
      }
      return;
    }
  }
  const bool list =
      std::all_of(full.begin(), full.end(), [](const Node* n) { return n->only_list; });
  if (list) {
    out += "content = \"list\"\n";
    // At least one item, unless a report leaves the section empty.
    if (std::all_of(spec.nodes.begin(), spec.nodes.end(),
                    [](const Node* n) { return n->content_lines > 0; })) {
      out += "min_items = 1\n";
    }
    std::vector<std::string> items;
    for (const Node* n : full)
      items.insert(items.end(), n->items.begin(), n->items.end());
    // Lists take a pattern only (no closed set).
    const ValueRule rule = infer_values(items, false);
    if (!rule.pattern.empty()) out += "item_pattern = " + toml_string(rule.pattern) + "\n";
  }
}

void write_specs(const std::vector<Spec>& specs, const Draft& draft, const std::string& path,
                 bool top, std::string& out) {
  for (const Spec& spec : specs) {
    out += fmt::format("\n[[{}]]\n", path);
    if (!spec.heading.empty()) {
      out += "heading = " + toml_string(spec.heading) + "\n";
    } else {
      out += "pattern = " + toml_string(spec.pattern) + "\n";
    }
    out += fmt::format("level = {}\n", spec.level);
    if (top && !spec.other_levels.empty()) {
      out += "accepted_levels = [";
      for (std::size_t i = 0; i < spec.other_levels.size(); ++i)
        out += fmt::format("{}{}", i ? ", " : "", spec.other_levels[i]);
      out += "]\n";
    }
    if (spec.min == 1 && spec.max == 1) {
      // required, once: the default
    } else if (spec.min == 0 && spec.max == 1) {
      out += "required = false\n";
    } else {
      out += fmt::format("min = {}\nmax = {}{}\n", spec.min, spec.max,
                         spec.max == 0 ? "  # any number" : "");
    }
    if (!spec.children.empty()) {
      if (!spec.numbering.empty()) out += "numbering = " + toml_string(spec.numbering) + "\n";
      if (spec.any_order) out += "order = \"any\"  # the reports disagree on the order\n";
    }
    write_content(spec, draft, path, out);
    write_specs(spec.children, draft, path + ".sections", false, out);
  }
}

// Known ways of saying "nothing to report", compared folded.
bool looks_like_empty_marker(std::string_view text) {
  static const std::set<std::string> known = {"n/a",  "na",       "none",     "nothing",
                                              "-",    "なし",     "特になし", "該当なし",
                                              "無し", "特に無し", "tbd"};
  return text.size() <= 64 && known.count(fold_loosely(text)) > 0;
}

void collect_markers(const std::vector<std::unique_ptr<Node>>& nodes,
                     std::map<std::pair<std::string, bool>, std::size_t>& seen) {
  for (const auto& node : nodes) {
    if (node->content_lines == 1 && looks_like_empty_marker(node->single_text)) {
      ++seen[{node->single_text, node->single_bullet}];
    }
    collect_markers(node->children, seen);
  }
}

// The reports' empty marker, when they all write the same one as a line of
// its own (a marker written as a list item is content to the schema).
void infer_empty_marker(const std::vector<Report>& reports, Draft& draft) {
  std::map<std::pair<std::string, bool>, std::size_t> seen;
  for (const Report& r : reports)
    collect_markers(r.top, seen);
  if (seen.empty()) return;
  if (seen.size() > 1) {
    draft.empty_note = "# The reports say \"nothing to report\" in more than one way: ";
    std::string list;
    for (const auto& [key, count] : seen)
      list += fmt::format("{}'{}{}' ({}x)", list.empty() ? "" : ", ", key.second ? "- " : "",
                          key.first, count);
    draft.empty_note += list + "; pick one as [empty_section] marker.\n";
    return;
  }
  const auto& [text, bullet] = seen.begin()->first;
  if (bullet) {
    draft.empty_note = fmt::format(
        "# The reports write \"nothing to report\" as a list item ('- {}'); a schema's\n"
        "# [empty_section] marker is a line of its own, so it is left out.\n",
        text);
    return;
  }
  draft.empty_marker = text;
}

}  // namespace

int infer_schema(const std::vector<std::string>& files) {
  std::vector<Report> reports;
  for (const std::string& file : files) {
    Report report;
    Error error;
    if (!read_report(file, report, error)) {
      std::cerr << error.to_string() << '\n';
      return 2;
    }
    reports.push_back(std::move(report));
  }
  Draft draft;
  infer_empty_marker(reports, draft);

  std::string root_numbering;
  bool root_any_order = false;
  std::vector<Spec> specs;
  std::vector<std::vector<Node*>> groups;
  for (const Report& r : reports) {
    groups.emplace_back();
    for (const auto& node : r.top)
      groups.back().push_back(node.get());
  }
  infer_level(std::move(groups), std::vector<std::string>(reports.size()), true, root_numbering,
              root_any_order, specs);

  std::set<std::string> titles;
  bool preamble = false;
  for (const Report& r : reports) {
    titles.insert(generalise(r.title, false));
    preamble = preamble || r.preamble;
  }
  std::string out = fmt::format(
      "# Draft schema written by `digestlint schema infer` from {} report(s): review it,\n"
      "# then lint with `digestlint --schema THIS.toml`. How it generalises:\n"
      "# - a section in every report is required, in some `required = false`; one that\n"
      "#   repeats has min/max (the fewest and most seen; max = 0, any number, when the\n"
      "#   most exceeds {} and twice the fewest);\n"
      "# - headings that change from report to report are one `pattern = \"{{text}}\"`;\n"
      "# - a column, key or list whose values all have one shape (a date, a week, a\n"
      "#   number, \"{{date}}: {{text}}\") gets that pattern; one with at most {} short\n"
      "#   values, each seen twice on average, gets them as `values`.\n",
      reports.size(), kMaxFixedRepeat, kMaxClosedValues);
  out += draft.empty_note;
  out += "\nname = \"inferred\"\n";
  if (!root_numbering.empty()) out += "numbering = " + toml_string(root_numbering) + "\n";
  if (root_any_order) out += "order = \"any\"  # the reports disagree on the order\n";
  out += "\n[title]\n";
  if (titles.size() == 1) {
    const std::string& t = *titles.begin();
    out += t.find('{') != std::string::npos ? "pattern = " + toml_string(t) + "\n"
                                            : "text = " + toml_string(t) + "\n";
  } else {
    out += "pattern = \"{text}\"  # the titles differ\n";
  }
  if (!preamble) out += "\n[preamble]\nallowed = false\n";
  if (!draft.empty_marker.empty() && draft.empty_marker != "N/A") {
    out += "\n[empty_section]\nmarker = " + toml_string(draft.empty_marker) + "\n";
  }
  write_specs(specs, draft, "sections", true, out);
  std::cout << out;
  return 0;
}

}  // namespace digestlint
