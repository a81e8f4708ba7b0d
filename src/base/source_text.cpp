#include "base/source_text.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace jurigraph {

void SourceText::build_line_table() const {
  if (!line_starts_.empty())
    return;
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n')
      line_starts_.push_back(i + 1);
  }
}

LineColumn SourceText::position(std::size_t offset) const {
  build_line_table();
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  const std::size_t start = line_starts_[line_index];
  const auto column = utf8::count_code_points(text_.substr(start, offset - start)) + 1;
  return {static_cast<uint32_t>(line_index + 1), static_cast<uint32_t>(column)};
}

std::string_view SourceText::line(uint32_t line) const {
  build_line_table();
  if (line == 0 || line > line_starts_.size())
    return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r'))
    --end;
  return text_.substr(start, end - start);
}

}  // namespace jurigraph
