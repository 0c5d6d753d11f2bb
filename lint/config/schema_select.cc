// --schema auto: pick the built-in schema a digest is written in from its
// title line, so a whole archive (modern and legacy digests) can be
// checked in one run.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "config/builtin_schemas.h"
#include "config/schema_loader.h"

namespace digestlint {

namespace {

// (title, name) of every built-in schema with an H1 title, default first.
const std::vector<std::pair<std::string, std::string_view>>& builtin_titles() {
  static const std::vector<std::pair<std::string, std::string_view>> titles = [] {
    std::vector<std::pair<std::string, std::string_view>> out;
    for (const BuiltinSchema& b : builtin_schemas()) {
      Error error;
      const auto schema = load_schema(b.name, error);
      if (schema && schema->title_level == 1) out.emplace_back(schema->title, b.name);
    }
    return out;
  }();
  return titles;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// The text of the first ATX H1 outside fenced code, or nullopt-like empty
// with `found` false.
std::string_view first_h1(std::string_view text, bool& found) {
  found = false;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string_view fence;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find_first_of("\r\n", at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    std::size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ')
      ++indent;
    if (indent > 3) continue;
    line.remove_prefix(indent);
    if (line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~") {
      const std::string_view marker = line.substr(0, 3);
      if (fence.empty()) {
        fence = marker;
      } else if (fence == marker) {
        fence = {};
      }
      continue;
    }
    if (!fence.empty()) continue;
    if (line.size() < 1 || line[0] != '#') continue;
    if (line.size() > 1 && line[1] != ' ' && line[1] != '\t') continue;
    std::string_view title = trim(line.substr(1));
    // Closing sequence: " ##".
    const std::size_t hashes = title.find_last_not_of('#');
    if (hashes == std::string_view::npos) {
      title = {};
    } else if (hashes + 1 < title.size() && (title[hashes] == ' ' || title[hashes] == '\t')) {
      title = trim(title.substr(0, hashes));
    }
    found = true;
    return title;
  }
  return {};
}

}  // namespace

std::string_view resolve_schema_for(std::string_view text) {
  const auto& titles = builtin_titles();
  bool found = false;
  const std::string_view title = first_h1(text, found);
  if (found) {
    for (const auto& [t, name] : titles) {
      if (t == title) return name;
    }
  }
  return builtin_schema_names().front();
}

}  // namespace digestlint
