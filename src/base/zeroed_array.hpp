// A fixed-size array whose elements start as all-zero bytes. A block of 1 MB or more is mapped
// straight from the kernel, already zero, so a page is paid for (a fault, under a hypervisor
// several microseconds) only when something first writes it: per-node marks of which a search
// touches a part, or per-edge stamps that only some searches use. std::vector's assign writes
// every byte up front instead (at 1M decisions, 70 MB and 17k faults before the first search).
// The mapping starts on a 2 MB boundary, so that huge pages advised for it (prefer_huge_pages in
// huge_pages.hpp) cover it from the first byte: calloc's blocks start 16 bytes into a 4 KB
// page, and up to 2 MB at each end stayed in 4 KB pages (Q1 at 1M decisions: 750 faults, when
// the path search's parents were such an array).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>

#include "base/huge_pages.hpp"

namespace jurigraph {

template <typename T>
class ZeroedArray {
  static_assert(std::is_trivially_copyable_v<T>, "elements are made of zero bytes, not built");

 public:
  ZeroedArray() = default;
  explicit ZeroedArray(std::size_t n) : data_(nullptr, Free{bytes_of(n)}), size_(n) {
    if (data_.get_deleter().bytes >= kMapped) {
      data_.reset(static_cast<T*>(map_aligned(data_.get_deleter().bytes)));
    } else if (n > 0 && alignof(T) > alignof(std::max_align_t)) {
      // calloc aligns for the fundamental types only (16 bytes); a size that is a multiple of
      // the alignment, as aligned_alloc asks, since sizeof(T) is one.
      data_.reset(static_cast<T*>(std::aligned_alloc(alignof(T), n * sizeof(T))));
      if (data_)
        std::memset(static_cast<void*>(data_.get()), 0, n * sizeof(T));
    } else if (n > 0) {
      data_.reset(static_cast<T*>(std::calloc(n, sizeof(T))));
    }
    if (n && !data_)
      throw std::bad_alloc();
  }

  T& operator[](std::size_t i) { return data_.get()[i]; }
  const T& operator[](std::size_t i) const { return data_.get()[i]; }
  std::size_t size() const { return size_; }
  T* data() { return data_.get(); }

 private:
  static constexpr std::size_t kMapped = kHugeBlockMin;
  static std::size_t bytes_of(std::size_t n) {
    if (n > SIZE_MAX / sizeof(T))
      throw std::bad_alloc();
    return n * sizeof(T);
  }
  struct Free {
    std::size_t bytes = 0;
    void operator()(T* p) const {
      if (bytes >= kMapped)
        unmap_aligned(p, bytes);
      else
        std::free(p);
    }
  };
  std::unique_ptr<T, Free> data_;
  std::size_t size_ = 0;
};

}  // namespace jurigraph
