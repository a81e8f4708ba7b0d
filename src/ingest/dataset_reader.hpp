// Reads a schema-valid dataset document into FileRecords and checks what the schema cannot:
// real calendar dates, exact amounts, source keys, ids unique within the file, claims about
// known properties, vocabulary declarations.
#pragma once

#include "base/diagnostic.hpp"
#include "ingest/dataset_records.hpp"
#include "ingest/json_file.hpp"

namespace jurigraph::ingest {

// Returns false (with diagnostics) when the file has an error; `out` is then incomplete.
bool read_dataset(const JsonFile& file, FileRecords& out, Diagnostics& diagnostics);

}  // namespace jurigraph::ingest
