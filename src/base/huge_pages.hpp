// Large tables backed by 2 MB pages where the kernel allows it. On this project's machines
// transparent huge pages are given on request only (madvise mode), and first touches of fresh
// memory took a fifth of an ingest's time: one fault per 4 KB page, each costly under a
// hypervisor. Asked for before the first write, a table faults once per 2 MB instead.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace jurigraph {

// Advises the kernel to use huge pages for the whole 2 MB pages inside [data, data + bytes).
// Does nothing for small ranges or where the advice is refused: it changes speed, not results.
void prefer_huge_pages(const void* data, std::size_t bytes);

// Faults in the pages of [data, data + bytes) in one call, where the kernel allows it. Under this
// project's hypervisor a fault costs about 11.5 µs a 4 KB page, and the call 0.8 µs a page: for
// memory that is about to be written whole. Writes nothing: what the pages hold is kept.
void populate_pages(void* data, std::size_t bytes);

// populate_pages on two threads, which take its 2 MB pages in turn, for a large block about to be
// written whole at random (a hash table) while the other core is idle: the kernel zeroes each page
// it supplies, and under this project's hypervisor a page the host took back costs some 2 ms a MB,
// paid by one core otherwise (1M decisions: the id table's 64 MB). Below 8 MB, on this thread
// alone.
void populate_on_two_cores(void* data, std::size_t bytes);

// For a block from malloc that is about to be written: advises its whole 2 MB pages for huge
// pages and faults in at once the 4 KB pages at either end, outside them (up to 2 MB each,
// otherwise 512 faults each).
void prepare_unaligned_block(void* data, std::size_t bytes);

// For a block from malloc that is filled from its start and may not be filled whole (a text
// reserved generously): advises its whole 2 MB pages for huge pages and faults in at once the
// 4 KB pages before the first of them (up to 2 MB, otherwise up to 512 faults one by one as the
// text grows: 1M decisions, the graph's strings). The pages after the last are left alone.
void prepare_block_filled_in_order(void* data, std::size_t bytes);

template <typename T>
struct HugePageAllocator;

// Below this a HugePageAllocator's block is left to malloc: rounding it up to whole 2 MB pages
// would waste more than 4 KB faults cost.
inline constexpr std::size_t kHugeBlockMin = std::size_t{1} << 20;

// v.reserve(n), with the reserved memory advised for huge pages before anything is written to
// it: the elements v already holds move into the new block after the advice, not before (where
// std::vector::reserve would copy them into 4 KB pages).
template <typename T, typename A>
void reserve_huge(std::vector<T, A>& v, std::size_t n) {
  if (n <= v.capacity())
    return;
  // A HugePageAllocator's large blocks are advised already, and aligned on 2 MB; any other
  // block, and a small one of a HugePageAllocator's, is from malloc.
  const auto prepare = [](std::vector<T, A>& block) {
    const std::size_t bytes = block.capacity() * sizeof(T);
    if (!std::is_same_v<A, HugePageAllocator<T>> || bytes < kHugeBlockMin)
      prepare_unaligned_block(block.data(), bytes);
  };
  if (v.empty()) {
    v.reserve(n);
    prepare(v);
    return;
  }
  std::vector<T, A> bigger;
  bigger.reserve(n);
  prepare(bigger);
  bigger.insert(bigger.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
  v.swap(bigger);
}

// A block of `bytes` aligned on a 2 MB page and advised for huge pages, uninitialised: for
// buffers and arenas of several MB, which malloc would place across 2 MB pages and the kernel
// then fault in 4 KB pages.
struct HugeBlockDelete {
  std::size_t bytes = 0;
  void operator()(char* p) const;
};
using HugeBlock = std::unique_ptr<char[], HugeBlockDelete>;
HugeBlock allocate_huge_block(std::size_t bytes);

// An allocator whose blocks are advised for huge pages before the container first writes them:
// for hash tables that are probed at random (a TLB miss per probe on 4 KB pages) and for tables
// that grow to many MB (HugeVector). A block of 1 MB or more is placed on a 2 MB boundary and
// covers whole 2 MB pages, so that none of it is faulted in 4 KB pages (malloc would place it at
// the start of a 4 KB page, with up to 2 MB at each end outside the advice). Such a block is
// mapped from the kernel and given back to it when freed, not taken from malloc's arenas: an
// aligned block from an arena could land on pages left in 4 KB pieces by earlier frees and
// releases (1M decisions: 1.7k faults of 4 KB in the check of the edges' ends alone).
// `alignment`: that of the objects the block will hold, when more than operator new gives.
void* allocate_huge(std::size_t bytes, std::size_t alignment = __STDCPP_DEFAULT_NEW_ALIGNMENT__);
void deallocate_huge(void* p, std::size_t bytes,
                     std::size_t alignment = __STDCPP_DEFAULT_NEW_ALIGNMENT__);

// A block of whole 2 MB pages (bytes rounded up), on a 2 MB boundary, straight from the kernel:
// all zero, and not advised for huge pages. Given back by unmap_aligned with the same `bytes`.
void* map_aligned(std::size_t bytes);
void unmap_aligned(void* p, std::size_t bytes);

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: converting, as allocators are
  T* allocate(std::size_t n) { return static_cast<T*>(allocate_huge(n * sizeof(T), kAlignment)); }
  void deallocate(T* p, std::size_t n) { deallocate_huge(p, n * sizeof(T), kAlignment); }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }

 private:
  // A block of 1 MB or more is aligned on 2 MB; a smaller one as T needs (an id table's entries
  // are on 32 bytes).
  static constexpr std::size_t kAlignment =
      std::max<std::size_t>(alignof(T), __STDCPP_DEFAULT_NEW_ALIGNMENT__);
};

// A table of millions of records, built by appending.
template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

// Gives the kernel back the whole pages inside [data, data + bytes), which must hold no live
// object: they read as zeros if touched again. For a table's spare capacity once it is full.
void release_pages(void* data, std::size_t bytes);

// The bytes allocate_huge(bytes) holds: whole 2 MB pages from 1 MB on.
std::size_t huge_allocation_bytes(std::size_t bytes);

// Releases the pages of v's capacity past its size (for a HugeVector, up to the end of its
// last 2 MB page). A table reserved generously with huge pages otherwise keeps, on average,
// half a 2 MB page that no record uses.
template <typename T, typename A>
void release_spare_capacity(std::vector<T, A>& v) {
  std::size_t end = v.capacity() * sizeof(T);
  if constexpr (std::is_same_v<A, HugePageAllocator<T>>)
    end = huge_allocation_bytes(end);
  release_pages(v.data() + v.size(), end - v.size() * sizeof(T));
}

// Empties v and gives its pages back to the kernel at once. Freeing a vector alone may not: a
// block of a few MB can come from a malloc arena that keeps it (glibc raises its mmap threshold
// once a mapped block is freed), so RSS stays at its peak while the memory waits for reuse.
template <typename T, typename A>
void release_now(std::vector<T, A>& v) {
  release_pages(v.data(), v.capacity() * sizeof(T));
  std::vector<T, A>().swap(v);
}

}  // namespace jurigraph
