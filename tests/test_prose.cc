// The prose index's scan (prose::find_interesting) and its kind table
// against the plain definitions: a U8_NEXT decode tested against the ICU
// sets. The 16-byte windows and the padded copy of a text's end must find
// exactly what the character-by-character scan finds, on well-formed text
// with every character at every position around a window's edges, and on
// ill-formed bytes.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "digestlint/prose.h"

using namespace digestlint;

namespace {

using Hits = std::vector<std::pair<std::uint32_t, UChar32>>;
using Bad = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// What the scan must find, by definition: each code point of the
// interesting set, and each ill-formed subpart as U8_NEXT delimits it.
void reference(std::string_view text, Hits& hits, Bad& bad) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  const icu::UnicodeSet& set = prose::interesting_set();
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      bad.emplace_back(at, i - at);
    } else if (set.contains(c)) {
      hits.emplace_back(at, c);
    }
  }
}

// Checks the windowed scan, the plain scan and the reference agree on
// `text`, hits and ill-formed subparts alike, and that validation alone
// (no hits wanted) finds the same ill-formed subparts. Returns the hits.
Hits check_scan(const std::string& text) {
  Hits expected_hits;
  Bad expected_bad;
  reference(text, expected_hits, expected_bad);
  Hits windows_hits;
  Hits plain_hits;
  Bad windows_bad;
  Bad plain_bad;
  Bad validated_bad;
  Hits narrow_hits;
  Bad narrow_bad;
  Bad narrow_validated_bad;
  prose::find_interesting(text, &windows_hits, windows_bad, true);
  prose::find_interesting(text, &plain_hits, plain_bad, false);
  prose::find_interesting(text, nullptr, validated_bad, true);
  // 16-byte windows only, where the processor has 32-byte ones.
  prose::find_interesting(text, &narrow_hits, narrow_bad, true, false);
  prose::find_interesting(text, nullptr, narrow_validated_bad, true, false);
  // One assertion per text (the sweeps below check millions of texts).
  if (plain_hits != expected_hits || plain_bad != expected_bad || windows_hits != expected_hits ||
      windows_bad != expected_bad || validated_bad != expected_bad ||
      narrow_hits != expected_hits || narrow_bad != expected_bad ||
      narrow_validated_bad != expected_bad) {
    INFO(prose::code_points_of(text) << " (" << text.size() << " bytes)");
    CHECK(plain_hits == expected_hits);
    CHECK(plain_bad == expected_bad);
    CHECK(windows_hits == expected_hits);
    CHECK(windows_bad == expected_bad);
    CHECK(narrow_hits == expected_hits);
    CHECK(narrow_bad == expected_bad);
    CHECK(narrow_validated_bad == expected_bad);
    REQUIRE(validated_bad == expected_bad);
  }
  return windows_hits;
}

std::string utf8(UChar32 c) {
  char buf[4];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), length, 4, c, error);
  REQUIRE(!error);
  return std::string(buf, static_cast<std::size_t>(length));
}

}  // namespace

TEST_CASE("prose scan: every code point at every lane around a window's edges") {
  // Fillers the windows step over whole: kanji, kana, plain ASCII, and a
  // fullwidth form; the character goes at byte offsets 0..20 (window
  // lanes 0..15, the straddling lanes 14 and 15, the next window) of
  // texts from 1 to 40 bytes, so it also lands in the padded end.
  const std::vector<std::string> fillers = {"脆", "か", "a", "Ａ"};
  std::size_t found = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    // Every BMP code point; beyond it, the planes' first and last blocks
    // and every interesting character.
    if (c > 0xFFFF && (c & 0xFFFF) > 0x3F && (c & 0xFFFF) < 0xFFC0 &&
        !prose::interesting_set().contains(c)) {
      continue;
    }
    const std::string ch = utf8(c);
    const std::string& filler = fillers[static_cast<std::size_t>(c) % fillers.size()];
    for (int before = 0; before <= 20; before += static_cast<int>(filler.size())) {
      std::string text;
      while (static_cast<int>(text.size()) < before)
        text += filler;
      text += ch;
      const std::size_t at = text.size() - ch.size();
      // At the end (the padded copy), 2 bytes before it, a window before it.
      for (const int after : {0, 2, 19}) {
        std::string padded = text;
        while (padded.size() < text.size() + static_cast<std::size_t>(after))
          padded += filler;
        const Hits hits = check_scan(padded);
        const bool interesting = prose::interesting_set().contains(c);
        bool hit_at = false;
        for (const auto& [offset, code_point] : hits)
          hit_at = hit_at || (offset == at && code_point == c);
        if (hit_at != interesting) {
          INFO("U+" << std::hex << c << " at " << std::dec << at << " in " << padded.size());
          REQUIRE(hit_at == interesting);
        }
        found += hit_at ? 1 : 0;
      }
    }
  }
  CHECK(found > 1000);
}

TEST_CASE("prose scan: random well-formed and ill-formed text") {
  // Pieces that stress the windows: interesting and quiet characters of
  // the same lead bytes (E3 80 80 vs E3 80 81, E3 82 99 vs E3 82 80),
  // fullwidth forms in and out of the set, 2- and 4-byte characters,
  // every ASCII byte the windows treat as a candidate, and ill-formed
  // bytes: truncated characters, stray continuations, overlong forms,
  // surrogates, bytes above U+10FFFF, leads at a window's last lanes.
  const std::vector<std::string> pieces = {"攻撃者は",
                                           "脆弱性",
                                           "カタカナ",
                                           "ひらがな",
                                           "、",
                                           "。",
                                           "「",
                                           "」",
                                           "\u3000",
                                           "\u3001",
                                           "〜",
                                           "\u301B",
                                           "\u301D",
                                           "～",
                                           "む",
                                           "ゞ",
                                           "か\u3099",
                                           "\u309A",
                                           "\u309B",
                                           "\u309C",
                                           "\u309D",
                                           "\u3098",
                                           "（",
                                           "）",
                                           "，",
                                           "．",
                                           "：",
                                           "Ａ",
                                           "ｶ",
                                           "ﾞ",
                                           "\uFEFF",
                                           "\uFFFD",
                                           "abc ",
                                           "x",
                                           ".",
                                           ",",
                                           "(",
                                           ")",
                                           "*",
                                           "+",
                                           "-",
                                           "/",
                                           "'",
                                           "0",
                                           "\t",
                                           "\n",
                                           "\r",
                                           std::string(1, '\0'),
                                           "\x1F",
                                           "\x7F",
                                           "\u00A0",
                                           "é",
                                           "\u0301",
                                           "\u2003",
                                           "\u200B",
                                           "\u202E",
                                           "\u2011",
                                           "🔒",
                                           "👩\u200D💻",
                                           "\U0002F800",
                                           "\xE3\x81",
                                           "\xE3",
                                           "\xEF\xBC",
                                           "\x80",
                                           "\xBF",
                                           "\xC0\xAF",
                                           "\xC2",
                                           "\xE0\x80\xAF",
                                           "\xED\xA0\x80",
                                           "\xF4\x90\x80\x80",
                                           "\xF0\x9F",
                                           "\xFF"};
  std::mt19937 random(13);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int count = 1 + static_cast<int>(random() % 30);
    for (int k = 0; k < count; ++k)
      text += pieces[random() % pieces.size()];
    check_scan(text);
  }
  // Raw bytes, mostly from the ranges the windows classify.
  const std::vector<std::uint8_t> bytes = {0x00, 0x1F, 0x20, 0x28, 0x2B, 0x2E, 0x2F, 0x41, 0x7F,
                                           0x80, 0x82, 0x99, 0x9C, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0,
                                           0xE2, 0xE3, 0xE9, 0xEA, 0xED, 0xEF, 0xF0, 0xF4, 0xFF};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 48);
    for (int k = 0; k < count; ++k)
      text += static_cast<char>(bytes[random() % bytes.size()]);
    check_scan(text);
  }
}

TEST_CASE("prose kinds_of is the kind sets' membership for every code point") {
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    std::uint16_t expected = 0;
    for (int k = 0; k < prose::kKindCount; ++k) {
      const auto kind = static_cast<prose::Kind>(1u << k);
      if (prose::kind_set(kind).contains(c)) expected |= static_cast<std::uint16_t>(kind);
    }
    if (prose::kinds_of(c) != expected) {
      INFO("U+" << std::hex << c);
      REQUIRE(prose::kinds_of(c) == expected);
    }
  }
  CHECK(prose::kinds_of(0x3099) == (prose::kNfcCandidate | prose::kVoicedMark));
  CHECK(prose::kinds_of('(') == prose::kParenthesis);
  CHECK(prose::kinds_of(0x3042) == 0);
}

TEST_CASE("prose decode_before is U8_PREV on well-formed and ill-formed bytes") {
  const std::vector<std::uint8_t> bytes = {0x20, 0x41, 0x7F, 0x80, 0x81, 0x99, 0xA0, 0xBF,
                                           0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE3, 0xEC, 0xED,
                                           0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  std::mt19937 random(29);
  std::size_t three_byte = 0;
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    const int count = 1 + static_cast<int>(random() % 8);
    for (int k = 0; k < count; ++k)
      text += static_cast<char>(bytes[random() % bytes.size()]);
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    for (std::size_t floor = 0; floor < text.size(); ++floor) {
      for (std::size_t at = floor + 1; at <= text.size(); ++at) {
        auto i = static_cast<std::int32_t>(at);
        UChar32 expected;
        U8_PREV(p, static_cast<std::int32_t>(floor), i, expected);
        std::size_t start = 0;
        const UChar32 c = prose::decode_before(text, at, floor, &start);
        if (c != expected || start != static_cast<std::size_t>(i)) {
          INFO(prose::code_points_of(text) << " at " << at << " floor " << floor);
          CHECK(c == expected);
          REQUIRE(start == static_cast<std::size_t>(i));
        }
        three_byte += at - start == 3 && c >= 0 ? 1 : 0;
      }
    }
  }
  CHECK(three_byte > 100);
  std::size_t start = 0;
  CHECK(prose::decode_before("かな", 6, 0, &start) == 0x306A);
  CHECK(start == 3);
  CHECK(prose::decode_before("かな", 6, 4, &start) < 0);
}
