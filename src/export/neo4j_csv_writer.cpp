#include "export/neo4j_csv_writer.hpp"

#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/concat.hpp"
#include "base/diagnostic.hpp"
#include "export/chunked_output.hpp"
#include "export/csv_fields.hpp"
#include "export/cypher_script_writer.hpp"
#include "export/property_tables.hpp"
#include "query/cypher/graph_view.hpp"

namespace jurigraph::exporter {
namespace cy = query::cypher;
namespace {

// One ID space for all nodes. jurigraph's node ids are unique across the graph, which is what a
// single space means to the importer ("the ID has to be unique across all nodes within the
// group, regardless of their labels", header-format page). One space per label would gain
// nothing and cost files: Neo4j takes one ID space per START_ID/END_ID column header, so a type
// whose ends carry several labels (ISSUED_BY: Decision→Authority and Decision→Court) would need
// one file per (type, start label, end label). With one space, one file per type is correct.
constexpr std::string_view kIdSpace = "Node";

// Only these characters are tried as the array delimiter. Neo4j cannot escape a delimiter
// inside an element: "you must choose a single character delimiter that cannot exist within the
// array" (https://neo4j.com/developer/kb/properly-escaping-input-data-for-neo4j-import/). `;`,
// the default, unless an element holds it; then the first one no element holds, with its
// spelling for --array-delimiter (`\ID`: the character's decimal code, full-import page).
struct ArrayDelimiter {
  char c;
  std::string_view option;
};
constexpr std::array<ArrayDelimiter, 6> kArrayDelimiters = {{{';', "';'"},
                                                             {'|', "'|'"},
                                                             {'^', "'^'"},
                                                             {'~', "'~'"},
                                                             {'\x1f', "'\\31'"},
                                                             {'\x1e', "'\\30'"}}};

// Header types (https://neo4j.com/docs/operations-manual/current/import/header-format/,
// "Property data types"). `long` and `double`, not `int` and `float`: those name 32-bit types,
// which only --normalize-types (on by default) stores as 64-bit ones — and the page does not say
// whether a value is parsed before or after; 85000000.01 read as a 32-bit float loses its cents.
// `long` and `double` are exact whatever the options.
std::string_view scalar_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::boolean:
      return "boolean";
    case ColumnType::integer:
      return "long";
    case ColumnType::floating:
      return "double";
    case ColumnType::date:
      return "date";
    default:
      return "string";
  }
}

std::string header_type(ColumnType t) {
  if (is_list(t))
    return std::string(scalar_type_name(element_type(t))) + "[]";
  return std::string(scalar_type_name(t));
}

// The value type a column of type `t` holds once coerced (lists: their elements').
cy::ValueType value_type(ColumnType t) {
  switch (is_list(t) ? element_type(t) : t) {
    case ColumnType::boolean:
      return cy::ValueType::boolean;
    case ColumnType::integer:
      return cy::ValueType::integer;
    case ColumnType::floating:
      return cy::ValueType::floating;
    case ColumnType::date:
      return cy::ValueType::date;
    default:
      return cy::ValueType::string;
  }
}

// The characters of kArrayDelimiters that occur in the text elements of list columns.
class DelimiterScan {
 public:
  void add(const cy::Value& v, ColumnType t) {
    if (!is_list(t) || v.is_null())
      return;
    const cy::Value c = coerce(v, t);
    for (const cy::Value& x : c.as_list()) {
      if (x.type() != cy::ValueType::string)
        continue;  // numbers, booleans and dates hold none of the candidates
      for (std::size_t k = 0; k < kArrayDelimiters.size(); ++k) {
        if (x.as_string().find(kArrayDelimiters[k].c) != std::string::npos)
          used_[k] = true;
      }
    }
  }
  const ArrayDelimiter& choose() const {
    for (std::size_t k = 0; k < kArrayDelimiters.size(); ++k) {
      if (!used_[k])
        return kArrayDelimiters[k];
    }
    throw Error(Location("export"),
                "neo4j-csv: every array delimiter jurigraph can use (; | ^ ~ U+001F U+001E) "
                "occurs in a list value, and Neo4j cannot escape it",
                ErrorKind::invalid_data);
  }

 private:
  std::array<bool, kArrayDelimiters.size()> used_{};
};

bool has_list_column(const Table& t) {
  for (const Column& c : t.columns) {
    if (is_list(c.type))
      return true;
  }
  return false;
}

// Edge ids by relationship type, each list in edge order: (start id, type, end id).
std::vector<std::vector<graph::EdgeId>> edges_by_type(const graph::Graph& g) {
  std::vector<std::vector<graph::EdgeId>> by_type(g.relation_types().size());
  for (graph::EdgeId e = 0; e < g.edge_count(); ++e)
    by_type[g.edge_row(e).type].push_back(e);
  return by_type;
}

// A value that is not a list: text quoted (noting line breaks), anything else as its
// parser reads it. Values that are neither scalar nor list are written as their Cypher text.
void append_scalar(std::string& out, const cy::Value& v, bool& line_break) {
  if (csv::append_plain_value(out, v))
    return;
  const auto quoted = [&](std::string_view text) {
    line_break = line_break || csv::has_line_break(text);
    csv::append_quoted(out, text);
  };
  if (v.type() == cy::ValueType::string)
    quoted(v.as_string());
  else
    quoted(cy::to_literal(v));
}

// Rows of one CSV file, formatted straight into the ChunkedOutput's buffer.
class RowWriter {
 public:
  RowWriter(std::ostream& out, char array_delimiter) : out_(out), delimiter_(array_delimiter) {}
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;

  std::string& text() { return row_; }
  bool saw_line_break() const { return line_break_; }

  void text_field(std::string_view s) {
    line_break_ = line_break_ || csv::has_line_break(s);
    csv::append_quoted(row_, s);
  }
  void value(const cy::Value* v, ColumnType t) {
    if (v == nullptr || v->is_null())
      return;  // an empty field: no property
    if (is_list(t))
      list(coerce(*v, t), element_type(t) == ColumnType::string);
    else if (v->type() == value_type(t))
      append_scalar(row_, *v, line_break_);
    else
      append_scalar(row_, coerce(*v, t), line_break_);
  }
  void end_row() {
    row_ += '\n';
    out_.maybe_flush();
  }
  void flush() { out_.flush(); }

 private:
  // Elements joined by the array delimiter, which no text element holds (DelimiterScan). Nulls
  // are left out (a Neo4j array cannot hold one); an empty list is an empty field, since Neo4j
  // imports no empty arrays (header-format page). A text list is one quoted field.
  void list(const cy::Value& coerced, bool text) {
    std::string joined;
    bool first = true;
    for (const cy::Value& x : coerced.as_list()) {
      if (x.is_null())
        continue;
      if (!first)
        joined += delimiter_;
      first = false;
      if (text)
        joined += x.as_string();
      else
        append_scalar(joined, x, line_break_);
    }
    if (first)
      return;
    if (text)
      text_field(joined);
    else
      row_ += joined;
  }

  ChunkedOutput out_;
  char delimiter_;
  std::string& row_ = out_.buffer();
  bool line_break_ = false;
};

class Neo4jCsvExport {
 public:
  explicit Neo4jCsvExport(const graph::Graph& g)
      : g_(g), view_(g), tables_(infer_tables(view_)), edges_(edges_by_type(g)) {}

  void write(ExportFolder& folder) {
    delimiter_ = &scan_array_delimiter();
    for (std::size_t l = 0; l < tables_.nodes.size(); ++l) {
      if (tables_.nodes[l].rows == 0)
        continue;
      const std::string name = "nodes-" + tables_.nodes[l].name + ".csv";
      folder.file(name, [&](std::ostream& out) { return write_nodes(out, l); });
      node_files_.emplace_back(tables_.nodes[l].name, name);
    }
    for (std::size_t t = 0; t < tables_.relationships.size(); ++t) {
      if (tables_.relationships[t].rows == 0)
        continue;
      const std::string name = "relationships-" + tables_.relationships[t].name + ".csv";
      folder.file(name, [&](std::ostream& out) { return write_relationships(out, t); });
      relationship_files_.emplace_back(tables_.relationships[t].name, name);
    }
    folder.file("constraints.cypher", [&](std::ostream& out) { return write_constraints(out); });
    folder.file("import.sh", [&](std::ostream& out) { return write_import_script(out); });
    folder.make_executable("import.sh");
  }

 private:
  using FileList = std::vector<std::pair<std::string, std::string>>;  // (label or type, file)

  const ArrayDelimiter& scan_array_delimiter() const {
    DelimiterScan scan;
    for (std::size_t l = 0; l < tables_.nodes.size(); ++l) {
      if (!has_list_column(tables_.nodes[l]))
        continue;
      for (const cy::NodeId n : view_.nodes_with_label(static_cast<cy::LabelId>(l))) {
        for_each_column(view_.node_properties(n), tables_.nodes[l], 1,
                        [&](const cy::Value* v, const Column& c) {
                          if (v)
                            scan.add(*v, c.type);
                        });
      }
    }
    for (std::size_t t = 0; t < tables_.relationships.size(); ++t) {
      if (!has_list_column(tables_.relationships[t]))
        continue;
      for (const graph::EdgeId e : edges_[t]) {
        for_each_column(view_.rel_properties(e), tables_.relationships[t], 0,
                        [&](const cy::Value* v, const Column& c) {
                          if (v)
                            scan.add(*v, c.type);
                        });
      }
    }
    return scan.choose();
  }

  void header(RowWriter& w, const Table& t, std::size_t first, std::string_view fixed) const {
    std::string& row = w.text();
    row += fixed;
    for (std::size_t k = first; k < t.columns.size(); ++k) {
      row += ',';
      csv::append_field(row, t.columns[k].key + ":" + header_type(t.columns[k].type));
    }
    w.end_row();
  }

  uint64_t write_nodes(std::ostream& out, std::size_t label) {
    const Table& t = tables_.nodes[label];
    if (t.columns.empty() || t.columns[0].key != "id")
      throw Error(Location("export"), "neo4j-csv: the " + t.name + " table has no id column",
                  ErrorKind::invalid_data);
    RowWriter w(out, delimiter_->c);
    header(w, t, 1, "id:ID(" + std::string(kIdSpace) + "),:LABEL");
    uint64_t rows = 0;
    for (const cy::NodeId n : view_.nodes_with_label(static_cast<cy::LabelId>(label))) {
      w.text_field(g_.str(g_.node(n).id));
      w.text() += ',';
      w.text() += t.name;
      for_each_column(view_.node_properties(n), t, 1, [&](const cy::Value* v, const Column& c) {
        w.text() += ',';
        w.value(v, c.type);
      });
      w.end_row();
      ++rows;
    }
    w.flush();
    multiline_ = multiline_ || w.saw_line_break();
    return rows;
  }

  uint64_t write_relationships(std::ostream& out, std::size_t type) {
    const Table& t = tables_.relationships[type];
    RowWriter w(out, delimiter_->c);
    const std::string space(kIdSpace);
    header(w, t, 0, ":START_ID(" + space + "),:END_ID(" + space + "),:TYPE");
    for (const graph::EdgeId e : edges_[type]) {
      const graph::EdgeRecord& r = g_.edge(e);
      w.text_field(g_.str(g_.node(r.source).id));
      w.text() += ',';
      w.text_field(g_.str(g_.node(r.target).id));
      w.text() += ',';
      w.text() += t.name;
      for_each_column(view_.rel_properties(e), t, 0, [&](const cy::Value* v, const Column& c) {
        w.text() += ',';
        w.value(v, c.type);
      });
      w.end_row();
    }
    w.flush();
    multiline_ = multiline_ || w.saw_line_break();
    return edges_[type].size();
  }

  uint64_t write_constraints(std::ostream& out) const {
    out << "// Run once the imported database is up (cypher-shell -d DATABASE -f "
           "constraints.cypher):\n// neo4j-admin import creates no index, and MATCH or MERGE on "
           "id needs one.\n";
    std::vector<std::string> labels;
    for (const auto& [label, file] : node_files_)
      labels.push_back(label);
    return write_id_constraints(out, labels);
  }

  // The command line of the full-import page
  // (https://neo4j.com/docs/operations-manual/current/import/full-import/). The database comes
  // first: since Neo4j 5.19 a database name after the --nodes lists is read as one more file
  // (neo4j/docs-operations#1689). Files are named relative to this folder, and the script runs
  // from it: --nodes paths are regular expressions, and a folder's absolute path may hold
  // metacharacters; the file names themselves hold none but '.', which matches itself too.
  uint64_t write_import_script(std::ostream& out) const {
    std::vector<std::string> args = {
        "\"${NEO4J_ADMIN:-neo4j-admin}\" database import full "
        "\"$database\"",
        "--overwrite-destination", "--array-delimiter=" + std::string(delimiter_->option),
        "--legacy-style-quoting=false"};
    // Some text holds a line break, kept inside its quoted field: the importer must be told,
    // and reads more slowly for it (header-format page, "Importing data that spans multiple
    // lines"), so only then.
    if (multiline_)
      args.emplace_back("--multiline-fields=true");
    for (const auto& [label, file] : node_files_)
      args.push_back(concat("--nodes=", label, "=", file));
    for (const auto& [type, file] : relationship_files_)
      args.push_back(concat("--relationships=", type, "=", file));
    out << "#!/usr/bin/env bash\n"
           "# Imports this folder into a new or emptied Neo4j database (Neo4j 5 or later, the\n"
           "# database stopped): ./import.sh [DATABASE]   (default: neo4j). NEO4J_ADMIN names the\n"
           "# neo4j-admin to run (default: the one on PATH). Then, with the database started,\n"
           "# create it if it is new (CREATE DATABASE name) and run constraints.cypher.\n"
           "# Written by jurigraph export --format neo4j-csv for the files of this folder.\n"
           "set -euo pipefail\n"
           "database=${1:-neo4j}\n"
           "cd \"$(dirname \"$0\")\"\n";
    for (std::size_t k = 0; k < args.size(); ++k)
      out << (k ? "  " : "") << args[k] << (k + 1 < args.size() ? " \\\n" : "\n");
    return 0;
  }

  const graph::Graph& g_;
  const cy::GraphView view_;
  const PropertyTables tables_;
  const std::vector<std::vector<graph::EdgeId>> edges_;
  const ArrayDelimiter* delimiter_ = nullptr;
  bool multiline_ = false;
  FileList node_files_;
  FileList relationship_files_;
};

}  // namespace

void write_neo4j_csv(ExportFolder& folder, const graph::Graph& g) {
  Neo4jCsvExport(g).write(folder);
}

}  // namespace jurigraph::exporter
