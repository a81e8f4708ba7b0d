// The query planner's statistics: how many relationships of each type leave (or reach) nodes of
// each label. Counted in one pass over the CSR for a graph built from datasets; a snapshot
// stores the counts the writer's pass gave, so opening one costs no pass over its edges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "graph/model.hpp"

namespace jurigraph::graph {

class Graph;

// The layout of the counts: [direction][label + 1][type + 1], index 0 of a label or a type
// meaning any. Direction 1 counts relationships by the label of their start node, direction 0
// by the label of their end node.
struct RelationCountLayout {
  std::size_t type_count = 0;

  std::size_t size() const { return 2 * (kLabelCount + 1) * (type_count + 1); }
  std::size_t index(bool outgoing, std::size_t label_plus_one, std::size_t type_plus_one) const {
    return ((outgoing ? 1 : 0) * (kLabelCount + 1) + label_plus_one) * (type_count + 1) +
           type_plus_one;
  }
};

// Counts every relationship of `g` (one pass over its out-edges), in RelationCountLayout.
std::vector<uint64_t> count_relations(const Graph& g);

// The counts `g` carries (a snapshot's), or else count_relations(g): what the planner reads and
// what a snapshot stores, so both come from the one computation above.
class RelationCounts {
 public:
  explicit RelationCounts(const Graph& g);

  RelationCountLayout layout() const { return layout_; }
  std::span<const uint64_t> all() const { return counts_; }
  uint64_t at(bool outgoing, std::size_t label_plus_one, std::size_t type_plus_one) const {
    return counts_[layout_.index(outgoing, label_plus_one, type_plus_one)];
  }

 private:
  RelationCountLayout layout_;
  std::vector<uint64_t> computed_;  // empty when the graph carries its counts
  std::span<const uint64_t> counts_;
};

}  // namespace jurigraph::graph
