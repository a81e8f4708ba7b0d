#include "export/kuzu_writer.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/concat.hpp"
#include "base/diagnostic.hpp"
#include "export/chunked_output.hpp"
#include "export/csv_fields.hpp"
#include "export/property_tables.hpp"
#include "query/cypher/graph_view.hpp"

namespace jurigraph::exporter {
namespace {

namespace cy = query::cypher;

// RFC 4180 quoting: a quote inside a quoted field is doubled. Kuzu's default ESCAPE is a
// backslash, so the COPY says that the escape is the quote itself; with it a backslash is an
// ordinary character. https://docs.kuzudb.com/import/csv (CSV configurations)
constexpr std::string_view kCsvOptions = "header=true, delim=',', quote='\"', escape='\"'";

// `name` between backticks, as Kuzu's DDL and COPY take a table or property name. Kuzu keeps
// what is inside the backticks as it is (no doubling), so a backtick cannot be carried;
// jurigraph's labels, types ([A-Z][A-Z0-9_]*) and property keys ([a-z][a-z0-9_]*) have none.
std::string quoted_name(std::string_view name) {
  if (name.empty() || name.find('`') != std::string_view::npos)
    throw Error(Location("export --format kuzu"),
                "\"" + std::string(name) + "\" cannot be a Kuzu table or property name");
  return "`" + std::string(name) + "`";
}

// Kuzu's types: https://docs.kuzudb.com/cypher/data-types (a list is its element type then []).
std::string kuzu_type(ColumnType t) {
  switch (is_list(t) ? element_type(t) : t) {
    case ColumnType::boolean:
      return is_list(t) ? "BOOLEAN[]" : "BOOLEAN";
    case ColumnType::integer:
      return is_list(t) ? "INT64[]" : "INT64";
    case ColumnType::floating:
      return is_list(t) ? "DOUBLE[]" : "DOUBLE";
    case ColumnType::date:
      return is_list(t) ? "DATE[]" : "DATE";
    default:
      return is_list(t) ? "STRING[]" : "STRING";
  }
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// A scalar as Kuzu's CSV reader parses it back: ISO dates, true/false, numbers without loss,
// text as it is (put_value quotes it where the CSV needs it).
void append_scalar(std::string& out, const cy::Value& v) {
  if (csv::append_plain_value(out, v))
    return;
  // Otherwise text; anything else is not met: coerce() leaves only scalars of the column's type.
  out += v.type() == cy::ValueType::string ? v.as_string() : cy::to_literal(v);
}

std::string scalar_text(const cy::Value& v) {
  std::string s;
  append_scalar(s, v);
  return s;
}

// Whether Kuzu's CSV list syntax carries this element unchanged. Kuzu 0.11.3 splits a list on
// every comma outside brackets and braces, keeps the quotes of a quoted element as part of it,
// trims white space and reads an empty element as null, and has no escape for any of it
// (kuzu-source src/function/cast_from_string_functions.cpp, splitCStringList; the list syntax
// is `[a,b,c]`: https://docs.kuzudb.com/import/csv, LIST_BEGIN/LIST_END).
bool list_safe(const cy::Value& element) {
  if (element.is_null())
    return false;
  if (element.type() != cy::ValueType::string)
    return true;
  const std::string& s = element.as_string();
  return !s.empty() && s.find_first_of(",[]{}") == std::string::npos && s.front() != '"' &&
         s.front() != '\'' && !is_space(s.front()) && !is_space(s.back());
}

// `s` as a Kuzu string literal. Kuzu 0.11.3 reads \\ and \' and drops the backslash of any
// other escape (\n is read as n), so everything else goes in as it is, line breaks included
// (kuzu-source src/antlr4/Cypher.g4 StringLiteral, StringUtils::removeEscapedCharacters).
std::string kuzu_string_literal(std::string_view s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\\' || c == '\'')
      out += '\\';
    out += c;
  }
  return out + "'";
}

std::string kuzu_literal(const cy::Value& v) {
  switch (v.type()) {
    case cy::ValueType::null:
      return "NULL";
    case cy::ValueType::string:
      return kuzu_string_literal(v.as_string());
    case cy::ValueType::date:
      return "date('" + scalar_text(v) + "')";
    case cy::ValueType::floating:
      // A literal without a point would be an INT64; the cast keeps every double as it is.
      return "CAST('" + scalar_text(v) + "' AS DOUBLE)";
    case cy::ValueType::list: {
      std::string out = "[";
      for (const cy::Value& x : v.as_list())
        out += (out.size() > 1 ? ", " : "") + kuzu_literal(x);
      return out + "]";
    }
    default:
      return scalar_text(v);
  }
}

// A list value that Kuzu's CSV list syntax cannot carry: the row gets null in the CSV, and
// load.cypher sets the list after the COPYs.
struct ListFix {
  std::string table;
  std::string id;
  std::string column;
  std::string literal;
};

// One relationship file: the relationships of one type between two labels.
struct RelFile {
  std::size_t table = 0;  // in PropertyTables::relationships
  std::string from, to;   // labels
  std::string name;       // file name
  std::vector<cy::RelId> rels;
  bool line_breaks = false;
};

struct NodeFile {
  std::size_t table = 0;  // in PropertyTables::nodes
  std::string name;
  bool line_breaks = false;
};

// A column name not among the property keys: the FROM and TO columns of a relationship file
// are named `from` and `to` unless a property already is (Kuzu refuses a header that names a
// column twice).
std::string unused_name(std::string name, const std::vector<Column>& columns) {
  const auto taken = [&](const std::string& n) {
    return std::any_of(columns.begin(), columns.end(), [&](const Column& c) { return c.key == n; });
  };
  while (taken(name))
    name.insert(0, "_");
  return name;
}

class KuzuWriter {
 public:
  KuzuWriter(ExportFolder& folder, const graph::Graph& g)
      : folder_(folder), g_(g), view_(g), tables_(infer_tables(view_)) {}

  void write() {
    plan_files();
    folder_.file("schema.cypher", [&](std::ostream& out) { return write_ddl(out); });
    for (NodeFile& f : node_files_)
      folder_.file(f.name, [&](std::ostream& out) { return write_nodes(out, f); });
    for (RelFile& f : rel_files_)
      folder_.file(f.name, [&](std::ostream& out) { return write_rels(out, f); });
    folder_.file("load.cypher", [&](std::ostream& out) { return write_load(out); });
  }

 private:
  cy::LabelId label_of(cy::NodeId n) {
    scratch_.clear();
    view_.labels(n, scratch_);
    return *std::min_element(scratch_.begin(), scratch_.end());
  }

  // The files, and each relationship put in its file in one pass: [type][from][to] → file.
  void plan_files() {
    for (std::size_t l = 0; l < tables_.nodes.size(); ++l) {
      if (tables_.nodes[l].rows > 0)
        node_files_.push_back({l, tables_.nodes[l].name + ".csv", false});
    }
    const std::size_t labels = view_.label_names().size();
    std::vector<int64_t> file_of(tables_.relationships.size() * labels * labels, -1);
    for (std::size_t t = 0; t < tables_.relationships.size(); ++t) {
      for (const auto& [from, to] : tables_.relationships[t].endpoints) {
        const std::size_t slot =
            (t * labels + *view_.find_label(from)) * labels + *view_.find_label(to);
        file_of[slot] = static_cast<int64_t>(rel_files_.size());
        rel_files_.push_back({t,
                              from,
                              to,
                              concat(tables_.relationships[t].name, ".", from, ".", to, ".csv"),
                              {},
                              false});
      }
    }
    for (cy::RelId r = 0; r < view_.relationship_count(); ++r) {
      const cy::RelEnds e = view_.ends(r);
      const std::size_t slot = (e.type * labels + label_of(e.source)) * labels + label_of(e.target);
      rel_files_[static_cast<std::size_t>(file_of[slot])].rels.push_back(r);
    }
  }

  static std::string columns_ddl(const std::vector<Column>& columns) {
    std::string s;
    for (const Column& c : columns)
      s += ", " + quoted_name(c.key) + " " + kuzu_type(c.type);
    return s;
  }

  // Kuzu needs a primary key, and jurigraph's is the id:
  // https://docs.kuzudb.com/cypher/data-definition/create-table
  std::string node_table_ddl(const Table& t) const {
    std::string s = "CREATE NODE TABLE " + quoted_name(t.name) + "(";
    const std::string columns = columns_ddl(t.columns);
    return s + columns.substr(2) + ", PRIMARY KEY (" + quoted_name("id") + "));";
  }

  // One FROM/TO pair per pair of labels that occurs (a REL table may have several).
  std::string rel_table_ddl(const Table& t) const {
    std::string pairs;
    for (const auto& [from, to] : t.endpoints)
      pairs +=
          (pairs.empty() ? "" : ", ") + ("FROM " + quoted_name(from) + " TO " + quoted_name(to));
    return "CREATE REL TABLE " + quoted_name(t.name) + "(" + pairs + columns_ddl(t.columns) + ");";
  }

  uint64_t write_ddl(std::ostream& out) const {
    uint64_t statements = 0;
    for (const NodeFile& f : node_files_) {
      out << node_table_ddl(tables_.nodes[f.table]) << '\n';
      ++statements;
    }
    for (const Table& t : tables_.relationships) {
      if (t.endpoints.empty())
        continue;  // a declared type no relationship uses: Kuzu needs a FROM/TO pair
      out << rel_table_ddl(t) << '\n';
      ++statements;
    }
    return statements;
  }

  static void header(std::string& line, const std::vector<std::string>& names) {
    line.clear();
    for (std::size_t k = 0; k < names.size(); ++k) {
      if (k)
        line += ',';
      csv::append_field(line, names[k]);
    }
    line += '\n';
  }

  // Appends the field of `raw`, coerced to column `c`'s type; a list the CSV cannot carry
  // becomes null there and a ListFix for the node `id` (relationships have no key a SET could
  // find them by, and jurigraph's relationship properties are scalars).
  void put_value(std::string& line, const cy::Value& raw, const Column& c, const Table& t,
                 std::string_view id) {
    const cy::Value v = coerce(raw, c.type);
    if (v.is_null())
      return;
    if (!is_list(c.type)) {
      if (v.type() == cy::ValueType::string)
        csv::append_field(line, v.as_string());
      else
        append_scalar(line, v);  // numbers, dates, booleans: never a character to quote
      return;
    }
    const cy::List& list = v.as_list();
    if (!std::all_of(list.begin(), list.end(), list_safe)) {
      if (id.empty())
        throw Error(Location("export --format kuzu"),
                    t.name + "." + c.key + ": a list Kuzu's CSV lists cannot carry");
      fixes_.push_back({t.name, std::string(id), c.key, kuzu_literal(v)});
      return;
    }
    std::string text = "[";
    for (std::size_t k = 0; k < list.size(); ++k)
      text += (k ? "," : "") + scalar_text(list[k]);
    csv::append_field(line, text + "]");
  }

  // The fields of every column, each after a comma when `after_comma` (relationship rows,
  // which start with the FROM and TO keys); value_of(key) gives a column's value. One look-up
  // per column: no map of every property is built per row (there are millions of rows).
  template <typename ValueOf>
  void put_properties(std::string& line, const Table& t, std::string_view id, bool after_comma,
                      ValueOf&& value_of) {
    const std::vector<Column>& columns = t.columns;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (k > 0 || after_comma)
        line += ',';
      const cy::Value v = value_of(columns[k].key);
      if (!v.is_null())
        put_value(line, v, columns[k], t, id);
    }
  }

  uint64_t write_nodes(std::ostream& stream, NodeFile& f) {
    const Table& t = tables_.nodes[f.table];
    std::vector<std::string> names;
    for (const Column& c : t.columns)
      names.push_back(c.key);
    ChunkedOutput out(stream);
    std::string& text = out.buffer();
    header(text, names);
    uint64_t rows = 0;
    for (const cy::NodeId n : view_.nodes_with_label(static_cast<cy::LabelId>(f.table))) {
      const std::size_t start = text.size();
      put_properties(text, t, g_.str(g_.node(n).id), false,
                     [&](std::string_view key) { return view_.node_property(n, key); });
      f.line_breaks = f.line_breaks || csv::has_line_break(std::string_view(text).substr(start));
      text += '\n';
      out.maybe_flush();
      ++rows;
    }
    out.flush();
    return rows;
  }

  uint64_t write_rels(std::ostream& stream, RelFile& f) {
    const Table& t = tables_.relationships[f.table];
    std::vector<std::string> names{unused_name("from", t.columns), unused_name("to", t.columns)};
    for (const Column& c : t.columns)
      names.push_back(c.key);
    ChunkedOutput out(stream);
    std::string& text = out.buffer();
    header(text, names);
    for (const cy::RelId r : f.rels) {
      const cy::RelEnds e = view_.ends(r);
      const std::size_t start = text.size();
      csv::append_field(text, g_.str(g_.node(e.source).id));
      text += ',';
      csv::append_field(text, g_.str(g_.node(e.target).id));
      put_properties(text, t, {}, true,
                     [&](std::string_view key) { return view_.rel_property(r, key); });
      f.line_breaks = f.line_breaks || csv::has_line_break(std::string_view(text).substr(start));
      text += '\n';
      out.maybe_flush();
    }
    out.flush();
    return f.rels.size();
  }

  // Kuzu's parallel CSV reader refuses quoted line breaks ("Quoted newlines are not supported
  // in parallel CSV reader"): only the files that hold one are read with PARALLEL=false.
  static std::string copy_options(bool line_breaks) {
    return std::string(kCsvOptions) + (line_breaks ? ", parallel=false" : "");
  }

  uint64_t write_load(std::ostream& out) const {
    out << "// jurigraph's graph for Kuzu: the tables, the COPYs (nodes before relationships, one\n"
           "// file per FROM/TO pair), then the lists Kuzu's CSV list syntax cannot carry.\n"
           "// File paths are relative to this folder: run it from here, into an empty database,\n"
           "// e.g. with Kuzu's Node.js API: conn.query(fs.readFileSync('load.cypher', 'utf8')).\n";
    uint64_t statements = write_ddl(out);
    for (const NodeFile& f : node_files_) {
      out << "COPY " << quoted_name(tables_.nodes[f.table].name) << " FROM '" << f.name << "' ("
          << copy_options(f.line_breaks) << ");\n";
      ++statements;
    }
    // A table with several FROM/TO pairs is loaded one pair at a time, the pair named:
    // https://docs.kuzudb.com/cypher/data-definition/create-table ("Bulk insert to relationship
    // table with multiple from-to pairs")
    for (const RelFile& f : rel_files_) {
      out << "COPY " << quoted_name(tables_.relationships[f.table].name) << " FROM '" << f.name
          << "' (from='" << f.from << "', to='" << f.to << "', " << copy_options(f.line_breaks)
          << ");\n";
      ++statements;
    }
    for (const ListFix& x : fixes_) {
      out << "MATCH (n:" << quoted_name(x.table) << ") WHERE n.`id` = " << kuzu_string_literal(x.id)
          << " SET n." << quoted_name(x.column) << " = " << x.literal << ";\n";
      ++statements;
    }
    return statements;
  }

  ExportFolder& folder_;
  const graph::Graph& g_;
  cy::GraphView view_;
  PropertyTables tables_;
  std::vector<NodeFile> node_files_;
  std::vector<RelFile> rel_files_;
  std::vector<ListFix> fixes_;
  std::vector<cy::LabelId> scratch_;
};

}  // namespace

void write_kuzu(ExportFolder& folder, const graph::Graph& g) {
  KuzuWriter(folder, g).write();
}

}  // namespace jurigraph::exporter
