// A script for cypher-shell (`cypher-shell -d DATABASE -f graph.cypher`): uniqueness
// constraints on `id` first, then nodes per label and relationships per (type, start label,
// end label) in batches of 1000 rows, each batch a `:param rows => [...]` line followed by one
// `UNWIND $rows AS row MERGE …;` statement. Idempotent: nodes are merged on id, relationships
// on their ends, type and `parallelIndex` (0 for the first relationship of that type between the
// two nodes, 1 for the next…), so re-running the script, or the script of a later export,
// updates the database instead of duplicating it. Properties are those of infer_tables.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "graph/graph.hpp"

namespace jurigraph::exporter {

// Returns the number of Cypher statements written (constraints and UNWIND batches; the
// `:param` lines are shell commands and are not counted).
uint64_t write_cypher_script(std::ostream& out, const graph::Graph& g);

// `CREATE CONSTRAINT IF NOT EXISTS FOR (n:Label) REQUIRE n.id IS UNIQUE;` (Neo4j 5 syntax), one
// line per label. Returns the number of statements. Shared with the Neo4j CSV export.
uint64_t write_id_constraints(std::ostream& out, const std::vector<std::string>& labels);

}  // namespace jurigraph::exporter
