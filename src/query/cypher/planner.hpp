// The planner: orders the work of one MATCH (or pattern expression). It costs every order of
// the pattern parts, every start node of each part (bound already, an `id` property the graph
// indexes, a label scan or all nodes) and both walking orders along the chain, estimating the
// rows each step produces and the relationships it scans from the graph's relationship counts
// per (label, type, direction); the cheapest plan wins. Parts follow one another (joined on
// shared variables, a cartesian product otherwise). Each WHERE conjunct runs right after the
// step that binds the last variable it reads.
#pragma once

#include "query/cypher/plan.hpp"

namespace jurigraph::query::cypher::exec {

// Fills plan.steps from its nodes, relationships, parts and predicates.
void plan_match(MatchPlan& plan, const PropertyGraph& g);

}  // namespace jurigraph::query::cypher::exec
