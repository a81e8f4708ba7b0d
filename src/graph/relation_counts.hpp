// The query planner's statistics: how many relationships of each type leave (or reach) nodes of
// each label. Graph::freeze counts them once, in one pass over the edges, and a snapshot stores
// them: neither a query nor opening a snapshot pays a pass over the edges.
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

// Counts every edge by its type and the labels of its ends (`labels` by vertex), in
// RelationCountLayout for `type_count` relation types.
std::vector<uint64_t> count_relations(std::span<const EdgeRow> edges, std::span<const Label> labels,
                                      std::size_t type_count);

// The counts `g` carries: what the planner reads and what a snapshot stores. Only a
// default-constructed graph carries none; it gets count_relations() of its (empty) edges, so
// that every Graph answers.
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
  std::vector<uint64_t> computed_;  // empty when the graph carries its counts (always but one)
  std::span<const uint64_t> counts_;
};

}  // namespace jurigraph::graph
