// Reading a JSON Lines dataset: every line parsed in place, checked against the line schema and
// read into records, by several threads over runs of lines, then joined in line order, so that
// records and diagnostics are the same whatever the number of threads.
#pragma once

#include <cstddef>
#include <vector>

#include "base/diagnostic.hpp"
#include "ingest/dataset_records.hpp"
#include "ingest/jsonl_fast_check.hpp"
#include "ingest/jsonl_file.hpp"
#include "ingest/progress.hpp"
#include "ingest/schema_check.hpp"

namespace jurigraph::ingest {

struct JsonlReadOptions {
  std::size_t max_errors = 50;  // lines with errors shown per file; the others are counted
  unsigned threads = 1;
  Progress* progress = nullptr;
  // Whether read_jsonl draws the progress, or only adds to it (its caller's thread draws it
  // while files are read a file a thread).
  bool draw_progress = true;
  // A thread reads its run of lines in chunks of this many bytes, in one buffer it reuses (a
  // line longer than that grows the buffer). Tests make it a few bytes, so that lines straddle.
  std::size_t chunk_bytes = std::size_t{4} << 20;
};

// Bytes [begin, end) of a file: whole lines, which one thread reads.
struct LineRun {
  std::size_t begin = 0, end = 0;
};

// The runs read_jsonl splits a file into for `threads` threads, which take them in turn: each
// 1/(2 * threads) of what is left, within [shortest, longest] and then extended to the end of
// its line. They shrink towards the file's end, so that the threads finish within a short run
// of each other. Requires shortest <= longest.
std::vector<LineRun> split_into_runs(const JsonlFile& file, unsigned threads, std::size_t shortest,
                                     std::size_t longest);

// Fills `parts` with the file's records, in the file's order, and the file's record index. Each
// part has tables of its own (ranges index them) and numbers records from the file's start.
// Returns false (with diagnostics) when any line has an error; `parts` then hold the lines
// without errors, for one round of cross-file checks.
bool read_jsonl(JsonlFile& file, const SchemaCheck& schema, const FastSchemaCheck& fast,
                std::vector<FileRecords>& parts, Diagnostics& diagnostics,
                const JsonlReadOptions& options);

}  // namespace jurigraph::ingest
