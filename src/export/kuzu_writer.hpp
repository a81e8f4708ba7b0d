// The folder Kuzu loads (checked with Kuzu 0.11.3, the npm package `kuzu`):
//   schema.cypher  CREATE NODE TABLE per label that has nodes, CREATE REL TABLE per relationship
//                  type with one FROM/TO pair per (source label, target label) that occurs;
//   <Label>.csv    one per node table: `id` first, then the properties by key;
//   <TYPE>.<From>.<To>.csv
//                  one per relationship type and label pair, since COPY into a table with
//                  several pairs reads one pair per file: the FROM and TO ids, then the properties;
//   load.cypher    the DDL, every COPY (nodes first) and, last, the few SETs of lists that
//                  Kuzu's CSV list syntax cannot carry. Paths are relative to the folder.
// Columns and values are those of jurigraph's Cypher engine (infer_tables over a GraphView), so
// that a query gives the same rows in Kuzu as in `jurigraph query`.
#pragma once

#include <cstdint>
#include <ostream>
#include <utility>

#include "export/export_folder.hpp"
#include "graph/graph.hpp"

namespace jurigraph::exporter {

void write_kuzu(ExportFolder& folder, const graph::Graph& g);

}  // namespace jurigraph::exporter
