// defuse() first runs a cheap pass over the whole text (may_exceed_limits)
// and runs the pass block by block (defuse_blocks) only when that pass
// cannot rule a limit out. The fast pass must never say "nothing to do"
// where the block pass would change something: checked here on inputs built
// to sit at and over every limit, with each construct at every offset of
// the 16- and 64-byte chunks the fast pass reads (and in the bytes after the
// last whole chunk), next to ill-formed UTF-8 and every kind of line end;
// on seeded random inputs; and on the fuzz seeds and the fixtures. defuse()
// must give exactly what the block pass gives, and the first pass the same
// answer on SSE2 vectors as on the widest the processor has.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parse/defuse.h"

using namespace digestlint;

namespace {

std::string repeat(std::string_view unit, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i)
    s += unit;
  return s;
}

// Limits low enough for short inputs to cross them; container depth keeps
// the lowest value the fast pass handles without giving up (60: a prefix
// of 31 bytes).
DefuseLimits small_limits() {
  DefuseLimits l;
  l.brackets_per_block = 6;
  l.bracket_depth = 3;
  l.autolinks_per_block = 3;
  l.container_depth = 60;
  l.definition_budget_base = 8;
  l.definition_budget_per_byte = 1;
  return l;
}

struct Agreement {
  bool fast_says_maybe = false;
  bool blocks_changed = false;
};

// Runs both ways; returns what the fast pass and the block pass said.
Agreement check_agrees(std::string_view text, const DefuseLimits& limits) {
  Agreement a;
  std::string block_copy;
  std::vector<ByteRange> block_ranges;
  a.blocks_changed = defuse_blocks(text, block_copy, block_ranges, limits);
  a.fast_says_maybe = may_exceed_limits(text, limits);
  // The AVX2 loop, where the processor has it, answers as the SSE2 one.
  CHECK(may_exceed_limits(text, limits, false) == a.fast_says_maybe);
  std::string copy;
  std::vector<ByteRange> ranges;
  const bool changed = defuse(text, copy, ranges, limits);
  INFO("input (" << text.size() << " bytes): " << std::string(text.substr(0, 200)));
  if (a.blocks_changed) CHECK(a.fast_says_maybe);
  CHECK(changed == a.blocks_changed);
  if (changed && a.blocks_changed) CHECK(copy == block_copy);
  CHECK(ranges.size() == block_ranges.size());
  for (std::size_t k = 0; k < std::min(ranges.size(), block_ranges.size()); ++k) {
    CHECK(ranges[k].begin == block_ranges[k].begin);
    CHECK(ranges[k].end == block_ranges[k].end);
  }
  return a;
}

// `core` after `shift` bytes of filler (so that it starts at every offset of
// a chunk), followed by `tail`.
std::string shifted(std::string_view filler, std::size_t shift, std::string_view core,
                    std::string_view tail = "") {
  std::string s;
  while (s.size() < shift)
    s += filler;
  s.resize(shift);
  s += core;
  s += tail;
  return s;
}

// Fillers: plain ASCII, Japanese (bytes of 0x80 and above), ill-formed
// UTF-8, digits (prefix bytes that are no prefix mid-line), spaces.
const std::vector<std::string> kFillers = {
    "abc ", "\xE6\x97\xA5\xE6\x9C\xAC", "\xFF\xC3(\x80\xE3", "0123456789", "  ", "x\n", "y\r\n",
};

// Text after an input's last construct, so that the construct falls in a
// whole block of 64 bytes, not in the bytes after the last one.
const std::string kTail = repeat("tail \xE6\x97\xA5 ", 16);

}  // namespace

TEST_CASE("defuse fast pass: ordinary digest text needs no block pass", "[defuse]") {
  // The shapes of the archive: links, bare URLs, long status numbers, IOC
  // lines, indented lists, a "]:" free text.
  std::string digest = "# Daily Security Info\n\n### Tools\nN/A\n\n";
  for (int i = 0; i < 40; ++i) {
    digest +=
        "#### \xE8\xA6\x81\xE7\xB4\x84 title\n"
        "https://www.example.com/news/security/some-long-path-name/\n\n"
        "- \xE8\xA6\x81\xE7\xB4\x84\n"
        "    - [Latrodectus](https://x.com/Cryptolaemus1/status/1846565207809675688)\n"
        "    - 192.168.100.200 and 10.0.0.1 (2024-01-01 12:00:00)\n"
        "  - https://x.com/bomccss/status/1846479353607282738\n"
        "\t- tabbed item\n\n";
  }
  const Agreement a = check_agrees(digest, {});
  CHECK_FALSE(a.fast_says_maybe);
  CHECK_FALSE(a.blocks_changed);
  CHECK_FALSE(may_exceed_limits(""));
  CHECK_FALSE(may_exceed_limits("\n\r\n\r"));
}

TEST_CASE("defuse fast pass: brackets and nesting at every offset", "[defuse]") {
  const DefuseLimits limits = small_limits();
  const std::vector<std::string> cores = {
      repeat("[]", 3),                                 // at the count limit
      repeat("[]", 3) + "[",                           // one over
      "[[[a]]]",                                       // at the depth limit
      "[[[[a]]]]",                                     // one over
      "]]]][[[[",                                      // closers first: depth counts from 0
      repeat("](\n[", 4),                              // over, across lines of one block
      repeat("[a]\n\n", 4),                            // over in the text, not in any block
      "[[[\n\n[[[",                                    // deep in the text, not in any block
      "[a]",                                           // ends the buffer with ']'
      "[a]:",                                          // a definition's colon at the end
      "[a]: /" + repeat("u", 40),                      // a long definition, never used
      "[a]: /" + repeat("u", 40) + "\n\n[a] [a] [a]",  // used
      "> [a]: /u\n> 'title'\n\n[a]",
  };
  for (const std::string& filler : kFillers) {
    for (std::size_t shift = 0; shift < 80; ++shift) {
      for (const std::string& core : cores) {
        check_agrees(shifted(filler, shift, core), limits);
        check_agrees(shifted(filler, shift, core, "\n" + filler), limits);
      }
    }
  }
}

TEST_CASE("defuse fast pass: autolinks at every offset and at the buffer's end", "[defuse]") {
  const DefuseLimits limits = small_limits();
  const std::vector<std::string> cores = {
      repeat("a://b ", 3),
      repeat("a://b ", 4),
      repeat("www.a ", 4),
      repeat("wwww.", 4),
      "www.a ftp://b www.c h://",
      "www",
      "ww",
      "www.",
      ":/",
      "://",
      repeat("x://\n", 4),
      repeat("x://\n\n", 4),
      // The autolink over the limit ends the buffer.
      repeat("www.a ", 3) + "www.",
      repeat("a://b ", 3) + "x://",
  };
  for (const std::string& filler : kFillers) {
    for (std::size_t shift = 0; shift < 80; ++shift) {
      for (const std::string& core : cores) {
        check_agrees(shifted(filler, shift, core), limits);
        check_agrees(shifted(filler, shift, core, "\r\n" + filler), limits);
      }
    }
  }
}

TEST_CASE("defuse fast pass: container prefixes at and over the depth limit", "[defuse]") {
  for (const DefuseLimits& limits : {DefuseLimits{}, small_limits()}) {
    const std::size_t depth = limits.container_depth;
    // Prefixes of every kind, at and just over the limit, and blank lines
    // whose whitespace alone would be deep (blank lines end blocks, they
    // are never counted).
    std::vector<std::string> prefixes = {
        repeat("> ", depth),
        repeat(">", depth + 1),
        repeat("- ", depth),
        repeat("- ", depth + 1),
        repeat("\t", depth / 2),
        repeat("\t", depth / 2 + 1),
        repeat(" ", 2 * depth + 2),
        repeat("1. ", depth + 1),
        repeat("12) * + ", depth / 4 + 1),
        repeat(">\t", depth / 3 + 1),
        "- " + repeat(" ", 4 * depth),
        repeat("-", 2 * depth),
        repeat("0", 200) + ".",
    };
    for (const std::string& filler : kFillers) {
      for (std::size_t shift = 0; shift < 130; ++shift) {
        for (const std::string& prefix : prefixes) {
          for (const std::string_view line_end : {"\n", "\r\n", "\r"}) {
            // The prefix starts a line after `shift` bytes of other lines.
            std::string before = shifted(filler, shift, "");
            check_agrees(before + std::string(line_end) + prefix + "a" + std::string(line_end),
                         limits);
            check_agrees(before + std::string(line_end) + prefix, limits);
            // Whole blocks of 64 bytes after it: the prefix inside one.
            check_agrees(
                before + std::string(line_end) + prefix + "a" + std::string(line_end) + kTail,
                limits);
          }
          // At the start of the buffer.
          check_agrees(prefix + "text\n" + filler, limits);
        }
      }
    }
  }
}

TEST_CASE("defuse fast pass: every depth limit, tabs at every offset", "[defuse]") {
  // Tabs add the most depth per byte (2): the shortest prefix over a
  // limit. Limits around the lowest the fast pass takes on (60).
  for (std::size_t depth = 50; depth <= 70; ++depth) {
    DefuseLimits limits;
    limits.container_depth = depth;
    for (std::size_t shift = 0; shift < 40; ++shift) {
      for (std::size_t tabs = depth / 2 - 1; tabs <= depth / 2 + 1; ++tabs) {
        std::string line = "\n";
        line += repeat("\t", tabs);
        check_agrees(shifted("ab", shift, line, "-"), limits);
        check_agrees(shifted("ab", shift, line, "- x\n"), limits);
        check_agrees(shifted("ab", shift, line, "- x\n" + kTail), limits);
      }
    }
  }
}

TEST_CASE("defuse fast pass: long runs of prefix bytes measure each line once", "[defuse]") {
  // Lines of digits and spaces after a shallow prefix, one huge prefix,
  // and a deep line after many lines of prefix bytes: the answer, whatever
  // the chunks and lines.
  const std::string digits = repeat("0123456789", 3000);
  check_agrees("- " + digits + "\n", {});
  check_agrees(repeat("  - " + digits.substr(0, 100) + "\n", 200), {});
  check_agrees(repeat(" ", 100000) + "-\n", {});
  const Agreement deep = check_agrees(repeat("- 1\n", 50) + repeat("> ", 70) + "x\n", {});
  CHECK(deep.blocks_changed);
  check_agrees(repeat("- " + digits.substr(0, 60) + "\n", 50) + repeat(" > ", 65) + "x", {});
}

TEST_CASE("defuse fast pass: seeded random inputs", "[defuse]") {
  // Pieces of every construct the block pass counts, line ends, prefix
  // bytes and bytes of 0x80 and above.
  const std::vector<std::string> pieces = {
      "[",    "]",    "](",         "]:",       "://",      "www.", "ww",  ":",
      "/",    " ",    "\t",         "> > > > ", "\t\t\t\t", "- ",   "* ",  "+ ",
      "1. ",  "9)",   "\n",         "\r\n",     "\r",       "a",    "w",   "\xE3\x80\x80",
      "\xFF", "\xC3", "0123456789", "        ", "'t'",      "(t)",  "<u>", "\\",
  };
  std::mt19937 random(20261206);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<std::size_t> length(0, 400);
  std::size_t fast_maybe = 0;
  std::size_t changed = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t n = length(random);
    for (std::size_t i = 0; i < n; ++i)
      text += pieces[piece(random)];
    for (const DefuseLimits& limits : {DefuseLimits{}, small_limits()}) {
      const Agreement a = check_agrees(text, limits);
      fast_maybe += a.fast_says_maybe;
      changed += a.blocks_changed;
    }
  }
  // Both answers occur: the inputs reach the limits and stay under them.
  CHECK(changed > 0);
  CHECK(fast_maybe > changed);
}

TEST_CASE("defuse fast pass: fuzz seeds and fixtures", "[defuse]") {
  const std::filesystem::path root(DIGESTLINT_SOURCE_DIR);
  std::size_t files = 0;
  for (const auto& dir : {root / "tests" / "fuzz" / "seeds", root / "fixtures"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      INFO(e.path().string());
      check_agrees(text.str(), {});
      check_agrees(text.str(), small_limits());
      ++files;
    }
  }
  CHECK(files > 10);
}
