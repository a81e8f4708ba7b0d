// Turns byte offsets in a text (a dataset file, a query) into line and column for diagnostics.
// The line table is built on first use, so files without errors never pay for it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace jurigraph {

struct LineColumn {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in UTF-8 code points
};

class SourceText {
 public:
  explicit SourceText(std::string_view text) : text_(text) {}

  LineColumn position(std::size_t offset) const;
  // The text of a 1-based line, without its end-of-line characters.
  std::string_view line(uint32_t line) const;
  std::string_view text() const { return text_; }

 private:
  void build_line_table() const;

  std::string_view text_;
  mutable std::vector<std::size_t> line_starts_;
};

}  // namespace jurigraph
