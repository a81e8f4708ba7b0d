#include "export/subgraph_dot.hpp"

#include <algorithm>
#include <vector>

#include "base/calendar.hpp"
#include "export/cgraph_document.hpp"

namespace jurigraph::exporter {
namespace {

std::string_view shape_of(graph::Label label) {
  switch (label) {
    case graph::Label::Company:
      return "box";
    case graph::Label::Authority:
      return "house";
    case graph::Label::Court:
      return "doubleoctagon";
    case graph::Label::Decision:
      return "note";
    case graph::Label::Provision:
      return "component";
    case graph::Label::Person:
      return "ellipse";
  }
  return "box";
}

std::string node_label(const graph::Graph& g, const graph::NodeRecord& n) {
  std::string label(g.str(n.name));
  if (n.date != 0)
    label += "\n" + format_iso_date(n.date);
  if (n.amount >= 0)
    label += "\n" + format_amount(n.amount) + " " + std::string(g.str(n.currency));
  return CgraphDocument::escape_label(label);
}

}  // namespace

void write_subgraph_dot(std::ostream& out, const graph::Graph& g,
                        std::span<const graph::VertexId> nodes,
                        std::span<const graph::EdgeId> edges) {
  // Vertex ids are in id order, edge ids in (source, type, target) order: sorting them makes
  // the output independent of how the caller collected them.
  std::vector<graph::VertexId> vs(nodes.begin(), nodes.end());
  std::sort(vs.begin(), vs.end());
  vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
  std::vector<graph::EdgeId> es(edges.begin(), edges.end());
  std::sort(es.begin(), es.end());
  es.erase(std::unique(es.begin(), es.end()), es.end());

  CgraphDocument doc("jurigraph");
  doc.set_graph("rankdir", "LR");
  doc.set_node_default("fontname", "Helvetica");
  doc.set_edge_default("fontname", "Helvetica");
  doc.set_edge_default("fontsize", "10");
  std::vector<Agnode_t*> handle(g.node_count(), nullptr);
  for (graph::VertexId v : vs) {
    const graph::NodeRecord& n = g.node(v);
    Agnode_t* node = doc.node(g.str(n.id));
    handle[v] = node;
    doc.set(node, "label", node_label(g, n));
    doc.set(node, "shape", shape_of(n.label));
    doc.set(node, "class", graph::label_name(n.label));
  }
  for (graph::EdgeId e : es) {
    const graph::EdgeRecord& r = g.edge(e);
    if (handle[r.source] == nullptr || handle[r.target] == nullptr)
      continue;
    const std::string& type = g.relation_type(r.type).name;
    Agedge_t* edge = doc.edge(handle[r.source], handle[r.target], type + "#" + std::to_string(e));
    std::string label = type;
    if (const graph::PropertyRecord* outcome = g.property(r.properties, "outcome")) {
      label += "\n" + std::string(g.str(outcome->text));
    }
    doc.set(edge, "label", CgraphDocument::escape_label(label));
  }
  out << doc.write();
}

}  // namespace jurigraph::exporter
