// Finding several members of a JSON object by name in one pass over it. A decision record has
// 17 fields the reader asks for, most of them absent from most records: looking each up by name
// read every member of the object for each absent one.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/short_text.hpp"

namespace jurigraph::ingest {

// Member names by index, in an open-addressing table of 64 slots at least twice as large as the
// names: a probe or two a member. A name starts its probe at a slot made of its length, first
// and last byte, in which the field names of one record differ.
class MemberSlots {
 public:
  static constexpr std::size_t kMost = 32;  // names a table holds
  static constexpr std::size_t npos = SIZE_MAX;

  constexpr MemberSlots() { slots_.fill(kEmpty); }
  // Adds names[index] (a name may be added once; at most kMost of them).
  constexpr void add(std::string_view name, std::size_t index) {
    std::size_t s = slot_of(name);
    while (slots_[s] != kEmpty)
      s = (s + 1) % kSlots;
    slots_[s] = static_cast<uint8_t>(index);
  }
  // The index of the name added that `is(index)` says `name` is, or npos.
  template <typename Is>
  std::size_t find(std::string_view name, Is&& is) const {
    for (std::size_t s = slot_of(name); slots_[s] != kEmpty; s = (s + 1) % kSlots) {
      if (is(slots_[s]))
        return slots_[s];
    }
    return npos;
  }

 private:
  static constexpr std::size_t kSlots = 2 * kMost;
  static constexpr uint8_t kEmpty = 0xFF;
  static constexpr std::size_t slot_of(std::string_view name) {
    if (name.empty())
      return 0;
    return (name.size() * 13 + std::size_t{static_cast<unsigned char>(name.front())} * 7 +
            static_cast<unsigned char>(name.back())) %
           kSlots;
  }
  std::array<uint8_t, kSlots> slots_{};
};

template <std::size_t N>
class MemberTable {
 public:
  // The names to find, each by its index in `names`; a name may be listed once.
  consteval explicit MemberTable(const std::array<std::string_view, N>& names) : names_(names) {
    for (std::size_t i = 0; i < N; ++i)
      slots_.add(names[i], i);
  }

  // found[i]: the value of the first member of `object` named names[i], or an absent node
  // (json_nodes.hpp).
  template <typename JsonNode>
  void find(JsonNode object, std::array<JsonNode, N>& found) const {
    found.fill(JsonNode());
    for (const auto m : object.members()) {
      const std::size_t i =
          slots_.find(m.name, [&](std::size_t k) { return equal_short_text(names_[k], m.name); });
      if (i != MemberSlots::npos && !found[i])
        found[i] = m.value;
    }
  }

 private:
  static_assert(N <= MemberSlots::kMost, "a larger table is needed for that many names");
  std::array<std::string_view, N> names_;
  MemberSlots slots_;
};

}  // namespace jurigraph::ingest
