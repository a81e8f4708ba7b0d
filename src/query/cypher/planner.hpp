// The planner: orders the work of one MATCH (or pattern expression). Each pattern part is
// matched from its most selective node (bound already, else with an `id` property the graph
// indexes, else the label with the fewest nodes, else any node), then expanded to the right
// and to the left along its chain; parts follow one another (joined on shared variables, a
// cartesian product otherwise), those with a bound node first. Each WHERE conjunct runs right
// after the step that binds the last variable it reads.
#pragma once

#include "query/cypher/plan.hpp"

namespace jurigraph::query::cypher::exec {

// Fills plan.steps from its nodes, relationships, parts and predicates.
void plan_match(MatchPlan& plan, const PropertyGraph& g);

}  // namespace jurigraph::query::cypher::exec
