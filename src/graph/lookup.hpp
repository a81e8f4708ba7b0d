// Finding a node from what a researcher types: an id, a name, an alias, a decision number or
// an official identifier, case- and accent-insensitively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "graph/graph.hpp"

namespace jurigraph::graph {

struct LookupResult {
  enum class Status { found, ambiguous, not_found };
  Status status = Status::not_found;
  VertexId vertex = 0;
  // ambiguous: every match; not_found: the nearest names, best first (may be empty).
  std::vector<VertexId> candidates;
};

LookupResult lookup_node(const Graph& graph, std::string_view query);

// "Orange (company:orange, Company)"
std::string describe_node(const Graph& graph, VertexId v);

// The vertex `query` names; throws Error at `where` listing the candidates when the name is
// ambiguous, or the nearest names when it is unknown.
VertexId resolve_node(const Graph& graph, std::string_view query, const Location& where);

// Relationship type names (case-insensitive) to ids; throws a usage Error listing the known
// types for an unknown one.
std::vector<RelTypeId> resolve_relation_types(const Graph& graph,
                                              const std::vector<std::string>& names,
                                              const Location& where);

}  // namespace jurigraph::graph
