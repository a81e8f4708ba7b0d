// The read-only openCypher engine: binds a parsed Query against a PropertyGraph (names to slots,
// labels and types to ids, parameters to constants; errors with positions), plans each MATCH
// (cost-based: the order of the parts, where each starts and which way it walks, estimated
// from the graph's relationship counts per label, type and direction; WHERE conjuncts pushed
// down to the first step where their variables are bound) and executes the clauses as a pipeline of
// operators that push rows, streaming where the plan allows.
//
// Semantics are openCypher's (as Neo4j implements them): three-valued logic, relationship
// uniqueness within a MATCH (trail semantics), implicit grouping, null last in ORDER BY.
// Documented choices where Cypher leaves room:
// - shortestPath() returns, among the shortest paths, the one whose sequence of relationship
//   ids (read from the pattern's left node) is lexicographically smallest; allShortestPaths()
//   returns them all in that order. WHERE predicates of the same MATCH filter the paths found
//   (a post-filter: the search does not look for the shortest path that satisfies them). A
//   shortest path from a node to itself has length 0 when the lower bound is 0, and there is
//   none when it is 1.
// - A property map in a pattern may refer to variables of the same MATCH (`(b {x: a.x})`):
//   such an entry is a predicate `b.x = a.x` placed like a WHERE conjunct.
// - date() without an argument is an error: there is no clock in a reproducible tool.
//
// Errors are jurigraph::Error of kind `usage`, positioned at the offending part of the query;
// a query that exceeds a limit fails with kind row_limit, time_limit or memory_limit.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "query/cypher/ast.hpp"
#include "query/cypher/property_graph.hpp"
#include "query/cypher/value.hpp"

namespace jurigraph::query::cypher {

using Parameters = std::map<std::string, Value, std::less<>>;

struct QueryLimits {
  // Bounds memory: the rows an operator HOLDS (ORDER BY, DISTINCT, the groups of an
  // aggregation, count(DISTINCT …) sets, collect() and comprehension lists, range()) and the
  // result rows. Rows that only stream through (MATCH, UNWIND, WHERE, a projection, an
  // aggregate like count(*)) are not counted: `MATCH (a)-->(b) RETURN count(*)` holds one row
  // whatever the graph's size, and only the timeout bounds it.
  uint64_t max_rows = 1'000'000;
  // Bounds memory in bytes: what the executor holds, estimated from the values it keeps (rows
  // held by ORDER BY, DISTINCT and result de-duplication, the groups and their aggregates,
  // collect() lists, the breadth-first state of shortest paths). Streaming rows are not
  // counted, as for max_rows. Zero disables the check.
  uint64_t max_memory = uint64_t{4} << 30;
  // Wall-clock time for binding and execution; zero or less disables the check.
  std::chrono::milliseconds timeout{60'000};
  // Unknown labels and relationship types are errors (jurigraph's fixed schema); false for the
  // TCK, where they just match nothing.
  bool strict_schema = true;
};

// What a query cost the engine, for tests of the planner and `query --stats`.
struct ExecutionStats {
  // Nodes and relationships the executor examined (index and label scans, expansions): the
  // work a plan does whatever the machine, like Neo4j's database hits.
  uint64_t steps = 0;
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  bool ordered = false;  // the query's last clause had ORDER BY
  ExecutionStats stats;
};

// Calls on_columns once, then on_row for each result row as it is produced (streaming where
// the plan allows: no ORDER BY / aggregation / DISTINCT at the end). The span is valid during
// the call only.
ExecutionStats execute(const PropertyGraph& g, const Query& q, const Parameters& params,
                       const QueryLimits& limits,
                       const std::function<void(const std::vector<std::string>&)>& on_columns,
                       const std::function<void(std::span<const Value>)>& on_row);

// The whole result in memory.
QueryResult execute(const PropertyGraph& g, const Query& q, const Parameters& params,
                    const QueryLimits& limits);

}  // namespace jurigraph::query::cypher
