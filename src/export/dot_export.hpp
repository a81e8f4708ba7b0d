// DOT of the whole graph or a part of it, built through cgraph with the diagram style: node
// names are the stable ids, edges are keyed by type and index so parallel relations stay
// distinct, elements are created in id order so output is byte-identical across runs and
// input orders, and a legend shows the labels and relationship types present.
#pragma once

#include <memory>
#include <ostream>
#include <span>

#include "export/cgraph_document.hpp"
#include "export/graph_style.hpp"
#include "graph/graph.hpp"

namespace jurigraph::exporter {

struct DotOptions {
  bool legend = true;
};

std::unique_ptr<CgraphDocument> build_dot(const graph::Graph& g,
                                          std::span<const graph::VertexId> nodes,
                                          std::span<const graph::EdgeId> edges,
                                          const GraphStyle& style, const DotOptions& options = {});
std::unique_ptr<CgraphDocument> build_graph_dot(const graph::Graph& g, const GraphStyle& style,
                                                const DotOptions& options = {});

void write_subgraph_dot(std::ostream& out, const graph::Graph& g,
                        std::span<const graph::VertexId> nodes,
                        std::span<const graph::EdgeId> edges);

}  // namespace jurigraph::exporter
