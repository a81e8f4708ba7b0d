// DOT of a part of the graph (a path, a neighbourhood), built through cgraph: node names are
// the stable ids, edges are named by their relationship type and index so parallel relations
// stay distinct, and output is ordered by id so it is the same on every run.
#pragma once

#include <ostream>
#include <span>

#include "graph/graph.hpp"

namespace jurigraph::exporter {

void write_subgraph_dot(std::ostream& out, const graph::Graph& g,
                        std::span<const graph::VertexId> nodes,
                        std::span<const graph::EdgeId> edges);

}  // namespace jurigraph::exporter
