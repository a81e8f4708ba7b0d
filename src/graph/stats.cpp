#include "graph/stats.hpp"

#include <set>

namespace jurigraph::graph {

GraphStats compute_stats(const Graph& graph) {
  GraphStats s;
  s.nodes = graph.node_count();
  s.edges = graph.edge_count();
  s.sources = graph.source_count();
  std::vector<std::size_t> per_type(graph.relation_types().size());
  for (EdgeId e = 0; e < graph.edge_count(); ++e)
    ++per_type[graph.edge(e).type];
  for (std::size_t t = 0; t < per_type.size(); ++t) {
    s.edges_per_type.emplace_back(graph.relation_types()[t].name, per_type[t]);
  }
  auto count_contested = [&](Range claims) {
    std::set<std::string_view> properties;
    for (const ClaimRecord& c : graph.claims(claims))
      properties.insert(graph.str(c.property));
    s.contested_values += properties.size();
  };
  for (VertexId v = 0; v < graph.node_count(); ++v) {
    const NodeRecord& n = graph.node(v);
    ++s.nodes_per_label[static_cast<std::size_t>(n.label)];
    count_contested(n.claims);
    if (n.label != Label::Decision)
      continue;
    ++s.decisions_per_kind[std::string(graph.str(n.kind))];
    if (n.date == 0) {
      ++s.undated_decisions;
    } else {
      if (s.first_decision_date == 0 || n.date < s.first_decision_date)
        s.first_decision_date = n.date;
      if (n.date > s.last_decision_date)
        s.last_decision_date = n.date;
    }
    if (n.amount >= 0) {
      AmountTotal& t = s.amounts_per_currency[std::string(graph.str(n.currency))];
      t.hundredths += n.amount;
      ++t.decisions;
    }
  }
  for (EdgeId e = 0; e < graph.edge_count(); ++e)
    count_contested(graph.edge(e).claims);
  return s;
}

}  // namespace jurigraph::graph
