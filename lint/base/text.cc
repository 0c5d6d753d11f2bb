#include "digestlint/text.h"

#include "base/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include <fmt/format.h>

namespace digestlint {

std::string_view trim_ascii_space(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const std::size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::string nfkc_casefold(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfkc_cf->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())), sink,
                         nullptr, status);
  if (U_FAILURE(status)) return std::string(s);
  return out;
}

// The kana, kanji and punctuation most markers are written in (a test
// checks every one against ICU).
bool is_simple_fold_code_point(char32_t c) {
  if (c < 0x80) return true;              // ASCII: A-Z fold to a-z, the rest to themselves
  return (c >= 0x3001 && c <= 0x3002) ||  // 、。
         c == 0x3005 ||                   // 々
         (c >= 0x300C && c <= 0x300F) ||  // 「」『』
         (c >= 0x3041 && c <= 0x3096) ||  // hiragana
         (c >= 0x30A1 && c <= 0x30FC) ||  // katakana, ・, ー
         (c >= 0x4E00 && c <= 0x9FFF);    // CJK unified ideographs
}

bool fold_loosely_simple(std::string_view s, std::string& out) {
  // Simple code points fold to themselves, A-Z to a-z, never growing: fold,
  // drop repeats and write in one pass over the bytes.
  out.resize(s.size());
  char* const w0 = out.data();
  char* w = w0;
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const std::size_t n = s.size();
  char32_t previous = 0xFFFFFFFF;
  for (std::size_t i = 0; i < n;) {
    const std::uint8_t b = p[i];
    if (b < 0x80) {
      const auto c = static_cast<char32_t>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
      if (c != previous) *w++ = static_cast<char>(c);
      previous = c;
      ++i;
      continue;
    }
    // Every simple code point beyond ASCII is three bytes (U+3001-U+9FFF);
    // anything else, ill-formed bytes included, is left to ICU.
    if ((b & 0xF0) != 0xE0 || i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 ||
        (p[i + 2] & 0xC0) != 0x80) {
      return false;
    }
    const char32_t c =
        (char32_t{b} & 0x0F) << 12 | (char32_t{p[i + 1]} & 0x3F) << 6 | (char32_t{p[i + 2]} & 0x3F);
    // (Below U+3001 a three-byte sequence is overlong or not simple.)
    if (c < 0x3001 || !is_simple_fold_code_point(c)) return false;
    if (c != previous) {
      std::memcpy(w, p + i, 3);
      w += 3;
    }
    previous = c;
    i += 3;
  }
  out.resize(static_cast<std::size_t>(w - w0));
  return true;
}

namespace {

std::vector<UChar32> code_points(std::string_view s) {
  std::vector<UChar32> out;
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(p, i, n, c);
    out.push_back(c);
  }
  return out;
}

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  std::int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), len, 4, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

}  // namespace

// Calls f(c) for each code point of s (U+FFFD for an ill-formed subpart),
// without building a vector of them: the folds below run on many lines.
template <typename F>
void for_each_code_point(std::string_view s, F f) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(p, i, n, c);
    f(c);
  }
}

std::string fold_loosely_by_icu(std::string_view s) {
  const std::string folded = nfkc_casefold(trim_ascii_space(s));
  std::string out;
  out.reserve(folded.size());
  UChar32 previous = -1;
  for_each_code_point(folded, [&](UChar32 c) {
    if (c == previous) return;
    append_utf8(out, c);
    previous = c;
  });
  const std::string_view trimmed = trim_ascii_space(out);
  if (trimmed.size() == out.size()) return out;
  return std::string(trimmed);
}

std::string fold_loosely(std::string_view s) {
  // Most markers are kana, kanji and ASCII, which fold without ICU (a
  // call costs thousands of instructions). After trimming, simple code
  // points leave nothing to trim again.
  std::string out;
  if (fold_loosely_simple(trim_ascii_space(s), out)) return out;
  return fold_loosely_by_icu(s);
}

std::string fold_for_match(std::string_view s) {
  const std::string folded = nfkc_casefold(s);
  std::string out;
  out.reserve(folded.size());
  for_each_code_point(folded, [&](UChar32 c) {
    if (!u_isUWhiteSpace(c)) append_utf8(out, c);
  });
  return out;
}

namespace {

// Levenshtein distance between the sequences x and y, one row of
// y.size() + 1 cells in `row`.
template <typename Sequence, typename Row>
std::size_t levenshtein(const Sequence& x, const Sequence& y, Row& row) {
  for (std::size_t j = 0; j <= y.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[y.size()];
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // The common case, short ASCII strings (rule codes and names), without an
  // allocation: bytes are code points there.
  if (a.size() <= 64 && b.size() <= 64 && is_ascii(a) && is_ascii(b)) {
    std::array<std::size_t, 65> row{};
    return levenshtein(a, b, row);
  }
  const std::vector<UChar32> x = code_points(a);
  const std::vector<UChar32> y = code_points(b);
  std::vector<std::size_t> row(y.size() + 1);
  return levenshtein(x, y, row);
}

std::size_t code_point_count(std::string_view s) {
  std::size_t count = 0;
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n; ++count) {
    UChar32 c;
    U8_NEXT_OR_FFFD(p, i, n, c);
  }
  return count;
}

bool is_near_miss(std::string_view candidate, std::string_view target) {
  return is_near_miss_folded(fold_for_match(candidate), fold_for_match(target));
}

bool is_near_miss_folded(std::string_view c, std::string_view t) {
  if (c == t) return true;
  // At least c.size() / 4 code points against at most t.size(): far apart
  // lengths (an article title against a section name) need no counting.
  if (c.size() / 4 > t.size() + 3 || t.size() / 4 > c.size() + 3) return false;
  const std::size_t len = code_point_count(t);
  const std::size_t allowed = std::min<std::size_t>(3, std::max<std::size_t>(1, len / 4));
  // Cheap length check first: the distance is at least the length gap.
  const std::size_t clen = code_point_count(c);
  if ((clen > len ? clen - len : len - clen) > allowed) return false;
  return edit_distance(c, t) <= allowed;
}

namespace {

bool is_ascii_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

bool is_token_at(std::string_view text, std::size_t at, std::string_view phrase) {
  if (phrase.empty()) return true;
  const bool one_char =
      std::all_of(phrase.begin(), phrase.end(), [&](char c) { return c == phrase.front(); });
  std::size_t begin = at;
  std::size_t end = at + phrase.size();
  if (one_char) {
    while (begin > 0 && text[begin - 1] == phrase.front())
      --begin;
    while (end < text.size() && text[end] == phrase.front())
      ++end;
  }
  if (is_ascii_word(phrase.front()) && begin > 0 && is_ascii_word(text[begin - 1])) return false;
  if (is_ascii_word(phrase.back()) && end < text.size() && is_ascii_word(text[end])) return false;
  return true;
}

bool all_visible_ascii(std::string_view s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHighs = 0x8080808080808080u;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // A byte under 0x21 (subtracting 0x21 sets its high bit, which the
    // byte lacks), or over 0x7E (adding 1 sets the high bit, or the byte
    // has it). A borrow or carry leaves only a byte that qualifies, so the
    // lowest one that does is always seen: the answer is exact.
    const std::uint64_t under = (w - kOnes * 0x21) & ~w & kHighs;
    const std::uint64_t over = ((w + kOnes * (127 - 0x7E)) | w) & kHighs;
    if ((under | over) != 0) return false;
  }
  for (; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b <= 0x20 || b >= 0x7F) return false;
  }
  return true;
}

bool contains_as_token(std::string_view text, std::string_view phrase) {
  for (std::size_t at = text.find(phrase); at != std::string_view::npos;
       at = text.find(phrase, at + 1)) {
    if (is_token_at(text, at, phrase)) return true;
  }
  return false;
}

std::string_view preferred_eol(std::string_view text) {
  // Two memchr calls: find_first_of would call memchr once per byte, and
  // rules ask once per fix that inserts a line.
  const void* lf = std::memchr(text.data(), '\n', text.size());
  const std::size_t n = lf ? static_cast<const char*>(lf) - text.data() : text.size();
  const void* cr = std::memchr(text.data(), '\r', n);
  if (cr == nullptr) return "\n";
  const std::size_t i = static_cast<const char*>(cr) - text.data();
  return i + 1 < text.size() && text[i + 1] == '\n' ? "\r\n" : "\r";
}

std::string quote_for_message(std::string_view s, std::size_t max_code_points) {
  std::string out;
  std::size_t count = 0;
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    // A run of printable ASCII is copied whole: none of it is a control,
    // default-ignorable or bidi control character (IOC values are mostly
    // ASCII, and rules quote them before knowing whether they report).
    std::int32_t run = i;
    while (run < n && p[run] >= 0x20 && p[run] < 0x7F)
      ++run;
    if (run > i) {
      const auto length = static_cast<std::size_t>(run - i);
      const std::size_t room = max_code_points - std::min(count, max_code_points);
      out.append(s.substr(static_cast<std::size_t>(i), std::min(length, room)));
      if (length > room) {
        out += "…";
        break;
      }
      count += length;
      i = run;
      continue;
    }
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (++count > max_code_points) {
      out += "…";
      break;
    }
    if (c < 0) {
      out += fmt::format("<0x{:02X}>", p[start]);
      i = start + 1;
    } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) ||
               u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
               u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL)) {
      out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(c));
    } else {
      out.append(s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return out;
}

}  // namespace digestlint
