// GraphML for NetworkX, igraph and Gephi: keys declared with attr.type (dates as strings:
// NetworkX rejects `date`), node ids equal to jurigraph's ids, unique edge ids, the label and the
// relationship type as attributes, numbers written without loss.
#pragma once

#include <cstdint>
#include <ostream>
#include <utility>

#include "graph/graph.hpp"

namespace jurigraph::exporter {

// Returns the number of nodes and edges written.
std::pair<uint64_t, uint64_t> write_graphml(std::ostream& out, const graph::Graph& g);

}  // namespace jurigraph::exporter
