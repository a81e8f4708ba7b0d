#include "graph/relation_counts.hpp"

#include "graph/graph.hpp"

namespace jurigraph::graph {

std::vector<uint64_t> count_relations(const Graph& g) {
  const RelationCountLayout layout{g.relation_types().size()};
  std::vector<uint64_t> counts(layout.size(), 0);
  const std::span<const Label> label = g.vertex_labels();
  auto at = [&](bool outgoing, Label l, std::size_t type_plus_one) -> uint64_t& {
    return counts[layout.index(outgoing, static_cast<std::size_t>(l) + 1, type_plus_one)];
  };
  for (VertexId v = 0; v < g.node_count(); ++v) {
    const Adjacency a = g.out_adjacency(v);
    for (std::size_t k = 0; k < a.nodes.size(); ++k) {
      const std::size_t t = a.edges[k].type + 1u;
      ++at(true, label[v], t);
      ++at(false, label[a.nodes[k]], t);
    }
  }
  // The "any" rows and columns, summed from the rest.
  for (const bool outgoing : {false, true}) {
    for (std::size_t l = 1; l <= kLabelCount; ++l) {
      for (std::size_t t = 1; t <= layout.type_count; ++t) {
        const uint64_t n = counts[layout.index(outgoing, l, t)];
        counts[layout.index(outgoing, 0, t)] += n;
        counts[layout.index(outgoing, l, 0)] += n;
        counts[layout.index(outgoing, 0, 0)] += n;
      }
    }
  }
  return counts;
}

RelationCounts::RelationCounts(const Graph& g) : layout_{g.relation_types().size()} {
  counts_ = g.arrays().relation_counts;
  if (counts_.size() != layout_.size()) {
    computed_ = count_relations(g);
    counts_ = computed_;
  }
}

}  // namespace jurigraph::graph
