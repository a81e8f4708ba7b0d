// The hash of texts for the hash tables of millions of ids: short_text_hash for an id, inline;
// a longer text through Abseil's. Debian's Abseil is built with a string_view type of its own
// (ABSL_OPTION_USE_STD_STRING_VIEW is 0), so absl::Hash of a std::string_view falls back to
// std::hash, an out-of-line call (4% of the CPU of a 1M-decision build, perf): the texts go to
// it as absl::string_view.
#pragma once

#include <absl/hash/hash.h>
#include <absl/strings/string_view.h>

#include <cstddef>
#include <string_view>

#include "base/short_text.hpp"

namespace jurigraph::ingest {

inline absl::string_view absl_view(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return short_text_hash(
        s, [](std::string_view t) { return absl::Hash<absl::string_view>{}(absl_view(t)); });
  }
};

}  // namespace jurigraph::ingest
