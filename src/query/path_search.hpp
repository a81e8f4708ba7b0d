// Path search over the frozen graph: shortest path (bidirectional BFS, meeting in the middle),
// all shortest paths, the k shortest loopless paths (Yen), every simple path up to a bound,
// and the ego network of a node. Edges can be followed as stored or in both directions, be
// restricted to some relationship types, and avoid some nodes.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "base/bit_set.hpp"
#include "base/zeroed_array.hpp"
#include "graph/graph.hpp"

namespace jurigraph::query {

using graph::EdgeId;
using graph::RelTypeId;
using graph::VertexId;

struct FrontierCost;

inline constexpr uint32_t kUnbounded = std::numeric_limits<uint32_t>::max();

// Which edges a search may use. An empty `via` allows every type.
struct PathConstraints {
  bool directed = false;  // follow edges only from source to target, as stored
  std::vector<RelTypeId> via;
  std::vector<VertexId> avoid;  // never entered (the end points themselves are allowed)
  uint32_t max_hops = kUnbounded;
};

// One step of a path: the edge, and whether it was walked as stored (source → target).
struct Hop {
  EdgeId edge = 0;
  bool forward = true;
  bool operator==(const Hop&) const = default;
};

struct Path {
  VertexId start = 0;
  std::vector<Hop> hops;

  std::size_t length() const { return hops.size(); }
  // start, then the far end of every hop.
  std::vector<VertexId> nodes(const graph::Graph& g) const;
  bool operator==(const Path&) const = default;
};

// Paths found by an enumeration, and whether it stopped at its limit.
struct PathSet {
  std::vector<Path> paths;
  bool truncated = false;
};

// Nodes around a centre, by distance: rings[d] holds the nodes at exactly d hops.
struct Neighbourhood {
  std::vector<std::vector<VertexId>> rings;
  std::vector<EdgeId> edges;  // every allowed edge between two nodes of the neighbourhood
};

// Holds the search state so that consecutive queries reuse it instead of reallocating: the
// visited sets are emptied (2 × 156 kB at 1.25M nodes), the other marks are stamped with a
// query number, so a new query starts without clearing them.
class PathFinder {
 public:
  explicit PathFinder(const graph::Graph& graph);

  std::optional<Path> shortest(VertexId from, VertexId to, const PathConstraints& c);
  // Every shortest path, in a stable order, at most `limit`.
  PathSet all_shortest(VertexId from, VertexId to, const PathConstraints& c, std::size_t limit);
  // The k shortest loopless paths (Yen's algorithm), shortest first.
  PathSet k_shortest(VertexId from, VertexId to, const PathConstraints& c, std::size_t k);
  // Every simple path of at most c.max_hops hops, shortest first, at most `limit`.
  PathSet simple_paths(VertexId from, VertexId to, const PathConstraints& c, std::size_t limit);
  // The nodes within `depth` hops of `centre`.
  Neighbourhood neighbours(VertexId centre, uint32_t depth, const PathConstraints& c);

  // Plain single-source BFS distances (tests compare the bidirectional search with it).
  std::vector<uint32_t> distances_from(VertexId source, const PathConstraints& c);

 private:
  // An edge a search may take. Its id is read only for the hop, when a search keeps the step:
  // most steps reach a node seen already, and the row's bundles need not be fetched for them.
  struct Step {
    const graph::EdgeBundle* bundle;
    bool as_stored;
    Hop hop() const { return Hop{bundle->id, as_stored}; }
  };
  template <typename Fn>
  void for_each_step(VertexId v, bool backward, Fn&& fn) const;
  bool allowed_type(RelTypeId t) const { return type_allowed_.empty() || type_allowed_[t]; }
  // Applies the constraints for the searches that follow.
  void prepare(const PathConstraints& c);
  // Starts a new search: nothing is seen yet, and the stamps of the previous one are void.
  void new_search();
  bool enterable(VertexId v, VertexId from, VertexId to) const;
  std::size_t degree(VertexId v) const;
  // Which side a bidirectional search expands next: the one with fewer edges to scan.
  int cheaper_side(FrontierCost (&cost)[2], const uint32_t (&level)[2]) const;
  // Bidirectional BFS in the current search; the path, or nullopt.
  std::optional<Path> search(VertexId from, VertexId to, uint32_t max_hops);
  // The path through the meeting node, given its entry in each side's log.
  Path join(VertexId from, std::size_t forward_entry, std::size_t backward_entry) const;
  std::vector<Hop> hops_to(int side, std::size_t entry) const;
  void bounded_bfs(int side, VertexId origin, VertexId from, VertexId to, uint32_t bound);
  uint32_t distance_to_end(VertexId v) const;

  const graph::Graph& g_;
  uint32_t query_ = 0;   // stamps of the current constraints
  uint32_t search_ = 0;  // stamps of the current search
  bool directed_ = false;
  std::vector<char> type_allowed_;
  // Stamps and marks start as zero pages from the kernel (ZeroedArray): a search pays only for
  // the pages it writes, and the stamps only the constrained searches use cost nothing otherwise.
  ZeroedArray<uint32_t> blocked_stamp_;
  bool avoiding_ = false;                     // some node is avoided: check blocked_stamp_
  ZeroedArray<uint32_t> spur_block_;          // Yen: root-path nodes, stamped with search_
  ZeroedArray<uint32_t> blocked_edge_stamp_;  // Yen: removed edges, stamped with search_
  bool spur_blocks_ = false;                  // a Yen spur search is running
  // Forward and backward search state. Whether a side has reached a node is a bit (BitSet:
  // 156 kB a side at 1.25M nodes, in the L2 cache), tested for every edge a search scans.
  BitSet seen_[2];
  bool seen(int side, VertexId v) const { return seen_[side].contains(v); }
  // What a side of the bidirectional search reached, in order: each node with the hop that
  // reached it and the entry of the node it came from. The entries of the current frontier are
  // the last ones, from frontier_begin. Appended in order rather than a parent written at each
  // node's place in an array the size of the graph: most nodes a search reaches are never
  // expanded nor on the path, and that write is a cache miss at each of them (1M decisions, Q1
  // in three interleaved pairs of runs: 13–29% faster with the log).
  struct SearchLog {
    std::vector<VertexId> node;
    std::vector<uint32_t> hop;  // packed: the edge id, then a bit for the direction
    std::vector<uint32_t> came_from;
    std::size_t frontier_begin = 0;
    void start(VertexId origin);
    void add(VertexId v, Hop h, std::size_t from_entry) {
      node.push_back(v);
      hop.push_back(h.edge << 1 | static_cast<uint32_t>(h.forward));
      came_from.push_back(static_cast<uint32_t>(from_entry));
    }
    Hop hop_at(std::size_t entry) const { return Hop{hop[entry] >> 1, (hop[entry] & 1) != 0}; }
    std::size_t frontier_size() const { return node.size() - frontier_begin; }
    std::span<const VertexId> frontier() const {
      return std::span<const VertexId>(node).subspan(frontier_begin);
    }
  };
  SearchLog log_[2];
  // Distance to the backward origin, written by bounded_bfs only (the searches that read
  // distances: all shortest paths, simple paths).
  ZeroedArray<uint32_t> depth_;
  std::vector<VertexId> frontier_[2];
  std::vector<VertexId> next_;
};

}  // namespace jurigraph::query
