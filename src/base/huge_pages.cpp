#include "base/huge_pages.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <new>
#include <system_error>
#include <thread>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older kernels refuse it, and pages fault as before
#endif

namespace jurigraph {
namespace {

constexpr std::size_t kPage = 4096;
constexpr std::size_t kHugePage = std::size_t{2} << 20;

// The whole pages of `page` bytes inside [data, data + bytes): [first, last), empty when
// last <= first. Every advice below is given on whole pages.
struct WholePages {
  std::uintptr_t first = 0, last = 0;
  bool empty() const { return last <= first; }
  void* begin() const { return reinterpret_cast<void*>(first); }
  std::size_t bytes() const { return last - first; }
};
WholePages whole_pages_inside(const void* data, std::size_t bytes, std::uintptr_t page) {
  if (data == nullptr)
    return {};
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  return {(begin + page - 1) & ~(page - 1), (begin + bytes) & ~(page - 1)};
}

std::size_t whole_huge_pages(std::size_t bytes) {
  // A size this close to the top of the address space would wrap around to a small block.
  if (bytes > SIZE_MAX - 2 * kHugePage)
    throw std::bad_alloc();
  return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

}  // namespace

void prefer_huge_pages(const void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  const WholePages huge = whole_pages_inside(data, bytes, kHugePage);
  if (!huge.empty())
    ::madvise(huge.begin(), huge.bytes(), MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

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
  const std::uintptr_t first = whole_pages_inside(mapped, size + kHugePage, kHugePage).first;
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
  if (data == nullptr || bytes == 0)
    return;
  // Every page the range touches, its partial first and last pages included.
  const auto begin = reinterpret_cast<std::uintptr_t>(data) & ~(std::uintptr_t{kPage} - 1);
  const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(data) + bytes;
  ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
}

void populate_on_two_cores(void* data, std::size_t bytes) {
  constexpr std::size_t kAlone = std::size_t{8} << 20;
  if (bytes < kAlone) {
    populate_pages(data, bytes);
    return;
  }
  // Both threads take the huge pages in turn, not a half each: how long a page takes depends on
  // where the kernel finds it (one this process freed a moment ago, or one the host must supply
  // again), and with halves one thread waited for the other (a perf timeline of a 1M load: the
  // id table's halves took about 10 and 150 ms). Pieces end on 2 MB boundaries, so that no huge
  // page is faulted by both threads.
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t end = begin + bytes;
  const std::uintptr_t first_boundary = begin & ~(std::uintptr_t{kHugePage} - 1);
  std::atomic<std::uintptr_t> next{first_boundary};
  const auto work = [&] {
    for (std::uintptr_t at = next.fetch_add(kHugePage); at < end; at = next.fetch_add(kHugePage)) {
      const std::uintptr_t from = std::max(at, begin);
      populate_pages(reinterpret_cast<void*>(from), std::min(at + kHugePage, end) - from);
    }
  };
  std::thread other;
  try {
    other = std::thread(work);
  } catch (const std::system_error&) {
    populate_pages(data, bytes);  // no thread to be had: speed only, so on this one
    return;
  }
  work();
  other.join();
}

void prepare_unaligned_block(void* data, std::size_t bytes) {
  prefer_huge_pages(data, bytes);
  const WholePages huge = whole_pages_inside(data, bytes, kHugePage);
  if (huge.empty()) {
    populate_pages(data, bytes);
    return;
  }
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  populate_pages(data, huge.first - begin);
  populate_pages(reinterpret_cast<void*>(huge.last), begin + bytes - huge.last);
}

void prepare_block_filled_in_order(void* data, std::size_t bytes) {
  prefer_huge_pages(data, bytes);
  const WholePages huge = whole_pages_inside(data, bytes, kHugePage);
  if (!huge.empty())
    populate_pages(data, huge.first - reinterpret_cast<std::uintptr_t>(data));
}

void release_pages(void* data, std::size_t bytes) {
  const WholePages pages = whole_pages_inside(data, bytes, kPage);
  if (!pages.empty())
    ::madvise(pages.begin(), pages.bytes(), MADV_DONTNEED);
}

}  // namespace jurigraph
