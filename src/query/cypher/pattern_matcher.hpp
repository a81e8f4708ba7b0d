// Matching a planned pattern (MATCH, OPTIONAL MATCH, pattern predicates and comprehensions)
// for one input row: the steps the planner laid out, run depth-first, each match pushed to a
// sink with the pattern's slots set.
#pragma once

#include "query/cypher/exec_context.hpp"
#include "query/cypher/plan.hpp"

namespace jurigraph::query::cypher::exec {

// Where rows go: operators of the pipeline, and the collectors of pattern expressions.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // Takes a row (which the sink may change in its own slots); false asks the producer to stop,
  // because a LIMIT was reached or a predicate is decided.
  virtual bool push(Row& row) = 0;
};

// Runs `plan` for the input `row`: for each match, sets the slots the plan binds and calls
// out.push(row). Returns false when the sink asked to stop.
bool match_pattern(MatchPlan& plan, Row& row, ExecContext& ctx, RowSink& out);

}  // namespace jurigraph::query::cypher::exec
