// The slot of each id of a load, looked up for every end of millions of edges. An open-addressing
// table with linear probing whose entries hold the id itself (inline when short) beside its slot,
// 32 bytes on a 32-byte boundary: a look-up reads the entry its hash points to, fetched ahead by
// prefetch(), and most often stops there. Abseil's Swiss table, used before, read a group of
// control bytes and then a slot that could sit anywhere in a 16-slot group, across two cache
// lines, which its prefetch did not fetch (1M decisions: collect_ids 403–457 → 260–287 samples,
// check_span 1054–1132 → 744–1025; perf, 3 interleaved runs each).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#include "base/huge_pages.hpp"
#include "base/short_text.hpp"
#include "base/zeroed_array.hpp"
#include "ingest/text_hash.hpp"

namespace jurigraph::ingest {

// An id as the table holds it: inline when short (nearly every id), else by pointer. Confirming
// that a probe found the id then reads the entry the probe fetched, not the id's text far away
// in the file.
class IdKey {
 public:
  IdKey() = default;
  explicit IdKey(std::string_view id) : size_(static_cast<uint32_t>(id.size())) {
    if (id.size() <= kInline) {
      std::memcpy(text_, id.data(), id.size());
    } else {
      const char* const pointer = id.data();
      std::memcpy(text_, &pointer, sizeof pointer);
    }
  }
  std::string_view view() const {
    if (size_ <= kInline)
      return {text_, size_};
    const char* pointer = nullptr;
    std::memcpy(&pointer, text_, sizeof pointer);
    return {pointer, size_};
  }

 private:
  static constexpr std::size_t kInline = 20;
  char text_[kInline] = {};  // the id, or a pointer to it
  uint32_t size_ = 0;
};
static_assert(sizeof(IdKey) == 24);

class IdIndex {
 public:
  static constexpr uint32_t npos = 0xFFFFFFFF;

  // Empties the table and makes room for `expected` ids without growing: two in three entries
  // at most are used (1.25M ids: 2M entries, 64 MB on huge pages). `two_cores`: the pages of a
  // large table are faulted in on two threads at once before any id is added (see
  // populate_on_two_cores).
  void reset(std::size_t expected, bool two_cores = false) {
    std::size_t capacity = kFewest;
    while (capacity < expected + expected / 2)
      capacity *= 2;
    make_entries(capacity);
    if (two_cores)
      populate_on_two_cores(entries_.data(), capacity * sizeof(Entry));
    size_ = 0;
  }
  // Frees the table: find() finds nothing until ids are inserted again.
  void release() {
    entries_ = ZeroedArray<Entry>();
    size_ = 0;
  }

  // Starts fetching the entry where a look-up of `id` begins; a loop over millions of ids asks
  // for an id some places ahead of the one it looks up, so that the misses overlap.
  void prefetch(std::string_view id) const {
    if (entries_.size() != 0)
      __builtin_prefetch(&entries_[TextHash{}(id)&mask_]);
  }

  // The slot of `id` and false when it is in the table; else adds it with `slot` (not npos) and
  // returns that and true.
  std::pair<uint32_t, bool> insert(std::string_view id, uint32_t slot) {
    if (size_ + 1 > entries_.size() - entries_.size() / 3)
      grow();
    Entry& e = entries_[position(id)];
    if (e.slot_plus_one != 0)
      return {e.slot_plus_one - 1, false};
    e.key = IdKey(id);
    e.slot_plus_one = slot + 1;
    ++size_;
    return {slot, true};
  }

  // The slot of `id`, or npos.
  uint32_t find(std::string_view id) const {
    if (entries_.size() == 0)
      return npos;
    const Entry& e = entries_[position(id)];
    return e.slot_plus_one == 0 ? npos : e.slot_plus_one - 1;
  }

  std::size_t size() const { return size_; }
  // Entries, free ones included: 0 until reset() or the first insert().
  std::size_t capacity() const { return entries_.size(); }

 private:
  struct alignas(32) Entry {
    IdKey key;
    uint32_t slot_plus_one = 0;  // 0: the entry is free
  };
  static_assert(sizeof(Entry) == 32);

  // The entry holding `id`, or the free entry that ends its probe.
  std::size_t position(std::string_view id) const {
    std::size_t p = TextHash{}(id)&mask_;
    while (entries_[p].slot_plus_one != 0 && !equal_short_text(entries_[p].key.view(), id))
      p = (p + 1) & mask_;
    return p;
  }

  // Twice the entries, the ids placed again (only when more ids come than reset() expected).
  void grow() {
    ZeroedArray<Entry> old = std::move(entries_);
    make_entries(old.size() == 0 ? kFewest : 2 * old.size());
    for (std::size_t i = 0; i < old.size(); ++i) {
      if (old[i].slot_plus_one != 0)
        entries_[position(old[i].key.view())] = old[i];
    }
  }

  // `capacity` free entries (a power of two) in place of the table's: all-zero bytes, which a
  // large table's fresh pages are already (1.25M ids: 64 MB not written by a pass of its own).
  void make_entries(std::size_t capacity) {
    entries_ = ZeroedArray<Entry>();
    entries_ = ZeroedArray<Entry>(capacity);
    prefer_huge_pages(entries_.data(), capacity * sizeof(Entry));
    mask_ = capacity - 1;
  }

  static constexpr std::size_t kFewest = 16;
  ZeroedArray<Entry> entries_;  // zero bytes: a free entry
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

// The ids of one dataset file as its reading found them (find_duplicate_ids): the slot of each
// node, along the file's parts, the ids numbered in order of first definition as the resolver
// numbers them, and the index from id to slot. The resolver takes them over when the file is all
// it resolves (Checker::collect_ids) instead of looking every id up a second time (1M decisions:
// 1.25M ids into a table of 64 MB, some 85 ms on one core).
struct FileIds {
  IdIndex index;
  HugeVector<uint32_t> node_slots;
  uint32_t slots = 0;  // ids defined
};

}  // namespace jurigraph::ingest
