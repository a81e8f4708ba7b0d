// A fixed-size array whose elements start as all-zero bytes, taken from calloc. A large block
// comes straight from the kernel already zero, so a page is paid for (a fault, under a hypervisor
// several microseconds) only when something first writes it: per-node marks of which a search
// touches a part, or per-edge stamps that only some searches use. std::vector's assign writes
// every byte up front instead (at 1M decisions, 70 MB and 17k faults before the first search).
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <type_traits>

namespace jurigraph {

template <typename T>
class ZeroedArray {
  static_assert(std::is_trivially_copyable_v<T>, "elements are made of zero bytes, not built");

 public:
  ZeroedArray() = default;
  explicit ZeroedArray(std::size_t n)
      : data_(static_cast<T*>(n ? std::calloc(n, sizeof(T)) : nullptr)), size_(n) {
    if (n && !data_)
      throw std::bad_alloc();
  }

  T& operator[](std::size_t i) { return data_.get()[i]; }
  const T& operator[](std::size_t i) const { return data_.get()[i]; }
  std::size_t size() const { return size_; }
  T* data() { return data_.get(); }

 private:
  struct Free {
    void operator()(T* p) const { std::free(p); }
  };
  std::unique_ptr<T, Free> data_;
  std::size_t size_ = 0;
};

}  // namespace jurigraph
