#include "base/text_sort.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <thread>
#include <tuple>
#include <vector>

namespace jurigraph {
namespace {

constexpr std::size_t kWidth = sizeof(uint64_t);

// The bytes of `text` from `depth` on, big-endian, padded with zeros: keys compare as the bytes.
uint64_t key_at(std::string_view text, std::size_t depth) {
  unsigned char bytes[kWidth] = {};
  if (depth < text.size())
    std::memcpy(bytes, text.data() + depth, std::min(kWidth, text.size() - depth));
  uint64_t key = 0;
  for (const unsigned char b : bytes)
    key = key << 8 | b;
  return key;
}

// The bytes both keys of an entry hold.
constexpr std::size_t kKeyBytes = 2 * kWidth;

// By keys, then size, then index. Among equal keys, the texts that end within them (at most
// kKeyBytes bytes from the group's depth on) are equal when their sizes are, and come before the
// longer ones, the shorter first; the longer ones are sorted again a step deeper, so their order
// by size here does not last.
bool before(const TextSortEntry& a, const TextSortEntry& b) {
  return std::tie(a.key, a.next_key, a.size, a.index) <
         std::tie(b.key, b.next_key, b.size, b.index);
}

// Byte `at` (0 to 15) of an entry's keys, the first key's first.
unsigned key_byte(const TextSortEntry& e, std::size_t at) {
  const uint64_t key = at < kWidth ? e.key : e.next_key;
  return static_cast<unsigned>(key >> (8 * (kWidth - 1 - at % kWidth)) & 0xFF);
}

// The first byte (0 to 15) of the keys where some entries differ; kKeyBytes when none does.
std::size_t first_differing_byte(std::span<const TextSortEntry> entries) {
  uint64_t key_diff = 0, next_diff = 0;
  for (const TextSortEntry& e : entries) {
    key_diff |= e.key ^ entries[0].key;
    next_diff |= e.next_key ^ entries[0].next_key;
  }
  if (key_diff != 0)
    return static_cast<std::size_t>(__builtin_clzll(key_diff)) / 8;
  if (next_diff != 0)
    return kWidth + static_cast<std::size_t>(__builtin_clzll(next_diff)) / 8;
  return kKeyBytes;
}

// Sorts `entries` by keys, size and index: an in-place radix sort from the most significant
// byte (American flag sort) down to small buckets, which a comparison sort finishes. A
// comparison sort of a million ids compared keys that share their first bytes (the ids' prefix)
// some twenty times each; here a large bucket is read about once a byte that tells its entries
// apart, and bytes all its entries share (those of the digits dealt out before, too) are
// skipped in one pass.
void radix_sort(std::span<TextSortEntry> entries) {
  constexpr std::size_t kCompareBelow = 128;
  const std::size_t at = entries.size() < kCompareBelow ? kKeyBytes : first_differing_byte(entries);
  if (at == kKeyBytes) {  // small, or equal keys: by size and index
    std::sort(entries.begin(), entries.end(), before);
    return;
  }
  std::array<std::size_t, 257> start{};
  for (const TextSortEntry& e : entries)
    ++start[key_byte(e, at) + 1];
  for (std::size_t b = 0; b < 256; ++b)
    start[b + 1] += start[b];
  // The cycles of the permutation, in place: a second array of entries would be as large as
  // the span (a million ids: 40 MB more at the peak).
  std::array<std::size_t, 256> next;
  std::copy(start.begin(), start.end() - 1, next.begin());
  for (std::size_t b = 0; b < 256; ++b) {
    while (next[b] < start[b + 1]) {
      unsigned home = key_byte(entries[next[b]], at);
      while (home != b) {
        std::swap(entries[next[b]], entries[next[home]++]);
        home = key_byte(entries[next[b]], at);
      }
      ++next[b];
    }
  }
  for (std::size_t b = 0; b < 256; ++b) {
    if (start[b + 1] > start[b])
      radix_sort(entries.subspan(start[b], start[b + 1] - start[b]));
  }
}

}  // namespace

void sort_text_entries(std::span<TextSortEntry> entries) {
  // Groups of entries whose texts share their first `depth` bytes, sorted by the next 16 (two
  // keys). Among equal keys, a text that ends within them comes first, the shorter first (it is
  // a prefix of the others); texts that go on form a group one step deeper. An explicit stack: a
  // long shared prefix makes many steps.
  struct Group {
    std::size_t begin, end, depth;
  };
  std::vector<Group> todo{{0, entries.size(), 0}};
  while (!todo.empty()) {
    const Group g = todo.back();
    todo.pop_back();
    const std::span<TextSortEntry> group = entries.subspan(g.begin, g.end - g.begin);
    for (TextSortEntry& e : group) {
      e.key = key_at(e.text(), g.depth);
      e.next_key = key_at(e.text(), g.depth + kWidth);
    }
    radix_sort(group);
    for (auto run = group.begin(); run != group.end();) {
      auto run_end = run;
      while (run_end != group.end() && run_end->key == run->key &&
             run_end->next_key == run->next_key)
        ++run_end;
      auto longer = run;
      while (longer != run_end &&
             longer->size - std::min<std::size_t>(longer->size, g.depth) <= kKeyBytes)
        ++longer;
      if (run_end - longer > 1) {
        const auto at = static_cast<std::size_t>(longer - entries.begin());
        todo.push_back({at, at + static_cast<std::size_t>(run_end - longer), g.depth + kKeyBytes});
      }
      run = run_end;
    }
  }
}

std::vector<uint32_t> indexes_in_text_order(std::span<TextSortEntry> entries, bool two_cores) {
  std::vector<uint32_t> order;
  reserve_huge(order, entries.size());
  // Below this a second thread costs more than it saves.
  constexpr std::size_t kParallelFrom = 1 << 16;
  if (entries.size() < kParallelFrom || !two_cores) {
    sort_text_entries(entries);
    for (const TextSortEntry& e : entries)
      order.push_back(e.index);
    return order;
  }
  const std::size_t half = entries.size() / 2;
  {
    std::jthread second([&] { sort_text_entries(entries.subspan(half)); });
    sort_text_entries(entries.first(half));
  }
  const auto before = [](const TextSortEntry& a, const TextSortEntry& b) {
    return std::pair(a.text(), a.index) < std::pair(b.text(), b.index);
  };
  std::size_t i = 0, j = half;
  while (i < half && j < entries.size())
    order.push_back(before(entries[j], entries[i]) ? entries[j++].index : entries[i++].index);
  for (; i < half; ++i)
    order.push_back(entries[i].index);
  for (; j < entries.size(); ++j)
    order.push_back(entries[j].index);
  return order;
}

}  // namespace jurigraph
