// Sorting by text with integer keys, for the millions of ids and names a graph sorts. A
// comparison sort reads two texts, scattered in memory, at each of its n log n comparisons; here
// each text is read once per 16 bytes it shares with others, into two keys, and the entries are
// sorted by the keys' bytes (radix sort) down to small buckets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "base/huge_pages.hpp"

namespace jurigraph {

// 32 bytes: millions are made at once (the name index of 1M decisions, when it was sorted by
// text: 3.5M of them, 112 MB; at 40 bytes, with a view of the text and a count of the bytes left,
// they were the freeze's peak).
struct TextSortEntry {
  uint64_t key = 0;       // the sort's own: 8 bytes of the text
  uint64_t next_key = 0;  // the sort's own: the 8 bytes after the key's
  const char* data = nullptr;
  uint32_t size = 0;   // of the text: sorting a text of 4 GB or more is refused
  uint32_t index = 0;  // the item's, for instance its position before sorting

  TextSortEntry() = default;
  TextSortEntry(std::string_view text, uint32_t item)
      : data(text.data()), size(checked_size(text)), index(item) {}
  std::string_view text() const { return {data, size}; }

 private:
  static uint32_t checked_size(std::string_view text) {
    if (text.size() > UINT32_MAX)
      throw std::length_error("a text of 4 GB or more cannot be sorted");
    return static_cast<uint32_t>(text.size());
  }
};
static_assert(sizeof(TextSortEntry) == 32, "TextSortEntry grew: millions are sorted at once");

// Sorts entries by text, then by index: the order std::sort gives comparing (text, index).
void sort_text_entries(std::span<TextSortEntry> entries);

// The entries' indexes in that order, found on two cores for a large span (unless `two_cores` is
// false: a caller that runs it beside other work): each half sorted in place on a thread of its
// own, then the halves merged (the 1.25M ids of a 1M-decision graph, in one text in the order
// generated: 0.07–0.10 s on one core, 0.05–0.075 s on two; medians of 7, three runs). The merge
// writes indexes, 4 bytes an entry, not the 40-byte entries into a second table and back.
std::vector<uint32_t> indexes_in_text_order(std::span<TextSortEntry> entries,
                                            bool two_cores = true);

// Sorts items by text_of(item), keeping items of equal text in their order (std::stable_sort).
// The entries are freed before the sorted copy of the items is made: the name index of a
// 1M-decision graph (3.5M keys, when it was sorted by text) had 140 MB of entries (40 bytes each
// then) and 42 MB of copy at once, at the peak of the freeze. (Moving the items in place, cycle by
// cycle, took no copy at all, but each move waited for the cache miss of the one before: 0.3 s
// more.)
template <typename T, typename A, typename TextOf>
void sort_by_text(std::vector<T, A>& items, TextOf&& text_of) {
  std::vector<uint32_t> order;  // order[i]: the item that goes to place i
  {
    HugeVector<TextSortEntry> entries;
    entries.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
      entries.emplace_back(text_of(items[i]), static_cast<uint32_t>(i));
    sort_text_entries(entries);
    reserve_huge(order, items.size());
    for (const TextSortEntry& e : entries)
      order.push_back(e.index);
    release_now(entries);
  }
  std::vector<T, A> sorted;
  reserve_huge(sorted, items.size());
  for (const uint32_t i : order)
    sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
  release_now(order);
}

}  // namespace jurigraph
