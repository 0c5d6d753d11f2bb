// A fixed set of phrases searched for in many lines: the schema's leaked
// template text, built once when the schema is compiled.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace digestlint {

class PhraseSet {
 public:
  PhraseSet() = default;
  explicit PhraseSet(std::vector<std::string> phrases);

  // Whether `text` holds any of the phrases, byte for byte, as a whole
  // token (see is_token_at: `xxxxx` is no leak inside `dev_xxxxxx`).
  bool found_in(std::string_view text) const;

 private:
  // Phrases this long or longer are found in one pass, Wu-Manber style: a
  // window of the shortest such phrase's length slides by how far its last
  // four bytes say no phrase can end sooner (several bytes a step on
  // Japanese text, where a byte-by-byte filter cost as much as parsing the
  // Markdown). Shorter ones ("{{", "xxxxx") would make the steps short.
  static constexpr std::size_t kLongPhrase = 8;

  // Whether a long phrase starts where the window ending at `end` does.
  bool long_phrase_at(std::string_view text, std::size_t end) const;
  // Whether one ends at a window end in [end, to), stepping by the shifts.
  bool long_phrase_ends_in(std::string_view text, std::size_t end, std::size_t to) const;

  std::vector<std::string> phrases_;
  std::size_t window_ = 0;           // bytes: the shortest long phrase
  std::vector<std::uint8_t> shift_;  // by hash of a window's last kBlock bytes
  std::size_t max_shift_ = 0;        // the longest in shift_
  // (first three bytes, index in phrases_) of the long phrases, grouped by
  // the hash of the first three bytes; those of hash h are
  // by_prefix_[prefix_bucket_[h], prefix_bucket_[h + 1]).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> by_prefix_;
  std::vector<std::uint32_t> prefix_bucket_;
  std::vector<std::string> short_phrases_;  // under kLongPhrase bytes: searched whole
};

}  // namespace digestlint
