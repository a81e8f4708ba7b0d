// Finding several members of a JSON object by name in one pass over it. A decision record has
// 17 fields the reader asks for, most of them absent from most records: looking each up by name
// read every member of the object for each absent one.
#pragma once

#include <rapidjson/document.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/short_text.hpp"

namespace jurigraph::ingest {

// Where a member name starts its probe in an open-addressing table of `slots` entries: from its
// length, first and last byte, in which the field names of one record differ.
constexpr std::size_t member_name_slot(std::string_view name, std::size_t slots) {
  if (name.empty())
    return 0;
  return (name.size() * 13 + static_cast<unsigned char>(name.front()) * 7 +
          static_cast<unsigned char>(name.back())) %
         slots;
}

template <std::size_t N>
class MemberTable {
 public:
  // The names to find, each by its index in `names`; a name may be listed once.
  consteval explicit MemberTable(const std::array<std::string_view, N>& names) : names_(names) {
    slots_.fill(kEmpty);
    for (std::size_t i = 0; i < N; ++i) {
      std::size_t s = slot_of(names[i]);
      while (slots_[s] != kEmpty)
        s = (s + 1) % kSlots;
      slots_[s] = static_cast<uint8_t>(i);
    }
  }

  // found[i]: the value of the first member of `object` named names[i], or nullptr.
  void find(const rapidjson::Value& object, std::array<const rapidjson::Value*, N>& found) const {
    found.fill(nullptr);
    for (auto m = object.MemberBegin(); m != object.MemberEnd(); ++m) {
      const std::string_view name(m->name.GetString(), m->name.GetStringLength());
      for (std::size_t s = slot_of(name); slots_[s] != kEmpty; s = (s + 1) % kSlots) {
        const uint8_t i = slots_[s];
        if (equal_short_text(names_[i], name)) {
          if (found[i] == nullptr)
            found[i] = &m->value;
          break;
        }
      }
    }
  }

 private:
  // Open addressing in a table at least twice as large as the names: a probe or two a member.
  static constexpr std::size_t kSlots = 64;
  static_assert(N <= kSlots / 2, "a larger table is needed for that many names");
  static constexpr uint8_t kEmpty = 0xFF;

  static constexpr std::size_t slot_of(std::string_view name) {
    return member_name_slot(name, kSlots);
  }

  std::array<std::string_view, N> names_;
  std::array<uint8_t, kSlots> slots_{};
};

}  // namespace jurigraph::ingest
