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

// The positions of row `a` (of `side`) worth reading for a relationship of one of `types`
// (empty: any): the whole row, or, where rows are sorted by type and one type is asked for,
// that type's run.
inline std::pair<std::size_t, std::size_t> type_run(const graph::AdjacencyArrays& side,
                                                    const graph::Adjacency& a,
                                                    const std::vector<TypeId>& types) {
  if (!side.sorted_by_type || types.size() != 1)
    return {0, a.nodes.size()};
  const auto by_type = [](const graph::EdgeBundle& e, TypeId t) { return e.type < t; };
  auto k = static_cast<std::size_t>(
      std::lower_bound(a.edges.begin(), a.edges.end(), types[0], by_type) - a.edges.begin());
  const std::size_t begin = k;
  while (k < a.edges.size() && a.edges[k].type == types[0])
    ++k;
  return {begin, k};
}

// Calls f(rel, type, other) for every relationship of `u` in direction `d` that may have one of
// `types` (empty: any), until f returns false; f still checks the type. Undirected: a
// self-loop is seen once (from the out-list), as Cypher counts it.
template <class F>
bool for_each_edge(const PropertyGraph& g, NodeId u, Dir d, const std::vector<TypeId>& types,
                   F&& f) {
  const auto walk = [&](const graph::AdjacencyArrays& side, bool skip_self_loops) {
    const graph::Adjacency a = side.at(u);
    const auto [begin, end] = type_run(side, a, types);
    for (std::size_t k = begin; k < end; ++k) {
      if (skip_self_loops && a.nodes[k] == u)
        continue;
      if (!f(static_cast<RelId>(a.edges[k].id), a.edges[k].type, static_cast<NodeId>(a.nodes[k])))
        return false;
    }
    return true;
  };
  return (d == Dir::in || walk(g.out_arrays(), false)) &&
         (d == Dir::out || walk(g.in_arrays(), d == Dir::both));
}

class Matcher {
 public:
  // How many candidates ahead expand_along() asks for: a candidate's row start, its row, then
  // the next step's candidates' row starts and rows (each stage's loads find their addresses
  // in cache). Measured at 1M decisions: 4 and 2 apart are as good as 8 or 16.
  static constexpr std::size_t kAheadStart = 8, kAheadRow = 4, kAheadNextStart = 2,
                               kAheadNextRow = 1;
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
  // One direction of an expansion from u: the candidates of `a`, fetching ahead.
  bool expand_along(Step& s, std::size_t i, const graph::AdjacencyArrays& side, NodeId u,
                    bool skip_self_loops);
  void prefetch_ahead(const Step& s, const graph::Adjacency& a, std::size_t k,
                      std::size_t end) const {
    if (k + kAheadStart < end)
      prefetch_node(s, a.nodes[k + kAheadStart], false);
    if (k + kAheadRow < end)
      prefetch_node(s, a.nodes[k + kAheadRow], true);
    if (s.next_expand == UINT32_MAX)
      return;
    // The next step's candidates, read from rows fetched by the stages above.
    const Step& t = plan_.steps[s.next_expand];
    const std::vector<TypeId>& types = plan_.rels[t.rel].types;
    for (const bool row : {false, true}) {
      const std::size_t at = k + (row ? kAheadNextRow : kAheadNextStart);
      if (at >= end)
        continue;
      const NodeId v = a.nodes[at];
      const auto each = [&](const graph::AdjacencyArrays& side) {
        const graph::Adjacency b = side.at(v);
        const auto [first, last] = type_run(side, b, types);
        for (std::size_t m = first; m < last; ++m)
          prefetch_node(t, b.nodes[m], row);
      };
      if (s.prefetch_out)
        each(g_.out_arrays());
      if (s.prefetch_in)
        each(g_.in_arrays());
    }
  }

  // Asks the cache for where v's rows start (and its label), or for the rows themselves, in
  // the directions that step s says later steps read.
  void prefetch_node(const Step& s, NodeId v, bool row) const {
    if (!row && !single_labels_.empty())
      graph::prefetch(single_labels_.data() + v);
    if (s.prefetch_out)
      row ? g_.out_arrays().prefetch_row(v) : g_.out_arrays().prefetch_start(v);
    if (s.prefetch_in)
      row ? g_.in_arrays().prefetch_row(v) : g_.in_arrays().prefetch_start(v);
  }
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
