// The Cypher parser: a recursive-descent parser over the lexer's tokens that builds the AST of
// a read-only openCypher query (MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, UNION;
// in expressions also pattern predicates and comprehensions, CASE, quantifiers and EXISTS { … }
// subqueries), with operator precedence as in openCypher 9 and its TCK. It accepts every
// read-only query of the TCK's match, return, with, unwind and expressions features.
//
// Errors are thrown as jurigraph::Error of kind `usage`, located at `origin:line:col` (columns
// in code points) with the query line for the caret, and say what was expected and what was
// found: `query:1:15: error: expected ')' but found 'RETURN'`. Write clauses (CREATE, MERGE,
// SET, DELETE, DETACH DELETE, REMOVE, CALL, FOREACH, LOAD CSV) are refused at their keyword:
// "the query engine is read-only: CREATE is not supported".
#pragma once

#include <string>
#include <string_view>

#include "base/diagnostic.hpp"
#include "query/cypher/ast.hpp"

namespace jurigraph::query::cypher {

struct ParseOptions {
  std::string origin = "query";  // the file name shown in errors
  // Parse CREATE clauses into Create instead of refusing them, and let a query end with one.
  // Only for loading test fixtures (the openCypher TCK's set-up queries).
  bool allow_create = false;
};

// Parses a whole query. Unless CREATE is allowed, each single query must end with RETURN.
Query parse_query(std::string_view text, const ParseOptions& options = {});

// Parses one expression filling the whole text (for tests and tools that take an expression).
ExprPtr parse_expression(std::string_view text, const ParseOptions& options = {});

}  // namespace jurigraph::query::cypher
