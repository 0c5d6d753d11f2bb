#include "defuse.h"

namespace digestlint {

namespace {

bool is_blank_line(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// A line that may start a link reference definition: "[label]:" after
// indentation and container markers ("> ", "- ", "1. ").
bool looks_like_reference_definition(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '>' || c == '-' || c == '*' || c == '+' || c == '.' ||
        c == ')' || (c >= '0' && c <= '9')) {
      ++i;
    } else {
      break;
    }
  }
  if (i >= line.size() || line[i] != '[') return false;
  return line.find("]:", i) != std::string_view::npos;
}

// Splits into blocks separated by blank lines: a superset of any md4c leaf
// block, so counting per such block never undercounts.
template <typename F>
void for_each_block(std::string_view s, F f) {
  std::size_t block_begin = std::string_view::npos;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t eol = s.find_first_of("\r\n", pos);
    if (eol == std::string_view::npos) eol = s.size();
    const std::string_view line = s.substr(pos, eol - pos);
    if (is_blank_line(line)) {
      if (block_begin != std::string_view::npos) f(block_begin, pos);
      block_begin = std::string_view::npos;
    } else if (block_begin == std::string_view::npos) {
      block_begin = pos;
    }
    if (eol == s.size()) break;
    pos = eol + ((s[eol] == '\r' && eol + 1 < s.size() && s[eol + 1] == '\n') ? 2 : 1);
  }
  if (block_begin != std::string_view::npos) f(block_begin, s.size());
}

}  // namespace

bool defuse(std::string_view input, std::string& copy, std::vector<ByteRange>& ranges,
            const DefuseLimits& limits) {
  bool changed = false;
  auto ensure_copy = [&] {
    if (!changed) copy.assign(input.data(), input.size());
    changed = true;
  };
  for_each_block(input, [&](std::size_t begin, std::size_t end) {
    const std::string_view block = input.substr(begin, end - begin);
    std::size_t brackets = 0;
    std::size_t autolinks = 0;
    for (std::size_t i = 0; i < block.size(); ++i) {
      const char c = block[i];
      if (c == '[' || c == ']') {
        ++brackets;
      } else if (c == ':' && block.compare(i, 3, "://") == 0) {
        ++autolinks;
      }
    }
    bool touched = false;
    if (brackets > limits.brackets_per_block) {
      ensure_copy();
      for (std::size_t i = begin; i < end; ++i) {
        if (copy[i] == '[' || copy[i] == ']') copy[i] = ' ';
      }
      touched = true;
    }
    if (autolinks > limits.autolinks_per_block) {
      ensure_copy();
      for (std::size_t i = begin; i + 2 < end; ++i) {
        if (copy[i] == ':' && copy[i + 1] == '/' && copy[i + 2] == '/') copy[i] = ';';
      }
      touched = true;
    }
    // A reference definition's destination and title are re-read at every
    // use. A definition whose extent (up to the next definition or blank
    // line, the most it can span) is long loses its "]:" and becomes text.
    if (!touched && block.size() > limits.reference_definition_bytes) {
      std::size_t definition = std::string_view::npos;
      auto close_definition = [&](std::size_t until) {
        if (definition != std::string_view::npos &&
            until - definition > limits.reference_definition_bytes) {
          ensure_copy();
          copy[begin + block.find("]:", definition) + 1] = ' ';
          touched = true;
        }
      };
      std::size_t pos = 0;
      while (pos < block.size()) {
        std::size_t eol = block.find_first_of("\r\n", pos);
        if (eol == std::string_view::npos) eol = block.size();
        if (looks_like_reference_definition(block.substr(pos, eol - pos))) {
          close_definition(pos);
          definition = pos;
        }
        pos = eol + 1;
      }
      close_definition(block.size());
    }
    if (touched) ranges.push_back({static_cast<Offset>(begin), static_cast<Offset>(end)});
  });
  return changed;
}

}  // namespace digestlint
