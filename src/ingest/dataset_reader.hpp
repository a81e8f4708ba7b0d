// Reads schema-valid dataset records into FileRecords and checks what the schema cannot: real
// calendar dates, exact amounts, source keys, ids unique within the file, claims about known
// properties, vocabulary declarations. A JSON file is read whole; a JSON Lines file one record
// at a time, by several readers whose records are then merged; both end with finish_records.
#pragma once

#include <rapidjson/document.h>

#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "base/diagnostic.hpp"
#include "ingest/dataset_file.hpp"
#include "ingest/dataset_records.hpp"
#include "ingest/json_file.hpp"

namespace jurigraph::ingest {

class SimdNode;

class RecordReader {
 public:
  // Diagnostics name records by `where`'s pointers (/decisions/3/date), with the indexes given.
  RecordReader(const DatasetFile& where, FileRecords& out, Diagnostics& diagnostics);
  ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  // Each record as RapidJSON or simdjson parsed it (json_nodes.hpp): the same reading of both.
  void read_source_table(const rapidjson::Value& sources);
  void read_source_table(const SimdNode& sources);
  // `first_index`: the index in /vocabulary/relation_types of the first type declared here.
  void read_vocabulary(const rapidjson::Value& vocabulary, uint32_t first_index);
  void read_vocabulary(const SimdNode& vocabulary, uint32_t first_index);
  void read_entity(const rapidjson::Value& entity, uint32_t index);
  void read_entity(const SimdNode& entity, uint32_t index);
  void read_decision(const rapidjson::Value& decision, uint32_t index);
  void read_decision(const SimdNode& decision, uint32_t index);
  void read_relation(const rapidjson::Value& relation, uint32_t index);
  void read_relation(const SimdNode& relation, uint32_t index);

  // False when any record read so far has an error.
  bool ok() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Once every record of a file is in `records`: resolves source keys, checks that ids and relation
// type declarations are unique in the file. Returns false (with diagnostics) on an error.
bool finish_records(const DatasetFile& where, FileRecords& records, Diagnostics& diagnostics);
// The same for a file whose records are kept in parts, in the file's order (a JSON Lines file
// read in runs): each part has its own tables, but for `sources`, which only the first part
// holds, and which every part's source lists index.
bool finish_records(const DatasetFile& where, std::span<FileRecords> parts,
                    Diagnostics& diagnostics);

// The nodes whose id an earlier node of the same file has, each with that earlier node, in the
// order of the records; finish_records reports them. Reads the nodes' ids only.
using DuplicateIds = std::vector<std::pair<const NodeSpec*, const NodeSpec*>>;  // (first, later)
DuplicateIds find_duplicate_ids(std::span<const FileRecords> parts);
// The same, the ids looked up in `ids` (empty, best made ready for the file's nodes by
// IdIndex::reset), which then holds the slot of every node (see FileIds).
DuplicateIds find_duplicate_ids(std::span<const FileRecords> parts, FileIds& ids);
// finish_records with the file's duplicate ids already found, by a reader that looked for them
// while doing something else (see jsonl_reader.cpp).
bool finish_records(const DatasetFile& where, std::span<FileRecords> parts,
                    const DuplicateIds& duplicates, Diagnostics& diagnostics);

// A whole JSON dataset document: its records in the order of the format, then finish_records.
// Returns false (with diagnostics) when the file has an error; `out` is then incomplete.
bool read_dataset(const JsonFile& file, FileRecords& out, Diagnostics& diagnostics);

}  // namespace jurigraph::ingest
