#include "cli/node_options.hpp"

#include "graph/lookup.hpp"

namespace jurigraph::cli {

void add_traversal_options(CLI::App& command, TraversalOptions& options) {
  command.add_flag("--directed", options.directed,
                   "follow edges only as stored (default: either way)");
  command.add_option("--via", options.via, "only these relationship types (comma-separated)")
      ->delimiter(',');
  command.add_option("--avoid", options.avoid, "never pass through these nodes (comma-separated)")
      ->delimiter(',');
  command.add_option("--max-hops", options.max_hops, "at most this many hops")
      ->check(CLI::PositiveNumber);
  command.add_option("--format", options.format, "text, json or dot")
      ->check(CLI::IsMember({"text", "json", "dot"}));
}

query::PathConstraints to_constraints(const graph::Graph& g, const TraversalOptions& options) {
  query::PathConstraints c;
  c.directed = options.directed;
  c.max_hops = options.max_hops;
  c.via = graph::resolve_relation_types(g, options.via, Location("--via"));
  for (const std::string& name : options.avoid)
    c.avoid.push_back(graph::resolve_node(g, name, Location("--avoid")));
  return c;
}

}  // namespace jurigraph::cli
