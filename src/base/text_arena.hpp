// Owns copies of strings in large blocks, so that views of them stay valid while the arena lives
// (moving the arena moves no byte). For text kept from a buffer that is reused or freed: the
// strings a JSON Lines run's records view, once the run's lines are parsed.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace jurigraph {

class TextArena {
 public:
  // A copy of `text` in the arena; an empty view for empty text.
  std::string_view copy(std::string_view text) {
    if (text.empty())
      return {};
    if (text.size() > left_) {
      const std::size_t size = std::max(kBlock, text.size());
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
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

 private:
  // Large enough that a block is mapped on its own and returned when freed, small enough that
  // the last block's unused tail costs little.
  static constexpr std::size_t kBlock = std::size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace jurigraph
