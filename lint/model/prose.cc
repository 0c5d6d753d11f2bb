#include "digestlint/prose.h"

#include <fmt/format.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "digestlint/text.h"
#include "digestlint/url.h"

namespace digestlint::prose {

void find_segments(const LintContext& ctx, std::vector<Segment>& out, bool skip_colonless) {
  out.clear();
  const Document& doc = ctx.doc;
  const std::string_view bytes = ctx.source.bytes();
  // Locals: out.push_back could alias the vectors' members, which the
  // compiler would reload for every run otherwise.
  const TextRun* const runs = doc.runs.data();
  const auto run_count = static_cast<std::uint32_t>(doc.runs.size());
  const Line* const lines = doc.lines.data();
  const auto line_count = static_cast<std::uint32_t>(doc.lines.size());
  const Block* const blocks = doc.blocks.data();
  // The first ':' at or after colon_from (the file's size when none): a
  // URL token needs one, so a run ending before it holds none. The
  // searches cover the file once, not once per run.
  std::size_t colon = 0;
  std::size_t colon_from = SIZE_MAX;
  std::uint32_t line = 0;
  for (std::uint32_t index = 0; index < run_count; ++index) {
    const TextRun& run = runs[index];
    if (run.kind != RunKind::Text && run.kind != RunKind::LinkText && run.kind != RunKind::Url) {
      continue;
    }
    if (run.range.empty()) continue;
    // Runs come in document order: move the line cursor forward, or look
    // the line up when a run goes back (never in md4c's output, but cheap).
    if (line < line_count && run.range.begin >= lines[line].begin) {
      while (line + 1 < line_count && lines[line + 1].begin <= run.range.begin)
        ++line;
    } else {
      line = ctx.source.line_of(run.range.begin);
    }
    // IOC entries (CSV), leaked prompt text (deleted whole) and article
    // URL lines (citations) are not prose.
    if (!ctx.digest.is_prose_line(line) || lines[line].comment) continue;
    Segment s;
    s.range = run.range;
    s.line = line;
    s.run = index;
    s.kind = run.kind == RunKind::LinkText ? RunKind::LinkText : RunKind::Text;
    s.heading = run.block != kNone && blocks[run.block].kind == BlockKind::Heading;
    if (run.kind == RunKind::Url) {
      // md4c extends an autolink over Japanese text glued to it
      // ("https://localhost/にアクセス"): that text is prose.
      s.range.begin = static_cast<Offset>(
          url_end(bytes.substr(0, run.range.end), run.range.begin, UrlEnd::InProse));
      if (s.range.empty()) continue;
    }
    // Split at the URL tokens written in the text.
    for (ByteRange rest = s.range; !rest.empty();) {
      if (skip_colonless) {
        if (colon_from > rest.begin || colon < rest.begin) {
          const void* hit = std::memchr(bytes.data() + rest.begin, ':', bytes.size() - rest.begin);
          colon = hit == nullptr
                      ? bytes.size()
                      : static_cast<std::size_t>(static_cast<const char*>(hit) - bytes.data());
          colon_from = rest.begin;
        }
        if (colon >= rest.end) {
          s.range = rest;
          out.push_back(s);
          break;
        }
      }
      const UrlToken url = find_url_token(bytes.substr(rest.begin, rest.size()), 0);
      if (url.begin == std::string_view::npos) {
        s.range = rest;
        out.push_back(s);
        break;
      }
      s.range = {rest.begin, rest.begin + static_cast<Offset>(url.begin)};
      if (!s.range.empty()) out.push_back(s);
      rest.begin += static_cast<Offset>(url.end);
    }
  }
}

namespace {

#include "unicode_sets.inc"

constexpr const char16_t* kPrebuiltPatterns[] = {
#define DIGESTLINT_UNICODE_SET(pattern) pattern,
#include "model/unicode_sets.def"
#undef DIGESTLINT_UNICODE_SET
};
static_assert(std::size(kPrebuiltPatterns) == std::size(kPrebuiltSets));

std::mutex& unlisted_mutex() {
  static std::mutex m;
  return m;
}

std::vector<std::u16string>& unlisted() {
  static std::vector<std::u16string> patterns;
  return patterns;
}

}  // namespace

icu::UnicodeSet* prebuilt_set(const char16_t* pattern) {
  UVersionInfo version;
  u_getVersion(version);
  // Computed by another ICU, another Unicode: not the sets this one means.
  if (std::memcmp(version, kPrebuiltIcuVersion, sizeof kPrebuiltIcuVersion) != 0) return nullptr;
  const std::u16string_view wanted(pattern);
  for (std::size_t i = 0; i < std::size(kPrebuiltPatterns); ++i) {
    if (wanted != kPrebuiltPatterns[i]) continue;
    auto* set = new icu::UnicodeSet();
    const PrebuiltSet& p = kPrebuiltSets[i];
    for (int r = 0; r < p.ranges; ++r)
      set->add(kPrebuiltRanges[p.first + 2 * r], kPrebuiltRanges[p.first + 2 * r + 1]);
    return set;
  }
  return nullptr;
}

const icu::UnicodeSet& frozen_set(const char16_t* pattern) {
  // Intentionally leaked: sets are function-local statics used until exit.
  icu::UnicodeSet* set = prebuilt_set(pattern);
  if (set == nullptr) {
    {
      const std::lock_guard lock(unlisted_mutex());
      unlisted().emplace_back(pattern);
    }
    UErrorCode status = U_ZERO_ERROR;
    set = new icu::UnicodeSet(icu::UnicodeString(pattern), status);
    if (U_FAILURE(status)) {
      // A programming error, caught by the first test that runs the rule.
      delete set;
      throw std::logic_error(fmt::format("bad UnicodeSet pattern: {}", u_errorName(status)));
    }
  }
  set->freeze();
  return *set;
}

std::vector<std::u16string> unlisted_set_patterns() {
  const std::lock_guard lock(unlisted_mutex());
  return unlisted();
}

const icu::UnicodeSet& japanese_chars() {
  static const icu::UnicodeSet& set = frozen_set(u"[[:scx=Hira:][:scx=Kana:][:scx=Hani:]]");
  return set;
}

const icu::UnicodeSet& japanese_letters() {
  static const icu::UnicodeSet& set =
      frozen_set(u"[[[:scx=Hira:][:scx=Kana:][:scx=Hani:]]&[[:L:][:M:]]]");
  return set;
}

bool has_japanese_letter(std::string_view text) {
  return japanese_letters().spanUTF8(text.data(), static_cast<int32_t>(text.size()),
                                     USET_SPAN_NOT_CONTAINED) < static_cast<int32_t>(text.size());
}

std::string quote_context(std::string_view text, std::size_t b, std::size_t e, int around) {
  std::size_t lo = b;
  for (int k = 0; k < around && lo > 0; ++k)
    decode_before(text, lo, 0, &lo);
  std::size_t hi = e;
  for (int k = 0; k < around && hi < text.size(); ++k)
    decode(text, hi, &hi);
  std::string out = quote_for_message(text.substr(lo, b - lo), static_cast<std::size_t>(around));
  for (std::size_t i = b; i < e;) {
    std::size_t next = i;
    const UChar32 c = decode(text, i, &next);
    out += c < 0 ? fmt::format("<0x{:02X}>", static_cast<unsigned char>(text[i]))
                 : fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(c));
    i = next;
  }
  out += quote_for_message(text.substr(e, hi - e), static_cast<std::size_t>(around));
  return out;
}

std::string code_point_name(UChar32 c) {
  return fmt::format("U+{:04X}", static_cast<std::uint32_t>(c));
}

std::string code_points_of(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next = i;
    const UChar32 c = decode(text, i, &next);
    if (!out.empty()) out += ' ';
    out +=
        c < 0 ? fmt::format("<0x{:02X}>", static_cast<unsigned char>(text[i])) : code_point_name(c);
    i = next;
  }
  return out;
}

namespace {

// A small set of code points as one bit per BMP code point (and a sorted
// list beyond), derived from a UnicodeSet: one load instead of the set's
// lookup, for sets tested once per list item.
class SmallSet {
 public:
  explicit SmallSet(const icu::UnicodeSet& set) : bmp_(0x10000 / 64) {
    for (int32_t r = 0; r < set.getRangeCount(); ++r) {
      for (UChar32 c = set.getRangeStart(r); c <= set.getRangeEnd(r); ++c) {
        if (c < 0x10000) {
          bmp_[static_cast<std::size_t>(c) >> 6] |= std::uint64_t{1} << (c & 0x3F);
        } else {
          others_.push_back(c);
        }
      }
    }
  }
  bool contains(UChar32 c) const {
    if (c < 0) return false;
    if (c < 0x10000) return ((bmp_[static_cast<std::size_t>(c) >> 6] >> (c & 0x3F)) & 1) != 0;
    return std::binary_search(others_.begin(), others_.end(), c);
  }

 private:
  std::vector<std::uint64_t> bmp_;
  std::vector<UChar32> others_;  // ascending
};

}  // namespace

ItemEnd item_end(const LintContext& ctx, const ListItem& item, std::int32_t* run_hint,
                 bool check_prose) {
  static const icu::UnicodeSet& closer_set =
      frozen_set(u"[）)」』】〕〉》\\u0022\\u0027”’*_\\u3000\\u0020\\t]");
  static const SmallSet closers(closer_set);
  ItemEnd end;
  const Document& doc = ctx.doc;
  const Block& block = doc.blocks[item.block];
  const Offset begin = doc.lines[block.first_line].content_begin;
  end.text = {begin, begin};
  for (std::uint32_t l = std::min<std::uint32_t>(item.own_last_line,
                                                 static_cast<std::uint32_t>(doc.lines.size() - 1)) +
                         1;
       l-- > block.first_line;) {
    const Line& line = doc.lines[l];
    if (line.blank() || line.comment) continue;
    if (line.trailing_ws > begin) end.text.end = line.trailing_ws;
    break;
  }
  if (end.text.empty()) return end;
  const std::string_view bytes = ctx.source.bytes();
  std::size_t at = end.text.end;
  while (at > end.text.begin) {
    std::size_t start = 0;
    const UChar32 c = decode_before(bytes, at, end.text.begin, &start);
    if (c < 0 || !closers.contains(c)) {
      end.c = c;
      end.last = {static_cast<Offset>(start), static_cast<Offset>(at)};
      break;
    }
    at = start;
  }
  if (end.c < 0 || !check_prose) return end;
  const std::int32_t run =
      run_hint != nullptr ? run_at(doc, end.last.begin, *run_hint) : run_at(doc, end.last.begin);
  if (run_hint != nullptr && run >= 0) *run_hint = run;
  if (run >= 0) {
    const TextRun& r = doc.runs[run];
    end.prose = r.kind == RunKind::Text || r.kind == RunKind::LinkText;
    // Not inside a URL token written in the text (those are ASCII only).
    if (end.prose && end.c < 0x80) {
      const std::string_view text = bytes.substr(r.range.begin, r.range.size());
      const std::size_t local = end.last.begin - r.range.begin;
      bool in_url = false;
      for (UrlToken t = find_url_token(text, 0); t.begin != std::string_view::npos && !in_url;
           t = find_url_token(text, t.end)) {
        in_url = local >= t.begin && local < t.end;
      }
      end.prose = !in_url;
    }
  }
  return end;
}

void sentence_ends(const LintContext& ctx, const Index& index, const List& list,
                   std::vector<ItemEnd>& out, bool check_prose) {
  out.clear();
  std::int32_t run_hint = -1;
  for (std::uint32_t k = list.first_item; k < list.end_item; ++k) {
    const ListItem& item = index.items[k];
    if (item.has_sublist || ctx.digest.is_ioc_line(ctx.doc.blocks[item.block].first_line)) {
      continue;
    }
    const ItemEnd end = item_end(ctx, item, &run_hint, check_prose);
    if (end.c >= 0 && (end.prose || !check_prose)) out.push_back(end);
  }
}

bool is_nothing_marker(const LintContext& ctx, std::string_view text) {
  if (text.size() > 64) return false;  // markers are short
  static constexpr std::string_view kMarkers[] = {"なし", "推奨事項なし", "IOC情報なし",
                                                  "不明", "特になし",     "該当なし"};
  for (std::string_view m : kMarkers) {
    if (text == m) return true;
  }
  if (text == ctx.schema.empty_marker) return true;
  for (const std::string& v : ctx.schema.empty_marker_variants) {
    if (text == v) return true;
  }
  return false;
}

// --- The index ------------------------------------------------------------

namespace {

// The characters of each kind, in the order of enum Kind's bits.
constexpr const char16_t* kKindPatterns[kKindCount] = {
    u"[[:NFC_QC=N:][:NFC_QC=M:]]",                                           // kNfcCandidate
    u"[\\u3099-\\u309C]",                                                    // kVoicedMark
    u"[[:scx=Katakana:]&[:ea=H:]]",                                          // kHalfwidthKana
    u"[\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A]",                      // kFullwidthAlnum
    u"[\\u200B-\\u200D\\u2060\\uFEFF[:Bidi_Control:][[:Cc:]-[\\t\\n\\r]]]",  // kInvisible
    u"[\\u00A0\\u2000-\\u200A\\u2011\\u202F\\u205F]",                        // kSpecialSpace
    u"[\\uFF0C\\uFF0E,.]",                                                   // kPunctuation
    u"[*]",                                                                  // kAsterisk
    u"[\\u301C\\uFF5E]",                                                     // kWaveDash
    u"[()\\uFF08\\uFF09]",                                                   // kParenthesis
    u"[\\u3000]",                                                            // kIdeographicSpace
};

// The set of the kind whose bit is `k`.
const icu::UnicodeSet& set_at(int k) {
  static const std::array<const icu::UnicodeSet*, kKindCount> sets = [] {
    std::array<const icu::UnicodeSet*, kKindCount> out{};
    for (int i = 0; i < kKindCount; ++i)
      out[i] = &frozen_set(kKindPatterns[i]);
    return out;
  }();
  return *sets[k];
}

}  // namespace

const icu::UnicodeSet& kind_set(Kind kind) {
  const auto bits = static_cast<unsigned>(kind);
  if (std::has_single_bit(bits) && std::countr_zero(bits) < kKindCount) {
    return set_at(std::countr_zero(bits));
  }
  static const icu::UnicodeSet& none = frozen_set(u"[]");
  return none;
}

namespace {

int kind_index(Kind kind) {
  for (int k = 0; k < kKindCount; ++k) {
    if ((1u << k) == kind) return k;
  }
  return 0;
}

// The union of every kind: what the one pass stops at.
const icu::UnicodeSet& interesting() {
  static const icu::UnicodeSet& set = []() -> const icu::UnicodeSet& {
    auto* all = new icu::UnicodeSet();
    for (int k = 0; k < kKindCount; ++k)
      all->addAll(set_at(k));
    all->freeze();
    return *all;
  }();
  return set;
}

std::uint16_t kinds_in_sets(UChar32 c) {
  std::uint16_t kinds = 0;
  for (int k = 0; k < kKindCount; ++k) {
    if (set_at(k).contains(c)) kinds |= static_cast<std::uint16_t>(1u << k);
  }
  return kinds;
}

// Everything the scan looks up, derived from the sets once. The union set
// as bit masks over UTF-8 bytes: for each 2-byte lead, and each 3-byte
// lead and second byte, which of the 64 possible last bytes end a code
// point in the set. One lookup per character instead of BMPSet's binary
// search in blocks it cannot decide (the kana block holds U+3099..309C,
// the CJK punctuation block U+3000 and U+301C, so most Japanese characters
// land in such blocks). And the kinds of each BMP code point, in blocks of
// 64 (block 0 all zero), so a hit's kinds are two loads, not eleven sets.
struct Tables {
  std::uint16_t ascii_kinds[128] = {};
  std::uint64_t two[32] = {};        // lead 0xC0-0xDF
  std::uint64_t three[16][64] = {};  // lead 0xE0-0xEF, second byte & 0x3F
  std::uint16_t bmp_block[0x10000 >> 6] = {};
  std::vector<std::array<std::uint16_t, 64>> bmp_kinds;
  const icu::UnicodeSet* set = nullptr;  // the union
  bool windows = false;                  // windows_match_sets()

  std::uint16_t kinds(UChar32 c) const {
    if (c < 0x80) return ascii_kinds[c];
    if (c <= 0xFFFF) return bmp_kinds[bmp_block[c >> 6]][c & 0x3F];
    return kinds_in_sets(c);
  }
};

bool windows_match_sets(const Tables& t);

const Tables& tables() {
  static const Tables* tables = [] {
    auto* t = new Tables();
    t->set = &interesting();
    t->bmp_kinds.emplace_back();  // block 0: no kind
    for (int k = 0; k < kKindCount; ++k) {
      const icu::UnicodeSet& set = set_at(k);
      for (int32_t r = 0; r < set.getRangeCount(); ++r) {
        for (UChar32 c = set.getRangeStart(r); c <= set.getRangeEnd(r) && c <= 0xFFFF; ++c) {
          std::uint16_t& block = t->bmp_block[c >> 6];
          if (block == 0) {
            block = static_cast<std::uint16_t>(t->bmp_kinds.size());
            t->bmp_kinds.emplace_back();
          }
          t->bmp_kinds[block][c & 0x3F] |= static_cast<std::uint16_t>(1u << k);
          if (c < 0x80) {
            t->ascii_kinds[c] |= static_cast<std::uint16_t>(1u << k);
          } else if (c < 0x800) {
            t->two[c >> 6] |= std::uint64_t{1} << (c & 0x3F);
          } else if (c < 0xD800 || c > 0xDFFF) {
            t->three[c >> 12][(c >> 6) & 0x3F] |= std::uint64_t{1} << (c & 0x3F);
          }
        }
      }
    }
    t->windows = windows_match_sets(*t);
    return t;
  }();
  return *tables;
}

bool continuation(std::uint8_t b) {
  return (b & 0xC0) == 0x80;
}

// UTF-8 lead bytes of 3-byte characters that take any continuation bytes
// (E1-EC, EE, EF; E0 and ED restrict their second byte).
struct Leads {
  bool any_continuation[256] = {};
  constexpr Leads() {
    for (int b = 0xE1; b <= 0xEF; ++b)
      any_continuation[b] = b != 0xED;
  }
};
constexpr Leads kLeads;

using Found = std::vector<std::pair<std::uint32_t, UChar32>>;

// The code point of the well-formed 3-byte character at p.
inline UChar32 three_byte(const std::uint8_t* p) {
  return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
}

// Whether the well-formed 3-byte character at p is in the set.
inline bool three_in_set(const Tables& t, const std::uint8_t* p) {
  return ((t.three[p[0] & 0x0F][p[1] & 0x3F] >> (p[2] & 0x3F)) & 1) != 0;
}

// One character of the scan: records it when interesting, or the
// ill-formed subpart starting here; returns where the next one starts.
[[gnu::always_inline]] inline std::int32_t scan_one(
    const std::uint8_t* p, std::int32_t i, std::int32_t n, const Tables& t, Found* out,
    std::vector<std::pair<std::uint32_t, std::uint32_t>>& ill_formed) {
  const std::uint8_t b = p[i];
  if (b < 0x80) {
    if (t.ascii_kinds[b] != 0 && out != nullptr)
      out->emplace_back(static_cast<std::uint32_t>(i), b);
    return i + 1;
  }
  // A well-formed 3-byte character (E0 and ED restrict their second byte
  // and are left to ICU below).
  if (kLeads.any_continuation[b] && i + 2 < n && continuation(p[i + 1]) && continuation(p[i + 2])) {
    if (out != nullptr && three_in_set(t, p + i))
      out->emplace_back(static_cast<std::uint32_t>(i), three_byte(p + i));
    return i + 3;
  }
  if (b >= 0xC2 && b < 0xE0 && i + 1 < n && continuation(p[i + 1])) {
    if (((t.two[b & 0x1F] >> (p[i + 1] & 0x3F)) & 1) && out != nullptr) {
      out->emplace_back(static_cast<std::uint32_t>(i), ((b & 0x1F) << 6) | (p[i + 1] & 0x3F));
    }
    return i + 2;
  }
  // Everything else, ill-formed bytes included: ICU decodes and decides.
  const std::int32_t at = i;
  UChar32 c;
  U8_NEXT(p, i, n, c);
  if (c < 0) {
    ill_formed.emplace_back(static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(i - at));
  } else if (out != nullptr && t.set->contains(c)) {
    out->emplace_back(static_cast<std::uint32_t>(at), c);
  }
  return i;
}

// 16 bytes at a time (GCC vector extensions: SSE2 on x86-64, plain code
// elsewhere). Most of a digest's prose is kana and kanji: 3-byte
// characters with lead bytes E3-E9, of which only U+3000, U+301C and
// U+3099..309C are of interest, and ASCII. A window of well-formed ASCII
// and 3-byte characters with leads E3-E9 or EF (fullwidth forms) is
// stepped over whole; its candidates, the only characters in it that can
// be of interest, are checked one by one.
using U8x16 = std::uint8_t __attribute__((vector_size(16)));
using I8x16 = std::int8_t __attribute__((vector_size(16)));

inline I8x16 load16(const std::uint8_t* p) {
  I8x16 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Byte arithmetic wraps: do it unsigned, compare signed (SSE2 compares
// signed bytes only).
inline I8x16 plus(I8x16 v, std::uint8_t k) {
  return std::bit_cast<I8x16>(std::bit_cast<U8x16>(v) + k);
}

// One bit per lane whose top bit is set.
inline unsigned lane_bits(I8x16 m) {
#if defined(__SSE2__)
  return static_cast<unsigned>(_mm_movemask_epi8(std::bit_cast<__m128i>(m)));
#else
  unsigned bits = 0;
  for (int k = 0; k < 16; ++k)
    bits |= (m[k] < 0 ? 1u : 0u) << k;
  return bits;
#endif
}

// Bytes to step over at p (16, or 17 or 18 to finish a character that
// straddles the window's end), or 0 when the window needs the scalar scan.
// p[0] to p[17] must be readable, and p must start a character. With
// `hits`, `candidates` receives the lanes (character starts) that may be
// interesting: ASCII controls and ( ) * + , - ., U+3000, U+301C,
// U+3099..309C and a few neighbours, and every fullwidth form (lead EF). Without `hits` only
// the UTF-8 structure matters (validation alone).
template <bool hits>
inline int scan_window(const std::uint8_t* p, unsigned& candidates) {
  // Signed bytes: 0x80 = -128, 0xC0 = -64, 0xE3 = -29, 0xE9 = -23, 0xEF = -17.
  const I8x16 v = load16(p);
  const unsigned high = lane_bits(v);
  const unsigned cont = lane_bits(v < -64);
  const unsigned fullwidth = lane_bits(v == -17);
  const unsigned lead = lane_bits((v > -30) & (v < -22)) | fullwidth;
  // Every non-ASCII byte a lead or a continuation, and the continuations
  // exactly the two bytes after each lead (p starts a character).
  if ((high & ~(lead | cont)) != 0 || cont != (((lead << 1) | (lead << 2)) & 0xFFFF)) return 0;
  int step = 16;
  if ((lead & 0x8000) != 0) {
    if (!continuation(p[16]) || !continuation(p[17])) return 0;
    step = 18;
  } else if ((lead & 0x4000) != 0) {
    if (!continuation(p[16])) return 0;
    step = 17;
  }
  if constexpr (hits) {
    const I8x16 next1 = load16(p + 1);
    const I8x16 next2 = load16(p + 2);
    // ASCII below 0x20 and 0x7F (v + 1 < 0x21 signed, high bytes removed
    // below), and 0x28..0x2E.
    const I8x16 ascii = (plus(v, 1) < 0x21) | (plus(v, 0x58) < -121);
    // E3 80 80, E3 80 9C, E3 82 99..9C among E3 80|82 80|99..9C (the
    // few others, such as E3 82 80, are checked and dropped).
    const I8x16 kana =
        (v == -29) & ((next1 | 2) == -126) & ((next2 == -128) | (plus(next2, 0xE7) < -124));
    candidates = (lane_bits(ascii) & ~high) | lane_bits(kana) | fullwidth;
  }
  return step;
}

// Whether scan_window's candidates hold every character of the set a
// window can contain, derived from the sets themselves: otherwise (a kind
// changed) only the exact scan runs.
bool windows_match_sets(const Tables& t) {
  for (int lead = 0xE4; lead <= 0xE9; ++lead) {
    for (std::uint64_t row : t.three[lead & 0x0F]) {
      if (row != 0) return false;
    }
  }
  const auto& e3 = t.three[0x3];
  for (int row = 0; row < 64; ++row) {
    std::uint64_t allowed = 0;
    if (row == 0x00) allowed = (std::uint64_t{1} << 0x00) | (std::uint64_t{1} << 0x1C);
    if (row == 0x02) allowed = std::uint64_t{0xF} << 0x19;
    if ((e3[row] & ~allowed) != 0) return false;
  }
  for (int c = 0x20; c < 0x7F; ++c) {
    if (t.ascii_kinds[c] != 0 && (c < 0x28 || c > 0x2E)) return false;
  }
  return true;
}

// Records the interesting characters among a window's candidate lanes.
// `window` holds the window's bytes (the text, or a padded copy of its
// end); `base` is the window's offset in the text.
inline void record(const Tables& t, const std::uint8_t* window, std::int32_t base,
                   unsigned candidates, Found& out) {
  for (; candidates != 0; candidates &= candidates - 1) {
    const int lane = std::countr_zero(candidates);
    const std::uint8_t* c = window + lane;
    const auto at = static_cast<std::uint32_t>(base + lane);
    if (*c < 0x80) {
      if (t.ascii_kinds[*c] != 0) out.emplace_back(at, *c);
    } else if (three_in_set(t, c)) {
      out.emplace_back(at, three_byte(c));
    }
  }
}

// Steps windows over p[i, n) while they are clean; returns where the
// scalar scan has to go on. p[i, i + 18) must be readable.
template <bool hits>
inline std::int32_t scan_windows(const std::uint8_t* p, std::int32_t i, std::int32_t n,
                                 const Tables& t, Found* out) {
  unsigned candidates = 0;
  for (;;) {
    const int step = scan_window<hits>(p + i, candidates);
    if (step == 0) return i;
    if constexpr (hits) record(t, p + i, i, candidates, *out);
    i += step;
    if (i + 18 > n) return i;
  }
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) inline std::uint32_t bits(__m256i m) {
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(m));
}

// scan_window on 32 bytes (AVX2, when the processor has it): the same
// tests lane for lane, on 32-bit lane masks. p[0] to p[33] must be
// readable, and p must start a character.
template <bool hits>
__attribute__((target("avx2"))) inline int scan_window_32(const std::uint8_t* p,
                                                          std::uint32_t& candidates) {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const std::uint32_t high = bits(v);
  const std::uint32_t cont = bits(_mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v));
  const std::uint32_t fullwidth = bits(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(-17)));
  const std::uint32_t lead = bits(_mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8(-30)),
                                                   _mm256_cmpgt_epi8(_mm256_set1_epi8(-22), v))) |
                             fullwidth;
  if ((high & ~(lead | cont)) != 0 || cont != ((lead << 1) | (lead << 2))) return 0;
  int step = 32;
  if ((lead & 0x80000000u) != 0) {
    if (!continuation(p[32]) || !continuation(p[33])) return 0;
    step = 34;
  } else if ((lead & 0x40000000u) != 0) {
    if (!continuation(p[32])) return 0;
    step = 33;
  }
  if constexpr (hits) {
    const __m256i next1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
    const __m256i next2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
    const __m256i ascii = _mm256_or_si256(
        _mm256_cmpgt_epi8(_mm256_set1_epi8(0x21), _mm256_add_epi8(v, _mm256_set1_epi8(1))),
        _mm256_cmpgt_epi8(_mm256_set1_epi8(-121), _mm256_add_epi8(v, _mm256_set1_epi8(0x58))));
    const __m256i kana = _mm256_and_si256(
        _mm256_and_si256(
            _mm256_cmpeq_epi8(v, _mm256_set1_epi8(-29)),
            _mm256_cmpeq_epi8(_mm256_or_si256(next1, _mm256_set1_epi8(2)), _mm256_set1_epi8(-126))),
        _mm256_or_si256(_mm256_cmpeq_epi8(next2, _mm256_set1_epi8(-128)),
                        _mm256_cmpgt_epi8(_mm256_set1_epi8(-124),
                                          _mm256_add_epi8(next2, _mm256_set1_epi8(-25)))));
    candidates = (bits(ascii) & ~high) | bits(kana) | fullwidth;
  }
  return step;
}

// scan_windows on 32-byte windows while clean and p[i, i + 34) readable.
template <bool hits>
__attribute__((target("avx2"))) std::int32_t scan_windows_32(const std::uint8_t* p, std::int32_t i,
                                                             std::int32_t n, const Tables& t,
                                                             Found* out) {
  std::uint32_t candidates = 0;
  while (i + 34 <= n) {
    const int step = scan_window_32<hits>(p + i, candidates);
    if (step == 0) return i;
    if constexpr (hits) record(t, p + i, i, candidates, *out);
    i += step;
  }
  return i;
}
#endif

// Texts ending in fewer than this many bytes past the last window finish
// with the scalar scan (cheaper than the copy, measured on the corpus);
// longer ends go through a window over a padded copy.
constexpr std::int32_t kPaddedTail = 10;

template <bool hits>
void scan(const std::uint8_t* p, std::int32_t n, const Tables& t, bool windows, bool widest,
          Found* out, std::vector<std::pair<std::uint32_t, std::uint32_t>>& ill_formed) {
  std::int32_t i = 0;
#if defined(__x86_64__)
  static const bool has_avx2 = __builtin_cpu_supports("avx2");
  widest = widest && has_avx2;
#else
  widest = false;
#endif
  if (windows) {
    while (i + 18 <= n) {
#if defined(__x86_64__)
      if (widest) {
        i = scan_windows_32<hits>(p, i, n, t, out);
        if (i + 18 > n) break;  // scan_windows reads 18 bytes at i
      }
#endif
      i = scan_windows<hits>(p, i, n, t, out);
      if (i + 18 > n) break;
      // Character by character through this window, then try the next.
      for (const std::int32_t stop = i + 16; i < stop;)
        i = scan_one(p, i, n, t, out, ill_formed);
    }
    if (n - i >= kPaddedTail) {
      // The end, copied and padded with spaces (never interesting, never
      // a continuation: a character cut off by the end fails the window).
      std::uint8_t padded[18 + 18] = {};
      std::memset(padded, ' ', sizeof padded);
      const std::int32_t rest = n - i;
      std::memcpy(padded, p + i, static_cast<std::size_t>(rest));
      std::int32_t j = 0;
      unsigned candidates = 0;
      while (j < rest) {
        const int step = scan_window<hits>(padded + j, candidates);
        if (step == 0) break;
        if constexpr (hits) record(t, padded + j, i + j, candidates, *out);
        j += step;
      }
      i = std::min(i + j, n);
    }
  }
  while (i < n)
    i = scan_one(p, i, n, t, out, ill_formed);
}

}  // namespace

void find_interesting(std::string_view text, std::vector<std::pair<std::uint32_t, UChar32>>* out,
                      std::vector<std::pair<std::uint32_t, std::uint32_t>>& ill_formed,
                      bool windows, bool widest) {
  const Tables& t = tables();
  const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  windows = windows && t.windows;
  if (out != nullptr) {
    scan<true>(p, n, t, windows, widest, out, ill_formed);
  } else {
    scan<false>(p, n, t, windows, widest, out, ill_formed);
  }
}

const icu::UnicodeSet& interesting_set() {
  return interesting();
}

std::uint16_t kinds_of(UChar32 c) {
  return c < 0 || c > 0x10FFFF ? 0 : tables().kinds(c);
}

namespace {

void list_shapes(const Document& doc, Index& index) {
  // Blocks are in pre-order, so every item is seen before its children.
  // block_slot: a list's index in `lists`, an item's in `item_scratch`.
  index.block_slot.assign(doc.blocks.size(), -1);
  index.item_scratch.clear();
  // Locals: the push_backs below could alias the vectors' members, which
  // the compiler would reload for every block otherwise.
  const Block* const blocks = doc.blocks.data();
  const std::size_t block_count = doc.blocks.size();
  std::int32_t* const slot = index.block_slot.data();
  for (std::size_t b = 0; b < block_count; ++b) {
    const Block& block = blocks[b];
    const std::int32_t parent = block.parent;
    if (block.kind == BlockKind::BulletList || block.kind == BlockKind::OrderedList) {
      slot[b] = static_cast<std::int32_t>(index.lists.size());
      index.lists.push_back(List{static_cast<std::int32_t>(b), 0, 0});
    } else if (block.kind == BlockKind::ListItem && parent != kNone && slot[parent] >= 0) {
      slot[b] = static_cast<std::int32_t>(index.item_scratch.size());
      index.item_scratch.emplace_back(
          ListItem{static_cast<std::int32_t>(b), false, block.last_line},
          static_cast<std::uint32_t>(slot[parent]));
    }
    // The first child of an item that is not its paragraph ends its own text.
    if (parent == kNone || blocks[parent].kind != BlockKind::ListItem ||
        block.kind == BlockKind::Paragraph || slot[parent] < 0) {
      continue;
    }
    ListItem& item = index.item_scratch[static_cast<std::size_t>(slot[parent])].first;
    const Block& item_block = blocks[parent];
    if (block.kind == BlockKind::BulletList || block.kind == BlockKind::OrderedList) {
      item.has_sublist = true;
    }
    const std::uint32_t before =
        block.first_line > item_block.first_line ? block.first_line - 1 : item_block.first_line;
    if (before < item.own_last_line) item.own_last_line = before;
  }
  // Group the items by list, keeping their order (a counting sort).
  for (const auto& [item, list] : index.item_scratch)
    ++index.lists[list].end_item;
  std::uint32_t at = 0;
  for (List& list : index.lists) {
    list.first_item = at;
    at += list.end_item;
    list.end_item = list.first_item;
  }
  index.items.resize(index.item_scratch.size());
  for (const auto& [item, list] : index.item_scratch)
    index.items[index.lists[list].end_item++] = item;
}

void build(const LintContext& ctx, Index& index) {
  index.clear();
  const std::string_view bytes = ctx.source.bytes();
  const Tables& t = tables();
  find_segments(ctx, index.segments);
  for (std::uint32_t segment = 0; segment < index.segments.size(); ++segment) {
    const Segment& s = index.segments[segment];
    index.found.clear();
    index.bad.clear();
    find_interesting(bytes.substr(s.range.begin, s.range.size()), &index.found, index.bad);
    for (const auto& [at, length] : index.bad)
      index.ill_formed.push_back({s.range.begin + at, s.range.begin + at + length});
    for (const auto& [at, c] : index.found) {
      const std::uint16_t kinds = t.kinds(c);
      const auto hit = static_cast<std::uint32_t>(index.hits.size());
      index.hits.push_back(
          Hit{s.range.begin + at, static_cast<std::uint8_t>(U8_LENGTH(c)), kinds, c, segment});
      for (unsigned bits = kinds; bits != 0; bits &= bits - 1)
        index.by_kind[std::countr_zero(bits)].push_back(hit);
    }
  }
  index.has_nul = std::memchr(bytes.data(), '\0', bytes.size()) != nullptr;
  list_shapes(ctx.doc, index);
}

}  // namespace

const std::vector<std::uint32_t>& Index::of(Kind kind) const {
  return by_kind[kind_index(kind)];
}

void Index::clear() {
  segments.clear();
  hits.clear();
  for (auto& v : by_kind)
    v.clear();
  lists.clear();
  items.clear();
  ill_formed.clear();
  has_nul = false;
}

const Index& index(const LintContext& ctx) {
  return ctx.cache.get<Index>([&](Index& i) { build(ctx, i); });
}

const Index* cached_index(const LintContext& ctx) {
  return ctx.cache.peek<Index>();
}

std::int32_t run_at(const Document& doc, Offset at) {
  auto it = std::upper_bound(doc.runs.begin(), doc.runs.end(), at,
                             [](Offset o, const TextRun& r) { return o < r.range.begin; });
  if (it == doc.runs.begin()) return -1;
  --it;
  if (at >= it->range.end) return -1;
  return static_cast<std::int32_t>(it - doc.runs.begin());
}

std::int32_t run_at(const Document& doc, Offset at, std::int32_t hint) {
  const auto count = static_cast<std::int32_t>(doc.runs.size());
  if (hint < 0 || hint >= count || doc.runs[hint].range.begin > at) return run_at(doc, at);
  // The last run beginning at or before `at`, as upper_bound finds it:
  // the next item's end is usually a few runs on.
  std::int32_t k = hint;
  for (int steps = 0; k + 1 < count && doc.runs[k + 1].range.begin <= at; ++k) {
    if (++steps == 8) {
      const auto it =
          std::upper_bound(doc.runs.begin() + k + 1, doc.runs.end(), at,
                           [](Offset o, const TextRun& r) { return o < r.range.begin; });
      k = static_cast<std::int32_t>(it - doc.runs.begin()) - 1;
      break;
    }
  }
  if (at >= doc.runs[k].range.end) return -1;
  return k;
}

}  // namespace digestlint::prose
