// Options shared by the traversal commands (path, neighbors): edge direction, relationship
// types, nodes to avoid, hop bound, output format.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "query/path_search.hpp"

namespace jurigraph::cli {

struct TraversalOptions {
  bool directed = false;
  std::vector<std::string> via;
  std::vector<std::string> avoid;
  uint32_t max_hops = query::kUnbounded;
  std::string format = "text";
};

void add_traversal_options(CLI::App& command, TraversalOptions& options);

// Resolves names against the graph; throws jurigraph::Error (usage or not_found).
query::PathConstraints to_constraints(const graph::Graph& g, const TraversalOptions& options);

}  // namespace jurigraph::cli
