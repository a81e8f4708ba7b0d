// Turns byte offsets in a text (a dataset file, a query) into line and column for diagnostics.
// The tables are built on first use, so files without errors never pay for them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <vector>

namespace jurigraph {

struct LineColumn {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in UTF-8 code points
};

// A place in the text: its line and column, the line's text and the place's byte in it.
struct TextPosition {
  LineColumn at;
  std::string_view line;
  std::size_t byte_in_line = 0;
};

class SourceText {
 public:
  explicit SourceText(std::string_view text) : text_(text) {}
  SourceText(const SourceText&) = delete;
  SourceText& operator=(const SourceText&) = delete;

  LineColumn position(std::size_t offset) const { return locate(offset).at; }
  // The position of `offset`, reading at most a few KB of the text: a file written on one line
  // (minified JSON) has columns in the millions, and a count from the line's start for each
  // diagnostic read the file again each time. Thread-safe.
  TextPosition locate(std::size_t offset) const;
  // The text of a 1-based line, without its end-of-line characters.
  std::string_view line(uint32_t line) const;
  std::string_view text() const { return text_; }

 private:
  void build_tables() const;
  // The code points of text_ before `offset`.
  std::size_t code_points_before(std::size_t offset) const;

  std::string_view text_;
  mutable std::once_flag built_;
  mutable std::vector<std::size_t> line_starts_;
  // The code points before every kCheckpointBytes-th byte.
  mutable std::vector<std::size_t> checkpoints_;
};

}  // namespace jurigraph
