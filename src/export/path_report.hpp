// Output of `jurigraph path` and `jurigraph neighbors`: text for a terminal, JSON with every
// node, edge, property and source, or DOT of the subgraph they cover.
#pragma once

#include <ostream>
#include <string>

#include "query/path_search.hpp"

namespace jurigraph::exporter {

// "Orange ←AGAINST— CNIL public warning 2014-298 (2014-08-07) ←APPEAL_OF— …": one line.
std::string path_line(const graph::Graph& g, const query::Path& p);

void write_paths_text(std::ostream& out, const graph::Graph& g, const query::PathSet& paths);
void write_paths_json(std::ostream& out, const graph::Graph& g, const query::PathSet& paths);
void write_paths_dot(std::ostream& out, const graph::Graph& g, const query::PathSet& paths);

void write_neighbourhood_text(std::ostream& out, const graph::Graph& g,
                              const query::Neighbourhood& n);
void write_neighbourhood_json(std::ostream& out, const graph::Graph& g,
                              const query::Neighbourhood& n);
void write_neighbourhood_dot(std::ostream& out, const graph::Graph& g,
                             const query::Neighbourhood& n);

}  // namespace jurigraph::exporter
