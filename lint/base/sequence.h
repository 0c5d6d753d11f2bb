// Sequence algorithms the model needs more than once.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace digestlint {

// One longest strictly increasing subsequence of key(0), ..., key(n - 1),
// in O(n log n): member[k] says whether element k is in it. Where several
// are equally long, the one ending at the last possible element, each
// element's predecessor the latest one that fits. The model uses it for
// "which sections (labels) are in schema order", so that one misplaced
// heading is one finding, not every heading after it.
template <typename Key>
std::vector<bool> longest_increasing_subsequence(std::size_t n, Key key) {
  std::vector<std::size_t> tails;  // tails[len - 1]: the element ending the best run of len
  std::vector<std::ptrdiff_t> prev(n, -1);
  for (std::size_t k = 0; k < n; ++k) {
    const auto value = key(k);
    auto it = std::lower_bound(tails.begin(), tails.end(), value,
                               [&](std::size_t t, const auto& v) { return key(t) < v; });
    if (it != tails.begin()) prev[k] = static_cast<std::ptrdiff_t>(*(it - 1));
    if (it == tails.end()) {
      tails.push_back(k);
    } else {
      *it = k;
    }
  }
  std::vector<bool> member(n, false);
  for (std::ptrdiff_t k = tails.empty() ? -1 : static_cast<std::ptrdiff_t>(tails.back()); k >= 0;
       k = prev[k]) {
    member[static_cast<std::size_t>(k)] = true;
  }
  return member;
}

}  // namespace digestlint
