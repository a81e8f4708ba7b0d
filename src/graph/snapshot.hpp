// Graph snapshots: the frozen graph, its indexes and properties in one binary file that opens
// by memory-mapping (`jurigraph build … -o graph.jg`, then `-g graph.jg` on any command).
//
// Layout (little-endian, version kSnapshotVersion; snapshot_format.hpp): a header with magic,
// version, file size and checksums, a directory of sections, then each section (an array of
// fixed-size records, 64-byte aligned) as the Graph reads it, and the query planner's
// relationship counts. Every section has an XXH3-64 checksum that opening verifies (reading the
// file with pread, not through the mapping): a flipped or truncated file is refused, never read.
#pragma once

#include <string>

#include "graph/graph.hpp"

namespace jurigraph::graph {

// Writes `g` to `path` through a temporary file that is flushed to disk and renamed into place.
// Throws Error (kind output) when the file cannot be written. The same graph gives the same
// bytes (padding included). The resolver merges a node's definitions in file order, so
// ingest::find_dataset_files reads the files in one order (by absolute path) whatever order the
// command line gives them in: the same datasets give the same snapshot.
void write_snapshot(const Graph& g, const std::string& path);

// Opens a snapshot: maps the file, checks header, version, size and every section's checksum
// and shape, and returns a graph that reads the mapping (no copy). Throws Error naming the file
// and the problem for a missing, foreign, truncated, corrupt or other-version file.
Graph open_snapshot(const std::string& path);

}  // namespace jurigraph::graph
