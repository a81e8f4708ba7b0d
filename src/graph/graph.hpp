// The frozen knowledge graph: a bidirectional compressed-sparse-row adjacency (built with
// Boost.Graph) over the node and edge records, with indexes by id, label and folded name.
// Immutable once built; every query and exporter reads it through `const Graph&`.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "graph/graph_tables.hpp"
#include "graph/model.hpp"
#include "graph/name_index.hpp"

namespace jurigraph::graph {

struct EdgeBundle {
  EdgeId id = 0;  // index of the EdgeRecord
  RelTypeId type = 0;
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

// The arrays a frozen graph is read from, wherever they live: in vectors the graph owns (after
// freeze) or in a memory-mapped snapshot file. Every accessor of Graph reads through these views,
// so a graph opened from a snapshot costs no copy and only the pages a query touches.
struct GraphArrays {
  std::string_view strings;  // every StrRef points in here
  std::span<const NodeRow> nodes;
  std::span<const NodeDetails> node_details;  // what nodes' `details` index
  std::span<const EdgeRow> edges;
  std::span<const EdgeDetails> edge_details;
  std::span<const SourceRecord> sources;
  std::span<const uint32_t> source_refs;
  std::span<const StrRef> string_refs;
  std::span<const IdentifierRecord> identifiers;
  std::span<const PropertyRecord> properties;
  std::span<const ClaimRecord> claims;
  // One byte per vertex: label tests read these, not the records a hundred bytes apart.
  std::span<const Label> labels;
  // Both directions of the compressed-sparse-row adjacency (node_count + 1 row starts).
  std::span<const EdgeId> out_start;
  std::span<const VertexId> out_other;
  std::span<const EdgeBundle> out_edges;
  std::span<const EdgeId> in_start;
  std::span<const VertexId> in_other;
  std::span<const EdgeBundle> in_edges;
  // Vertices grouped by label (in id order within a label): label l is at
  // label_nodes[label_start[l] .. label_start[l + 1]].
  std::span<const VertexId> label_nodes;
  std::array<uint32_t, kLabelCount + 1> label_start{};
  std::span<const NameKey> name_index;  // by hash of the folded text, then vertex (name_index.hpp)
  // The planner's relationship counts (relation_counts.hpp): freeze's, or a snapshot's.
  std::span<const uint64_t> relation_counts;
};

class Graph {
 public:
  Graph() = default;
  // Sorts nodes by id, relationship types (built-ins first, then by name) and edges by
  // (source, type, target), so that the same data gives the same graph whatever the input
  // order; then builds the CSR (Boost's compressed_sparse_row_graph) and the indexes. Edge
  // endpoints in `tables` are node indexes before sorting.
  static Graph freeze(GraphTables tables);
  // A graph over arrays that `storage` keeps alive (a snapshot's mapping); the arrays must be
  // consistent (the snapshot reader checks them).
  static Graph over(const GraphArrays& arrays, std::vector<RelationType> relation_types,
                    std::shared_ptr<const void> storage);

  std::size_t node_count() const { return a_.nodes.size(); }
  std::size_t edge_count() const { return a_.edges.size(); }

  // The whole node, its row and details joined (a copy of 128 bytes: callers may keep it by const
  // reference, which extends the copy's life).
  NodeRecord node(VertexId v) const { return joined(a_.nodes[v], a_.node_details); }
  // Id, name, label and the decision fields only: what look-ups and indexes need.
  const NodeRow& node_row(VertexId v) const { return a_.nodes[v]; }
  // The whole edge, its row and details joined (a copy of 36 bytes: cheap, and callers may keep
  // it by const reference, which extends the copy's life).
  EdgeRecord edge(EdgeId e) const {
    const EdgeRow& r = a_.edges[e];
    const EdgeDetails& d = a_.edge_details[r.details];
    return {r.source, r.target, r.type, d.properties, d.sources, d.claims};
  }
  // Ends and type only: what traversals need, without reading the details.
  const EdgeRow& edge_row(EdgeId e) const { return a_.edges[e]; }
  Label label(VertexId v) const { return a_.labels[v]; }
  std::span<const Label> vertex_labels() const { return a_.labels; }
  std::string_view str(StrRef r) const { return a_.strings.substr(r.offset, r.length); }
  std::span<const StrRef> strings(Range r) const {
    return a_.string_refs.subspan(r.begin, r.count);
  }
  std::span<const IdentifierRecord> identifiers(Range r) const {
    return a_.identifiers.subspan(r.begin, r.count);
  }
  std::span<const PropertyRecord> properties(Range r) const {
    return a_.properties.subspan(r.begin, r.count);
  }
  std::span<const ClaimRecord> claims(Range r) const { return a_.claims.subspan(r.begin, r.count); }
  std::span<const uint32_t> source_ids(Range r) const {
    return a_.source_refs.subspan(r.begin, r.count);
  }
  const SourceRecord& source(uint32_t index) const { return a_.sources[index]; }
  std::size_t source_count() const { return a_.sources.size(); }

  const std::vector<RelationType>& relation_types() const { return relation_types_; }
  const RelationType& relation_type(RelTypeId id) const { return relation_types_[id]; }
  std::optional<RelTypeId> find_relation_type(std::string_view name) const;

  // The value of a property of an edge or node, when present.
  const PropertyRecord* property(Range props, std::string_view key) const;

  // Exact id look-up (binary search: nodes are sorted by id).
  std::optional<VertexId> find_id(std::string_view id) const;
  // Nodes of one label, in id order.
  std::span<const VertexId> nodes_with_label(Label label) const {
    const auto l = static_cast<std::size_t>(label);
    return a_.label_nodes.subspan(a_.label_start[l], a_.label_start[l + 1] - a_.label_start[l]);
  }
  // Nodes whose folded name, alias, number, identifier or id equals `folded` exactly.
  std::vector<VertexId> find_folded(std::string_view folded) const;
  std::span<const NameKey> name_index() const { return a_.name_index; }

  // Every array, for the snapshot writer.
  const GraphArrays& arrays() const { return a_; }

  AdjacencyArrays out_arrays() const {
    return {a_.out_start.data(), a_.out_other.data(), a_.out_edges.data(), true};
  }
  AdjacencyArrays in_arrays() const {
    return {a_.in_start.data(), a_.in_other.data(), a_.in_edges.data()};
  }
  Adjacency out_adjacency(VertexId v) const { return out_arrays().at(v); }
  Adjacency in_adjacency(VertexId v) const { return in_arrays().at(v); }
  std::size_t degree(VertexId v) const {
    return a_.out_start[v + 1] - a_.out_start[v] + a_.in_start[v + 1] - a_.in_start[v];
  }
  // Calls fn(const EdgeBundle&) for every out-edge of `v`, in (type, target) order.
  template <typename Fn>
  void for_each_out_edge(VertexId v, Fn&& fn) const {
    for (const EdgeBundle& b : out_adjacency(v).edges)
      fn(b);
  }
  // Calls fn(const EdgeBundle&) for every in-edge of `v`.
  template <typename Fn>
  void for_each_in_edge(VertexId v, Fn&& fn) const {
    for (const EdgeBundle& b : in_adjacency(v).edges)
      fn(b);
  }

 private:
  GraphArrays a_;
  std::vector<RelationType> relation_types_;
  // What the arrays live in: the vectors freeze built, or a snapshot's mapping. Shared, so a
  // copy of a graph is cheap and reads the same memory.
  std::shared_ptr<const void> storage_;
};

}  // namespace jurigraph::graph
