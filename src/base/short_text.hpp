// Equality of short texts (ids, kinds, source keys) without a call to memcmp: the ingest compares
// millions of them, and the call cost more than the compare (`perf`: memcmp was 5% of a 1M-decision
// build's CPU, most of it on texts of 10 to 20 bytes).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace jurigraph {

inline constexpr std::size_t kShortTextMax = 24;

// a == b, for texts of at most kShortTextMax bytes (longer ones are compared by std::string_view).
// Reads each text through overlapping 8-byte (or 4-byte) loads that stay within it.
inline bool equal_short_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size())
    return false;
  if (n > kShortTextMax)
    return a == b;
  const auto load8 = [](const char* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  const auto load4 = [](const char* p) {
    uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  const char* x = a.data();
  const char* y = b.data();
  if (n >= 8) {
    return load8(x) == load8(y) && load8(x + n - 8) == load8(y + n - 8) &&
           (n <= 16 || load8(x + 8) == load8(y + 8));
  }
  if (n >= 4)
    return load4(x) == load4(y) && load4(x + n - 4) == load4(y + n - 4);
  for (std::size_t i = 0; i < n; ++i) {
    if (x[i] != y[i])
      return false;
  }
  return true;
}

}  // namespace jurigraph
