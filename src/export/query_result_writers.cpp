#include "export/query_result_writers.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include <algorithm>

#include "base/diagnostic.hpp"
#include "base/utf8.hpp"
#include "export/dot_export.hpp"
#include "export/graph_style.hpp"
#include "export/rdf_writers.hpp"

namespace jurigraph::exporter {
namespace {

using query::cypher::PropertyGraph;
using query::cypher::Value;
using query::cypher::ValueType;

std::string node_text(const PropertyGraph& g, query::cypher::NodeId n) {
  const Value id = g.node_property(n, "id");
  return id.type() == ValueType::string ? id.as_string() : "#" + std::to_string(n);
}

std::string rel_text(const PropertyGraph& g, query::cypher::RelId r) {
  const query::cypher::RelEnds e = g.ends(r);
  return "(" + node_text(g, e.source) + ")-[:" + g.type_names()[e.type] + "]->(" +
         node_text(g, e.target) + ")";
}

std::string inner_literal(const PropertyGraph& g, const Value& v);

std::string path_text(const PropertyGraph& g, const query::cypher::Path& p) {
  std::string s = "(" + node_text(g, p.nodes[0]) + ")";
  for (std::size_t i = 0; i < p.rels.size(); ++i) {
    const query::cypher::RelEnds e = g.ends(p.rels[i]);
    const bool forward = e.source == p.nodes[i];
    s += std::string(forward ? "-" : "<-") + "[:" + g.type_names()[e.type] + "]" +
         (forward ? "->" : "-") + "(" + node_text(g, p.nodes[i + 1]) + ")";
  }
  return s;
}

// Inside lists and maps strings are quoted, so that ['a, b'] and ['a', 'b'] differ.
std::string inner_literal(const PropertyGraph& g, const Value& v) {
  switch (v.type()) {
    case ValueType::list: {
      std::string s = "[";
      for (const Value& x : v.as_list())
        s += (s.size() > 1 ? ", " : "") + inner_literal(g, x);
      return s + "]";
    }
    case ValueType::map: {
      std::string s = "{";
      for (const auto& [k, x] : v.as_map())
        s += (s.size() > 1 ? ", " : "") + k + ": " + inner_literal(g, x);
      return s + "}";
    }
    case ValueType::node:
    case ValueType::relationship:
    case ValueType::path:
      return cell_text(g, v);
    default:
      return query::cypher::to_literal(v);
  }
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

class CsvWriter final : public ResultWriter {
 public:
  CsvWriter(std::ostream& out, const PropertyGraph& g) : out_(out), g_(g) {}
  void begin(const std::vector<std::string>& columns) override {
    for (std::size_t i = 0; i < columns.size(); ++i)
      out_ << (i ? "," : "") << csv_field(columns[i]);
    out_ << "\r\n";
  }
  void row(std::span<const Value> values) override {
    for (std::size_t i = 0; i < values.size(); ++i)
      out_ << (i ? "," : "") << csv_field(cell_text(g_, values[i]));
    out_ << "\r\n";
  }
  void end() override {}

 private:
  std::ostream& out_;
  const PropertyGraph& g_;
};

class TableWriter final : public ResultWriter {
 public:
  TableWriter(std::ostream& out, const PropertyGraph& g) : out_(out), g_(g) {}
  void begin(const std::vector<std::string>& columns) override {
    columns_ = columns;
    widths_.clear();
    for (const std::string& c : columns)
      widths_.push_back(utf8::count_code_points(c));
  }
  void row(std::span<const Value> values) override {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < values.size(); ++i) {
      cells.push_back(values[i].is_null() ? "null" : cell_text(g_, values[i]));
      std::replace(cells.back().begin(), cells.back().end(), '\n', ' ');
      widths_[i] = std::max(widths_[i], utf8::count_code_points(cells.back()));
    }
    rows_.push_back(std::move(cells));
  }
  void end() override {
    line(columns_);
    std::string rule;
    for (std::size_t i = 0; i < widths_.size(); ++i)
      rule += (i ? "-+-" : "") + std::string(widths_[i], '-');
    out_ << rule << '\n';
    for (const auto& r : rows_)
      line(r);
    out_ << "(" << rows_.size() << (rows_.size() == 1 ? " row" : " rows") << ")\n";
  }

 private:
  void line(const std::vector<std::string>& cells) {
    std::string s;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      s += (i ? " | " : "") + cells[i];
      if (i + 1 < cells.size())
        s += std::string(widths_[i] - utf8::count_code_points(cells[i]), ' ');
    }
    out_ << s << '\n';
  }

  std::ostream& out_;
  const PropertyGraph& g_;
  std::vector<std::string> columns_;
  std::vector<std::size_t> widths_;
  std::vector<std::vector<std::string>> rows_;
};

class JsonRowsWriter final : public ResultWriter {
 public:
  JsonRowsWriter(std::ostream& out, const PropertyGraph& g) : os_(out), w_(os_), g_(g) {}
  void begin(const std::vector<std::string>& columns) override {
    w_.StartObject();
    w_.Key("columns");
    w_.StartArray();
    for (const std::string& c : columns)
      string(c);
    w_.EndArray();
    w_.Key("rows");
    w_.StartArray();
  }
  void row(std::span<const Value> values) override {
    w_.StartArray();
    for (const Value& v : values)
      value(v);
    w_.EndArray();
  }
  void end() override {
    w_.EndArray();
    w_.EndObject();
    os_.Flush();
  }

 private:
  void string(std::string_view s) {
    w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  }
  void node(query::cypher::NodeId n) {
    w_.StartObject();
    w_.Key("labels");
    w_.StartArray();
    std::vector<query::cypher::LabelId> labels;
    g_.labels(n, labels);
    for (auto l : labels)
      string(g_.label_names()[l]);
    w_.EndArray();
    w_.Key("properties");
    value(Value(g_.node_properties(n)));
    w_.EndObject();
  }
  void rel(query::cypher::RelId r) {
    const query::cypher::RelEnds e = g_.ends(r);
    w_.StartObject();
    w_.Key("type");
    string(g_.type_names()[e.type]);
    w_.Key("from");
    string(node_text(g_, e.source));
    w_.Key("to");
    string(node_text(g_, e.target));
    w_.Key("properties");
    value(Value(g_.rel_properties(r)));
    w_.EndObject();
  }
  void value(const Value& v) {
    switch (v.type()) {
      case ValueType::null:
        w_.Null();
        break;
      case ValueType::boolean:
        w_.Bool(v.as_bool());
        break;
      case ValueType::integer:
        w_.Int64(v.as_int());
        break;
      case ValueType::floating:
        w_.Double(v.as_float());
        break;
      case ValueType::string:
        string(v.as_string());
        break;
      case ValueType::date:
        string(cell_text(g_, v));
        break;
      case ValueType::list:
        w_.StartArray();
        for (const Value& x : v.as_list())
          value(x);
        w_.EndArray();
        break;
      case ValueType::map:
        w_.StartObject();
        for (const auto& [k, x] : v.as_map()) {
          w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
          value(x);
        }
        w_.EndObject();
        break;
      case ValueType::node:
        node(v.as_node().id);
        break;
      case ValueType::relationship:
        rel(v.as_rel().id);
        break;
      case ValueType::path:
        w_.StartObject();
        w_.Key("nodes");
        w_.StartArray();
        for (auto n : v.as_path().nodes)
          node(n);
        w_.EndArray();
        w_.Key("relationships");
        w_.StartArray();
        for (auto r : v.as_path().rels)
          rel(r);
        w_.EndArray();
        w_.EndObject();
        break;
    }
  }

  rapidjson::OStreamWrapper os_;
  rapidjson::Writer<rapidjson::OStreamWrapper> w_;
  const PropertyGraph& g_;
};

// Collects the nodes and relationships the rows name, then hands the subgraph to an exporter.
class SubgraphWriter final : public ResultWriter {
 public:
  SubgraphWriter(std::ostream& out, const graph::Graph& g, bool dot, RdfOptions rdf)
      : out_(out), g_(g), dot_(dot), rdf_(std::move(rdf)) {}
  void begin(const std::vector<std::string>&) override {}
  void row(std::span<const Value> values) override {
    for (const Value& v : values)
      collect(v);
  }
  void end() override {
    // A relationship brings its two ends, so that no edge is drawn or exported dangling.
    for (graph::EdgeId e : edges_) {
      nodes_.push_back(g_.edge_row(e).source);
      nodes_.push_back(g_.edge_row(e).target);
    }
    if (dot_) {
      out_ << build_dot(g_, nodes_, edges_, default_style())->write();
      return;
    }
    std::vector<bool> node_set(g_.node_count(), false), edge_set(g_.edge_count(), false);
    for (graph::VertexId n : nodes_)
      node_set[n] = true;
    for (graph::EdgeId e : edges_)
      edge_set[e] = true;
    RdfOptions subset = rdf_;
    subset.node_subset = &node_set;
    subset.edge_subset = &edge_set;
    write_jsonld(out_, g_, subset);
  }

 private:
  void collect(const Value& v) {
    switch (v.type()) {
      case ValueType::node:
        nodes_.push_back(v.as_node().id);
        break;
      case ValueType::relationship:
        edges_.push_back(v.as_rel().id);
        break;
      case ValueType::path:
        nodes_.insert(nodes_.end(), v.as_path().nodes.begin(), v.as_path().nodes.end());
        edges_.insert(edges_.end(), v.as_path().rels.begin(), v.as_path().rels.end());
        break;
      case ValueType::list:
        for (const Value& x : v.as_list())
          collect(x);
        break;
      case ValueType::map:
        for (const auto& [k, x] : v.as_map())
          collect(x);
        break;
      default:
        break;
    }
  }

  std::ostream& out_;
  const graph::Graph& g_;
  bool dot_;
  RdfOptions rdf_;
  std::vector<graph::VertexId> nodes_;
  std::vector<graph::EdgeId> edges_;
};

}  // namespace

std::string cell_text(const PropertyGraph& g, const Value& v) {
  switch (v.type()) {
    case ValueType::null:
      return {};
    case ValueType::string:
      return v.as_string();
    case ValueType::date: {
      std::string s = query::cypher::to_literal(v);
      return s.substr(1, s.size() - 2);
    }
    case ValueType::node:
      return node_text(g, v.as_node().id);
    case ValueType::relationship:
      return rel_text(g, v.as_rel().id);
    case ValueType::path:
      return path_text(g, v.as_path());
    case ValueType::list:
    case ValueType::map:
      return inner_literal(g, v);
    default:
      return query::cypher::to_literal(v);
  }
}

std::unique_ptr<ResultWriter> make_result_writer(std::string_view format, std::ostream& out,
                                                 const PropertyGraph& g,
                                                 const graph::Graph* jurigraph,
                                                 const RdfOptions& rdf) {
  if (format == "table")
    return std::make_unique<TableWriter>(out, g);
  if (format == "csv")
    return std::make_unique<CsvWriter>(out, g);
  if (format == "json")
    return std::make_unique<JsonRowsWriter>(out, g);
  if ((format == "dot" || format == "jsonld") && jurigraph != nullptr)
    return std::make_unique<SubgraphWriter>(out, *jurigraph, format == "dot", rdf);
  throw Error(Location("--format"),
              "\"" + std::string(format) +
                  "\" is not a result format here: use table, csv or json" +
                  (jurigraph ? ", dot or jsonld" : ""),
              ErrorKind::usage);
}

}  // namespace jurigraph::exporter
