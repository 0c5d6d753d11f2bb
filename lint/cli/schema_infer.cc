#include "cli/schema_infer.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/files.h"
#include "digestlint/digest.h"
#include "digestlint/document.h"
#include "digestlint/source.h"
#include "digestlint/text.h"
#include "parse/scanner.h"

namespace digestlint {

namespace {

// What one top-level section of one report holds.
struct SeenSection {
  std::string name;  // heading text, its "N. " number removed
  bool numbered = false;
  bool table = false;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> keys;  // "- key: value" bullets, when every item is one
  bool key_value = false;
  bool list = false;
  bool empty = true;
};

struct SeenReport {
  std::string title;
  std::uint8_t level = 2;
  std::vector<SeenSection> sections;
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// "2026-05-04" -> "{date}", "2026-W19" -> "{week}", "20260504" -> "{date:YYYYMMDD}".
std::string generalise_title(std::string_view title) {
  std::string out;
  for (std::size_t i = 0; i < title.size();) {
    auto digits = [&](std::size_t at, std::size_t n) {
      if (at + n > title.size()) return false;
      for (std::size_t k = at; k < at + n; ++k)
        if (!is_digit(title[k])) return false;
      return true;
    };
    const bool boundary = i == 0 || !is_digit(title[i - 1]);
    if (boundary && digits(i, 4) && i + 10 <= title.size() && title[i + 4] == '-' &&
        digits(i + 5, 2) && title[i + 7] == '-' && digits(i + 8, 2)) {
      out += "{date}";
      i += 10;
    } else if (boundary && digits(i, 4) && i + 8 <= title.size() && title[i + 4] == '-' &&
               title[i + 5] == 'W' && digits(i + 6, 2)) {
      out += "{week}";
      i += 8;
    } else if (boundary && digits(i, 8) && (i + 8 == title.size() || !is_digit(title[i + 8]))) {
      out += "{date:YYYYMMDD}";
      i += 8;
    } else {
      if (title[i] == '{' || title[i] == '}') out += title[i];
      out += title[i++];
    }
  }
  return out;
}

std::vector<std::string> row_cells(std::string_view line) {
  line = trim_ascii_space(line);
  if (!line.empty() && line.front() == '|') line.remove_prefix(1);
  if (!line.empty() && line.back() == '|') line.remove_suffix(1);
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '|') {
      out.emplace_back(trim_ascii_space(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

bool read_report(const std::string& file, SeenReport& report, Error& error) {
  std::string bytes;
  if (!read_file(file, bytes, error)) return false;
  const SourceText source(bytes);
  Document doc;
  Scanner().scan(source, doc);
  std::uint8_t level = 7;
  for (const Heading& h : doc.headings) {
    if (h.level == 1 && report.title.empty()) report.title = std::string(source.slice(h.text));
    if (h.level > 1) level = std::min(level, h.level);
  }
  if (level == 7) {
    error = Error{file, 0, 0, "no sections (headings below the title)"};
    return false;
  }
  report.level = level;
  for (std::size_t i = 0; i < doc.headings.size(); ++i) {
    const Heading& h = doc.headings[i];
    if (h.level != level) continue;
    SeenSection s;
    std::string_view name = source.slice(h.text);
    std::size_t d = 0;
    while (d < name.size() && is_digit(name[d]))
      ++d;
    if (d > 0 && d + 1 < name.size() && name[d] == '.' && name[d + 1] == ' ') {
      s.numbered = true;
      name = trim_ascii_space(name.substr(d + 2));
    }
    s.name = std::string(name);
    std::uint32_t end = static_cast<std::uint32_t>(doc.lines.size());
    for (std::size_t j = i + 1; j < doc.headings.size(); ++j) {
      end = doc.headings[j].line;
      break;
    }
    int items = 0;
    int keyed = 0;
    int other = 0;
    std::uint32_t table_line = 0;
    for (std::uint32_t l = h.line + 1; l < end; ++l) {
      const Line& line = doc.lines[l];
      if (!is_content_line(line)) continue;
      s.empty = false;
      const std::string_view text = source.slice({line.begin, line.end});
      if (line.role == LineRole::Table) {
        if (!s.table) {
          s.table = true;
          table_line = l;
          s.columns = row_cells(text);
        } else if (l >= table_line + 2) {
          s.rows.push_back(row_cells(text));
        }
      } else if (line.role == LineRole::ItemStart && line.indent == 0) {
        ++items;
        const std::string_view item = source.slice({line.content_begin, line.end});
        const std::size_t colon = item.find(": ");
        // "2026-05-11: ..." is a dated item, not a key.
        if (colon != std::string_view::npos && colon > 0 && !is_digit(item.front())) {
          ++keyed;
          s.keys.emplace_back(trim_ascii_space(item.substr(0, colon)));
        }
      } else if (line.role != LineRole::Paragraph || line.item == kNone) {
        ++other;
      }
    }
    s.key_value = items > 0 && keyed == items && other == 0 && !s.table;
    s.list = items > 0 && keyed != items && other == 0 && !s.table;
    report.sections.push_back(std::move(s));
  }
  return true;
}

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string toml_strings(const std::vector<std::string>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i)
    out += (i ? ", " : "") + toml_string(v[i]);
  return out + "]";
}

}  // namespace

int infer_schema(const std::vector<std::string>& files) {
  std::vector<SeenReport> reports;
  for (const std::string& file : files) {
    SeenReport report;
    Error error;
    if (!read_report(file, report, error)) {
      std::cerr << error.to_string() << '\n';
      return 2;
    }
    reports.push_back(std::move(report));
  }
  // Section names in the order the reports give them: each new name goes
  // after the last known name before it in the report it first appears in.
  std::vector<std::string> order;
  for (const SeenReport& r : reports) {
    std::size_t at = 0;
    for (const SeenSection& s : r.sections) {
      const auto it = std::find(order.begin(), order.end(), s.name);
      if (it == order.end()) {
        order.insert(order.begin() + static_cast<std::ptrdiff_t>(at), s.name);
        ++at;
      } else {
        at = static_cast<std::size_t>(it - order.begin()) + 1;
      }
    }
  }
  const std::uint8_t level = reports.front().level;
  bool numbered = true;
  std::set<std::string> titles;
  for (const SeenReport& r : reports) {
    titles.insert(generalise_title(r.title));
    for (const SeenSection& s : r.sections)
      numbered = numbered && s.numbered;
  }
  std::string out = "# Draft schema written by `digestlint schema infer` from " +
                    std::to_string(reports.size()) + " report(s): review it, then lint with\n" +
                    "# `digestlint --schema THIS.toml`. Subsections are not inferred.\n\n";
  out += "name = \"inferred\"\n";
  if (numbered) out += "numbering = \"{n}. \"\n";
  out += "\n[title]\n";
  if (titles.size() == 1) {
    const std::string& t = *titles.begin();
    out += t.find('{') != std::string::npos ? "pattern = " + toml_string(t) + "\n"
                                            : "text = " + toml_string(t) + "\n";
  } else {
    out += "pattern = \"{text}\"  # the titles differ\n";
  }
  for (const std::string& name : order) {
    std::size_t present = 0;
    bool all_table = true;
    bool all_keyed = true;
    bool all_list = true;
    std::vector<std::string> columns;
    std::map<std::string, std::size_t> key_count;
    std::vector<std::set<std::string>> values;
    for (const SeenReport& r : reports) {
      const auto it = std::find_if(r.sections.begin(), r.sections.end(),
                                   [&](const SeenSection& s) { return s.name == name; });
      if (it == r.sections.end()) continue;
      ++present;
      all_table = all_table && it->table;
      all_keyed = all_keyed && it->key_value;
      all_list = all_list && it->list;
      if (it->table) {
        if (columns.empty() && present == 1) {
          columns = it->columns;
          values.resize(columns.size());
        } else if (it->columns != columns) {
          all_table = false;
        }
        for (const auto& row : it->rows)
          for (std::size_t c = 0; c < row.size() && c < values.size(); ++c)
            values[c].insert(row[c]);
      }
      for (const std::string& k : std::set<std::string>(it->keys.begin(), it->keys.end()))
        ++key_count[k];
    }
    out += fmt::format("\n[[sections]]\nheading = {}\nlevel = {}\n", toml_string(name), level);
    if (present < reports.size()) out += "required = false\n";
    if (all_table && !columns.empty()) {
      out += "content = \"table\"\n";
      for (std::size_t c = 0; c < columns.size(); ++c) {
        out += fmt::format("\n[[sections.columns]]\nname = {}\n", toml_string(columns[c]));
        const bool numbers = !values[c].empty() &&
                             std::all_of(values[c].begin(), values[c].end(), [](const auto& v) {
                               return !v.empty() && std::all_of(v.begin(), v.end(), is_digit);
                             });
        // Digits are a count; a small closed set of words is likely an enumeration.
        if (numbers) {
          out += "pattern = \"{n}\"\n";
        } else if (!values[c].empty() && values[c].size() <= 5) {
          const std::vector<std::string> v(values[c].begin(), values[c].end());
          out += "values = " + toml_strings(v) + "\n";
        }
      }
    } else if (all_keyed) {
      out += "content = \"key-value\"\n";
      for (const auto& [key, count] : key_count) {
        out += fmt::format("\n[[sections.keys]]\nname = {}\n", toml_string(key));
        if (count < present) out += "required = false\n";
      }
    } else if (all_list) {
      out += "content = \"list\"\n";
    }
  }
  std::cout << out;
  return 0;
}

}  // namespace digestlint
