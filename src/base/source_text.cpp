#include "base/source_text.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace jurigraph {
namespace {

constexpr std::size_t kCheckpointBytes = 4096;

}  // namespace

void SourceText::build_tables() const {
  std::call_once(built_, [this] {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n')
        line_starts_.push_back(i + 1);
    }
    // One for every multiple of kCheckpointBytes up to the text's size, that included.
    checkpoints_.reserve(text_.size() / kCheckpointBytes + 1);
    std::size_t code_points = 0;
    for (std::size_t k = 0; k <= text_.size() / kCheckpointBytes; ++k) {
      checkpoints_.push_back(code_points);
      code_points += utf8::count_code_points(text_.substr(k * kCheckpointBytes, kCheckpointBytes));
    }
  });
}

std::size_t SourceText::code_points_before(std::size_t offset) const {
  const std::size_t checkpoint = offset / kCheckpointBytes;  // offset <= text_.size()
  const std::size_t from = checkpoint * kCheckpointBytes;
  return checkpoints_[checkpoint] + utf8::count_code_points(text_.substr(from, offset - from));
}

TextPosition SourceText::locate(std::size_t offset) const {
  build_tables();
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  const std::size_t start = line_starts_[line_index];
  const std::size_t column = code_points_before(offset) - code_points_before(start) + 1;
  return {{static_cast<uint32_t>(line_index + 1), static_cast<uint32_t>(column)},
          line(static_cast<uint32_t>(line_index + 1)),
          offset - start};
}

std::string_view SourceText::line(uint32_t line) const {
  build_tables();
  if (line == 0 || line > line_starts_.size())
    return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r'))
    --end;
  return text_.substr(start, end - start);
}

}  // namespace jurigraph
