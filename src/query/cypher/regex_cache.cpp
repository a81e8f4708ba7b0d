#include "query/cypher/regex_cache.hpp"

#include <re2/re2.h>

#include <memory>

namespace jurigraph::query::cypher::exec {

// RE2 matches in time linear in the string: no pattern can make a match run past the query's
// timeout, as std::regex's backtracking did (fuzz finding execute-regex-backtracking-hang).
struct RegexCache {
  std::string pattern;
  std::unique_ptr<const re2::RE2> regex;
};

void RegexCacheDelete::operator()(RegexCache* cache) const {
  delete cache;
}

RegexCachePtr make_regex_cache() {
  return RegexCachePtr(new RegexCache());
}

std::string compile_regex(RegexCache& cache, std::string_view pattern) {
  if (cache.regex && cache.pattern == pattern)
    return {};
  re2::RE2::Options options;
  options.set_log_errors(false);
  auto regex =
      std::make_unique<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!regex->ok()) {
    cache.regex.reset();
    // RE2's own reason: a backreference or lookaround (which need backtracking, so RE2 has
    // neither) shows as an invalid operator or escape.
    return regex->error();
  }
  cache.pattern = pattern;
  cache.regex = std::move(regex);
  return {};
}

bool regex_full_match(const RegexCache& cache, std::string_view text) {
  return re2::RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *cache.regex);
}

std::string invalid_regex_message(std::string_view pattern, std::string_view reason) {
  return "invalid regular expression '" + std::string(pattern) + "': " + std::string(reason);
}

}  // namespace jurigraph::query::cypher::exec
