// The binder: turns a parsed Query into a QueryPlan. Resolves variables to row slots (with
// Cypher's scoping: WITH and RETURN start a new scope), labels and relationship types to the
// graph's ids (unknown ones are errors with a suggestion in strict mode), function names to the
// function table, and parameters to constants; splits projections into grouping keys and
// aggregates; and hands each pattern to the planner. Every error is positioned at the AST node
// that causes it.
#pragma once

#include "query/cypher/engine.hpp"
#include "query/cypher/plan.hpp"

namespace jurigraph::query::cypher::exec {

QueryPlan bind(const Query& q, const PropertyGraph& g, const Parameters& params,
               const QueryLimits& limits);

}  // namespace jurigraph::query::cypher::exec
