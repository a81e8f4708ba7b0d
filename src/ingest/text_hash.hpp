// The hash of texts for the hash tables of millions of ids. Debian's Abseil is built with a
// string_view type of its own (ABSL_OPTION_USE_STD_STRING_VIEW is 0), so absl::Hash of a
// std::string_view falls back to std::hash: an out-of-line call for every id (4% of the CPU of a
// 1M-decision build, perf). Through absl::string_view, a short text (most ids) is hashed inline.
#pragma once

#include <absl/hash/hash.h>
#include <absl/strings/string_view.h>

#include <cstddef>
#include <string_view>
#include <tuple>

namespace jurigraph::ingest {

inline absl::string_view absl_view(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return absl::Hash<absl::string_view>{}(absl_view(s));
  }
};

// For keys of three texts, such as (key, text, second text) of a property list.
struct TextTripleHash {
  std::size_t operator()(
      const std::tuple<std::string_view, std::string_view, std::string_view>& t) const {
    return absl::HashOf(absl_view(std::get<0>(t)), absl_view(std::get<1>(t)),
                        absl_view(std::get<2>(t)));
  }
};

}  // namespace jurigraph::ingest
