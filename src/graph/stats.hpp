// Summary figures of a graph: what `jurigraph stats` reports.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "graph/graph.hpp"

namespace jurigraph::graph {

struct AmountTotal {
  int64_t hundredths = 0;
  std::size_t decisions = 0;
};

struct GraphStats {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  std::array<std::size_t, kLabelCount> nodes_per_label{};
  std::vector<std::pair<std::string, std::size_t>>
      edges_per_type;  // every known type, in type order
  std::map<std::string, std::size_t> decisions_per_kind;
  int32_t first_decision_date = 0;  // YYYYMMDD, 0 when no decision is dated
  int32_t last_decision_date = 0;
  std::size_t undated_decisions = 0;
  std::map<std::string, AmountTotal> amounts_per_currency;
  std::size_t sources = 0;
  std::size_t contested_values = 0;  // properties with more than one claimed value
};

GraphStats compute_stats(const Graph& graph);

}  // namespace jurigraph::graph
