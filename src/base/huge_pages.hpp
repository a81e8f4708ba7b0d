// Large tables backed by 2 MB pages where the kernel allows it. On this project's machines
// transparent huge pages are given on request only (madvise mode), and first touches of fresh
// memory took a fifth of an ingest's time: one fault per 4 KB page, each costly under a
// hypervisor. Asked for before the first write, a table faults once per 2 MB instead.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace jurigraph {

// Advises the kernel to use huge pages for the whole 2 MB pages inside [data, data + bytes).
// Does nothing for small ranges or where the advice is refused: it changes speed, not results.
void prefer_huge_pages(const void* data, std::size_t bytes);

// v.reserve(n), with the reserved memory advised for huge pages.
template <typename T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
  v.reserve(n);
  prefer_huge_pages(v.data(), v.capacity() * sizeof(T));
}

// An allocator whose blocks are advised for huge pages before the container first writes them:
// for hash tables that are probed at random (a TLB miss per probe on 4 KB pages).
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: converting, as allocators are
  T* allocate(std::size_t n) {
    T* const p = std::allocator<T>().allocate(n);
    prefer_huge_pages(p, n * sizeof(T));
    return p;
  }
  void deallocate(T* p, std::size_t n) { std::allocator<T>().deallocate(p, n); }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

// Gives the kernel back the whole pages inside [data, data + bytes), which must hold no live
// object: they read as zeros if touched again. For a table's spare capacity once it is full.
void release_pages(void* data, std::size_t bytes);

// Releases the pages of v's capacity past its size. A table reserved generously with huge pages
// otherwise keeps, on average, half a 2 MB page that no record uses.
template <typename T>
void release_spare_capacity(std::vector<T>& v) {
  release_pages(v.data() + v.size(), (v.capacity() - v.size()) * sizeof(T));
}

// Empties v and gives its pages back to the kernel at once. Freeing a vector alone may not: a
// block of a few MB can come from a malloc arena that keeps it (glibc raises its mmap threshold
// once a mapped block is freed), so RSS stays at its peak while the memory waits for reuse.
template <typename T>
void release_now(std::vector<T>& v) {
  release_pages(v.data(), v.capacity() * sizeof(T));
  std::vector<T>().swap(v);
}

}  // namespace jurigraph
