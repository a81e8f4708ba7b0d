// Validation of a parsed dataset file, or of one JSON Lines record, against the dataset JSON
// Schema (draft 7, valijson).
#pragma once

#include <memory>

#include "base/diagnostic.hpp"
#include "ingest/json_file.hpp"

namespace jurigraph::ingest {

class SchemaCheck {
 public:
  // Parses the embedded schema once; reuse one SchemaCheck for every file of a load.
  SchemaCheck();
  ~SchemaCheck();
  SchemaCheck(const SchemaCheck&) = delete;
  SchemaCheck& operator=(const SchemaCheck&) = delete;

  // Adds one diagnostic per violation (at most `max_errors`), each with the JSON pointer of the
  // offending value and its line and column. Returns true when the file conforms. A file the
  // fast verdict (jsonl_fast_check) finds valid is not given to valijson.
  bool check(const JsonFile& file, Diagnostics& diagnostics, std::size_t max_errors = 50) const;
  // One JSON Lines record (the object a line holds) against the line schema: the dataset
  // schema's own subschema for the record's kind. Pointers are those of the line (/decision/date),
  // which `where` turns into line:col.
  bool check_line(const rapidjson::Value& line, const DatasetFile& where, Diagnostics& diagnostics,
                  std::size_t max_errors = 50) const;
  // The line schema itself, for the fast verdict (jsonl_fast_check) and tests.
  const rapidjson::Document& line_schema_document() const;
  // The dataset schema, whose fast verdict check() asks first; for tests.
  const rapidjson::Document& schema_document() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Another JSON Schema (draft 7) checked with the same messages and positions as the dataset
// schema: the import mappings' schema (schema/csv-mapping.schema.json).
class JsonSchemaCheck {
 public:
  // `schema_text` must be a valid schema (it is compiled into the binary).
  explicit JsonSchemaCheck(std::string_view schema_text);
  ~JsonSchemaCheck();
  JsonSchemaCheck(const JsonSchemaCheck&) = delete;
  JsonSchemaCheck& operator=(const JsonSchemaCheck&) = delete;
  bool check(const JsonFile& file, Diagnostics& diagnostics, std::size_t max_errors = 50) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jurigraph::ingest
