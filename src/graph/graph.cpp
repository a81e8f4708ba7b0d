#include "graph/graph.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "base/fold.hpp"

namespace jurigraph::graph {
namespace {

// Permutation that sorts nodes by id; returns old index → new index.
std::vector<VertexId> sort_nodes_by_id(GraphTables& t) {
  std::vector<VertexId> order(t.nodes.size());
  std::iota(order.begin(), order.end(), 0);
  const std::string_view strings = t.strings;
  auto id_of = [&](VertexId v) {
    return strings.substr(t.nodes[v].id.offset, t.nodes[v].id.length);
  };
  std::sort(order.begin(), order.end(),
            [&](VertexId a, VertexId b) { return id_of(a) < id_of(b); });
  std::vector<NodeRecord> sorted;
  sorted.reserve(order.size());
  std::vector<VertexId> new_index(order.size());
  for (VertexId pos = 0; pos < order.size(); ++pos) {
    sorted.push_back(t.nodes[order[pos]]);
    new_index[order[pos]] = pos;
  }
  t.nodes = std::move(sorted);
  return new_index;
}

// Built-in types keep their ids; declared types follow in name order.
std::vector<RelTypeId> sort_relation_types(GraphTables& t) {
  std::vector<RelTypeId> order(t.relation_types.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin() + rel::kBuiltinCount, order.end(), [&](RelTypeId a, RelTypeId b) {
    return t.relation_types[a].name < t.relation_types[b].name;
  });
  std::vector<RelationType> sorted;
  std::vector<RelTypeId> new_id(order.size());
  for (std::size_t pos = 0; pos < order.size(); ++pos) {
    sorted.push_back(std::move(t.relation_types[order[pos]]));
    new_id[order[pos]] = static_cast<RelTypeId>(pos);
  }
  t.relation_types = std::move(sorted);
  return new_id;
}

}  // namespace

Graph Graph::freeze(GraphTables tables) {
  Graph g;
  const std::vector<VertexId> new_vertex = sort_nodes_by_id(tables);
  const std::vector<RelTypeId> new_type = sort_relation_types(tables);
  for (EdgeRecord& e : tables.edges) {
    e.source = new_vertex[e.source];
    e.target = new_vertex[e.target];
    e.type = new_type[e.type];
  }
  // Parallel edges of one type between the same nodes keep their input order (stable sort).
  std::stable_sort(
      tables.edges.begin(), tables.edges.end(), [](const EdgeRecord& a, const EdgeRecord& b) {
        return std::tie(a.source, a.type, a.target) < std::tie(b.source, b.type, b.target);
      });
  g.t_ = std::move(tables);

  std::vector<std::pair<VertexId, VertexId>> endpoints;
  std::vector<EdgeBundle> bundles;
  endpoints.reserve(g.t_.edges.size());
  bundles.reserve(g.t_.edges.size());
  for (EdgeId e = 0; e < g.t_.edges.size(); ++e) {
    endpoints.emplace_back(g.t_.edges[e].source, g.t_.edges[e].target);
    bundles.push_back({e, g.t_.edges[e].type});
  }
  g.csr_ = Csr(boost::edges_are_unsorted_multi_pass, endpoints.begin(), endpoints.end(),
               bundles.begin(), static_cast<VertexId>(g.t_.nodes.size()));
  for (VertexId v = 0; v < g.t_.nodes.size(); ++v)
    g.csr_[v].label = g.t_.nodes[v].label;
  // Bundles of in-edges in the order of the CSR's backward index (which holds the forward
  // position of each in-edge), so walking in-edges reads memory in sequence.
  const auto& backward_index = g.csr_.m_backward.m_edge_properties;
  g.in_bundles_.resize(backward_index.size());
  for (std::size_t i = 0; i < backward_index.size(); ++i) {
    g.in_bundles_[i] = g.csr_.m_forward.m_edge_properties[backward_index[i]];
  }
  g.build_indexes();
  return g;
}

void Graph::build_indexes() {
  for (auto& list : by_label_)
    list.clear();
  for (VertexId v = 0; v < t_.nodes.size(); ++v) {
    by_label_[static_cast<std::size_t>(t_.nodes[v].label)].push_back(v);
  }
  // Folded keys are appended to the string table; duplicates per node are dropped.
  TableWriter writer(t_);
  name_index_.clear();
  std::vector<std::string> keys;
  for (VertexId v = 0; v < t_.nodes.size(); ++v) {
    const NodeRecord& n = t_.nodes[v];
    keys.clear();
    keys.push_back(fold_for_lookup(str(n.id)));
    keys.push_back(fold_for_lookup(str(n.name)));
    if (!n.number.empty())
      keys.push_back(fold_for_lookup(str(n.number)));
    for (const StrRef& alias : strings(n.aliases))
      keys.push_back(fold_for_lookup(str(alias)));
    for (const IdentifierRecord& idr : identifiers(n.identifiers)) {
      keys.push_back(fold_for_lookup(str(idr.value)));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string& k : keys) {
      if (!k.empty())
        name_index_.push_back({writer.store(k), v});
    }
  }
  std::sort(name_index_.begin(), name_index_.end(), [&](const NameKey& a, const NameKey& b) {
    return std::make_pair(str(a.folded), a.vertex) < std::make_pair(str(b.folded), b.vertex);
  });
}

std::optional<RelTypeId> Graph::find_relation_type(std::string_view name) const {
  for (std::size_t i = 0; i < t_.relation_types.size(); ++i) {
    if (t_.relation_types[i].name == name)
      return static_cast<RelTypeId>(i);
  }
  return std::nullopt;
}

const PropertyRecord* Graph::property(Range props, std::string_view key) const {
  for (const PropertyRecord& p : properties(props)) {
    if (str(p.key) == key)
      return &p;
  }
  return nullptr;
}

std::optional<VertexId> Graph::find_id(std::string_view id) const {
  auto it =
      std::lower_bound(t_.nodes.begin(), t_.nodes.end(), id,
                       [&](const NodeRecord& n, std::string_view key) { return str(n.id) < key; });
  if (it == t_.nodes.end() || str(it->id) != id)
    return std::nullopt;
  return static_cast<VertexId>(it - t_.nodes.begin());
}

std::vector<VertexId> Graph::find_folded(std::string_view folded) const {
  auto lo =
      std::lower_bound(name_index_.begin(), name_index_.end(), folded,
                       [&](const NameKey& k, std::string_view key) { return str(k.folded) < key; });
  std::vector<VertexId> out;
  for (; lo != name_index_.end() && str(lo->folded) == folded; ++lo)
    out.push_back(lo->vertex);
  return out;
}

}  // namespace jurigraph::graph
