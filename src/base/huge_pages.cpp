#include "base/huge_pages.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <new>

namespace jurigraph {

void prefer_huge_pages(const void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHuge - 1);
  if (data == nullptr || last <= first)
    return;
  ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
// Below this a block is left to malloc: rounding it up to whole 2 MB pages would waste more
// than 4 KB faults cost.
constexpr std::size_t kHugeBlockMin = std::size_t{1} << 20;

std::size_t whole_huge_pages(std::size_t bytes) {
  return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

}  // namespace

std::size_t huge_allocation_bytes(std::size_t bytes) {
  return bytes < kHugeBlockMin ? bytes : whole_huge_pages(bytes);
}

void* allocate_huge(std::size_t bytes, std::size_t alignment) {
  if (bytes < kHugeBlockMin) {
    return alignment > __STDCPP_DEFAULT_NEW_ALIGNMENT__
               ? ::operator new (bytes, std::align_val_t{alignment})
               : ::operator new(bytes);
  }
  const std::size_t size = whole_huge_pages(bytes);
  void* const p = ::operator new (size, std::align_val_t{kHugePage});
  prefer_huge_pages(p, size);
  return p;
}

void deallocate_huge(void* p, std::size_t bytes, std::size_t alignment) {
  if (bytes >= kHugeBlockMin)
    ::operator delete (p, std::align_val_t{kHugePage});
  else if (alignment > __STDCPP_DEFAULT_NEW_ALIGNMENT__)
    ::operator delete (p, std::align_val_t{alignment});
  else
    ::operator delete(p);
}

void HugeBlockDelete::operator()(char* p) const {
  deallocate_huge(p, bytes);
}

HugeBlock allocate_huge_block(std::size_t bytes) {
  return HugeBlock(static_cast<char*>(allocate_huge(bytes)), HugeBlockDelete{bytes});
}

void release_pages(void* data, std::size_t bytes) {
  constexpr std::uintptr_t kPage = 4096;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kPage - 1) & ~(kPage - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kPage - 1);
  if (data == nullptr || last <= first)
    return;
  ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
}

}  // namespace jurigraph
