// A set of integers below a fixed bound, one bit each. For the visited nodes of graph searches:
// at 1.25M nodes the set is 156 kB and stays in the L2 cache while a search tests hub rows of
// tens of thousands of neighbours against it, where a 4-byte stamp per node (5 MB) or a record
// per node (20 MB) misses the cache on nearly every test. Emptying it writes the 156 kB (about
// 10 µs); keeping a list of the words written, to empty only those, cost Q3 of bench/compare.sh
// 8% and gained Q1 nothing (1M decisions, 4 interleaved runs).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace jurigraph {

class BitSet {
 public:
  BitSet() = default;
  explicit BitSet(std::size_t bound) : words_((bound + 63) / 64, 0) {}

  bool contains(std::size_t i) const { return (words_[i >> 6] >> (i & 63)) & 1; }
  // Adds i; whether it was absent.
  bool insert(std::size_t i) {
    uint64_t& word = words_[i >> 6];
    const uint64_t before = word;
    // Stored whether or not the bit was there: no branch on the bit, which a search over hub
    // rows finds set and unset in no pattern a predictor can follow.
    word = before | uint64_t{1} << (i & 63);
    return word != before;
  }
  void clear() { std::fill(words_.begin(), words_.end(), 0); }

 private:
  std::vector<uint64_t> words_;
};

}  // namespace jurigraph
