// shortestPath() and allShortestPaths(): a breadth-first search from the bound end over the
// allowed types and direction, then the shortest paths to each target enumerated in
// lexicographic order of their relationship ids, read from the pattern's left node. The first
// one is shortestPath's answer (a documented, deterministic choice among equally short paths);
// allShortestPaths takes them all.
#include <algorithm>

#include "query/cypher/matcher_internal.hpp"

namespace jurigraph::query::cypher::exec {

namespace {
constexpr uint32_t kUnreached = UINT32_MAX;
}  // namespace

// One shortest-path step's memory, sized to the graph once and reset after each search by
// walking what was touched, so a search costs what it explores, not the graph's size.
struct BfsScratch {
  std::vector<uint32_t> dist;   // hops from the search's source, kUnreached
  std::vector<NodeId> touched;  // reached nodes in BFS order (so by distance)
  std::vector<uint8_t> mark;    // on a shortest path to the current target
  std::vector<NodeId> marked;
  std::vector<NodeId> targets;
  std::vector<std::vector<std::pair<RelId, NodeId>>> choices;  // per depth, by relationship id
  std::vector<uint32_t> next;
  std::vector<RelId> rels;  // the path being enumerated, from the pattern's left node

  void reset() {
    for (NodeId n : touched)
      dist[n] = kUnreached;
    touched.clear();
  }
  void clear_marks() {
    for (NodeId n : marked)
      mark[n] = 0;
    marked.clear();
  }
};

bool Matcher::shortest(Step& s, std::size_t i) {
  const auto src = node_in(plan_.nodes[s.from]);
  const RelSpec& r = plan_.rels[s.rel];
  const NodeSpec& to = plan_.nodes[s.to];
  if (!src || r.impossible)
    return true;
  std::optional<NodeId> fixed;
  if (s.to_bound) {
    fixed = node_in(to);
    if (!fixed || !node_ok(to, *fixed))
      return true;
  }
  if (!s.bfs)
    s.bfs = std::make_shared<BfsScratch>();
  BfsScratch& b = *s.bfs;
  if (b.dist.size() != g_.node_count()) {
    ctx_.hold(uint64_t{g_.node_count()} * (sizeof(uint32_t) + sizeof(uint8_t)), r.pos);
    b.dist.assign(g_.node_count(), kUnreached);
    b.mark.assign(g_.node_count(), 0);
  }
  // Leave the scratch clean however this returns (a sink may stop us early).
  struct Cleanup {
    BfsScratch& b;
    ~Cleanup() {
      b.reset();
      b.clear_marks();
    }
  } cleanup{b};

  // Breadth-first from the source, as far as the upper bound and, with a fixed target, no
  // further than its layer.
  const Dir d = walk_direction(r.direction, s.forward);
  b.dist[*src] = 0;
  b.touched.push_back(*src);
  for (std::size_t head = 0; head < b.touched.size(); ++head) {
    const NodeId u = b.touched[head];
    const uint32_t du = b.dist[u];
    if (du >= r.max || (fixed && b.dist[*fixed] != kUnreached && du >= b.dist[*fixed]))
      break;
    for_each_edge(g_, u, d, r.types, [&](RelId rel, TypeId type, NodeId v) {
      ctx_.tick(s.pos);
      if (b.dist[v] == kUnreached && rel_ok(r, rel, type)) {
        b.dist[v] = du + 1;
        b.touched.push_back(v);
      }
      return true;
    });
  }

  b.targets.clear();
  if (fixed) {
    if (b.dist[*fixed] != kUnreached)
      b.targets.push_back(*fixed);
  } else {
    for (NodeId n : b.touched) {
      if (node_ok(to, n))
        b.targets.push_back(n);
    }
    std::sort(b.targets.begin(), b.targets.end());
  }

  const bool all = plan_.parts[s.part].selector == PathSelector::all_shortest;
  // Emits the path in b.rels (left to right) ending at target t; false when the sink stopped.
  // `emitted` tells whether it was taken (a relationship used elsewhere in the match refuses it).
  const auto emit = [&](NodeId t, bool& emitted) {
    emitted = false;
    for (RelId rel : b.rels) {
      if (plan_.used[rel])
        return true;
    }
    emitted = true;
    if (r.var_length) {
      List l;
      l.reserve(b.rels.size());
      for (RelId rel : b.rels)
        l.emplace_back(RelRef{rel});
      row_[r.slot] = Value(std::move(l));
    } else {
      row_[r.slot] = Value(RelRef{b.rels.front()});
    }
    if (!s.to_bound)
      row_[to.slot] = Value(NodeRef{t});
    for (RelId rel : b.rels)
      plan_.used[rel] = 1;
    const bool go_on = step(i + 1);
    for (RelId rel : b.rels)
      plan_.used[rel] = 0;
    return go_on;
  };

  // Read from the left node: the source when walking forward, else the target. From the
  // source, only nodes on a shortest path to the target may be taken, so mark them first.
  const Dir reading = s.forward ? d : reverse(d);
  for (NodeId t : b.targets) {
    bool emitted = false;
    if (t == *src) {
      if (r.min == 0) {
        b.rels.clear();
        if (!emit(t, emitted))
          return false;
      }
      continue;
    }
    const uint32_t length = b.dist[t];
    if (s.forward) {
      b.clear_marks();
      b.mark[t] = 1;
      b.marked.push_back(t);
      for (std::size_t k = 0; k < b.marked.size(); ++k) {
        const NodeId x = b.marked[k];
        const uint32_t dx = b.dist[x];
        if (dx == 0)
          continue;
        for_each_edge(g_, x, reverse(d), r.types, [&](RelId rel, TypeId type, NodeId y) {
          ctx_.tick(s.pos);
          if (b.dist[y] == dx - 1 && !b.mark[y] && rel_ok(r, rel, type)) {
            b.mark[y] = 1;
            b.marked.push_back(y);
          }
          return true;
        });
      }
    }
    const auto fill = [&](uint32_t depth, NodeId x) {
      auto& c = b.choices[depth];
      c.clear();
      b.next[depth] = 0;
      const uint32_t dx = b.dist[x];
      for_each_edge(g_, x, reading, r.types, [&](RelId rel, TypeId type, NodeId y) {
        ctx_.tick(s.pos);
        const bool closer =
            s.forward ? b.dist[y] == dx + 1 && b.mark[y] : dx > 0 && b.dist[y] == dx - 1;
        if (closer && rel_ok(r, rel, type))
          c.emplace_back(rel, y);
        return true;
      });
      std::sort(c.begin(), c.end());
    };
    if (b.choices.size() < length) {
      b.choices.resize(length);
      b.next.resize(length);
    }
    b.rels.clear();
    uint32_t depth = 0;
    fill(0, s.forward ? *src : t);
    bool done = false;
    while (!done) {
      if (b.next[depth] == b.choices[depth].size()) {
        if (depth == 0)
          break;
        --depth;
        b.rels.pop_back();
        continue;
      }
      const auto [rel, y] = b.choices[depth][b.next[depth]++];
      b.rels.push_back(rel);
      if (depth + 1 == length) {
        if (!emit(t, emitted))
          return false;
        b.rels.pop_back();
        done = emitted && !all;
        continue;
      }
      ++depth;
      fill(depth, y);
    }
  }
  return true;
}

}  // namespace jurigraph::query::cypher::exec
