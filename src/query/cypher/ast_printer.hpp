// The AST printed back as Cypher in a canonical one-line form, for tests and debugging:
// every operator application is parenthesised (`(a + (b * c))`), keywords are upper case,
// strings single-quoted, relationship patterns without details in their short form (`-->`),
// names back-quoted only when they must be. Printing the parse of a printed query gives the same
// text again.
#pragma once

#include <string>

#include "query/cypher/ast.hpp"

namespace jurigraph::query::cypher {

std::string to_string(const Query& query);
std::string to_string(const SingleQuery& query);
std::string to_string(const Clause& clause);
std::string to_string(const Expression& expression);
std::string to_string(const PatternPart& part);
std::string to_string(const PatternElement& element);

}  // namespace jurigraph::query::cypher
