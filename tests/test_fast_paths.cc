// Fast paths held to the slow ones they stand beside: each must give the
// same answer on every input, the tricky ones above all (non-ASCII,
// fullwidth, ill-formed UTF-8, ignorables, text at the buffer's ends).
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "base/fold.h"
#include "digestlint/phrase_set.h"
#include "digestlint/text.h"
#include "digestlint/url.h"

namespace digestlint {
namespace {

// Texts that exercise every branch of the folds and the quoting.
std::vector<std::string> tricky_texts() {
  return {
      "",
      " ",
      "\t \t",
      "なし",
      "  なし  ",
      "ＮＡ",
      "N/A",
      "NA",
      "na",
      "IOC情報なし",
      "IOC情報なし。",
      "推奨事項なし",
      "XXXXX",
      "xXxXx",
      "---",
      "ーーー",
      "なしなし",
      "なし\xe3\x80\x80",          // U+3000 after: not ASCII space, not simple
      "か\xe3\x82\x99",            // か + combining dakuten: composes to が
      "\xe3\x82\x99な",            // a combining mark first
      "カ\xef\xbe\x9e",            // カ + halfwidth dakuten
      "な\xe2\x80\x8bし",          // zero-width space: ignorable, removed
      "な\xc2\xadし",              // soft hyphen: ignorable
      "\xef\xbc\xae\xef\xbc\xa1",  // ＮＡ
      "Ⅻ",                         // compatibility: XII
      "㍿",                        // one character, four when folded
      "ß",                         // case-folds to ss
      "İ",                         // dotted capital I
      "ﬁ",                         // ligature
      "\xff",                      // ill-formed byte
      "な\xe3\x81",                // a truncated sequence at the end
      "\xe3\x81",                  // only a truncated sequence
      "\xed\xa0\x80",              // an encoded surrogate
      "\xe0\x80\xaf",              // an overlong '/'
      "\xf0\x9f\x98\x80なし",      // an emoji (four bytes)
      "（なし）",                  // fullwidth parentheses
      "・なし・",
      "々",
      "A\x01\x7f",  // ASCII controls
      "A\xcc\x81",  // A + combining acute: Á
      "e\xcc\x81\xcc\x81",
      "\xe2\x80\x8f\xe2\x80\xae",  // bidi controls
      std::string("a\0b", 3),      // NUL
  };
}

icu::UnicodeString nfkc_casefold_icu(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  REQUIRE(U_SUCCESS(status));
  return n->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
}

}  // namespace

TEST_CASE("every simple code point folds to itself, or A-Z to a-z, on its own", "[fast-path]") {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  REQUIRE(U_SUCCESS(status));
  std::size_t simple = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (!is_simple_fold_code_point(c)) continue;
    ++simple;
    INFO("U+" << std::hex << static_cast<std::uint32_t>(c));
    const char32_t expected = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    CHECK(nfkc_casefold_icu(c) == icu::UnicodeString(static_cast<UChar32>(expected)));
    CHECK(n->hasBoundaryBefore(static_cast<UChar32>(c)));
  }
  // ASCII, the kana, the kanji: the fast path covers what markers hold.
  CHECK(simple > 0x80 + 0x5000);
}

TEST_CASE("fold_loosely's quick path folds as ICU does", "[fast-path]") {
  for (const std::string& s : tricky_texts()) {
    INFO(s);
    CHECK(fold_loosely(s) == fold_loosely_by_icu(s));
    std::string quick;
    if (fold_loosely_simple(trim_ascii_space(s), quick)) CHECK(quick == fold_loosely_by_icu(s));
  }
  // Every pair of simple and tricky code points, one after the other.
  const std::vector<std::string> parts = {
      "a",       "A", "な",           "か",           "ー",           "漢",
      "、",      " ", "\xe3\x82\x99", "\xef\xbc\xa1", "\xe2\x80\x8b", "\xff",
      "\xe3\x81"};
  for (const std::string& a : parts) {
    for (const std::string& b : parts) {
      for (const std::string& c : parts) {
        const std::string s = a + b + c;
        INFO(s);
        CHECK(fold_loosely(s) == fold_loosely_by_icu(s));
      }
    }
  }
  std::string quick;
  CHECK(fold_loosely_simple("NA", quick));
  CHECK(quick == "na");
  CHECK_FALSE(fold_loosely_simple("ＮＡ", quick));        // fullwidth: ICU's
  CHECK_FALSE(fold_loosely_simple("な\xe3\x81", quick));  // truncated: ICU's
}

namespace {

// quote_for_message one code point at a time, as it was before its ASCII
// runs were copied whole.
std::string quote_slowly(std::string_view s, std::size_t max_code_points) {
  std::string out;
  std::size_t count = 0;
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (++count > max_code_points) {
      out += "…";
      break;
    }
    char buf[16];
    if (c < 0) {
      std::snprintf(buf, sizeof buf, "<0x%02X>", p[start]);
      out += buf;
      i = start + 1;
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(c));
      out += buf;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      // One code point beyond ASCII: no run to copy, the per-code-point path.
      out += quote_for_message(std::string_view(s).substr(static_cast<std::size_t>(start),
                                                          static_cast<std::size_t>(i - start)),
                               1);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("quote_for_message copies ASCII runs as it quotes one code point", "[fast-path]") {
  for (const std::string& s : tricky_texts()) {
    for (const std::string& text : {s, "abc" + s, s + "xyz", "abc" + s + "xyz"}) {
      for (std::size_t max : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3},
                              std::size_t{4}, std::size_t{5}, std::size_t{60}}) {
        INFO(text << " max " << max);
        CHECK(quote_for_message(text, max) == quote_slowly(text, max));
      }
    }
  }
  CHECK(quote_for_message("abcdef", 3) == "abc…");
  CHECK(quote_for_message("abc", 3) == "abc");
  CHECK(quote_for_message("a\tb", 60) == "a<U+0009>b");
  CHECK(quote_for_message("a\x7f", 60) == "a<U+007F>");
  CHECK(quote_for_message("a\xff", 60) == "a<0xFF>");
}

TEST_CASE("is_defanged finds a token wherever refang_into, byte by byte, would undo one",
          "[fast-path]") {
  std::vector<std::string> texts = tricky_texts();
  for (const DefangToken& t : defang_tokens()) {
    const std::string written(t.written);
    std::string upper = written;
    for (char& c : upper)
      c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    for (const std::string& w : {written, upper}) {
      texts.push_back(w);
      texts.push_back("https://example" + w + "com/");
      texts.push_back("example" + w);
      texts.push_back(w.substr(0, w.size() - 1));  // cut short at the end
      texts.push_back(w.substr(1));                // its first byte lost
    }
  }
  for (const char* s : {"hxx", "hxxp", "Hxxp", "hXx", "xxp", "h", "x", "hhxxp", "hxhxxp", "[", "(",
                        "{", "[.", "[ . ]", "(.]", "https://a(1)/b[2]", "ahxxb"}) {
    texts.push_back(s);
  }
  for (const std::string& s : texts) {
    Refanged r;
    refang_into(s, {0, static_cast<Offset>(s.size())}, r);
    INFO(s);
    CHECK(is_defanged(s) == (r.text != s));
  }
}

TEST_CASE("url_end at a space stops at the first ASCII space, tab or U+3000", "[fast-path]") {
  auto slowly = [](std::string_view s, std::size_t from) {
    std::size_t e = from;
    while (e < s.size() && s[e] != ' ' && s[e] != '\t' && s.substr(e, 3) != "\xE3\x80\x80")
      ++e;
    return std::max(e, from);
  };
  std::vector<std::string> texts = tricky_texts();
  for (const char* s : {"https://a.example/ b", "https://a.example/\tb",
                        "https://a.example/\xE3\x80\x80"
                        "b",
                        "https://a.example/\xE3\x80", "https://a.example/\xE3", "あいう え",
                        "あ\xE3\x80\x81\xE3\x80\x80", "\xE3\x80\x80", " ", "\t", "a b\tc", "a\tb c",
                        "\xE3\xE3\x80\x80"}) {
    texts.push_back(s);
  }
  for (const std::string& s : texts) {
    for (std::size_t from = 0; from <= s.size() + 1; ++from) {
      INFO(s << " from " << from);
      CHECK(url_end(s, from, UrlEnd::AtSpace) == slowly(s, from));
    }
  }
}

TEST_CASE("a phrase set finds what a naive search finds, and a clean text has clean parts",
          "[fast-path]") {
  // The article model searches an article's lines once and answers for
  // each line from that when the bytes around the line are no word bytes:
  // that needs found_in to miss nothing a naive search finds.
  const std::vector<std::string> phrases = {"{{",          "}}",           "xxxxx",
                                            "要約1行目",   "つ目はなし",   "推奨事項なしと記載",
                                            "[記事のURL]", "該当情報,分類"};
  const PhraseSet set(phrases);
  auto naive = [&](std::string_view s) {
    for (const std::string& p : phrases) {
      for (std::size_t at = s.find(p); at != std::string_view::npos; at = s.find(p, at + 1)) {
        if (is_token_at(s, at, p)) return true;
      }
    }
    return false;
  };
  const std::vector<std::string> pieces = {
      "x",       "xx",   "xxxxx", "_",        "a",    " ",  "\n",     "{",        "}",
      "要",      "約",   "1",     "行",       "目",   "つ", "はなし", "推奨事項", "なしと記載",
      "[記事の", "URL]", ",",     "該当情報", "分類", "。", "\xff"};
  std::mt19937 random(13);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const std::size_t n = random() % 24;
    for (std::size_t i = 0; i < n; ++i)
      text += pieces[random() % pieces.size()];
    INFO(text);
    const bool found = set.found_in(text);
    CHECK(found == naive(text));
    if (found) continue;
    // Every part between non-word bytes is clean too.
    for (std::size_t b = 0; b <= text.size(); ++b) {
      for (std::size_t e = b; e <= text.size(); ++e) {
        const auto word = [&](std::size_t at) {
          const char c = text[at];
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_';
        };
        if ((b > 0 && word(b - 1)) || (e < text.size() && word(e))) continue;
        CHECK_FALSE(set.found_in(std::string_view(text).substr(b, e - b)));
      }
    }
  }
}

TEST_CASE("a phrase set finds a phrase at every offset of a long text", "[fast-path]") {
  // Long texts take the search's unrolled steps (three shifts between
  // bound checks): a phrase at any offset, the text's end included, must
  // still be found, and a text holding only parts of phrases must not.
  const std::vector<std::string> phrases = {"要約1行目", "つ目はなし", "abcdefgh",
                                            "推奨事項なしと記載", "xxxxx"};
  const PhraseSet set(phrases);
  const std::vector<std::string> fillers = {
      std::string(200, ' '), "攻撃者の情報が記載されている要約推奨事項つ目はな行目。",
      "abcdefg abcdefg 要約1行 つ目はな\xff\xe8\xa6", "\xe8\xa6\x81\xe7\xb4"};
  for (const std::string& filler : fillers) {
    std::string clean;
    while (clean.size() < 300)
      clean += filler;
    INFO(filler);
    CHECK_FALSE(set.found_in(clean));
    for (const std::string& phrase : phrases) {
      for (std::size_t at = 0; at <= clean.size(); ++at) {
        std::string text = clean.substr(0, at) + " " + phrase + " " + clean.substr(at);
        INFO(phrase << " at " << at);
        CHECK(set.found_in(text));
        CHECK(set.found_in(std::string_view(text).substr(0, at + 1 + phrase.size())));
      }
    }
  }
}

TEST_CASE("all_visible_ascii answers as a byte-by-byte test does", "[fast-path]") {
  // Eight bytes a step: every byte value at every position of texts
  // around the step's length, so a borrow or carry between bytes shows.
  auto slowly = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
      const auto b = static_cast<unsigned char>(c);
      return b > 0x20 && b < 0x7F;
    });
  };
  for (std::size_t n = 0; n <= 20; ++n) {
    for (std::size_t at = 0; at < n; ++at) {
      for (int value = 0; value < 256; ++value) {
        for (const char fill : {'a', '!', '~', '\x7f', ' ', '\x80'}) {
          std::string s(n, fill);
          s[at] = static_cast<char>(value);
          INFO(n << " " << at << " " << value << " " << int(fill));
          CHECK(all_visible_ascii(s) == slowly(s));
        }
      }
    }
    CHECK(all_visible_ascii(std::string(n, 'x')));
  }
  CHECK(all_visible_ascii("https://example.com/a?b=c#d"));
  CHECK_FALSE(all_visible_ascii("https://example.com/\xe3\x80\x80"));
}

}  // namespace digestlint
