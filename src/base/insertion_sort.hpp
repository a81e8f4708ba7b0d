// A stable insertion sort, for the many short ranges a linear sort leaves (a node's edges, a
// bucket of hashes): std::stable_sort asks the heap for a buffer at each call.
#pragma once

#include <iterator>
#include <utility>

namespace jurigraph {

// Sorts [first, last) by `less`, keeping equal elements in their order.
template <typename It, typename Less>
void insertion_sort(It first, It last, Less less) {
  for (It it = first; it != last; ++it) {
    auto value = std::move(*it);
    It hole = it;
    for (; hole != first && less(value, *std::prev(hole)); --hole)
      *hole = std::move(*std::prev(hole));
    *hole = std::move(value);
  }
}

}  // namespace jurigraph
