#include "export/cypher_script_writer.hpp"

#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "base/concat.hpp"
#include "export/property_tables.hpp"
#include "query/cypher/graph_view.hpp"
#include "query/cypher/value.hpp"

namespace jurigraph::exporter {
namespace cy = query::cypher;
namespace {

// Rows per UNWIND statement, each statement its own transaction: the batch size of Neo4j's
// ingestion guidance (https://neo4j.com/docs/data-ingestion-guide/ingestion-methods/unwind/,
// and CALL … IN TRANSACTIONS' default of 1000 rows).
constexpr std::size_t kBatchRows = 1000;

// The key relationships are merged on. MERGE on a pattern without one would fold parallel
// relationships of one type between the same nodes into one, and jurigraph keeps them distinct
// (Graph::freeze). Camel case: dataset property keys are snake_case (schema/dataset.schema.json),
// so it cannot collide with one.
constexpr std::string_view kParallelKey = "parallelIndex";

// The shortest text that reads back as `d`. openCypher's grammar has no '+' in an exponent
// (ExponentDecimalReal: E '-'? Digit+), and no literal for NaN or infinities: those are
// divisions, which cypher-shell sends to the server to evaluate.
void append_float(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "(0.0 / 0.0)";
    return;
  }
  if (std::isinf(d)) {
    out += d > 0 ? "(1.0 / 0.0)" : "(-1.0 / 0.0)";
    return;
  }
  std::string text = cy::format_float(d);
  if (const std::size_t plus = text.find("e+"); plus != std::string::npos)
    text.erase(plus + 1, 1);
  out += text;
}

// `v` as a Cypher literal. Dates are written as text and converted by date() in the statement:
// cypher-shell evaluates a :param value itself when it holds only literals, but sends it to the
// server when it calls a function, and a date() call per row would make every batch a round trip.
void append_literal(std::string& out, const cy::Value& v) {
  switch (v.type()) {
    case cy::ValueType::floating:
      append_float(out, v.as_float());
      return;
    case cy::ValueType::list: {
      out += '[';
      const cy::List& l = v.as_list();
      for (std::size_t k = 0; k < l.size(); ++k) {
        out += k ? ", " : "";
        append_literal(out, l[k]);
      }
      out += ']';
      return;
    }
    case cy::ValueType::map: {
      out += '{';
      const cy::Map& m = v.as_map();
      for (std::size_t k = 0; k < m.size(); ++k) {
        out += k ? ", " : "";
        out += cy::quoted_name(m[k].first) + ": ";
        append_literal(out, m[k].second);
      }
      out += '}';
      return;
    }
    case cy::ValueType::node:
    case cy::ValueType::relationship:
    case cy::ValueType::path:
      out += cy::quoted_string(cy::to_literal(v));
      return;
    default:
      out += cy::to_literal(v);  // null, true, 42, 'text', and a date as its text '2014-08-07'
      return;
  }
}

// The value of each column of `t` in the properties `m` (both sorted by key), from column
// `first` on, coerced to the column's type: a property has one type in every row, as in the
// Neo4j CSV export.
std::string props_literal(const cy::Map& m, const Table& t, std::size_t first) {
  std::string out = "{";
  bool any = false;
  for_each_column(m, t, first, [&](const cy::Value* v, const Column& c) {
    if (v == nullptr || v->is_null())
      return;
    out += any ? ", " : "";
    any = true;
    out += cy::quoted_name(c.key) + ": ";
    append_literal(out, coerce(*v, c.type));
  });
  return out + "}";
}

// `, v.k = date(row.props.k)` for each date column (lists element by element), after
// `SET v += row.props` has stored the text. date(null) is null, so a row without a date removes
// a stale one.
std::string date_conversions(const Table& t, std::size_t first, std::string_view var) {
  std::string out;
  for (std::size_t k = first; k < t.columns.size(); ++k) {
    const std::string key = cy::quoted_name(t.columns[k].key);
    if (t.columns[k].type == ColumnType::date)
      out += concat(", ", var, ".", key, " = date(row.props.", key, ")");
    else if (t.columns[k].type == ColumnType::date_list)
      out += concat(", ", var, ".", key, " = [x IN row.props.", key, " | date(x)]");
  }
  return out;
}

// Rows in batches: each batch is one `:param rows => [...]` line, then the statement reading
// $rows. cypher-shell reads a command such as :param as one line
// (https://github.com/neo4j/cypher-shell, ShellStatementParser), so a batch is one line. With
// parameters the statement's text is the same for every batch and the server plans it once; a
// literal list inlined in each statement would be a new query to parse and plan every time. No
// comment may precede a :param line: cypher-shell would take it for the start of a statement.
class Batches {
 public:
  Batches(std::ostream& out, std::string statement) : out_(out), statement_(std::move(statement)) {}
  Batches(const Batches&) = delete;
  Batches& operator=(const Batches&) = delete;

  void add(const std::string& row) {
    if (rows_ == kBatchRows)
      flush();
    text_ += rows_ ? ", " : ":param rows => [";
    text_ += row;
    ++rows_;
  }
  // Writes the last batch; returns the number of statements written.
  uint64_t finish() {
    flush();
    return statements_;
  }

 private:
  void flush() {
    if (rows_ == 0)
      return;
    text_ += "]\n";
    text_ += statement_;
    text_ += '\n';
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
    rows_ = 0;
    ++statements_;
  }

  std::ostream& out_;
  const std::string statement_;
  std::string text_;
  std::size_t rows_ = 0;
  uint64_t statements_ = 0;
};

class CypherScript {
 public:
  CypherScript(std::ostream& out, const graph::Graph& g)
      : out_(out), g_(g), view_(g), tables_(infer_tables(view_)) {}

  uint64_t write() {
    header();
    uint64_t statements = constraints();
    for (std::size_t l = 0; l < tables_.nodes.size(); ++l)
      statements += nodes(l);
    const std::vector<uint32_t> parallel = parallel_indexes();
    const auto groups = edges_by_ends();
    for (std::size_t t = 0; t < groups.size(); ++t) {
      for (const auto& [ends, edges] : groups[t])
        statements += relationships(t, ends.first, ends.second, edges, parallel);
    }
    return statements;
  }

 private:
  using Ends = std::pair<std::string, std::string>;  // start label, end label

  void header() {
    out_ << "// jurigraph export --format cypher: " << g_.node_count() << " nodes, "
         << g_.edge_count()
         << " relationships, for Neo4j 5.\n"
            "// Run: cypher-shell -a neo4j://HOST:7687 -u USER -d DATABASE -f THIS_FILE\n"
            "// Idempotent: nodes are merged on id, relationships on their ends, type and "
            "parallelIndex;\n// re-run it, or a later export's script, to update the database. "
            "Each UNWIND statement is one\n// transaction of at most "
         << kBatchRows << " rows, read from the $rows set by the :param line before it.\n";
  }

  uint64_t constraints() {
    std::vector<std::string> labels;
    for (const Table& t : tables_.nodes) {
      if (t.rows > 0)
        labels.push_back(t.name);
    }
    return write_id_constraints(out_, labels);
  }

  uint64_t nodes(std::size_t label) {
    const Table& t = tables_.nodes[label];
    if (t.rows == 0)
      return 0;
    Batches batches(out_, "UNWIND $rows AS row MERGE (n:" + cy::quoted_name(t.name) +
                              " {id: row.id}) SET n += row.props" + date_conversions(t, 1, "n") +
                              ";");
    for (const cy::NodeId n : view_.nodes_with_label(static_cast<cy::LabelId>(label))) {
      batches.add("{id: " + cy::quoted_string(g_.str(g_.node(n).id)) +
                  ", props: " + props_literal(view_.node_properties(n), t, 1) + "}");
    }
    return batches.finish();
  }

  // For each edge, its position among the edges of its type between the same two nodes. Edges
  // are sorted by (source, type, target), parallel ones side by side in input order.
  std::vector<uint32_t> parallel_indexes() const {
    std::vector<uint32_t> index(g_.edge_count(), 0);
    for (graph::EdgeId e = 1; e < g_.edge_count(); ++e) {
      const graph::EdgeRecord& a = g_.edge(e - 1);
      const graph::EdgeRecord& b = g_.edge(e);
      if (a.source == b.source && a.type == b.type && a.target == b.target)
        index[e] = index[e - 1] + 1;
    }
    return index;
  }

  // The edges of each type by (start label, end label), in edge order: one statement for
  // each, so that both MATCHes name a label and use its id constraint's index.
  std::vector<std::map<Ends, std::vector<graph::EdgeId>>> edges_by_ends() const {
    std::vector<std::map<Ends, std::vector<graph::EdgeId>>> groups(tables_.relationships.size());
    for (graph::EdgeId e = 0; e < g_.edge_count(); ++e) {
      const graph::EdgeRecord& r = g_.edge(e);
      groups[r.type][{std::string(graph::label_name(g_.node(r.source).label)),
                      std::string(graph::label_name(g_.node(r.target).label))}]
          .push_back(e);
    }
    return groups;
  }

  uint64_t relationships(std::size_t type, const std::string& from, const std::string& to,
                         const std::vector<graph::EdgeId>& edges,
                         const std::vector<uint32_t>& parallel) {
    const Table& t = tables_.relationships[type];
    const std::string key(kParallelKey);
    Batches batches(out_, "UNWIND $rows AS row MATCH (a:" + cy::quoted_name(from) +
                              " {id: row.startId}), (b:" + cy::quoted_name(to) +
                              " {id: row.endId}) MERGE (a)-[r:" + cy::quoted_name(t.name) + " {" +
                              key + ": row." + key + "}]->(b) SET r += row.props" +
                              date_conversions(t, 0, "r") + ";");
    for (const graph::EdgeId e : edges) {
      const graph::EdgeRecord& r = g_.edge(e);
      batches.add("{startId: " + cy::quoted_string(g_.str(g_.node(r.source).id)) +
                  ", endId: " + cy::quoted_string(g_.str(g_.node(r.target).id)) + ", " + key +
                  ": " + std::to_string(parallel[e]) +
                  ", props: " + props_literal(view_.rel_properties(e), t, 0) + "}");
    }
    return batches.finish();
  }

  std::ostream& out_;
  const graph::Graph& g_;
  const cy::GraphView view_;
  const PropertyTables tables_;
};

}  // namespace

uint64_t write_id_constraints(std::ostream& out, const std::vector<std::string>& labels) {
  // Unnamed: IF NOT EXISTS then skips only when a uniqueness constraint on the same label and
  // property exists, whereas a name would also be skipped when some other constraint holds it,
  // leaving MERGE without its index
  // (https://neo4j.com/docs/cypher-manual/current/constraints/syntax/).
  for (const std::string& label : labels) {
    out << "CREATE CONSTRAINT IF NOT EXISTS FOR (n:" << cy::quoted_name(label)
        << ") REQUIRE n.id IS UNIQUE;\n";
  }
  return labels.size();
}

uint64_t write_cypher_script(std::ostream& out, const graph::Graph& g) {
  return CypherScript(out, g).write();
}

}  // namespace jurigraph::exporter
