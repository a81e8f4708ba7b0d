// The frozen knowledge graph: a bidirectional compressed-sparse-row Boost graph over the node
// and edge records, with indexes by id, label and folded name. Immutable once built; every
// query and exporter reads it through `const Graph&`.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "graph/graph_tables.hpp"
#include "graph/model.hpp"

namespace jurigraph::graph {

struct VertexBundle {
  Label label = Label::Company;
};

struct EdgeBundle {
  EdgeId id = 0;  // index of the EdgeRecord
  RelTypeId type = 0;
};

using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, VertexBundle, EdgeBundle,
                                               boost::no_property, VertexId, EdgeId>;

// One entry of the name index: a folded name, alias, identifier or id, and its node.
struct NameKey {
  StrRef folded;
  VertexId vertex = 0;
};

// The adjacency of one vertex in one direction: the nodes at the other end and the edges,
// position by position. Contiguous arrays of the CSR: the fast path for traversals.
struct Adjacency {
  std::span<const VertexId> nodes;
  std::span<const EdgeBundle> edges;
};

// Asks the cache for the line holding `p`. An x86 `prefetcht0` in volatile asm where it can be:
// GCC 12 treats a function whose only effect is __builtin_prefetch as pure and drops calls to
// it once it is not inlined (measured: no prefetch left in the matcher's loop, and no gain).
inline void prefetch(const void* p) {
#if defined(__x86_64__) || defined(__i386__)
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
  __builtin_prefetch(p);
#endif
}

// One direction of a compressed-sparse-row adjacency as raw arrays: the edges of vertex v are
// at positions start[v] .. start[v + 1] of `other` and `edges`. What the query engine reads
// inline, without a virtual call per node, and fetches ahead: a walk over many nodes is bound
// by the memory latency of their rows, not by work.
struct AdjacencyArrays {
  const EdgeId* start = nullptr;
  const VertexId* other = nullptr;
  const EdgeBundle* edges = nullptr;
  // Each row is in ascending type order, so a walk along one type reads only its run.
  bool sorted_by_type = false;

  Adjacency at(VertexId v) const {
    const EdgeId b = start[v], e = start[v + 1];
    return {std::span<const VertexId>(other + b, e - b),
            std::span<const EdgeBundle>(edges + b, e - b)};
  }
  // Asks the cache for where v's row begins: the first stage of fetching a row ahead.
  void prefetch_start(VertexId v) const { prefetch(start + v); }
  // Asks the cache for v's row (reads start[v]: best some time after prefetch_start(v)).
  void prefetch_row(VertexId v) const {
    const EdgeId b = start[v];
    prefetch(other + b);
    prefetch(edges + b);
  }
};

class Graph {
 public:
  Graph() = default;
  // Sorts nodes by id, relationship types (built-ins first, then by name) and edges by
  // (source, type, target), so that the same data gives the same graph whatever the input
  // order; then builds the CSR and the indexes. Edge endpoints in `tables` are node indexes
  // before sorting.
  static Graph freeze(GraphTables tables);

  std::size_t node_count() const { return t_.nodes.size(); }
  std::size_t edge_count() const { return t_.edges.size(); }

  const NodeRecord& node(VertexId v) const { return t_.nodes[v]; }
  const EdgeRecord& edge(EdgeId e) const { return t_.edges[e]; }
  std::string_view str(StrRef r) const {
    return std::string_view(t_.strings).substr(r.offset, r.length);
  }
  std::span<const StrRef> strings(Range r) const { return slice(t_.string_refs, r); }
  std::span<const IdentifierRecord> identifiers(Range r) const { return slice(t_.identifiers, r); }
  std::span<const PropertyRecord> properties(Range r) const { return slice(t_.properties, r); }
  std::span<const ClaimRecord> claims(Range r) const { return slice(t_.claims, r); }
  std::span<const uint32_t> source_ids(Range r) const { return slice(t_.source_refs, r); }
  const SourceRecord& source(uint32_t index) const { return t_.sources[index]; }
  std::size_t source_count() const { return t_.sources.size(); }

  const std::vector<RelationType>& relation_types() const { return t_.relation_types; }
  const RelationType& relation_type(RelTypeId id) const { return t_.relation_types[id]; }
  std::optional<RelTypeId> find_relation_type(std::string_view name) const;

  // The value of a property of an edge or node, when present.
  const PropertyRecord* property(Range properties, std::string_view key) const;

  // Exact id look-up (binary search: nodes are sorted by id).
  std::optional<VertexId> find_id(std::string_view id) const;
  // Nodes of one label, in id order.
  std::span<const VertexId> nodes_with_label(Label label) const {
    return by_label_[static_cast<std::size_t>(label)];
  }
  // Nodes whose folded name, alias, number, identifier or id equals `folded` exactly.
  std::vector<VertexId> find_folded(std::string_view folded) const;
  std::span<const NameKey> name_index() const { return name_index_; }

  const Csr& csr() const { return csr_; }
  AdjacencyArrays out_arrays() const {
    return {csr_.m_forward.m_rowstart.data(), csr_.m_forward.m_column.data(),
            csr_.m_forward.m_edge_properties.data(), true};
  }
  AdjacencyArrays in_arrays() const {
    return {csr_.m_backward.m_rowstart.data(), csr_.m_backward.m_column.data(), in_bundles_.data()};
  }
  Adjacency out_adjacency(VertexId v) const { return out_arrays().at(v); }
  Adjacency in_adjacency(VertexId v) const { return in_arrays().at(v); }
  // Calls fn(const EdgeBundle&) for every out-edge of `v`, in (type, target) order.
  template <typename Fn>
  void for_each_out_edge(VertexId v, Fn&& fn) const {
    for (auto [it, end] = boost::out_edges(v, csr_); it != end; ++it)
      fn(csr_[*it]);
  }
  // Calls fn(const EdgeBundle&) for every in-edge of `v` (CSR keeps them as a second index).
  template <typename Fn>
  void for_each_in_edge(VertexId v, Fn&& fn) const {
    for (auto [it, end] = boost::in_edges(v, csr_); it != end; ++it)
      fn(csr_[*it]);
  }

 private:
  template <typename T>
  static std::span<const T> slice(const std::vector<T>& table, Range r) {
    return std::span<const T>(table.data() + r.begin, r.count);
  }
  void build_indexes();

  GraphTables t_;
  Csr csr_;
  std::array<std::vector<VertexId>, kLabelCount> by_label_;
  std::vector<NameKey> name_index_;  // sorted by folded text, then vertex
  // The bundles of in-edges in the order of the CSR's backward index, so that walking
  // in-edges reads memory in sequence instead of jumping to each forward edge.
  std::vector<EdgeBundle> in_bundles_;
};

}  // namespace jurigraph::graph
