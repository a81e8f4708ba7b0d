// A set of value tuples under Cypher's equivalence (null equals null, 1 equals 1.0): the keys
// of DISTINCT, of grouping, of count(DISTINCT x) and of UNION. Each key gets a dense index in
// insertion order.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "query/cypher/value.hpp"

namespace jurigraph::query::cypher::exec {

class KeySet {
 public:
  explicit KeySet(std::size_t width) : width_(width) {}

  // The index of `key` (width values), inserting it when new; second is true when inserted.
  std::pair<uint32_t, bool> insert(std::span<const Value> key);
  std::span<const Value> key(uint32_t index) const {
    return std::span<const Value>(keys_).subspan(index * width_, width_);
  }
  std::size_t size() const { return count_; }

 private:
  std::size_t width_;
  std::size_t count_ = 0;
  std::vector<Value> keys_;                               // flattened, width_ values per key
  std::unordered_multimap<std::size_t, uint32_t> index_;  // hash → key index
};

}  // namespace jurigraph::query::cypher::exec
