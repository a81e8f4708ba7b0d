// Equality of short texts (ids, kinds, source keys) without a call to memcmp: the ingest compares
// millions of them, and the call cost more than the compare (`perf`: memcmp was 5% of a 1M-decision
// build's CPU, most of it on texts of 10 to 20 bytes).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace jurigraph {

inline constexpr std::size_t kShortTextMax = 24;

namespace short_text_detail {
inline uint64_t load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline uint32_t load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
// The two halves of the 128-bit product, folded: every bit of either word reaches the low and the
// high bits of the result (the multiply-and-fold of wyhash).
inline uint64_t fold_multiply(uint64_t a, uint64_t b) {
  const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}
}  // namespace short_text_detail

// a == b, for texts of at most kShortTextMax bytes (longer ones are compared by std::string_view).
// Reads each text through overlapping 8-byte (or 4-byte) loads that stay within it.
inline bool equal_short_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size())
    return false;
  if (n > kShortTextMax)
    return a == b;
  using short_text_detail::load4;
  using short_text_detail::load8;
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

// A hash of a text of at most kShortTextMax bytes (ids, kinds, source keys), read through the
// same overlapping loads and mixed by two multiplications: the ingest hashes millions of ids to
// find them and to share their copies, and Abseil's hash of a text was an out-of-line call on
// each (`perf`, 1M decisions: 2.4% of the load's CPU). Longer texts: `hash_long`'s.
template <typename LongHash>
inline std::size_t short_text_hash(std::string_view s, LongHash hash_long) {
  using short_text_detail::fold_multiply;
  using short_text_detail::load4;
  using short_text_detail::load8;
  const std::size_t n = s.size();
  if (n > kShortTextMax)
    return hash_long(s);
  const char* p = s.data();
  uint64_t a = 0, b = 0, c = 0;
  if (n >= 8) {
    a = load8(p);
    b = load8(p + n - 8);
    if (n > 16)
      c = load8(p + 8);
  } else if (n >= 4) {
    a = load4(p);
    b = load4(p + n - 4);
  } else if (n > 0) {
    // The first, middle and last byte: every byte of a text of 1 to 3.
    a = (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
        (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
        static_cast<unsigned char>(p[n - 1]);
  }
  constexpr uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull,
                     k2 = 0x8ebc6af09c88c6e3ull;
  const uint64_t h = fold_multiply(a ^ k0, b ^ k1);
  return static_cast<std::size_t>(fold_multiply(h ^ c ^ k2, n ^ k1));
}

}  // namespace jurigraph
