// The synthetic graphs the benchmarks run on, built once per size and kept for the whole run:
// building is not what the benchmarks measure.
#pragma once

#include <cstdint>
#include <map>
#include <memory>

#include "generate/synthetic.hpp"
#include "graph/graph.hpp"

namespace jurigraph::bench {

inline const graph::Graph& synthetic_graph(uint64_t decisions) {
  static std::map<uint64_t, std::unique_ptr<graph::Graph>> cache;
  auto& slot = cache[decisions];
  if (!slot) {
    slot = std::make_unique<graph::Graph>(graph::Graph::freeze(
        generate::build_tables(generate::generate_graph(decisions, /*seed=*/42))));
  }
  return *slot;
}

}  // namespace jurigraph::bench
