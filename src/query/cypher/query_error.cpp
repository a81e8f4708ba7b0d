#include "query/cypher/query_error.hpp"

#include <utility>

#include "base/source_text.hpp"

namespace jurigraph::query::cypher {

Error query_error(std::string_view text, const std::string& origin, uint32_t offset,
                  std::string message, ErrorKind kind) {
  const SourceText source(text);
  const LineColumn at = source.position(offset);
  Diagnostic d;
  d.where = Location(origin, at.line, at.column);
  d.message = std::move(message);
  d.source_line = std::string(source.line(at.line));
  return Error(std::move(d), kind);
}

}  // namespace jurigraph::query::cypher
