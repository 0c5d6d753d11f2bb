// Inputs on which a Markdown tool can go slow, crash or lose positions:
// md4c's own pathological cases (those that are still super-linear in
// 0.4.8 are defused by lint/parse/defuse.cc), and cases aimed at digestlint's
// scanner (deep nesting, many blocks anchored by line shape, huge lines,
// NULs, odd line ends). Shared by tests/test_pathological.cc (correctness
// under a CTest timeout) and bench/ (throughput against the md4c baseline).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace digestlint::pathological {

// Whether markdown-too-complex (DL901) must be reported.
enum class Defused { Yes, No };

struct Input {
  std::string_view name;
  std::string_view what;
  Defused defused;
  // Builds the input, about `size` bytes long.
  std::string (*make)(std::size_t size);
};

namespace detail {

inline std::string repeat_until(std::string_view prefix, std::string_view unit,
                                std::string_view suffix, std::size_t size) {
  std::string s(prefix);
  s.reserve(size + unit.size() + suffix.size());
  while (s.size() + suffix.size() < size)
    s.append(unit);
  s.append(suffix);
  return s;
}

// Blocks separated by blank lines, each built by `block`, until `size`.
template <typename F>
std::string blocks_until(std::string_view prefix, std::size_t size, F block) {
  std::string s(prefix);
  while (s.size() < size) {
    s += block();
    s += "\n\n";
  }
  return s;
}

}  // namespace detail

inline const std::vector<Input>& inputs() {
  using detail::blocks_until;
  using detail::repeat_until;
  static const std::vector<Input> all = {
      // --- md4c's pathological list, super-linear in 0.4.8: defused.
      {"nested-brackets-with-definition", "'[' x n, ']' x n in one paragraph, a definition above",
       Defused::Yes,
       [](std::size_t n) {
         const std::size_t half = n / 2;
         return "[a]: /u\n\n" + std::string(half, '[') + std::string(half, ']') + "\n";
       }},
      {"nested-brackets-many-blocks", "many paragraphs of 40 nested brackets, a definition above",
       Defused::Yes,
       [](std::size_t n) {
         return blocks_until("[a]: /u\n\n", n,
                             [] { return std::string(40, '[') + std::string(40, ']'); });
       }},
      {"broken-links", "'](' newline '[' repeated in one paragraph", Defused::Yes,
       [](std::size_t n) { return repeat_until("", "](\n[", "", n); }},
      {"table-cells-with-brackets", "a table whose rows are '|[x|](y|'", Defused::Yes,
       [](std::size_t n) { return repeat_until("|a|b|\n|-|-|\n", "|[x|](y|\n", "", n); }},
      {"many-urls-one-paragraph", "'http://a.b/c ' repeated in one paragraph", Defused::Yes,
       [](std::size_t n) { return repeat_until("", "http://a.b/c ", "\n", n); }},
      {"url-per-line-one-paragraph", "one URL per line, all lines in one paragraph", Defused::Yes,
       [](std::size_t n) { return repeat_until("", "see https://example.com/x\n", "", n); }},
      {"many-www-autolinks", "'www.a.b ' repeated in one paragraph", Defused::Yes,
       [](std::size_t n) { return repeat_until("", "www.a.b ", "\n", n); }},
      {"www-autolinks-with-parens", "'www.a.b/(((' repeated without spaces", Defused::Yes,
       [](std::size_t n) { return repeat_until("", "www.a.b/(((", "\n", n); }},
      {"long-definition-many-uses", "a reference definition of n/2 bytes used n/6 times",
       Defused::Yes,
       [](std::size_t n) {
         return "[a]: /" + std::string(n / 2, 'x') + "\n\n" + repeat_until("", "[a]", "\n", n / 2);
       }},
      {"long-definition-title-many-uses", "a definition with an n/2-byte title, used n/6 times",
       Defused::Yes,
       [](std::size_t n) {
         return "[a]: /u '" + std::string(n / 2, 't') + "'\n\n" +
                repeat_until("", "[a]", "\n", n / 2);
       }},
      // --- Linear in md4c; checks digestlint's own passes.
      {"many-links-one-paragraph", "'[a](http://b) ' repeated (brackets over the limit)",
       Defused::Yes, [](std::size_t n) { return repeat_until("", "[a](http://b) ", "\n", n); }},
      {"many-definitions", "thousands of reference definitions, each used twice", Defused::No,
       [](std::size_t n) {
         std::string defs, uses;
         for (std::size_t i = 0; defs.size() + uses.size() < n; ++i) {
           // A blank line every 100: blocks stay under the bracket limit.
           const char* gap = i % 100 == 99 ? "\n" : "";
           defs += "[r" + std::to_string(i) + "]: https://example.com/" + std::to_string(i) +
                   " 'T'\n" + gap;
           uses += "- [r" + std::to_string(i) + "] [x][r" + std::to_string(i) + "]\n" + gap;
         }
         return defs + "\n" + uses;
       }},
      {
          "emphasis-openers",
          "'*a _b ' repeated: unmatched emphasis delimiters",
          Defused::No,
          [](std::size_t n) { return repeat_until("", "*a _b **c __d ", "\n", n); },
      },
      {"emphasis-nested", "'*_' x n, 'a', '_*' x n", Defused::No,
       [](std::size_t n) {
         return repeat_until("", "*_", "", n / 2) + "a" + repeat_until("", "_*", "\n", n / 2);
       }},
      {"strikethrough-and-code", "'~~a `b ~c' repeated: unmatched ~ and backticks", Defused::No,
       [](std::size_t n) { return repeat_until("", "~~a `b ~c ``d ", "\n", n); }},
      {"email-autolinks", "'a@b.c ' repeated in one paragraph", Defused::No,
       [](std::size_t n) { return repeat_until("", "user@example.com ", "\n", n); }},
      {"inline-html", "'<a href=x> <!-- <? <!X' repeated, unclosed", Defused::No,
       [](std::size_t n) { return repeat_until("", "<a href=x> <!-- <? <!X ", "\n", n); }},
      {"inline-cdata", "'<![CDATA[' repeated, unclosed (brackets over the limit)", Defused::Yes,
       [](std::size_t n) { return repeat_until("", "<![CDATA[ ", "\n", n); }},
      {"html-blocks", "'<div>' blocks and an unclosed comment", Defused::No,
       [](std::size_t n) { return repeat_until("", "<div>\n\n", "<!--\nopen", n); }},
      {"entities", "named, decimal, hex and bogus entities", Defused::No,
       [](std::size_t n) {
         return repeat_until("", "&amp;&#123;&#x1F600;&bogus;&#99999999; ", "\n", n);
       }},
      {"table-many-columns", "a table with thousands of columns", Defused::No,
       [](std::size_t n) {
         const std::size_t cols = n / 8;
         std::string s;
         for (std::size_t i = 0; i < cols; ++i)
           s += "|a";
         s += "|\n";
         for (std::size_t i = 0; i < cols; ++i)
           s += "|-";
         s += "|\n";
         for (std::size_t i = 0; i < cols; ++i)
           s += "|b";
         return s + "|\n";
       }},
      {"table-many-rows", "a two-column table with tens of thousands of rows, empty cells",
       Defused::No, [](std::size_t n) { return repeat_until("|a|b|\n|-|-|\n", "||x|\n", "", n); }},
      // Container nesting: the scanner walks the open containers at every
      // event, so deeper than DefuseLimits::container_depth is defused.
      {"deep-block-quotes", "'>' x n then text", Defused::Yes,
       [](std::size_t n) { return std::string(n, '>') + " a\n"; }},
      {"deep-list-one-line", "'- ' x n then text: n nested lists on one line", Defused::Yes,
       [](std::size_t n) { return repeat_until("", "- ", "a\n", n); }},
      {"deep-list-indented", "each line one level deeper than the last", Defused::Yes,
       [](std::size_t n) {
         std::string s;
         for (std::size_t depth = 0; s.size() < n; ++depth)
           s += std::string(2 * depth, ' ') + "- a\n";
         return s;
       }},
      {"deep-quotes-and-lists", "'> - 1. ' x n then text", Defused::Yes,
       [](std::size_t n) { return repeat_until("", "> - 1. ", "a\n", n); }},
      {"empty-items-in-quotes", "'> -' lines: empty items md4c anchors by shape", Defused::No,
       [](std::size_t n) { return repeat_until("", "> -\n", "", n); }},
      {"empty-headings-in-quotes", "'> #' lines: empty headings inside a quote", Defused::No,
       [](std::size_t n) { return repeat_until("", "> #\n", "", n); }},
      {"breaks-in-quotes", "'> ***' lines: thematic breaks inside a quote", Defused::No,
       [](std::size_t n) { return repeat_until("", "> ***\n", "", n); }},
      {"breaks-in-items", "'- ***' lines: a thematic break inside each item", Defused::No,
       [](std::size_t n) { return repeat_until("", "- ***\n", "", n); }},
      // Ends with text: the file's empty last line once closed the list, and
      // blank-line-in-list read past the lines (regression test in
      // test_pathological.cc).
      {"headings-in-items", "'- #' lines: an empty heading inside each item", Defused::No,
       [](std::size_t n) { return repeat_until("", "- #\n", "text", n); }},
      {"fences-in-items", "'* ```' lines: an empty fenced block inside each item", Defused::No,
       [](std::size_t n) { return repeat_until("", "* ```\n", "", n); }},
      {"empty-items-in-items", "'- -' nested empty items on each line", Defused::No,
       [](std::size_t n) { return repeat_until("", "- 1.\n", "", n); }},
      {
          "empty-fences-in-quotes",
          "'> ```' lines: empty fenced blocks inside a quote",
          Defused::No,
          [](std::size_t n) { return repeat_until("", "> ```\n> ```\n", "", n); },
      },
      {"empty-items", "100k lines of '-'", Defused::No,
       [](std::size_t n) { return repeat_until("", "-\n", "", n); }},
      {"tiny-lines", "100k lines of 'a'", Defused::No,
       [](std::size_t n) { return repeat_until("", "a\n", "", n); }},
      {"empty-headings", "100k lines of '#'", Defused::No,
       [](std::size_t n) { return repeat_until("", "#\n", "", n); }},
      {"many-sections", "'### Section' headings with 'N/A' bodies", Defused::No,
       [](std::size_t n) {
         return repeat_until("# Daily Security Info\n\n", "### Unknown\n\nN/A\n\n", "", n);
       }},
      {"blank-lines", "only blank lines, spaces and tabs", Defused::No,
       [](std::size_t n) { return repeat_until("", "\n \n\t\n", "", n); }},
      {"long-line", "one line of n bytes of words", Defused::No,
       [](std::size_t n) { return repeat_until("", "word ", "", n); }},
      {"long-line-no-spaces", "one line of n 'x'", Defused::No,
       [](std::size_t n) { return std::string(n, 'x'); }},
      {"trailing-whitespace", "every line ends with spaces, tabs and U+3000", Defused::No,
       [](std::size_t n) { return repeat_until("", "- a \t\xE3\x80\x80\n", "", n); }},
      {"nul-bytes", "NUL bytes, alone and in list items", Defused::No,
       [](std::size_t n) {
         return repeat_until("", std::string_view("\0\0\0- \0a\n\0\n", 10), "", n);
       }},
      {"cr-line-ends", "lone CR line ends, list items and headings", Defused::No,
       [](std::size_t n) { return repeat_until("# T\r", "### A\r- a\r-b\r\r", "", n); }},
      {"crlf-line-ends", "CRLF line ends with trailing spaces", Defused::No,
       [](std::size_t n) {
         return repeat_until("# T\r\n", "### A\r\n- a  \r\n-b\r\n\r\n", "", n);
       }},
      {"invalid-utf8", "invalid and truncated UTF-8 sequences in items", Defused::No,
       [](std::size_t n) {
         return repeat_until("", "- \xff\xfe\xc3 \xe3\x80 \xf0\x9f\x98 \xed\xa0\x80\n", "", n);
       }},
      {"tabs", "tabs in indentation and after markers", Defused::No,
       [](std::size_t n) { return repeat_until("", "\t-\ta\n\t\t-\tb\n-\t\t\t\n", "", n); }},
      {"setext-underlines", "text and '===' / '---' pairs", Defused::No,
       [](std::size_t n) { return repeat_until("", "a\n===\nb\n---\n", "", n); }},
      {"unclosed-fences", "'```' lines, each opening or closing a fence", Defused::No,
       [](std::size_t n) { return repeat_until("", "```\n- a\n~~~~\n", "", n); }},
      {"bom-and-title", "a BOM before every line of a digest skeleton", Defused::No,
       [](std::size_t n) {
         return repeat_until("", "\xEF\xBB\xBF# Daily Security Info\n\xEF\xBB\xBF- a\n", "", n);
       }},
  };
  return all;
}

}  // namespace digestlint::pathological
