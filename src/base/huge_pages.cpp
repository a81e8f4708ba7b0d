#include "base/huge_pages.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <new>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older kernels refuse it, and pages fault as before
#endif

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

std::size_t whole_huge_pages(std::size_t bytes) {
  return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

}  // namespace

std::size_t huge_allocation_bytes(std::size_t bytes) {
  return bytes < kHugeBlockMin ? bytes : whole_huge_pages(bytes);
}

void* map_aligned(std::size_t bytes) {
  // Mapped 2 MB more than asked, then cut down to the 2 MB boundaries inside.
  const std::size_t size = whole_huge_pages(bytes);
  void* const mapped =
      ::mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED)
    throw std::bad_alloc();
  const auto begin = reinterpret_cast<std::uintptr_t>(mapped);
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(std::uintptr_t{kHugePage} - 1);
  if (first > begin)
    ::munmap(mapped, first - begin);
  const std::uintptr_t end = begin + size + kHugePage;
  if (end > first + size)
    ::munmap(reinterpret_cast<void*>(first + size), end - (first + size));
  return reinterpret_cast<void*>(first);
}

void unmap_aligned(void* p, std::size_t bytes) {
  ::munmap(p, whole_huge_pages(bytes));
}

void* allocate_huge(std::size_t bytes, std::size_t alignment) {
  if (bytes < kHugeBlockMin) {
    return alignment > __STDCPP_DEFAULT_NEW_ALIGNMENT__
               ? ::operator new (bytes, std::align_val_t{alignment})
               : ::operator new(bytes);
  }
  void* const p = map_aligned(bytes);
  prefer_huge_pages(p, whole_huge_pages(bytes));
  return p;
}

void deallocate_huge(void* p, std::size_t bytes, std::size_t alignment) {
  if (bytes >= kHugeBlockMin)
    unmap_aligned(p, bytes);
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

void populate_pages(void* data, std::size_t bytes) {
  constexpr std::uintptr_t kPage = 4096;
  const auto begin = reinterpret_cast<std::uintptr_t>(data) & ~(kPage - 1);
  const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(data) + bytes;
  if (data == nullptr || bytes == 0)
    return;
  ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
}

void prepare_unaligned_block(void* data, std::size_t bytes) {
  prefer_huge_pages(data, bytes);
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(std::uintptr_t{kHugePage} - 1);
  const std::uintptr_t last = (begin + bytes) & ~(std::uintptr_t{kHugePage} - 1);
  if (last <= first) {  // no whole 2 MB page inside
    populate_pages(data, bytes);
    return;
  }
  populate_pages(data, first - begin);
  populate_pages(reinterpret_cast<void*>(last), begin + bytes - last);
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
