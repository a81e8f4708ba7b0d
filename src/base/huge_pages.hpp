// Large tables backed by 2 MB pages where the kernel allows it. On this project's machines
// transparent huge pages are given on request only (madvise mode), and first touches of fresh
// memory took a fifth of an ingest's time: one fault per 4 KB page, each costly under a
// hypervisor. Asked for before the first write, a table faults once per 2 MB instead.
#pragma once

#include <cstddef>
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

}  // namespace jurigraph
