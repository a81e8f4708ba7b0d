// The matcher's internals, shared by pattern_matcher.cpp (start, expansion, variable length,
// paths, filters) and shortest_path.cpp (BFS).
#pragma once

#include <algorithm>

#include "query/cypher/expression_eval.hpp"
#include "query/cypher/pattern_matcher.hpp"

namespace jurigraph::query::cypher::exec {

// Which adjacency a step follows from the node it stands on.
enum class Dir : uint8_t { out, in, both };

// The pattern's direction as seen when walking it left to right (`forward`) or right to left.
inline Dir walk_direction(Direction d, bool forward) {
  switch (d) {
    case Direction::outgoing:
      return forward ? Dir::out : Dir::in;
    case Direction::incoming:
      return forward ? Dir::in : Dir::out;
    case Direction::undirected:
      break;
  }
  return Dir::both;
}

inline Dir reverse(Dir d) {
  return d == Dir::out ? Dir::in : (d == Dir::in ? Dir::out : Dir::both);
}

// Calls f(rel, type, other) for every relationship of `u` in direction `d`, until f returns
// false. Undirected: a self-loop is seen once (from the out-list), as Cypher counts it.
template <class F>
bool for_each_edge(const PropertyGraph& g, NodeId u, Dir d, F&& f) {
  if (d != Dir::in) {
    const graph::Adjacency a = g.out(u);
    for (std::size_t k = 0; k < a.nodes.size(); ++k) {
      if (!f(static_cast<RelId>(a.edges[k].id), a.edges[k].type, static_cast<NodeId>(a.nodes[k])))
        return false;
    }
  }
  if (d != Dir::out) {
    const graph::Adjacency a = g.in(u);
    for (std::size_t k = 0; k < a.nodes.size(); ++k) {
      if (d == Dir::both && a.nodes[k] == u)
        continue;
      if (!f(static_cast<RelId>(a.edges[k].id), a.edges[k].type, static_cast<NodeId>(a.nodes[k])))
        return false;
    }
  }
  return true;
}

class Matcher {
 public:
  Matcher(MatchPlan& plan, Row& row, ExecContext& ctx, RowSink& out)
      : plan_(plan),
        row_(row),
        ctx_(ctx),
        g_(ctx.graph),
        out_(out),
        single_labels_(ctx.graph.single_labels()) {}

  bool run();

 private:
  bool step(std::size_t i);
  bool start(Step& s, std::size_t i);
  bool expand(Step& s, std::size_t i);
  bool expand_bound(Step& s, std::size_t i);
  bool var_expand(Step& s, std::size_t i);
  bool var_expand_bound(Step& s, std::size_t i);
  bool emit_var(Step& s, std::size_t i, NodeId v);
  bool shortest(Step& s, std::size_t i);  // shortest_path.cpp
  bool build_path(Step& s, std::size_t i);

  bool node_ok(const NodeSpec& n, NodeId id, bool check_labels = true) const;
  bool rel_ok(const RelSpec& r, RelId id, TypeId type) const;
  static bool type_ok(const RelSpec& r, TypeId type) {
    return r.types.empty() || std::find(r.types.begin(), r.types.end(), type) != r.types.end();
  }
  // Relationship uniqueness for a relationship that a fixed-length step binds (see MatchPlan).
  bool taken(const Step& s, RelId rel) const {
    if (plan_.trail_bitmap)
      return plan_.used[rel] != 0;
    for (uint32_t j : s.conflicts) {
      if (plan_.rel_ids[j] == rel)
        return true;
    }
    return false;
  }
  void take(const Step& s, RelId rel) {
    if (plan_.trail_bitmap)
      plan_.used[rel] = 1;
    else
      plan_.rel_ids[s.rel] = rel;
  }
  void release(RelId rel) {
    if (plan_.trail_bitmap)
      plan_.used[rel] = 0;
  }
  // The node in `slot`: nullopt for null; a type error for anything but a node.
  std::optional<NodeId> node_in(const NodeSpec& n) const;
  // The target of a step: binds it, or checks it against its bound value.
  bool accept_target(const Step& s, NodeId v);
  List rel_list(const std::vector<RelId>& trail, bool forward) const;

  MatchPlan& plan_;
  Row& row_;
  ExecContext& ctx_;
  const PropertyGraph& g_;
  RowSink& out_;
  std::span<const uint8_t> single_labels_;  // PropertyGraph::single_labels()
};

}  // namespace jurigraph::query::cypher::exec
