#include "export/dot_export.hpp"

#include <algorithm>
#include <numeric>
#include <set>
#include <vector>

#include "base/calendar.hpp"

namespace jurigraph::exporter {
namespace {

void apply(CgraphDocument& doc, void* object, const Attributes& attributes) {
  for (const auto& [key, value] : attributes)
    doc.set(object, key, value);
}

const Attributes* find(const std::map<std::string, Attributes>& map, std::string_view key) {
  auto it = map.find(std::string(key));
  return it == map.end() ? nullptr : &it->second;
}

std::string node_label(const graph::Graph& g, const graph::NodeRecord& n) {
  std::string label(g.str(n.name));
  if (n.label == graph::Label::Decision) {
    std::string facts(g.str(n.kind));
    std::replace(facts.begin(), facts.end(), '_', ' ');
    if (n.date != 0)
      facts += (facts.empty() ? "" : " · ") + format_iso_date(n.date);
    if (!facts.empty())
      label += "\n" + facts;
    if (!n.number.empty() && label.find(g.str(n.number)) == std::string::npos) {
      label += "\nn° " + std::string(g.str(n.number));
    }
  }
  if (n.amount >= 0)
    label += "\n" + format_amount(n.amount) + " " + std::string(g.str(n.currency));
  return CgraphDocument::escape_label(label);
}

void add_legend(CgraphDocument& doc, const graph::Graph& g, const GraphStyle& style,
                const std::set<graph::Label>& labels, const std::set<graph::RelTypeId>& types) {
  // Legend names start with '_', which no dataset id can (ids start with a lower-case letter).
  Agraph_t* legend = doc.subgraph("cluster_legend");
  doc.set(legend, "label", "Legend");
  doc.set(legend, "fontname", "Helvetica");
  for (graph::Label l : labels) {
    Agnode_t* n = doc.node_in(legend, "_legend_" + std::string(graph::label_name(l)));
    doc.set(n, "label", graph::label_name(l));
    if (const Attributes* a = find(style.labels, graph::label_name(l)))
      apply(doc, n, *a);
  }
  for (graph::RelTypeId t : types) {
    const std::string& name = g.relation_type(t).name;
    Agnode_t* a = doc.node_in(legend, "_legend_" + name + "_from");
    Agnode_t* b = doc.node_in(legend, "_legend_" + name + "_to");
    for (Agnode_t* n : {a, b}) {
      doc.set(n, "shape", "point");
      doc.set(n, "label", "");
    }
    Agedge_t* e = doc.edge(a, b, "_legend_" + name);
    doc.set(e, "label", name);
    const Attributes* attrs = find(style.relations, name);
    apply(doc, e, attrs ? *attrs : style.other_relations);
  }
}

}  // namespace

std::unique_ptr<CgraphDocument> build_dot(const graph::Graph& g,
                                          std::span<const graph::VertexId> nodes,
                                          std::span<const graph::EdgeId> edges,
                                          const GraphStyle& style, const DotOptions& options) {
  // Vertex ids follow id order and edge ids (source, type, target) order: sorting them makes
  // the output independent of how the caller collected them.
  std::vector<graph::VertexId> vs(nodes.begin(), nodes.end());
  std::sort(vs.begin(), vs.end());
  vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
  std::vector<graph::EdgeId> es(edges.begin(), edges.end());
  std::sort(es.begin(), es.end());
  es.erase(std::unique(es.begin(), es.end()), es.end());

  auto doc = std::make_unique<CgraphDocument>("jurigraph");
  for (const auto& [k, v] : style.graph)
    doc->set_graph(k, v);
  for (const auto& [k, v] : style.node)
    doc->set_node_default(k, v);
  for (const auto& [k, v] : style.edge)
    doc->set_edge_default(k, v);

  std::vector<Agnode_t*> handle(g.node_count(), nullptr);
  std::set<graph::Label> labels;
  std::set<graph::RelTypeId> types;
  for (graph::VertexId v : vs) {
    const graph::NodeRecord& n = g.node(v);
    Agnode_t* node = doc->node(g.str(n.id));
    handle[v] = node;
    labels.insert(n.label);
    doc->set(node, "label", node_label(g, n));
    if (const Attributes* a = find(style.labels, graph::label_name(n.label)))
      apply(*doc, node, *a);
    if (n.label == graph::Label::Decision) {
      if (const Attributes* a = find(style.decision_kinds, g.str(n.kind)))
        apply(*doc, node, *a);
    }
  }
  for (graph::EdgeId e : es) {
    const graph::EdgeRecord& r = g.edge(e);
    if (handle[r.source] == nullptr || handle[r.target] == nullptr)
      continue;
    const std::string& type = g.relation_type(r.type).name;
    types.insert(r.type);
    Agedge_t* edge = doc->edge(handle[r.source], handle[r.target], type + "#" + std::to_string(e));
    std::string label = type;
    if (const graph::PropertyRecord* outcome = g.property(r.properties, "outcome")) {
      label += "\n" + std::string(g.str(outcome->text));
    }
    doc->set(edge, "label", CgraphDocument::escape_label(label));
    const Attributes* attrs = find(style.relations, type);
    apply(*doc, edge, attrs ? *attrs : style.other_relations);
  }
  if (options.legend && !vs.empty())
    add_legend(*doc, g, style, labels, types);
  return doc;
}

std::unique_ptr<CgraphDocument> build_graph_dot(const graph::Graph& g, const GraphStyle& style,
                                                const DotOptions& options) {
  std::vector<graph::VertexId> nodes(g.node_count());
  std::iota(nodes.begin(), nodes.end(), 0);
  std::vector<graph::EdgeId> edges(g.edge_count());
  std::iota(edges.begin(), edges.end(), 0);
  return build_dot(g, nodes, edges, style, options);
}

void write_subgraph_dot(std::ostream& out, const graph::Graph& g,
                        std::span<const graph::VertexId> nodes,
                        std::span<const graph::EdgeId> edges) {
  out << build_dot(g, nodes, edges, default_style())->write();
}

}  // namespace jurigraph::exporter
