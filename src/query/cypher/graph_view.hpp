// jurigraph's graph as the Cypher engine sees it. Labels are the six of the data model;
// relationship types the built-in and declared ones. Node properties: id, name, aliases
// (a list), country, description, kind, number, date (a Date), amount (a Float in currency
// units) and currency, summary; each identifier under its scheme (ecli, legifrance, siren…);
// and the record's own properties under their keys. Relationship properties are the edge's
// own (outcome, solution, role…).
#pragma once

#include "graph/relation_counts.hpp"
#include "query/cypher/property_graph.hpp"

namespace jurigraph::query::cypher {

class GraphView final : public PropertyGraph {
 public:
  explicit GraphView(const graph::Graph& g);

  std::size_t node_count() const override { return g_.node_count(); }
  std::size_t relationship_count() const override { return g_.edge_count(); }
  const std::vector<std::string>& label_names() const override { return labels_; }
  const std::vector<std::string>& type_names() const override { return types_; }
  // The label from the graph's one-byte label array, not from the node record: label tests run
  // once per relationship expanded, and the records are a hundred bytes apart.
  bool has_label(NodeId n, LabelId label) const override {
    return static_cast<LabelId>(g_.label(n)) == label;
  }
  void labels(NodeId n, std::vector<LabelId>& out) const override {
    out.push_back(static_cast<LabelId>(g_.label(n)));
  }
  std::span<const NodeId> nodes_with_label(LabelId label) const override;
  RelEnds ends(RelId r) const override {
    const graph::EdgeRow& e = g_.edge_row(r);
    return {e.source, e.target, e.type};
  }
  Value node_property(NodeId n, std::string_view key) const override;
  Value rel_property(RelId r, std::string_view key) const override;
  Map node_properties(NodeId n) const override;
  Map rel_properties(RelId r) const override;
  std::optional<std::vector<NodeId>> find_nodes(std::string_view key,
                                                const Value& value) const override;
  std::optional<uint64_t> count_relationships(std::optional<LabelId> label,
                                              std::optional<TypeId> type,
                                              bool outgoing) const override;
  // Every node has exactly one label: the CSR's one-byte vertex bundles are that array.
  std::span<const uint8_t> single_labels() const override;

  const graph::Graph& graph() const { return g_; }

 private:
  const graph::Graph& g_;
  std::vector<std::string> labels_;
  std::vector<std::string> types_;
  // count_relationships(): the counts the graph carries (freeze's or a snapshot's). Counting
  // them here cost every query a pass over the edges (Q2: 12 ms of 44 at 5M edges).
  graph::RelationCounts rel_counts_;
};

}  // namespace jurigraph::query::cypher
