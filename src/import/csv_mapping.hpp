// The mapping of a spreadsheet's columns to the data model (schema/csv-mapping.md), read from
// its JSON file and checked against schema/csv-mapping.schema.json (compiled in).
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.hpp"
#include "import/cell_formats.hpp"
#include "import/csv_reader.hpp"
#include "import/dataset_document.hpp"

namespace jurigraph::import {

// A column named by the mapping, with where the mapping names it (for "unknown column").
struct ColumnRef {
  std::string name;
  Location where;  // in the mapping file
};

// Where a field's value comes from. A template's {Column} parts are column references too.
struct ValueSpec {
  enum class Kind { none, column, constant, templates };
  Kind kind = Kind::none;
  ColumnRef column;
  std::string constant;
  struct Template {
    std::string text;
    std::vector<ColumnRef> columns;  // in order of appearance
  };
  std::vector<Template> templates;
  std::vector<std::pair<std::string, std::string>> values;  // cell → value; empty: none
  std::string pointer;  // the spec's place in the mapping, for "add it to …/values"
  bool present() const { return kind != Kind::none; }
};

struct EntityRefSpec {
  std::string id;  // a constant id, or empty
  ColumnRef column;
  std::string separator;                                 // empty: one value a cell
  std::vector<std::pair<std::string, std::string>> ids;  // cell → id
  std::string label, prefix;                             // for entities made from names
  std::string pointer;
  bool present() const { return !id.empty() || !column.name.empty(); }
};

struct CitePattern {
  std::regex match;
  std::string id, name;  // with {1}, {2}… for the groups
};

struct CitesSpec {
  ColumnRef column;  // empty name: no cites
  std::string separator;
  std::string role = "infringed";
  std::vector<std::pair<std::string, std::string>> table;
  std::vector<CitePattern> patterns;
  std::string pointer;
};

struct CsvMapping {
  std::string path;
  CsvDialect dialect;
  bool decode_html_entities = false;
  DatasetInfo info;
  std::optional<SourceRecord> file_source;
  ValueSpec row_source_url, row_source_title;
  std::string row_source_publisher, row_source_kind;
  std::vector<EntityRecord> entities;  // written as they are, with the file source

  ValueSpec id, kind, name, number, currency, summary;
  EntityRefSpec issued_by, against;
  ColumnRef date_column;
  std::string date_format;
  ColumnRef amount_column;
  AmountFormat amount_format;
  std::vector<std::pair<std::string, ValueSpec>> identifiers, properties;
  CitesSpec cites;

  // Every column the mapping names, in the mapping's order, for checking them against a header.
  std::vector<const ColumnRef*> columns() const;
};

// Reads and checks the mapping at `path`. Its problems (malformed JSON, the mapping schema, an
// invalid regular expression, entities without a file_source) are added to `diagnostics` at
// file:line:col with their JSON pointer; nullopt then.
std::optional<CsvMapping> read_mapping(const std::string& path, Diagnostics& diagnostics);
// The same from text in memory (tests).
std::optional<CsvMapping> parse_mapping(const std::string& path, std::string text,
                                        Diagnostics& diagnostics);

}  // namespace jurigraph::import
