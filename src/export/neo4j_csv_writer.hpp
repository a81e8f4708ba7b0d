// The folder `neo4j-admin database import full` reads
// (https://neo4j.com/docs/operations-manual/current/import/header-format/):
//
//   nodes-<Label>.csv            id:ID(Node),:LABEL,<key>:<type>…   one file per label with nodes
//   relationships-<TYPE>.csv     :START_ID(Node),:END_ID(Node),:TYPE,<key>:<type>…   one per type
//   import.sh [DATABASE]         the exact import command for these files (default database neo4j)
//   constraints.cypher           the uniqueness constraints on `id`, to run once the database is up
//   manifest.json                files, rows and bytes (written by write_export_folder)
//
// Columns and types come from infer_tables(GraphView): the properties Cypher sees in jurigraph
// are the properties Neo4j holds after import. One ID space, "Node", for every label, since
// jurigraph's ids are unique across the graph. Text fields (ids, strings, string arrays) are
// always quoted, so that "" (an empty string) differs from an empty field (no value); numbers,
// booleans, dates, labels and types never need quotes and have none. Rows are in id order
// (nodes) and in (start id, end id) order (relationships): the same graph gives the same bytes.
#pragma once

#include "export/export_folder.hpp"
#include "graph/graph.hpp"

namespace jurigraph::exporter {

void write_neo4j_csv(ExportFolder& folder, const graph::Graph& g);

}  // namespace jurigraph::exporter
