// Owns copies of strings in large blocks, so that views of them stay valid while the arena lives
// (moving the arena moves no byte). For text kept from a buffer that is reused or freed: the
// strings a JSON Lines run's records view, once the run's lines are parsed.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "base/huge_pages.hpp"

namespace jurigraph {

class TextArena {
 public:
  // A copy of `text` in the arena; an empty view for empty text.
  std::string_view copy(std::string_view text) {
    if (text.empty())
      return {};
    if (text.size() > left_) {
      const std::size_t size = std::max(kBlock, text.size());
      blocks_.push_back(allocate_huge_block(size));
      next_ = blocks_.back().get();
      left_ = size;
      bytes_ += size;
    }
    char* const at = next_;
    std::memcpy(at, text.data(), text.size());
    next_ += text.size();
    left_ -= text.size();
    return {at, text.size()};
  }
  // Bytes held, for memory figures.
  std::size_t bytes() const { return bytes_; }
  // Gives back the pages of the last block past its last string, once nothing more is copied:
  // an arena per run of a file would otherwise keep, on average, half a block unused.
  void release_spare() {
    release_pages(next_, left_);
    left_ = 0;
  }

 private:
  // One huge page (see huge_pages.hpp): mapped on its own and returned when freed.
  static constexpr std::size_t kBlock = std::size_t{2} << 20;
  std::vector<HugeBlock> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace jurigraph
