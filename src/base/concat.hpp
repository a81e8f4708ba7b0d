// Strings put together in one allocation.
#pragma once

#include <string>
#include <string_view>

namespace jurigraph {

// The parts one after the other (each a std::string, string_view or C string). `a + b + c`
// makes a temporary string per `+`; this sizes the result once (clang-tidy's
// performance-inefficient-string-concatenation asks for that in loops).
template <class... Parts>
std::string concat(const Parts&... parts) {
  std::string out;
  out.reserve((std::string_view(parts).size() + ...));
  (out.append(std::string_view(parts)), ...);
  return out;
}

}  // namespace jurigraph
