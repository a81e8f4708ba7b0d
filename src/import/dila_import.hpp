// `jurigraph import dila`: DILA XML files and folders to one dataset, one file at a time.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "import/dila_dataset_writer.hpp"
#include "import/dila_mapping.hpp"

namespace jurigraph::import {

// The files to read: each path that is a file, as given; each folder's *.xml files,
// recursively. Sorted by path, so that the output does not depend on the file system's order.
// Throws Error when a path does not exist.
std::vector<std::string> list_dila_files(const std::vector<std::string>& paths);

struct DilaImportReport {
  uint64_t files = 0;               // files read
  uint64_t bytes = 0;               // bytes of XML read
  std::vector<Diagnostic> skipped;  // one per file left out (with keep_going)
  DilaCounts counts;
};

// Reads, maps and writes each file in turn. A file that cannot be
// read or parsed, or that repeats a decision, throws Error; with `keep_going` it is left out
// instead, its diagnostic printed on `err` and kept in the report.
DilaImportReport import_dila(const std::vector<std::string>& files, bool keep_going,
                             DatasetSink& sink, std::ostream& err);

}  // namespace jurigraph::import
