// Ingestion facade: dataset paths in, a frozen graph and every diagnostic out.
// Stages, in order: find files → read and parse (JsonFile) → validate against the schema
// (SchemaCheck) → read records (read_dataset) → resolve across files (resolve) → freeze.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "graph/graph.hpp"

namespace jurigraph::ingest {

struct LoadOptions {
  std::size_t max_errors_per_file = 50;
};

struct LoadResult {
  graph::Graph graph;
  Diagnostics diagnostics;
  std::vector<std::string> files;     // every dataset file considered, in load order
  std::vector<std::string> rejected;  // the files with errors, which contributed nothing
};

// The dataset files named by `paths`: files as given, folders searched recursively for *.json
// (hidden entries skipped), sorted so the load order never depends on the file system.
// Missing or unreadable paths are errors in `diagnostics`.
std::vector<std::string> find_dataset_files(const std::vector<std::string>& paths,
                                            Diagnostics& diagnostics);

LoadResult load_datasets(const std::vector<std::string>& paths, const LoadOptions& options = {});

}  // namespace jurigraph::ingest
