// Evaluation of bound expressions against a row, with Cypher's null propagation and
// three-valued logic; runtime type errors are positioned at the expression (or its operator).
#pragma once

#include "query/cypher/exec_context.hpp"
#include "query/cypher/plan.hpp"

namespace jurigraph::query::cypher::exec {

// The row is mutable because comprehensions and patterns inside the expression write their
// own (hidden) slots.
Value evaluate(const BoundExpr& e, Row& row, ExecContext& ctx);

// A predicate (WHERE, filters): true passes; false and null do not; anything else is a type
// error.
bool passes(const BoundExpr& e, Row& row, ExecContext& ctx);

// `v` as a truth value for `what` ("WHERE", "AND"): null, true or false, or a type error.
Ternary truth(const Value& v, uint32_t pos, const char* what, ExecContext& ctx);

}  // namespace jurigraph::query::cypher::exec
