// Errors in a query: a jurigraph::Error of kind `usage` located at a byte offset of the query
// text, shown as `origin:line:col: error: message` with the query line and a caret. The lexer,
// the parser and, later, the binder all report through this one function.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"

namespace jurigraph::query::cypher {

// `offset` may equal text.size() (an error at the end of the query).
Error query_error(std::string_view text, const std::string& origin, uint32_t offset,
                  std::string message, ErrorKind kind = ErrorKind::usage);

}  // namespace jurigraph::query::cypher
