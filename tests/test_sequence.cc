// lint/base/sequence.h: the longest increasing subsequence the section and
// label order checks share, against brute force on small random inputs.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "base/sequence.h"

using namespace digestlint;

namespace {

std::vector<bool> lis(const std::vector<int>& v) {
  return longest_increasing_subsequence(v.size(), [&](std::size_t k) { return v[k]; });
}

// The length of a longest strictly increasing subsequence, trying every subset.
std::size_t brute_force_length(const std::vector<int>& v) {
  std::size_t best = 0;
  for (unsigned mask = 0; mask < (1u << v.size()); ++mask) {
    std::size_t len = 0;
    bool increasing = true;
    int last = 0;
    for (std::size_t k = 0; k < v.size() && increasing; ++k) {
      if ((mask & (1u << k)) == 0) continue;
      increasing = len == 0 || v[k] > last;
      last = v[k];
      ++len;
    }
    if (increasing) best = std::max(best, len);
  }
  return best;
}

}  // namespace

TEST_CASE("one misplaced element is the only one left out", "[sequence]") {
  CHECK(lis({}).empty());
  CHECK(lis({0, 1, 2, 3}) == std::vector<bool>{true, true, true, true});
  CHECK(lis({0, 3, 1, 2}) == std::vector<bool>{true, false, true, true});
  CHECK(lis({3, 0, 1, 2}) == std::vector<bool>{false, true, true, true});
  CHECK(lis({1, 1, 2}) == std::vector<bool>{false, true, true});  // strictly increasing
  // Equally long runs: the one ending at the last possible element.
  CHECK(lis({1, 0}) == std::vector<bool>{false, true});
}

TEST_CASE("the subsequence is increasing and as long as any", "[sequence]") {
  std::mt19937 rng(8);
  for (int round = 0; round < 400; ++round) {
    std::vector<int> v(rng() % 13);
    for (int& x : v)
      x = static_cast<int>(rng() % 8);
    INFO("round " << round);
    const std::vector<bool> member = lis(v);
    REQUIRE(member.size() == v.size());
    std::size_t len = 0;
    int last = -1;
    for (std::size_t k = 0; k < v.size(); ++k) {
      if (!member[k]) continue;
      CHECK(v[k] > last);
      last = v[k];
      ++len;
    }
    CHECK(len == brute_force_length(v));
  }
}
