// What the Cypher engine needs of a graph, and nothing more: nodes with labels and properties,
// typed relationships with properties, adjacency in both directions. jurigraph's own graph is
// seen through GraphView; the openCypher TCK's small graphs are MemoryGraphs. The executor
// never knows which one it reads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"
#include "query/cypher/value.hpp"

namespace jurigraph::query::cypher {

using LabelId = uint16_t;
using TypeId = graph::RelTypeId;

struct RelEnds {
  NodeId source = 0;
  NodeId target = 0;
  TypeId type = 0;
};

class PropertyGraph {
 public:
  // A graph points at arrays it owns or views: copying it would point at the original's.
  PropertyGraph(const PropertyGraph&) = delete;
  PropertyGraph& operator=(const PropertyGraph&) = delete;
  virtual ~PropertyGraph() = default;

  virtual std::size_t node_count() const = 0;
  virtual std::size_t relationship_count() const = 0;

  // Label and relationship-type names, by id.
  virtual const std::vector<std::string>& label_names() const = 0;
  virtual const std::vector<std::string>& type_names() const = 0;
  std::optional<LabelId> find_label(std::string_view name) const;
  std::optional<TypeId> find_type(std::string_view name) const;

  virtual bool has_label(NodeId n, LabelId label) const = 0;
  virtual void labels(NodeId n, std::vector<LabelId>& out) const = 0;
  // Nodes carrying `label`, in ascending id order.
  virtual std::span<const NodeId> nodes_with_label(LabelId label) const = 0;

  // Adjacency as contiguous spans (other end, relationship id and type) in a fixed order: the
  // executor's hot loop reads them inline, without a virtual call per node, and fetches the
  // next nodes' adjacency ahead through the raw arrays.
  graph::Adjacency out(NodeId n) const { return out_.at(n); }
  graph::Adjacency in(NodeId n) const { return in_.at(n); }
  const graph::AdjacencyArrays& out_arrays() const { return out_; }
  const graph::AdjacencyArrays& in_arrays() const { return in_; }
  virtual RelEnds ends(RelId r) const = 0;

  // A property's value, null when absent.
  virtual Value node_property(NodeId n, std::string_view key) const = 0;
  virtual Value rel_property(RelId r, std::string_view key) const = 0;
  // Every property, sorted by key.
  virtual Map node_properties(NodeId n) const = 0;
  virtual Map rel_properties(RelId r) const = 0;

  // Statistics for the planner's estimates: the number of relationships of `type` (any type
  // when nullopt) whose source (`outgoing`) or target carries `label` (any node when nullopt).
  // nullopt when the graph keeps no statistics: the planner then assumes relationships spread
  // evenly over types and labels. Cheap: called a few hundred times per planned MATCH.
  virtual std::optional<uint64_t> count_relationships(std::optional<LabelId> label,
                                                      std::optional<TypeId> type,
                                                      bool outgoing) const {
    (void)label;
    (void)type;
    (void)outgoing;
    return std::nullopt;
  }

  // When every node carries exactly one label, that label by node id (a byte each); empty
  // otherwise. The matcher reads it inline where it would call has_label() once per node
  // reached, the hottest test of an expansion.
  virtual std::span<const uint8_t> single_labels() const { return {}; }

  // The nodes whose property `key` equals `value`, when the graph has an index for that key
  // (jurigraph: `id`); nullopt when it has none and the caller must scan.
  virtual std::optional<std::vector<NodeId>> find_nodes(std::string_view key,
                                                        const Value& value) const {
    (void)key;
    (void)value;
    return std::nullopt;
  }

 protected:
  PropertyGraph() = default;
  // Only a derived graph moves: a base alone would slice.
  PropertyGraph(PropertyGraph&&) = default;
  PropertyGraph& operator=(PropertyGraph&&) = default;

  // Set by the graph once its adjacency is built (and again if it moves elsewhere).
  void set_adjacency(graph::AdjacencyArrays out, graph::AdjacencyArrays in) {
    out_ = out;
    in_ = in;
  }

 private:
  graph::AdjacencyArrays out_, in_;
};

}  // namespace jurigraph::query::cypher
