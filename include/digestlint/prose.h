// Prose: the parts of a digest that are written sentences, which is all the
// Japanese-text rules (DL5xx) look at. Built from the scanner's text runs:
// Text and LinkText runs (and the Japanese tail glued to an autolinked URL),
// never code spans or blocks, raw HTML, entities, link targets, IOC entry
// lines, or URL tokens inside text.
//
// The Index finds, in one pass per file, every character any of those rules
// cares about (spanUTF8 over one frozen set), so each rule looks at its few
// characters instead of scanning the text again: twelve scans of the prose
// would cost several md4c parses. Rules stay independent: each asks for the
// Index and reads the kinds it needs.
#pragma once

#include <unicode/uniset.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "digestlint/rule.h"

namespace digestlint::prose {

// A piece of prose inside one line.
struct Segment {
  ByteRange range;
  std::uint32_t line = 0;        // 0-based
  std::uint32_t run = 0;         // index into Document::runs
  RunKind kind = RunKind::Text;  // Text or LinkText (an autolink's tail counts as Text)
  bool heading = false;          // the run belongs to a heading
};

// The document's prose segments in document order, into `out` (cleared
// first). `skip_colonless` = false looks for URL tokens in every run (for
// tests: both must give the same segments).
void find_segments(const LintContext& ctx, std::vector<Segment>& out, bool skip_colonless = true);

// --- The per-file index ---------------------------------------------------

// What a character in prose is of interest for. A character may be several
// (U+3099 is a voiced mark and an NFC candidate).
enum Kind : std::uint16_t {
  kNfcCandidate = 1u << 0,       // NFC_Quick_Check No or Maybe: the text may not be NFC
  kVoicedMark = 1u << 1,         // U+3099..309C
  kHalfwidthKana = 1u << 2,      // U+FF61..FF9F = [[:scx=Katakana:]&[:ea=H:]]
  kFullwidthAlnum = 1u << 3,     // ０-９ Ａ-Ｚ ａ-ｚ
  kInvisible = 1u << 4,          // zero-width, controls (not TAB/LF/CR), [:Bidi_Control:]
  kSpecialSpace = 1u << 5,       // U+00A0, U+2000..200A, U+202F, U+205F, U+2011
  kPunctuation = 1u << 6,        // ， ． , .
  kAsterisk = 1u << 7,           // *
  kWaveDash = 1u << 8,           // 〜 ～
  kParenthesis = 1u << 9,        // ( ) （ ）
  kIdeographicSpace = 1u << 10,  // U+3000
};
inline constexpr int kKindCount = 11;

// The set of characters of one kind (frozen, built once), and their union.
const icu::UnicodeSet& kind_set(Kind kind);
const icu::UnicodeSet& interesting_set();
// The kinds of `c` (0 when none): what testing it against every kind_set()
// gives, from a table for the BMP.
std::uint16_t kinds_of(UChar32 c);

// Every character of interesting_set() in `text`, as (offset, code point),
// into `out` unless it is null: what spanUTF8 over that set finds, one
// table lookup per character, and 16 bytes at a time through plain kana and
// kanji. Since it reads every byte's UTF-8 structure anyway, it also
// collects each ill-formed subpart (what a decoder turns into one U+FFFD)
// as (offset, length) into `ill_formed`. `windows` = false turns off the
// 16-byte steps (for tests: both must find the same); `widest` = false
// keeps them 16 bytes where the processor has 32-byte (AVX2) ones.
void find_interesting(std::string_view text, std::vector<std::pair<std::uint32_t, UChar32>>* out,
                      std::vector<std::pair<std::uint32_t, std::uint32_t>>& ill_formed,
                      bool windows = true, bool widest = true);

struct Hit {
  Offset at = 0;
  std::uint8_t size = 0;  // bytes
  std::uint16_t kinds = 0;
  UChar32 c = 0;
  std::uint32_t segment = 0;  // index into Index::segments
  Offset end() const { return at + size; }
};

// A list item, with what the list rules need to know about its shape.
struct ListItem {
  std::int32_t block = kNone;
  bool has_sublist = false;  // a nested list: a label such as "- 要約", or a heading-like item
  std::uint32_t own_last_line = 0;  // last line before any nested block
};
struct List {
  std::int32_t block = kNone;
  std::uint32_t first_item = 0;  // Index::items [first_item, end_item)
  std::uint32_t end_item = 0;
};

struct Index {
  std::vector<Segment> segments;
  std::vector<Hit> hits;                           // in document order
  std::vector<std::uint32_t> by_kind[kKindCount];  // indices into hits
  std::vector<List> lists;                         // document order
  std::vector<ListItem> items;
  // Ill-formed UTF-8 inside prose (invalid-utf8 checks the rest of the file).
  std::vector<ByteRange> ill_formed;
  bool has_nul = false;  // md4c reports NUL apart from text runs

  // Scratch space reused between files.
  std::vector<std::int32_t> block_slot;
  std::vector<std::pair<ListItem, std::uint32_t>> item_scratch;
  std::vector<std::pair<std::uint32_t, UChar32>> found;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> bad;

  // The hits of one kind, as indices into `hits`.
  const std::vector<std::uint32_t>& of(Kind kind) const;
  void clear();
};

// A run of hits (indices into Index::hits, from `hits`) that follow each
// other with no byte between them inside one segment: the rules report
// such a run as one finding. `[first, last)` indexes `hits`; `end` is
// where the run's bytes end.
struct HitRun {
  std::size_t first = 0;
  std::size_t last = 0;
  Offset end = 0;
};
// The run starting at hits[k], and k moved past it. `same(a, b)` may also
// split runs (characters of another kind).
template <typename Same>
HitRun next_run(const Index& index, const std::vector<std::uint32_t>& hits, std::size_t& k,
                Same same) {
  const Hit& first = index.hits[hits[k]];
  HitRun run{k, k + 1, first.end()};
  for (++k; k < hits.size(); ++k) {
    const Hit& h = index.hits[hits[k]];
    if (h.at != run.end || h.segment != first.segment || !same(first, h)) break;
    run.end = h.end();
    run.last = k + 1;
  }
  return run;
}
inline HitRun next_run(const Index& index, const std::vector<std::uint32_t>& hits, std::size_t& k) {
  return next_run(index, hits, k, [](const Hit&, const Hit&) { return true; });
}

// The index of the file being linted: built by the first rule that asks,
// then reused by the others (the engine's per-file FileCache, emptied for
// every file, so it is never read for the wrong text).
const Index& index(const LintContext& ctx);
// The index if one was already built for this file, else nullptr: for a
// rule that can use it but is cheaper without it than building it.
const Index* cached_index(const LintContext& ctx);

// --- Characters -----------------------------------------------------------

// A frozen set from an ICU pattern, for function-local statics:
//   static const icu::UnicodeSet& set = prose::frozen_set(u"[\\uFF61-\\uFF9F]");
// The set lives for the whole program (never destroyed, so no exit-order
// issues). A bad pattern throws std::logic_error: a programming error.
// Patterns listed in lint/model/unicode_sets.def come computed at build
// time; others are parsed here (slower: ICU's property data).
const icu::UnicodeSet& frozen_set(const char16_t* pattern);
// The set of a pattern listed in unicode_sets.def, from its build-time
// ranges (not frozen, owned by the caller); nullptr when not listed or
// when the ICU running is not the one that computed them.
icu::UnicodeSet* prebuilt_set(const char16_t* pattern);
// Patterns frozen_set was asked for that unicode_sets.def does not list.
std::vector<std::u16string> unlisted_set_patterns();

// Hiragana, katakana, kanji and the Japanese punctuation that belongs to
// those scripts (、。「」ー・々), by Script_Extensions, not Script: Script
// calls ー and 。 Common.
const icu::UnicodeSet& japanese_chars();
// The letters among them (and combining marks): what a sentence is made of.
const icu::UnicodeSet& japanese_letters();
// Whether `text` holds a Japanese letter.
bool has_japanese_letter(std::string_view text);

// The code point starting at `at` (negative for an ill-formed byte
// sequence); `next` receives the offset after it.
inline UChar32 decode(std::string_view bytes, std::size_t at, std::size_t* next = nullptr) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
  auto i = static_cast<std::int32_t>(at);
  UChar32 c;
  U8_NEXT(p, i, static_cast<std::int32_t>(bytes.size()), c);
  if (next != nullptr) *next = static_cast<std::size_t>(i);
  return c;
}

// The code point ending just before `at`, not reading before `floor`
// (-1 when at == floor); `start` receives its first byte.
inline UChar32 decode_before(std::string_view bytes, std::size_t at, std::size_t floor = 0,
                             std::size_t* start = nullptr) {
  if (at <= floor) {
    if (start != nullptr) *start = at;
    return -1;
  }
  const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
  // A well-formed 3-byte character (most of Japanese text) without ICU's
  // out-of-line backward decoder; E0 and ED restrict their second byte and
  // are left to it. What U8_PREV finds: the lead ends the look-back.
  if (at - floor >= 3) {
    const std::uint8_t lead = p[at - 3];
    const std::uint8_t second = p[at - 2];
    const std::uint8_t last = p[at - 1];
    if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && (second & 0xC0) == 0x80 &&
        (last & 0xC0) == 0x80) {
      if (start != nullptr) *start = at - 3;
      return ((lead & 0x0F) << 12) | ((second & 0x3F) << 6) | (last & 0x3F);
    }
  }
  auto i = static_cast<std::int32_t>(at);
  UChar32 c;
  U8_PREV(p, static_cast<std::int32_t>(floor), i, c);
  if (start != nullptr) *start = static_cast<std::size_t>(i);
  return c;
}

// text[b, e) with up to `around` code points on each side, for a message:
// the flagged characters written as <U+XXXX>, the rest as quote_for_message
// shows it.
std::string quote_context(std::string_view text, std::size_t b, std::size_t e, int around = 8);

// "U+3099" for messages.
std::string code_point_name(UChar32 c);
// "U+304B U+3099" for each code point of `text`.
std::string code_points_of(std::string_view text);

// --- List items -----------------------------------------------------------

// How a list item's own text ends, for rules comparing the items of a list.
struct ItemEnd {
  ByteRange text;      // the item's own text, before nested blocks, trailing whitespace excluded
  ByteRange last;      // its last character once trailing closing brackets,
                       // quotes and emphasis markers are set aside: "…した。）**" -> "。"
  UChar32 c = -1;      // that character (-1: none)
  bool prose = false;  // `last` is in a prose run: not a URL, code or link target
};
// `run_hint`, when given, is where the search for the run holding the last
// character starts, and receives that run: items looked at in document
// order then walk the runs instead of searching them.
// `check_prose` = false leaves `prose` false without looking the run up.
ItemEnd item_end(const LintContext& ctx, const ListItem& item, std::int32_t* run_hint = nullptr,
                 bool check_prose = true);
// The ends of the sentence-like items of `list` (into `out`, cleared
// first): items with no nested list (not a label) and not an IOC entry,
// whose last character is in prose. What the list-consistency rules compare.
// `check_prose` = false keeps the items whose last character is not in
// prose too: a superset of the ends, cheaper, for a rule that can set a
// list aside on it (a list consistent there is consistent in any subset).
void sentence_ends(const LintContext& ctx, const Index& index, const List& list,
                   std::vector<ItemEnd>& out, bool check_prose = true);

// Whether an item is a "nothing" marker (なし, 推奨事項なし, IOC情報なし,
// 不明, or the schema's empty marker) rather than a sentence.
bool is_nothing_marker(const LintContext& ctx, std::string_view text);

// The index of the run containing byte `at`, or -1.
std::int32_t run_at(const Document& doc, Offset at);
// The same, walking forward from run `hint` when it begins at or before
// `at` (a few steps, then a binary search), else searching all runs.
std::int32_t run_at(const Document& doc, Offset at, std::int32_t hint);

}  // namespace digestlint::prose
