#include "query/cypher/memory_graph.hpp"

#include <algorithm>
#include <numeric>

namespace jurigraph::query::cypher {
namespace {

Map sorted(Map m) {
  // Value(Map) sorts and removes repeated keys; reuse it.
  return Value(std::move(m)).as_map();
}

Value lookup(const Map& m, std::string_view key) {
  auto it = std::lower_bound(m.begin(), m.end(), key,
                             [](const auto& kv, std::string_view k) { return kv.first < k; });
  return it != m.end() && it->first == key ? it->second : Value();
}

}  // namespace

uint16_t MemoryGraph::intern(std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it != names.end())
    return static_cast<uint16_t>(it - names.begin());
  names.push_back(name);
  return static_cast<uint16_t>(names.size() - 1);
}

NodeId MemoryGraph::add_node(const std::vector<std::string>& labels, Map properties) {
  Node n;
  for (const std::string& l : labels)
    n.labels.push_back(intern(label_names_, l));
  std::sort(n.labels.begin(), n.labels.end());
  n.labels.erase(std::unique(n.labels.begin(), n.labels.end()), n.labels.end());
  // A null property is no property (CREATE ({a: null}) stores nothing).
  std::erase_if(properties, [](const auto& kv) { return kv.second.is_null(); });
  n.properties = sorted(std::move(properties));
  nodes_.push_back(std::move(n));
  return static_cast<NodeId>(nodes_.size() - 1);
}

RelId MemoryGraph::add_relationship(NodeId from, NodeId to, const std::string& type,
                                    Map properties) {
  std::erase_if(properties, [](const auto& kv) { return kv.second.is_null(); });
  rels_.push_back({{from, to, intern(type_names_, type)}, sorted(std::move(properties))});
  return static_cast<RelId>(rels_.size() - 1);
}

void MemoryGraph::freeze() {
  by_label_.assign(label_names_.size(), {});
  for (NodeId n = 0; n < nodes_.size(); ++n) {
    for (LabelId l : nodes_[n].labels)
      by_label_[l].push_back(n);
  }
  const auto build = [&](Csr& csr, bool outgoing) {
    std::vector<RelId> order(rels_.size());
    std::iota(order.begin(), order.end(), 0);
    const auto key = [&](RelId r) {
      const RelEnds& e = rels_[r].ends;
      return outgoing ? std::make_tuple(e.source, e.type, e.target, r)
                      : std::make_tuple(e.target, e.type, e.source, r);
    };
    std::sort(order.begin(), order.end(), [&](RelId a, RelId b) { return key(a) < key(b); });
    csr.start.assign(nodes_.size() + 1, 0);
    csr.other.clear();
    csr.edges.clear();
    for (RelId r : order) {
      const RelEnds& e = rels_[r].ends;
      ++csr.start[(outgoing ? e.source : e.target) + 1];
      csr.other.push_back(outgoing ? e.target : e.source);
      csr.edges.push_back({r, e.type});
    }
    std::partial_sum(csr.start.begin(), csr.start.end(), csr.start.begin());
  };
  build(out_, true);
  build(in_, false);
  set_adjacency(out_.arrays(), in_.arrays());
  rel_counts_.assign(2 * (label_names_.size() + 1) * (type_names_.size() + 1), 0);
  for (const Rel& r : rels_) {
    for (const bool outgoing : {false, true}) {
      const std::size_t t = r.ends.type + 1u;
      ++rel_counts_[stat_index(outgoing, 0, t)];
      ++rel_counts_[stat_index(outgoing, 0, 0)];
      // A node with several labels counts the relationship under each of them.
      for (LabelId l : nodes_[outgoing ? r.ends.source : r.ends.target].labels) {
        ++rel_counts_[stat_index(outgoing, l + 1u, t)];
        ++rel_counts_[stat_index(outgoing, l + 1u, 0)];
      }
    }
  }
}

std::optional<uint64_t> MemoryGraph::count_relationships(std::optional<LabelId> label,
                                                         std::optional<TypeId> type,
                                                         bool outgoing) const {
  if (rel_counts_.empty())
    return std::nullopt;  // not frozen yet
  if ((label && *label >= label_names_.size()) || (type && *type >= type_names_.size()))
    return 0;
  return rel_counts_[stat_index(outgoing, label ? *label + 1u : 0u, type ? *type + 1u : 0u)];
}

bool MemoryGraph::has_label(NodeId n, LabelId label) const {
  const auto& ls = nodes_[n].labels;
  return std::binary_search(ls.begin(), ls.end(), label);
}

void MemoryGraph::labels(NodeId n, std::vector<LabelId>& out) const {
  out.insert(out.end(), nodes_[n].labels.begin(), nodes_[n].labels.end());
}

std::span<const NodeId> MemoryGraph::nodes_with_label(LabelId label) const {
  return label < by_label_.size() ? std::span<const NodeId>(by_label_[label])
                                  : std::span<const NodeId>();
}

Value MemoryGraph::node_property(NodeId n, std::string_view key) const {
  return lookup(nodes_[n].properties, key);
}

Value MemoryGraph::rel_property(RelId r, std::string_view key) const {
  return lookup(rels_[r].properties, key);
}

}  // namespace jurigraph::query::cypher
