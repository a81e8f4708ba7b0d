// The graph as tables, the way graph databases import it: one node table per label and one
// relationship table per type, each with the typed columns its rows carry. The properties are
// exactly those the Cypher engine sees (GraphView), so that a query answered by a database
// after import can match jurigraph's own answer column for column. Shared by the GraphML,
// Neo4j CSV, Cypher script and Kuzu exporters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/cypher/property_graph.hpp"

namespace jurigraph::exporter {

// A column's type: the one type that every value of the column fits. Integers and floats
// together are floats; any other mix is text. Lists are typed by their elements the same way.
enum class ColumnType : uint8_t {
  boolean,
  integer,
  floating,
  string,
  date,
  boolean_list,
  integer_list,
  float_list,
  string_list,
  date_list,
};

bool is_list(ColumnType t);
ColumnType element_type(ColumnType list);         // boolean_list → boolean, …
std::string_view column_type_name(ColumnType t);  // "boolean", "integer", "float_list", …

struct Column {
  std::string key;
  ColumnType type = ColumnType::string;
};

struct Table {
  std::string name;             // the label or the relationship type
  std::vector<Column> columns;  // nodes: `id` first, then by key; relationships: by key
  uint64_t rows = 0;
  // Relationship tables: the (source label, target label) pairs that occur, sorted.
  std::vector<std::pair<std::string, std::string>> endpoints;

  // The position of `key` in `columns`, or columns.size().
  std::size_t column(std::string_view key) const;
};

struct PropertyTables {
  std::vector<Table> nodes;          // by label id; tables without rows are kept, empty
  std::vector<Table> relationships;  // by type id
};

// One pass over every node and relationship. A node goes to the table of its first label
// (jurigraph's nodes have exactly one).
PropertyTables infer_tables(const query::cypher::PropertyGraph& g);

// The value of each column of `t` in the properties `m` (both sorted by key), from column
// `first` on: fn(value or nullptr, column). Node tables put `id` first, out of key order: the
// exporters write it apart and start at column 1.
template <typename Fn>
void for_each_column(const query::cypher::Map& m, const Table& t, std::size_t first, Fn&& fn) {
  std::size_t i = 0;
  for (std::size_t k = first; k < t.columns.size(); ++k) {
    const std::string& key = t.columns[k].key;
    while (i < m.size() && m[i].first < key)
      ++i;
    fn(i < m.size() && m[i].first == key ? &m[i].second : nullptr, t.columns[k]);
  }
}

// `v` as a value of column type `t`: integers widened to floats, anything else that does not
// fit written as text (its Cypher literal, or the string itself); null stays null.
query::cypher::Value coerce(const query::cypher::Value& v, ColumnType t);

}  // namespace jurigraph::exporter
