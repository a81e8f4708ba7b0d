// Output gathered in a large buffer and handed to the stream in big writes: per-value stream
// insertion would cost more than formatting the values. The writers of whole graphs (N-Quads,
// JSON-LD, GraphML) append an element to buffer(), then call maybe_flush(), so that the buffer
// stays about one chunk whatever an element holds.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

namespace jurigraph::exporter {

class ChunkedOutput {
 public:
  explicit ChunkedOutput(std::ostream& out) : out_(out) { buffer_.reserve(kChunk + kChunk / 4); }
  ChunkedOutput(const ChunkedOutput&) = delete;
  ChunkedOutput& operator=(const ChunkedOutput&) = delete;

  std::string& buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= kChunk)
      flush();
  }
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 20;
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace jurigraph::exporter
