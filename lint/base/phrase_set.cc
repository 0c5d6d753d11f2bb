#include "digestlint/phrase_set.h"

#include <algorithm>
#include <bit>
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

// The three bytes ending at `last` as one number, for the shift table.
std::uint32_t block_ending_at(const unsigned char* last) {
  return std::uint32_t{last[-2]} | std::uint32_t{last[-1]} << 8 | std::uint32_t{last[0]} << 16;
}

// The same in one load where the byte before them is readable too (in the
// search, `last` is at least window_ - 1 >= kLongPhrase - 1 bytes in): the
// step that runs for every window.
std::uint32_t block_ending_at_in_text(const unsigned char* last) {
  if constexpr (std::endian::native == std::endian::little) {
    std::uint32_t word;
    std::memcpy(&word, last - 3, 4);
    return word >> 8;
  } else {
    return block_ending_at(last);
  }
}

// A 12-bit hash of three bytes (one kanji or kana): the shift table it
// indexes stays in the L1 cache (4 KiB), and the few hundred three-byte
// blocks of the phrases shorten few of its shifts.
constexpr std::size_t kShiftTable = 4096;
std::uint32_t prefix_hash(std::uint32_t prefix) {
  return (prefix * 2654435761u) >> 20;
}

}  // namespace

PhraseSet::PhraseSet(std::vector<std::string> phrases) : phrases_(std::move(phrases)) {
  for (const std::string& p : phrases_) {
    if (p.size() >= kLongPhrase && (window_ == 0 || p.size() < window_)) window_ = p.size();
  }
  const std::size_t max_shift = window_ >= 3 ? window_ - 2 : 1;
  shift_.assign(kShiftTable, static_cast<std::uint8_t>(std::min<std::size_t>(max_shift, 255)));
  for (std::size_t i = 0; i < phrases_.size(); ++i) {
    const std::string& p = phrases_[i];
    if (p.empty()) continue;
    if (p.size() < kLongPhrase) {
      short_phrases_.push_back(p);
      continue;
    }
    by_prefix_.emplace_back(prefix3(p), static_cast<std::uint32_t>(i));
    // Three bytes ending at j in the phrase's first `window_` bytes: a
    // window ending with them may need to slide only window_ - 1 - j.
    for (std::size_t j = 2; j < window_; ++j) {
      std::uint8_t& sh = shift_[prefix_hash(
          block_ending_at(reinterpret_cast<const unsigned char*>(p.data()) + j))];
      sh = std::min<std::uint8_t>(sh, static_cast<std::uint8_t>(window_ - 1 - j));
    }
  }
  // Grouped by the hash of their first three bytes: a window whose shift
  // is 0 looks only at the phrases in its bucket.
  std::sort(by_prefix_.begin(), by_prefix_.end(), [](const auto& x, const auto& y) {
    return std::make_tuple(prefix_hash(x.first), x.first, x.second) <
           std::make_tuple(prefix_hash(y.first), y.first, y.second);
  });
  prefix_bucket_.assign(kShiftTable + 1, 0);
  for (const auto& [key, index] : by_prefix_)
    ++prefix_bucket_[prefix_hash(key) + 1];
  for (std::size_t h = 0; h < kShiftTable; ++h)
    prefix_bucket_[h + 1] += prefix_bucket_[h];
}

bool PhraseSet::found_in(std::string_view s) const {
  static_assert(kLongPhrase >= 4, "block_ending_at_in_text reads the byte before a block");
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const std::size_t m = window_;
  for (std::size_t end = m - 1; m >= 3 && end < n;) {
    const std::uint8_t sh = shift_[prefix_hash(block_ending_at_in_text(p + end))];
    if (sh > 0) {
      end += sh;
      continue;
    }
    // A phrase may start where the window does.
    const std::size_t i = end + 1 - m;
    const std::uint32_t key = prefix3(p + i);
    const std::uint32_t h = prefix_hash(key);
    for (std::uint32_t k = prefix_bucket_[h]; k < prefix_bucket_[h + 1]; ++k) {
      if (by_prefix_[k].first != key) continue;
      const std::string& phrase = phrases_[by_prefix_[k].second];
      if (s.compare(i, phrase.size(), phrase) == 0 && is_token_at(s, i, phrase)) return true;
    }
    ++end;
  }
  // Short phrases ("{{", "xxxxx"), searched whole.
  for (const std::string& phrase : short_phrases_) {
    if (contains_as_token(s, phrase)) return true;
  }
  return false;
}

}  // namespace digestlint
