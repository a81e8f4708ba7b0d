// Small UTF-8 helpers: validity, code-point counting and slicing. Columns in diagnostics count
// code points, and the look-up folding walks code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jurigraph::utf8 {

// Decodes the code point at `pos`, advancing `pos`. Returns U+FFFD and advances one byte on an
// invalid sequence.
char32_t decode(std::string_view s, std::size_t& pos);
void append(std::string& out, char32_t cp);
// The byte offset of the first invalid sequence, or npos when `s` is valid UTF-8.
std::size_t first_invalid(std::string_view s);
// Whether a byte continues a code point (10xxxxxx): code points start at the other bytes.
inline bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
std::size_t count_code_points(std::string_view s);
std::string substr_code_points(std::string_view s, std::size_t first, std::size_t count);

}  // namespace jurigraph::utf8
