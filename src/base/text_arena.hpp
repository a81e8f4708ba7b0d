// Owns copies of strings in large blocks, so that views of them stay valid while the arena lives
// (moving the arena moves no byte). For text kept from a buffer that is reused or freed: the
// strings a JSON Lines run's records view, once the run's lines are parsed.
#pragma once

#include <algorithm>
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
      const std::size_t size = std::max(block_, text.size());
      // From malloc's blocks straight to a huge page: a block of 1 MB would take one anyway.
      block_ = 2 * block_ >= kHugeBlockMin ? kBlock : 2 * block_;
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
  // Says that the arena is to take about `bytes` of text: from 512 KB on, its blocks are huge
  // pages from the first. The doubling blocks up to one are malloc's, faulted in 4 KB pages (up
  // to 256 faults a run; a 1M-decision build's faults went from 7,103 to 3,995 when its runs'
  // arenas started with a huge page), where one huge page costs one fault and the pages it
  // leaves unused are given back (release_spare).
  void expect(std::size_t bytes) {
    if (bytes >= kHugeBlockMin / 2 && blocks_.empty())
      block_ = kBlock;
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
  // Blocks double from 16 KB (malloc's) to one huge page (see huge_pages.hpp: mapped on its own
  // and returned when freed). A run of a small file keeps a few KB: with a huge page from the
  // first string, a folder of 3,000 files of three lines took 8.6 s, nearly all of it the
  // kernel zeroing a 2 MB page a file.
  static constexpr std::size_t kFirstBlock = std::size_t{16} << 10;
  static constexpr std::size_t kBlock = std::size_t{2} << 20;
  std::size_t block_ = kFirstBlock;  // the size of the next block
  std::vector<HugeBlock> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace jurigraph
