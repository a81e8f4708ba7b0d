#include "export/path_report.hpp"

#include <algorithm>
#include <vector>

#include "base/calendar.hpp"
#include "export/dot_export.hpp"
#include "export/json_writer.hpp"
#include "export/node_report.hpp"

namespace jurigraph::exporter {
namespace {

using graph::Graph;

// "—TYPE→" when the hop follows the edge as stored, "←TYPE—" when it goes against it.
std::string arrow(const Graph& g, const query::Hop& h) {
  const std::string& type = g.relation_type(g.edge_row(h.edge).type).name;
  return h.forward ? "—" + type + "→" : "←" + type + "—";
}

std::string short_node(const Graph& g, graph::VertexId v) {
  const graph::NodeRecord& n = g.node(v);
  std::string s(g.str(n.name));
  const std::string date = n.date != 0 ? format_iso_date(n.date) : std::string();
  if (!date.empty() && s.find(date) == std::string::npos)
    s += " (" + date + ")";
  return s;
}

// Key facts of a node for the per-hop lines: kind, date, number, amount.
std::string facts(const Graph& g, graph::VertexId v) {
  const graph::NodeRecord& n = g.node(v);
  std::string s;
  auto add = [&](std::string_view f) {
    if (!f.empty())
      s += std::string(" · ") + std::string(f);
  };
  add(g.str(n.kind));
  if (n.date != 0)
    add(format_iso_date(n.date));
  if (!n.number.empty())
    add("n° " + std::string(g.str(n.number)));
  if (n.amount >= 0)
    add(format_amount(n.amount) + " " + std::string(g.str(n.currency)));
  return s;
}

std::string hop_properties(const Graph& g, const query::Hop& h) {
  std::string s;
  for (const graph::PropertyRecord& p : g.properties(g.edge(h.edge).properties)) {
    s += s.empty() ? " {" : ", ";
    s += std::string(g.str(p.key)) + ": " +
         graph::value_text(p.kind, g.str(p.text), p.integer, p.number);
  }
  return s.empty() ? s : s + "}";
}

void collect(const Graph& g, const query::Path& p, std::vector<graph::VertexId>& nodes,
             std::vector<graph::EdgeId>& edges) {
  const auto ns = p.nodes(g);
  nodes.insert(nodes.end(), ns.begin(), ns.end());
  for (const query::Hop& h : p.hops)
    edges.push_back(h.edge);
}

}  // namespace

std::string path_line(const Graph& g, const query::Path& p) {
  const auto nodes = p.nodes(g);
  std::string line = short_node(g, nodes[0]);
  for (std::size_t i = 0; i < p.hops.size(); ++i)
    line += " " + arrow(g, p.hops[i]) + " " + short_node(g, nodes[i + 1]);
  return line;
}

void write_paths_text(std::ostream& out, const Graph& g, const query::PathSet& paths) {
  for (std::size_t i = 0; i < paths.paths.size(); ++i) {
    const query::Path& p = paths.paths[i];
    const auto nodes = p.nodes(g);
    if (paths.paths.size() > 1)
      out << "path " << i + 1 << " of " << paths.paths.size() << ", ";
    out << p.length() << " hop" << (p.length() == 1 ? "" : "s") << ": " << path_line(g, p) << '\n';
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      const graph::NodeRecord& n = g.node(nodes[k]);
      std::string label(graph::label_name(n.label));
      label.resize(10, ' ');
      out << "  " << label << g.str(n.name) << " (" << g.str(n.id) << ")" << facts(g, nodes[k])
          << '\n';
      if (k < p.hops.size())
        out << "    " << arrow(g, p.hops[k]) << hop_properties(g, p.hops[k]) << '\n';
    }
  }
}

void write_paths_json(std::ostream& out, const Graph& g, const query::PathSet& paths) {
  rapidjson::OStreamWrapper os(out);
  JsonWriter w(os);
  std::vector<graph::VertexId> nodes;
  std::vector<graph::EdgeId> edges;
  w.StartObject();
  write_key(w, "paths");
  w.StartArray();
  for (const query::Path& p : paths.paths) {
    collect(g, p, nodes, edges);
    w.StartObject();
    write_key(w, "length");
    w.Uint64(p.length());
    write_key(w, "nodes");
    w.StartArray();
    for (graph::VertexId v : p.nodes(g))
      write_string(w, g.str(g.node(v).id));
    w.EndArray();
    write_key(w, "hops");
    w.StartArray();
    for (const query::Hop& h : p.hops) {
      w.StartObject();
      write_key(w, "edge");
      w.Uint64(h.edge);
      write_key(w, "type");
      write_string(w, g.relation_type(g.edge_row(h.edge).type).name);
      write_key(w, "direction");
      write_string(w, h.forward ? "as_stored" : "against_stored");
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  write_key(w, "truncated");
  w.Bool(paths.truncated);
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  write_key(w, "nodes");
  w.StartArray();
  for (graph::VertexId v : nodes)
    write_node(w, g, v);
  w.EndArray();
  write_key(w, "edges");
  w.StartObject();
  for (graph::EdgeId e : edges) {
    write_key(w, std::to_string(e));
    write_edge(w, g, e);
  }
  w.EndObject();
  w.EndObject();
  out << '\n';
}

void write_paths_dot(std::ostream& out, const Graph& g, const query::PathSet& paths) {
  std::vector<graph::VertexId> nodes;
  std::vector<graph::EdgeId> edges;
  for (const query::Path& p : paths.paths)
    collect(g, p, nodes, edges);
  write_subgraph_dot(out, g, nodes, edges);
}

void write_neighbourhood_text(std::ostream& out, const Graph& g, const query::Neighbourhood& n) {
  out << node_summary(g, n.rings[0][0]) << '\n';
  for (std::size_t d = 1; d < n.rings.size(); ++d) {
    out << "at " << d << " hop" << (d == 1 ? "" : "s") << " (" << n.rings[d].size() << "):\n";
    for (graph::VertexId v : n.rings[d])
      out << "  " << node_summary(g, v) << '\n';
  }
  out << n.edges.size() << " relationship" << (n.edges.size() == 1 ? "" : "s") << " among them\n";
}

void write_neighbourhood_json(std::ostream& out, const Graph& g, const query::Neighbourhood& n) {
  rapidjson::OStreamWrapper os(out);
  JsonWriter w(os);
  w.StartObject();
  write_key(w, "centre");
  write_string(w, g.str(g.node(n.rings[0][0]).id));
  write_key(w, "rings");
  w.StartArray();
  for (const auto& ring : n.rings) {
    w.StartArray();
    for (graph::VertexId v : ring)
      write_string(w, g.str(g.node(v).id));
    w.EndArray();
  }
  w.EndArray();
  write_key(w, "nodes");
  w.StartArray();
  std::vector<graph::VertexId> all;
  for (const auto& ring : n.rings)
    all.insert(all.end(), ring.begin(), ring.end());
  std::sort(all.begin(), all.end());
  for (graph::VertexId v : all)
    write_node(w, g, v);
  w.EndArray();
  write_key(w, "edges");
  w.StartArray();
  for (graph::EdgeId e : n.edges)
    write_edge(w, g, e);
  w.EndArray();
  w.EndObject();
  out << '\n';
}

void write_neighbourhood_dot(std::ostream& out, const Graph& g, const query::Neighbourhood& n) {
  std::vector<graph::VertexId> all;
  for (const auto& ring : n.rings)
    all.insert(all.end(), ring.begin(), ring.end());
  write_subgraph_dot(out, g, all, n.edges);
}

}  // namespace jurigraph::exporter
