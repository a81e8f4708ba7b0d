// Resolution across the files of one load: relation types declared in vocabularies, ids
// defined once (decisions) or merged (entities), references to existing nodes of the right
// label, no cycle of appeals. A file with any error is dropped whole, and files that relied on
// it are checked again, until what remains is consistent. Then the graph tables are built.
#pragma once

#include <memory>
#include <vector>

#include "base/diagnostic.hpp"
#include "graph/graph_tables.hpp"
#include "ingest/dataset_file.hpp"
#include "ingest/dataset_records.hpp"

namespace jurigraph::ingest {

// A file, or one part of a file's records (see `continues`).
struct LoadedFile {
  std::shared_ptr<const DatasetFile> file_ptr;
  const DatasetFile& file() const { return *file_ptr; }
  FileRecords records;
  // A further part of the previous entry's file, with the same file_ptr: a JSON Lines file is
  // read in runs, each kept with its own tables rather than copied into one. A file's parts are
  // accepted or dropped together, and share the first part's `sources` (see finish_records).
  bool continues = false;
  bool accepted = false;     // still contributing to the graph
  bool read_errors = false;  // its records were read but have errors: checked once, then dropped
  // The graph snapshot that `build --update` adds to, presented as the first file: its claims
  // keep their origins (ClaimSpec::origin) and meet those a new file's values make.
  bool from_snapshot = false;
};

// Drops inconsistent files (accepted = false, with diagnostics) and builds the tables of the
// rest. Conflicting values of an entity defined in several files become claims, each with its
// sources, and a warning; the value backed by an official source, else the first file's, is
// authoritative. `threads` check the edges (0: one per core, when there are enough edges to pay);
// the result is the same for any number.
graph::GraphTables resolve(std::vector<LoadedFile>& files, Diagnostics& diagnostics,
                           unsigned threads = 0);

}  // namespace jurigraph::ingest
