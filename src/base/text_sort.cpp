#include "base/text_sort.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <thread>
#include <tuple>

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

}  // namespace

void sort_text_entries(std::span<TextSortEntry> entries) {
  // Groups of entries whose texts share their first `depth` bytes, sorted by the next 8. Among
  // equal keys, a text that ends within them comes first, the shorter first (it is a prefix of
  // the others); texts that go on form a group one step deeper. An explicit stack: a long
  // shared prefix makes many steps.
  struct Group {
    std::size_t begin, end, depth;
  };
  std::vector<Group> todo{{0, entries.size(), 0}};
  while (!todo.empty()) {
    const Group g = todo.back();
    todo.pop_back();
    const auto first = entries.begin() + static_cast<std::ptrdiff_t>(g.begin);
    const auto last = entries.begin() + static_cast<std::ptrdiff_t>(g.end);
    for (auto it = first; it != last; ++it) {
      it->key = key_at(it->text, g.depth);
      // kWidth + 1 for a text that goes on past the key's bytes.
      it->left = static_cast<uint32_t>(
          std::min(it->text.size() - std::min(it->text.size(), g.depth), kWidth + 1));
    }
    std::sort(first, last, [](const TextSortEntry& a, const TextSortEntry& b) {
      return std::tie(a.key, a.left, a.index) < std::tie(b.key, b.left, b.index);
    });
    for (auto run = first; run != last;) {
      auto run_end = run;
      while (run_end != last && run_end->key == run->key)
        ++run_end;
      auto longer = run;
      while (longer != run_end && longer->left <= kWidth)
        ++longer;
      if (run_end - longer > 1) {
        todo.push_back({static_cast<std::size_t>(longer - entries.begin()),
                        static_cast<std::size_t>(run_end - entries.begin()), g.depth + kWidth});
      }
      run = run_end;
    }
  }
}

void sort_text_entries_in_parallel(std::span<TextSortEntry> entries) {
  // Below this a second thread costs more than it saves.
  constexpr std::size_t kParallelFrom = 1 << 16;
  if (entries.size() < kParallelFrom) {
    sort_text_entries(entries);
    return;
  }
  const std::size_t half = entries.size() / 2;
  {
    std::jthread second([&] { sort_text_entries(entries.subspan(half)); });
    sort_text_entries(entries.first(half));
  }
  HugeVector<TextSortEntry> merged;
  merged.reserve(entries.size());
  std::merge(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(half),
             entries.begin() + static_cast<std::ptrdiff_t>(half), entries.end(),
             std::back_inserter(merged), [](const TextSortEntry& a, const TextSortEntry& b) {
               return std::tie(a.text, a.index) < std::tie(b.text, b.index);
             });
  std::copy(merged.begin(), merged.end(), entries.begin());
}

}  // namespace jurigraph
