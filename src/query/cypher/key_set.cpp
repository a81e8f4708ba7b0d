#include "query/cypher/key_set.hpp"

namespace jurigraph::query::cypher::exec {

std::pair<uint32_t, bool> KeySet::insert(std::span<const Value> key) {
  std::size_t h = key.size();
  for (const Value& v : key)
    h ^= hash_value(v) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  const auto [first, last] = index_.equal_range(h);
  for (auto it = first; it != last; ++it) {
    const std::span<const Value> other = this->key(it->second);
    bool same = true;
    for (std::size_t i = 0; i < width_ && same; ++i)
      same = equivalent(key[i], other[i]);
    if (same)
      return {it->second, false};
  }
  const auto index = static_cast<uint32_t>(count_++);
  keys_.insert(keys_.end(), key.begin(), key.end());
  index_.emplace(h, index);
  return {index, true};
}

}  // namespace jurigraph::query::cypher::exec
