// The compiled pattern of one `=~`. The binder compiles a constant pattern once, so that a bad
// one is an error even when no row reaches it; the executor compiles the others when they change.
#pragma once

#include <string>
#include <string_view>

#include "query/cypher/plan.hpp"

namespace jurigraph::query::cypher::exec {

// Makes `pattern` the cache's compiled pattern unless it is already. Returns RE2's reason when
// the pattern is invalid (the cache then holds none), or an empty string.
std::string compile_regex(RegexCache& cache, std::string_view pattern);

// Whether `text` matches the cache's pattern as a whole, as Cypher's `=~` does. The cache must
// hold a valid pattern (compile_regex returned no reason).
bool regex_full_match(const RegexCache& cache, std::string_view text);

// The message of an invalid pattern, the same from the binder and the executor.
std::string invalid_regex_message(std::string_view pattern, std::string_view reason);

}  // namespace jurigraph::query::cypher::exec
