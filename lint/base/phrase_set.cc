#include "digestlint/phrase_set.h"

#include <algorithm>
#include <cstring>
#include <tuple>

#include "digestlint/text.h"

namespace digestlint {

namespace {

std::uint32_t prefix3(const unsigned char* p) {
  return std::uint32_t{p[0]} << 16 | std::uint32_t{p[1]} << 8 | p[2];
}

std::uint32_t prefix3(std::string_view s) {
  return prefix3(reinterpret_cast<const unsigned char*>(s.data()));
}

// The shift table is indexed by the four bytes ending at a window's last
// byte: on Japanese text three bytes are one character, and a single
// character of a phrase ("攻", "情", "記") is common; with the next byte
// too, fewer windows match one and need a short shift.
constexpr std::size_t kBlock = 4;

// The kBlock bytes ending at `last` as one number.
std::uint32_t block_ending_at(const unsigned char* last) {
  std::uint32_t block;
  std::memcpy(&block, last - (kBlock - 1), kBlock);
  return block;
}

// A 12-bit hash of a block: the shift table it indexes stays in the L1
// cache (4 KiB), and the few hundred blocks of the phrases shorten few of
// its shifts.
constexpr std::size_t kShiftTable = 4096;
std::uint32_t block_hash(std::uint32_t block) {
  return (block * 2654435761u) >> 20;
}

// A 12-bit hash of a phrase's first three bytes, for its bucket.
constexpr std::size_t kPrefixBuckets = 4096;
std::uint32_t prefix_hash(std::uint32_t prefix) {
  return (prefix * 2654435761u) >> 20;
}

}  // namespace

PhraseSet::PhraseSet(std::vector<std::string> phrases) : phrases_(std::move(phrases)) {
  for (const std::string& p : phrases_) {
    if (p.size() >= kLongPhrase && (window_ == 0 || p.size() < window_)) window_ = p.size();
  }
  static_assert(kLongPhrase >= kBlock, "a window holds a whole block");
  const std::size_t max_shift = window_ >= kBlock ? window_ - kBlock + 1 : 1;
  shift_.assign(kShiftTable, static_cast<std::uint8_t>(std::min<std::size_t>(max_shift, 255)));
  for (std::size_t i = 0; i < phrases_.size(); ++i) {
    const std::string& p = phrases_[i];
    if (p.empty()) continue;
    if (p.size() < kLongPhrase) {
      short_phrases_.push_back(p);
      continue;
    }
    by_prefix_.emplace_back(prefix3(p), static_cast<std::uint32_t>(i));
    // The block ending at j in the phrase's first `window_` bytes: a
    // window ending with it may need to slide only window_ - 1 - j.
    for (std::size_t j = kBlock - 1; j < window_; ++j) {
      std::uint8_t& sh =
          shift_[block_hash(block_ending_at(reinterpret_cast<const unsigned char*>(p.data()) + j))];
      sh = std::min<std::uint8_t>(sh, static_cast<std::uint8_t>(window_ - 1 - j));
    }
  }
  max_shift_ = *std::max_element(shift_.begin(), shift_.end());
  // Grouped by the hash of their first three bytes: a window whose shift
  // is 0 looks only at the phrases in its bucket.
  std::sort(by_prefix_.begin(), by_prefix_.end(), [](const auto& x, const auto& y) {
    return std::make_tuple(prefix_hash(x.first), x.first, x.second) <
           std::make_tuple(prefix_hash(y.first), y.first, y.second);
  });
  prefix_bucket_.assign(kPrefixBuckets + 1, 0);
  for (const auto& [key, index] : by_prefix_)
    ++prefix_bucket_[prefix_hash(key) + 1];
  for (std::size_t h = 0; h < kPrefixBuckets; ++h)
    prefix_bucket_[h + 1] += prefix_bucket_[h];
}

bool PhraseSet::long_phrase_at(std::string_view s, std::size_t end) const {
  // A phrase may start where the window ending at `end` does.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t i = end + 1 - window_;
  const std::uint32_t key = prefix3(p + i);
  const std::uint32_t h = prefix_hash(key);
  for (std::uint32_t k = prefix_bucket_[h]; k < prefix_bucket_[h + 1]; ++k) {
    if (by_prefix_[k].first != key) continue;
    const std::string& phrase = phrases_[by_prefix_[k].second];
    if (s.compare(i, phrase.size(), phrase) == 0 && is_token_at(s, i, phrase)) return true;
  }
  return false;
}

bool PhraseSet::long_phrase_ends_in(std::string_view s, std::size_t end, std::size_t to) const {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  auto shift_at = [&](std::size_t at) { return shift_[block_hash(block_ending_at(p + at))]; };
  while (end < to) {
    // Three steps at a time, with no bound check between them, while even
    // three longest shifts stay in the range. A shift of 0 leaves the
    // window where it is, so later steps repeat it: one test after the
    // third finds it, and the windows visited are the ones one step at a
    // time visits.
    while (end + 3 * max_shift_ < to) {
      end += shift_at(end);
      end += shift_at(end);
      const std::uint8_t third = shift_at(end);
      if (third == 0) break;
      end += third;
    }
    if (end >= to) break;
    const std::uint8_t sh = shift_at(end);
    if (sh > 0) {
      end += sh;
      continue;
    }
    if (long_phrase_at(s, end)) return true;
    ++end;
  }
  return false;
}

bool PhraseSet::found_in(std::string_view s) const {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const std::size_t m = window_;
  if (m >= kBlock && n >= m) {
    // Each step waits for the last one's shift (a load, a hash, a load):
    // two cursors, over the first and second half of the window ends, walk
    // side by side so that the processor overlaps their waits. Any end is
    // a fair start (a shift skips only ends no phrase can have), so the
    // halves together see the ends one cursor would.
    std::size_t a = m - 1;
    const std::size_t mid = a + (n - a) / 2;
    std::size_t b = mid;
    auto shift_at = [&](std::size_t at) { return shift_[block_hash(block_ending_at(p + at))]; };
    while (a < mid && b < n) {
      const std::uint8_t sa = shift_at(a);
      const std::uint8_t sb = shift_at(b);
      if (sa != 0) {
        a += sa;
      } else {
        if (long_phrase_at(s, a)) return true;
        ++a;
      }
      if (sb != 0) {
        b += sb;
      } else {
        if (long_phrase_at(s, b)) return true;
        ++b;
      }
    }
    if (long_phrase_ends_in(s, a, mid) || long_phrase_ends_in(s, b, n)) return true;
  }
  // Short phrases ("{{", "xxxxx"), searched whole.
  for (const std::string& phrase : short_phrases_) {
    if (contains_as_token(s, phrase)) return true;
  }
  return false;
}

}  // namespace digestlint
