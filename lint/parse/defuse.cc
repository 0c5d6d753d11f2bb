#include "parse/defuse.h"

#include <algorithm>
#include <array>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// x86-64 built for any processor: the first pass also has a loop on AVX2
// vectors, taken when the processor has them (half the instructions).
#if defined(__x86_64__) && defined(__GNUC__) && defined(__SSE2__)
#include <immintrin.h>
#define DIGESTLINT_DEFUSE_AVX2 1
#endif

namespace digestlint {

namespace {

// One pass over the bytes: most bytes are none of these, and are skipped
// by a table lookup (defuse must cost a small fraction of the md4c parse).
enum ByteClass : unsigned char { kPlain, kOpen, kClose, kColon, kW, kLineEnd };

constexpr std::array<unsigned char, 256> make_classes() {
  std::array<unsigned char, 256> c{};
  c['['] = kOpen;
  c[']'] = kClose;
  c[':'] = kColon;
  c['w'] = kW;
  c['\n'] = kLineEnd;
  c['\r'] = kLineEnd;
  return c;
}
constexpr std::array<unsigned char, 256> kClass = make_classes();

// The first byte at or after `i` that is not kPlain, or `n`.
std::size_t skip_plain(const char* s, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i open = _mm_set1_epi8('[');
  const __m128i close = _mm_set1_epi8(']');
  const __m128i colon = _mm_set1_epi8(':');
  const __m128i w = _mm_set1_epi8('w');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, open), _mm_cmpeq_epi8(v, close)),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, colon), _mm_cmpeq_epi8(v, w))),
                     _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  while (i < n && kClass[static_cast<unsigned char>(s[i])] == kPlain)
    ++i;
  return i;
}

// The bytes a container prefix is made of (see container_prefix).
constexpr std::array<bool, 256> make_prefix_bytes() {
  std::array<bool, 256> p{};
  for (const char c : {' ', '\t', '>', '-', '*', '+', '.', ')'})
    p[static_cast<unsigned char>(c)] = true;
  for (char c = '0'; c <= '9'; ++c)
    p[static_cast<unsigned char>(c)] = true;
  return p;
}
constexpr std::array<bool, 256> kPrefixByte = make_prefix_bytes();

bool is_space_or_tab(char c) {
  return c == ' ' || c == '\t';
}

bool is_line_end(std::string_view s, std::size_t i) {
  return i >= s.size() || s[i] == '\n' || s[i] == '\r';
}

std::size_t line_end(std::string_view s, std::size_t pos) {
  while (pos < s.size() && s[pos] != '\n' && s[pos] != '\r')
    ++pos;
  return pos;
}

std::size_t next_line(std::string_view s, std::size_t eol) {
  if (eol >= s.size()) return s.size();
  return eol + ((s[eol] == '\r' && eol + 1 < s.size() && s[eol + 1] == '\n') ? 2 : 1);
}

// The container prefix of the line at `i`: whitespace, '>' and list
// markers ("-", "*", "+", "1.", "1)" followed by whitespace or the line's
// end). Calls `marker(offset)` for each byte that opens a container ('>',
// a bullet, an ordered delimiter).
struct Prefix {
  std::size_t end = 0;  // first byte after the prefix
  std::size_t markers = 0;
  std::size_t columns = 0;  // of indentation that may continue list items

  // An upper bound of the containers md4c can have open on this line.
  // Each level is a marker on this line, or the continuation of a list
  // item by its content indentation (two columns at least: a marker and a
  // space). Whitespace after a list marker of this line is that marker's
  // padding (or starts indented code), and the first space after '>'
  // belongs to the '>'; neither continues anything.
  std::size_t depth() const { return markers + columns / 2; }
};

template <typename F>
Prefix container_prefix(std::string_view s, std::size_t i, F marker) {
  Prefix p;
  bool after_list_marker = false;
  bool after_quote_marker = false;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t') {
      if (!after_list_marker) {
        const std::size_t width = c == '\t' ? 4 : 1;  // a tab: at most 4 columns
        p.columns += after_quote_marker ? width - 1 : width;
      }
      after_quote_marker = false;
      ++i;
    } else if (c == '>') {
      marker(i);
      ++p.markers;
      after_quote_marker = true;
      ++i;
    } else if ((c == '-' || c == '*' || c == '+') &&
               (is_line_end(s, i + 1) || is_space_or_tab(s[i + 1]))) {
      marker(i);
      ++p.markers;
      after_list_marker = true;
      after_quote_marker = false;
      ++i;
    } else if (c >= '0' && c <= '9') {
      std::size_t d = i;
      while (d < s.size() && d - i < 10 && s[d] >= '0' && s[d] <= '9')
        ++d;
      if (d - i > 9 || d == s.size() || (s[d] != '.' && s[d] != ')') ||
          !(is_line_end(s, d + 1) || is_space_or_tab(s[d + 1]))) {
        break;
      }
      marker(d);
      ++p.markers;
      after_list_marker = true;
      after_quote_marker = false;
      i = d + 1;
    } else {
      break;
    }
  }
  p.end = i;
  return p;
}

Prefix container_prefix(std::string_view s, std::size_t i) {
  return container_prefix(s, i, [](std::size_t) {});
}

// What one block (lines between blank lines: a superset of any md4c
// paragraph, so a count never falls short) holds.
struct BlockCounts {
  std::size_t brackets = 0;
  std::size_t bracket_depth = 0;  // running: '[' not yet closed
  std::size_t max_bracket_depth = 0;
  std::size_t autolinks = 0;
  std::size_t max_container_depth = 0;
  bool definition_candidate = false;  // a line starts with '[' after its prefix
};

// A possible link reference definition whose '[' is at `open`: the offset
// of its ':' (npos if it cannot be one) and the end of what md4c reads
// again at every use (destination and title). Over-estimates the end,
// never under-estimates it: a title may run over lines, and lines inside
// it that look like definitions are not.
struct Definition {
  std::size_t colon = std::string_view::npos;
  std::size_t end = 0;
};

Definition scan_definition(std::string_view s, std::size_t open, std::size_t block_end) {
  Definition d;
  std::size_t i = open + 1;
  // The label: up to the first unescaped ']' (md4c allows 999 characters).
  for (; i < block_end && i - open <= 1000; ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '[') {
      return d;
    } else if (s[i] == ']') {
      break;
    }
  }
  if (i + 1 >= block_end || s[i] != ']' || s[i + 1] != ':') return d;
  d.colon = i + 1;
  i += 2;
  // Whitespace with at most one line end (the next line continuing after
  // its own container prefix, "> "), before the destination and before an
  // optional title.
  auto skip_space = [&] {
    bool newline = false;
    while (i < block_end) {
      if (is_space_or_tab(s[i])) {
        ++i;
      } else if (is_line_end(s, i) && !newline) {
        newline = true;
        i = container_prefix(s, next_line(s, i)).end;
      } else {
        break;
      }
    }
  };
  skip_space();
  if (i < block_end && s[i] == '<') {
    while (i < block_end && s[i] != '>' && !is_line_end(s, i))
      i += s[i] == '\\' ? 2 : 1;
  } else {
    while (i < block_end && !is_space_or_tab(s[i]) && !is_line_end(s, i))
      ++i;
  }
  i = std::min(i, block_end);
  d.end = line_end(s, i);
  skip_space();
  if (i < block_end && (s[i] == '"' || s[i] == '\'' || s[i] == '(')) {
    const char close = s[i] == '(' ? ')' : s[i];
    for (++i; i < block_end && s[i] != close; ++i) {
      if (s[i] == '\\') ++i;
    }
    d.end = std::max(d.end, line_end(s, std::min(i, block_end)));
  }
  d.end = std::min(d.end, block_end);
  return d;
}

class Defuser {
 public:
  Defuser(std::string_view input, std::string& copy, std::vector<ByteRange>& ranges,
          const DefuseLimits& limits)
      : s_(input), copy_(copy), ranges_(ranges), limits_(limits) {}

  bool run() {
    const std::size_t n = s_.size();
    std::size_t block = std::string_view::npos;
    BlockCounts counts;
    std::size_t pos = 0;
    for (;;) {
      const Prefix prefix = container_prefix(s_, pos);
      std::size_t i = prefix.end;
      if (prefix.markers == 0 && is_line_end(s_, i)) {
        if (block != std::string_view::npos) finish(block, pos, counts);
        block = std::string_view::npos;
      } else {
        if (block == std::string_view::npos) {
          block = pos;
          counts = {};
        }
        counts.max_container_depth = std::max(counts.max_container_depth, prefix.depth());
        if (i < n && s_[i] == '[') counts.definition_candidate = true;
        i = scan_line(i, counts);
      }
      if (i >= n) break;
      pos = next_line(s_, i);
    }
    if (block != std::string_view::npos) finish(block, n, counts);

    // Every use of a definition needs a ']': the longest definition the
    // file's uses can afford shares the budget among all possible uses.
    const std::size_t limit =
        (limits_.definition_budget_base + limits_.definition_budget_per_byte * n) /
        std::max<std::size_t>(1, closers_);
    const std::size_t before = ranges_.size();
    for (const ByteRange& b : definition_blocks_) {
      if (b.end - b.begin > limit && defuse_definitions(b.begin, b.end, limit)) {
        ranges_.push_back(b);
      }
    }
    if (ranges_.size() != before) {
      std::sort(ranges_.begin(), ranges_.end(),
                [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
    }
    return changed_;
  }

 private:
  // Counts brackets and autolinks up to the line's end; returns it.
  std::size_t scan_line(std::size_t i, BlockCounts& c) {
    const std::size_t n = s_.size();
    for (;;) {
      i = skip_plain(s_.data(), i, n);
      if (i >= n) return n;
      switch (kClass[static_cast<unsigned char>(s_[i])]) {
        case kOpen:
          ++c.brackets;
          c.max_bracket_depth = std::max(c.max_bracket_depth, ++c.bracket_depth);
          break;
        case kClose:
          ++c.brackets;
          ++closers_;
          if (c.bracket_depth > 0) --c.bracket_depth;
          break;
        case kColon:
          if (i + 2 < n && s_[i + 1] == '/' && s_[i + 2] == '/') ++c.autolinks;
          break;
        case kW:
          if (i + 3 < n && s_[i + 1] == 'w' && s_[i + 2] == 'w' && s_[i + 3] == '.') ++c.autolinks;
          break;
        default:  // a line end
          return i;
      }
      ++i;
    }
  }

  void ensure_copy() {
    if (!changed_) copy_.assign(s_.data(), s_.size());
    changed_ = true;
  }

  void finish(std::size_t begin, std::size_t end, const BlockCounts& c) {
    bool touched = false;
    if (c.brackets > limits_.brackets_per_block || c.max_bracket_depth > limits_.bracket_depth) {
      ensure_copy();
      for (std::size_t i = begin; i < end; ++i) {
        if (copy_[i] == '[' || copy_[i] == ']') copy_[i] = ' ';
      }
      touched = true;
    }
    if (c.autolinks > limits_.autolinks_per_block) {
      ensure_copy();
      for (std::size_t i = begin; i + 2 < end; ++i) {
        if (copy_[i] == ':' && copy_[i + 1] == '/' && copy_[i + 2] == '/') copy_[i] = ';';
        if (i + 3 < end && copy_.compare(i, 4, "www.") == 0) copy_[i + 3] = ',';
      }
      touched = true;
    }
    if (c.max_container_depth > limits_.container_depth) {
      ensure_copy();
      for (std::size_t pos = begin; pos < end;) {
        const Prefix p = container_prefix(s_, pos, [&](std::size_t i) { copy_[i] = ' '; });
        pos = next_line(s_, line_end(s_, p.end));
      }
      touched = true;
    }
    const ByteRange range{static_cast<Offset>(begin), static_cast<Offset>(end)};
    if (touched) {
      ranges_.push_back(range);
    } else if (c.definition_candidate && end - begin > limits_.definition_budget_per_byte) {
      // Reference definitions (gone already if the brackets were blanked)
      // wait for the file's count of ']'. No limit is lower than per_byte.
      definition_blocks_.push_back(range);
    }
  }

  bool defuse_definitions(std::size_t begin, std::size_t end, std::size_t limit) {
    bool touched = false;
    for (std::size_t pos = begin; pos < end;) {
      const std::size_t at = container_prefix(s_, pos).end;
      std::size_t next = next_line(s_, line_end(s_, at));
      if (at < end && s_[at] == '[') {
        const Definition d = scan_definition(s_, at, end);
        if (d.colon != std::string_view::npos) {
          if (d.end - at > limit) {
            ensure_copy();
            copy_[d.colon] = ' ';
            touched = true;
          }
          // Lines inside the title are not definitions.
          next = std::max(next, next_line(s_, d.end));
        }
      }
      pos = next;
    }
    return touched;
  }

  std::string_view s_;
  std::string& copy_;
  std::vector<ByteRange>& ranges_;
  const DefuseLimits& limits_;
  std::size_t closers_ = 0;                   // ']' in the file
  std::vector<ByteRange> definition_blocks_;  // blocks that may hold definitions
  bool changed_ = false;
};

// One 16-byte chunk: the bytes that may start a construct defuse counts
// ('[', ']', ':', 'w'), and whether every byte is below 0x40, as every
// container-prefix byte is.
struct ChunkMasks {
  unsigned constructs = 0;  // bit k: byte k
  bool all_below_0x40 = false;
};

#if defined(__SSE2__)
// 0xFF where a byte is '[', ']', ':' or 'w'.
__m128i construct_bytes(__m128i v) {
  return _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('[')), _mm_cmpeq_epi8(v, _mm_set1_epi8(']'))),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')), _mm_cmpeq_epi8(v, _mm_set1_epi8('w'))));
}

unsigned construct_mask(__m128i v) {
  return static_cast<unsigned>(_mm_movemask_epi8(construct_bytes(v)));
}

// One bit per byte of four chunks.
std::uint64_t mask64(__m128i m0, __m128i m1, __m128i m2, __m128i m3) {
  auto bits = [](__m128i m) { return std::uint64_t{static_cast<unsigned>(_mm_movemask_epi8(m))}; };
  return bits(m0) | bits(m1) << 16 | bits(m2) << 32 | bits(m3) << 48;
}

// Bit k set: byte k is 0x40 or above. movemask reads bit 7 of each byte;
// the 16-bit shift brings each byte's bit 6 there.
unsigned high_bytes(__m128i v) {
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(v, _mm_slli_epi16(v, 1))));
}
#endif

ChunkMasks chunk_masks(const char* p) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return {construct_mask(v), high_bytes(v) == 0};
#else
  ChunkMasks m;
  m.all_below_0x40 = true;
  for (unsigned k = 0; k < 16; ++k) {
    const auto c = static_cast<unsigned char>(p[k]);
    if (kClass[c] != kPlain && kClass[c] != kLineEnd) m.constructs |= 1u << k;
    if (c >= 0x40) m.all_below_0x40 = false;
  }
  return m;
#endif
}

#if defined(DIGESTLINT_DEFUSE_AVX2)
// construct_bytes, mask and high_bytes on 32 bytes.
__attribute__((target("avx2"))) __m256i construct_bytes_avx2(__m256i v) {
  return _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('[')),
                                         _mm256_cmpeq_epi8(v, _mm256_set1_epi8(']'))),
                         _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(':')),
                                         _mm256_cmpeq_epi8(v, _mm256_set1_epi8('w'))));
}

__attribute__((target("avx2"))) std::uint32_t mask_avx2(__m256i m) {
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(m));
}

__attribute__((target("avx2"))) std::uint32_t high_bytes_avx2(__m256i v) {
  return mask_avx2(_mm256_or_si256(v, _mm256_slli_epi16(v, 1)));
}
#endif

bool is_line_end_byte(char c) {
  return c == '\n' || c == '\r';
}

// defuse()'s first pass, over the whole text at once: it proves that no
// block can exceed a limit, so the pass block by block (Defuser) is skipped,
// as it is for nearly every real file. A block's count is bounded by the
// same count over the whole text:
// - brackets and autolinks ("://", "www."): a block's are among the text's
//   (no container prefix or blank line holds one);
// - bracket depth: the running depth over the whole text (a ']' at depth 0
//   leaves it at 0) is at least a block's, which starts from 0: both see the
//   same brackets in the same order, and each step (+1, or -1 down to 0)
//   keeps which of two depths is larger;
// - reference definitions: their label ends with "]:" (and whether they
//   are too long depends on the whole file: left to the block pass);
// - container depth: a prefix adds at most 2 per byte (a tab is 4 columns),
//   so a line deeper than the limit has a prefix of more than limit / 2
//   bytes; a run of 31 bytes or more holds a whole chunk of 16 starting at a
//   multiple of 16. Only the lines holding a chunk of prefix bytes have
//   their prefix measured.
class LimitCheck {
 public:
  LimitCheck(std::string_view input, const DefuseLimits& limits) : s_(input), limits_(limits) {}

  bool may_exceed(bool widest_vectors) {
    if (limits_.container_depth / 2 + 1 < 31) return true;  // runs too short for the chunks
    const std::size_t n = s_.size();
    std::size_t i = 0;
#if defined(DIGESTLINT_DEFUSE_AVX2)
    static const bool has_avx2 = __builtin_cpu_supports("avx2");
    if (widest_vectors && has_avx2) {
      if (blocks_avx2(i)) return true;
    } else if (blocks_sse2(i)) {
      return true;
    }
#elif defined(__SSE2__)
    if (blocks_sse2(i)) return true;
#else
    (void)widest_vectors;
#endif
    for (; i + 16 <= n; i += 16) {
      if (chunk_may_exceed(i)) return true;
    }
    for (; i < n; ++i) {
      const unsigned char c = kClass[static_cast<unsigned char>(s_[i])];
      if (c != kPlain && c != kLineEnd && count(i)) return true;
    }
    return false;
  }

 private:
#if defined(__SSE2__)
  // The whole blocks of 64 bytes from `i`, four chunks at a time with one
  // branch per test: nearly every block holds neither a construct nor a
  // chunk below 0x40. True once over a limit; else `i` is past the blocks.
  bool blocks_sse2(std::size_t& i) {
    for (; i + 64 <= s_.size(); i += 64) {
      const auto* p = reinterpret_cast<const __m128i*>(s_.data() + i);
      const __m128i v0 = _mm_loadu_si128(p);
      const __m128i v1 = _mm_loadu_si128(p + 1);
      const __m128i v2 = _mm_loadu_si128(p + 2);
      const __m128i v3 = _mm_loadu_si128(p + 3);
      const __m128i c0 = construct_bytes(v0);
      const __m128i c1 = construct_bytes(v1);
      const __m128i c2 = construct_bytes(v2);
      const __m128i c3 = construct_bytes(v3);
      if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(c0, c1), _mm_or_si128(c2, c3))) != 0) {
        if (count_all(i, mask64(c0, c1, c2, c3))) return true;
      }
      // A chunk below 0x40 has no high byte: its 16-bit mask is 0, and so
      // is the product of the four (at most 2^64 - 1: no overflow).
      const std::uint64_t high[4] = {high_bytes(v0), high_bytes(v1), high_bytes(v2),
                                     high_bytes(v3)};
      if (high[0] * high[1] * high[2] * high[3] == 0) {
        for (std::size_t k = 0; k < 4; ++k) {
          if (high[k] == 0 && deep_prefix_at(i + 16 * k)) return true;
        }
      }
    }
    return false;
  }
#endif

#if defined(DIGESTLINT_DEFUSE_AVX2)
  // blocks_sse2 on two 32-byte vectors per block: the same tests, the same
  // calls in the same order.
  __attribute__((target("avx2"))) bool blocks_avx2(std::size_t& i) {
    for (; i + 64 <= s_.size(); i += 64) {
      const auto* p = reinterpret_cast<const __m256i*>(s_.data() + i);
      const __m256i v0 = _mm256_loadu_si256(p);
      const __m256i v1 = _mm256_loadu_si256(p + 1);
      const __m256i c0 = construct_bytes_avx2(v0);
      const __m256i c1 = construct_bytes_avx2(v1);
      const __m256i any = _mm256_or_si256(c0, c1);
      if (!_mm256_testz_si256(any, any)) {
        if (count_all(i, mask_avx2(c0) | std::uint64_t{mask_avx2(c1)} << 32)) return true;
      }
      // A chunk below 0x40: a 16-bit lane of zeros. Subtracting 1 from
      // each lane sets the top bit of the lowest zero lane, where ~h has it
      // too; with no zero lane nothing borrows, and no lane has the top bit
      // in both h - 1 and ~h.
      const std::uint64_t h = high_bytes_avx2(v0) | std::uint64_t{high_bytes_avx2(v1)} << 32;
      if (((h - 0x0001000100010001) & ~h & 0x8000800080008000) != 0) {
        for (std::size_t k = 0; k < 4; ++k) {
          if (((h >> (16 * k)) & 0xFFFF) == 0 && deep_prefix_at(i + 16 * k)) return true;
        }
      }
    }
    return false;
  }
#endif

  // Counts the construct at each set bit of a block's 64.
  bool count_all(std::size_t block, std::uint64_t bits) {
    for (; bits != 0; bits &= bits - 1) {
      if (count(block + static_cast<std::size_t>(std::countr_zero(bits)))) return true;
    }
    return false;
  }

  bool chunk_may_exceed(std::size_t chunk) {
    const ChunkMasks m = chunk_masks(s_.data() + chunk);
    for (unsigned bits = m.constructs; bits != 0; bits &= bits - 1) {
      if (count(chunk + static_cast<std::size_t>(std::countr_zero(bits)))) return true;
    }
    return m.all_below_0x40 && deep_prefix_at(chunk);
  }

  // Counts what starts at `i` as scan_line does; true once over a limit.
  bool count(std::size_t i) {
    const std::size_t n = s_.size();
    switch (kClass[static_cast<unsigned char>(s_[i])]) {
      case kOpen:
        ++brackets_;
        ++depth_;
        return brackets_ > limits_.brackets_per_block || depth_ > limits_.bracket_depth;
      case kClose:
        ++brackets_;
        if (depth_ > 0) --depth_;
        return brackets_ > limits_.brackets_per_block || (i + 1 < n && s_[i + 1] == ':');
      case kColon:
        if (i + 2 < n && s_[i + 1] == '/' && s_[i + 2] == '/') ++autolinks_;
        return autolinks_ > limits_.autolinks_per_block;
      case kW:
        if (i + 3 < n && s_[i + 1] == 'w' && s_[i + 2] == 'w' && s_[i + 3] == '.') ++autolinks_;
        return autolinks_ > limits_.autolinks_per_block;
      default:
        return false;
    }
  }

  // The chunk at `chunk`, if all prefix bytes: is its line deeper than the
  // limit, as Defuser::run measures it?
  bool deep_prefix_at(std::size_t chunk) {
    for (std::size_t k = chunk; k < chunk + 16; ++k) {
      if (!kPrefixByte[static_cast<unsigned char>(s_[k])]) return false;
    }
    // Back to the line's start, but not over the bytes after the last such
    // chunk (linear): no line end there means the same line, measured already.
    std::size_t start = chunk;
    while (start > measured_until_ && !is_line_end_byte(s_[start - 1]))
      --start;
    const bool measured = start == measured_until_ && measured_until_ > 0;
    measured_until_ = chunk + 16;
    if (measured) return false;
    const Prefix p = container_prefix(s_, start);
    const bool blank = p.markers == 0 && is_line_end(s_, p.end);
    return !blank && p.depth() > limits_.container_depth;
  }

  std::string_view s_;
  const DefuseLimits& limits_;
  std::size_t brackets_ = 0;
  std::size_t depth_ = 0;
  std::size_t autolinks_ = 0;
  std::size_t measured_until_ = 0;  // end of the last chunk of prefix bytes
};

}  // namespace

bool may_exceed_limits(std::string_view input, const DefuseLimits& limits, bool widest_vectors) {
  return LimitCheck(input, limits).may_exceed(widest_vectors);
}

bool defuse_blocks(std::string_view input, std::string& copy, std::vector<ByteRange>& ranges,
                   const DefuseLimits& limits) {
  return Defuser(input, copy, ranges, limits).run();
}

bool defuse(std::string_view input, std::string& copy, std::vector<ByteRange>& ranges,
            const DefuseLimits& limits) {
  return may_exceed_limits(input, limits) && defuse_blocks(input, copy, ranges, limits);
}

}  // namespace digestlint
