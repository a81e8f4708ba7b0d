// `jurigraph show`: one node with its properties, sources, claims and every edge in and out.
#pragma once

#include <ostream>

#include "graph/graph.hpp"

namespace jurigraph::exporter {

void write_node_report_text(std::ostream& out, const graph::Graph& g, graph::VertexId v);
// {"node": {…}, "out": [edge…], "in": [edge…], "neighbours": {id: {id, label, name}}}
void write_node_report_json(std::ostream& out, const graph::Graph& g, graph::VertexId v);

// One line summing a node up: "CNIL warning 2014-298 (decision:cnil-2014-298, Decision,
// 2014-08-07, 240000 EUR)". Shared by every text output that lists nodes.
std::string node_summary(const graph::Graph& g, graph::VertexId v);

}  // namespace jurigraph::exporter
