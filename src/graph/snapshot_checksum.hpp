// The checksum of snapshot bytes: XXH3-64, through libxxhash's run-time dispatch on x86-64 (the
// AVX2 or AVX-512 code where the processor has it: several times the baseline SSE2 speed, which
// matters because every open checks every byte). The same function whichever code runs.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__x86_64__)
#include <xxh_x86dispatch.h>
#else
#include <xxhash.h>
#endif

namespace jurigraph::graph::snapshot {

inline uint64_t checksum(const void* data, std::size_t length) {
#if defined(__x86_64__)
  return XXH3_64bits_dispatch(data, length);
#else
  return XXH3_64bits(data, length);
#endif
}

// A checksum of bytes that arrive in pieces.
class StreamingChecksum {
 public:
  StreamingChecksum() : state_(XXH3_createState()) { XXH3_64bits_reset(state_); }
  ~StreamingChecksum() { XXH3_freeState(state_); }
  StreamingChecksum(const StreamingChecksum&) = delete;
  StreamingChecksum& operator=(const StreamingChecksum&) = delete;

  void update(const void* data, std::size_t length) {
#if defined(__x86_64__)
    XXH3_64bits_update_dispatch(state_, data, length);
#else
    XXH3_64bits_update(state_, data, length);
#endif
  }
  uint64_t digest() const {
    return XXH3_64bits_digest(state_);
  }

 private:
  XXH3_state_t* state_;
};

}  // namespace jurigraph::graph::snapshot
