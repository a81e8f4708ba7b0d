// Ingestion facade: dataset paths in, a frozen graph and every diagnostic out.
// Stages, in order: find files → read and parse (JsonFile) → validate against the schema
// (SchemaCheck) → read records (read_dataset) → resolve across files (resolve) → freeze.
// JSON Lines files (*.jsonl, *.ndjson) go through read_jsonl instead of the first three stages:
// their lines are parsed, validated and read on several threads.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "graph/graph.hpp"

namespace jurigraph::ingest {

struct LoadOptions {
  std::size_t max_errors_per_file = 50;
  unsigned threads = 0;  // threads reading JSON Lines and checking edges; 0: one per core
  std::ostream* progress = nullptr;   // where to draw a progress bar (see progress_stream)
  std::size_t jsonl_chunk_bytes = 0;  // see JsonlReadOptions::chunk_bytes; 0: its default
};

// Seconds spent in each stage, for benchmarks and the scale figures.
struct LoadTimings {
  double read = 0;     // reading, parsing, validating and reading records of every file
  double resolve = 0;  // cross-file checks and the graph tables
  double freeze = 0;   // Graph::freeze
};

struct LoadResult {
  graph::Graph graph;
  Diagnostics diagnostics;
  std::vector<std::string> files;     // every dataset file considered, in load order
  std::vector<std::string> rejected;  // the files with errors, which contributed nothing
  LoadTimings timings;
};

// The dataset files named by `paths`: files as given, folders searched recursively for *.json,
// *.jsonl and *.ndjson (hidden entries skipped), all sorted by absolute path, so the load order
// depends neither on the file system nor on the order of `paths`. Missing or unreadable paths are
// errors in `diagnostics`.
std::vector<std::string> find_dataset_files(const std::vector<std::string>& paths,
                                            Diagnostics& diagnostics);

// True for the extensions of JSON Lines datasets: .jsonl and .ndjson.
bool is_jsonl_extension(const std::string& extension);
// True for those and .json, the extensions every command reads as a dataset.
bool is_dataset_extension(const std::string& extension);

LoadResult load_datasets(const std::vector<std::string>& paths, const LoadOptions& options = {});

// Checks a dataset held in memory, a JSON document named `name` in diagnostics (an importer's
// output before it is written), exactly as `validate` checks a file: schema, records, then the
// cross-file rules together with the dataset files of `context` (which it may refer to; their
// own problems are reported too). The diagnostics about `name` carry JSON pointers.
Diagnostics check_dataset_text(const std::string& name, std::string text,
                               const std::vector<std::string>& context = {},
                               const LoadOptions& options = {});

struct UpdateResult {
  LoadResult loaded;  // files and rejected name the snapshot first
  std::size_t snapshot_nodes = 0, snapshot_edges = 0;
  // The new files closed an appeal cycle through the snapshot's own edges, and the resolver
  // dropped the snapshot: the graph is then not an update of it and must not be written.
  bool snapshot_rejected = false;
};

// build --update: the graph of the snapshot at `snapshot` with the datasets of `paths` added,
// without reading the snapshot's own inputs. The snapshot goes first in the resolver's list of
// files (snapshot_dataset.hpp), so new files meet it under the same duplicate and conflict rules
// as between dataset files. Throws Error when the snapshot cannot be opened.
UpdateResult update_snapshot(const std::string& snapshot, const std::vector<std::string>& paths,
                             const LoadOptions& options = {});

}  // namespace jurigraph::ingest
