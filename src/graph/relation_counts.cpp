#include "graph/relation_counts.hpp"

#include "graph/graph.hpp"

namespace jurigraph::graph {

std::vector<uint64_t> count_relations(std::span<const EdgeRow> edges, std::span<const Label> labels,
                                      std::size_t type_count) {
  const RelationCountLayout layout{type_count};
  std::vector<uint64_t> counts(layout.size(), 0);
  auto at = [&](bool outgoing, Label l, std::size_t type_plus_one) -> uint64_t& {
    return counts[layout.index(outgoing, static_cast<std::size_t>(l) + 1, type_plus_one)];
  };
  for (const EdgeRow& e : edges) {
    const std::size_t t = e.type + 1u;
    ++at(true, labels[e.source], t);
    ++at(false, labels[e.target], t);
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
    computed_ = count_relations(g.arrays().edges, g.vertex_labels(), layout_.type_count);
    counts_ = computed_;
  }
}

}  // namespace jurigraph::graph
