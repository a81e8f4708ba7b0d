// A small property graph built in memory with any labels, types and properties: what the
// openCypher TCK's CREATE set-ups describe, and what unit tests build by hand. Nodes and
// relationships are added, then `freeze` builds the adjacency the executor reads.
#pragma once

#include "query/cypher/property_graph.hpp"

namespace jurigraph::query::cypher {

class MemoryGraph final : public PropertyGraph {
 public:
  MemoryGraph() = default;
  // Moving keeps the vectors' buffers, so the adjacency arrays stay valid.
  MemoryGraph(MemoryGraph&&) = default;
  MemoryGraph& operator=(MemoryGraph&&) = default;
  NodeId add_node(const std::vector<std::string>& labels, Map properties);
  RelId add_relationship(NodeId from, NodeId to, const std::string& type, Map properties);
  // Builds the adjacency and label lists; call after the last add and before any read.
  void freeze();

  std::size_t node_count() const override { return nodes_.size(); }
  std::size_t relationship_count() const override { return rels_.size(); }
  const std::vector<std::string>& label_names() const override { return label_names_; }
  const std::vector<std::string>& type_names() const override { return type_names_; }
  bool has_label(NodeId n, LabelId label) const override;
  void labels(NodeId n, std::vector<LabelId>& out) const override;
  std::span<const NodeId> nodes_with_label(LabelId label) const override;
  RelEnds ends(RelId r) const override { return rels_[r].ends; }
  Value node_property(NodeId n, std::string_view key) const override;
  Value rel_property(RelId r, std::string_view key) const override;
  Map node_properties(NodeId n) const override { return nodes_[n].properties; }
  Map rel_properties(RelId r) const override { return rels_[r].properties; }
  std::optional<uint64_t> count_relationships(std::optional<LabelId> label,
                                              std::optional<TypeId> type,
                                              bool outgoing) const override;

 private:
  struct Node {
    std::vector<LabelId> labels;  // sorted
    Map properties;               // sorted by key
  };
  struct Rel {
    RelEnds ends;
    Map properties;
  };
  // CSR of one direction: for node n, positions start[n] .. start[n+1] of `other` and `edges`.
  struct Csr {
    std::vector<uint32_t> start;
    std::vector<graph::VertexId> other;
    std::vector<graph::EdgeBundle> edges;
    // freeze() sorts each row by (type, other end, id).
    graph::AdjacencyArrays arrays() const {
      return {start.data(), other.data(), edges.data(), true};
    }
  };
  uint16_t intern(std::vector<std::string>& names, const std::string& name);

  std::vector<Node> nodes_;
  std::vector<Rel> rels_;
  std::vector<std::string> label_names_;
  std::vector<std::string> type_names_;
  std::vector<std::vector<NodeId>> by_label_;
  Csr out_, in_;
  // count_relationships(), counted by freeze(): [outgoing][label + 1][type + 1], 0 meaning any.
  std::vector<uint64_t> rel_counts_;
  std::size_t stat_index(bool outgoing, std::size_t label, std::size_t type) const {
    return ((outgoing ? 1 : 0) * (label_names_.size() + 1) + label) * (type_names_.size() + 1) +
           type;
  }
};

}  // namespace jurigraph::query::cypher
