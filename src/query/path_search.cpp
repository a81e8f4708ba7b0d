#include "query/path_search.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>

#include "query/frontier_choice.hpp"

namespace jurigraph::query {
namespace {

constexpr int kForward = 0;   // the side that starts at `from`
constexpr int kBackward = 1;  // the side that starts at `to`

}  // namespace

std::vector<VertexId> Path::nodes(const graph::Graph& g) const {
  std::vector<VertexId> out{start};
  for (const Hop& h : hops) {
    const graph::EdgeRow& e = g.edge_row(h.edge);
    out.push_back(h.forward ? e.target : e.source);
  }
  return out;
}

PathFinder::PathFinder(const graph::Graph& graph) : g_(graph) {
  // A hop packs the edge id with one bit of direction: said before anything is allocated.
  if (graph.edge_count() > (uint64_t{1} << 31))
    throw std::length_error("path search: more than 2^31 edges");
  const std::size_t n = graph.node_count();
  blocked_stamp_ = ZeroedArray<uint32_t>(n);
  spur_block_ = ZeroedArray<uint32_t>(n);
  blocked_edge_stamp_ = ZeroedArray<uint32_t>(graph.edge_count());
  depth_ = ZeroedArray<uint32_t>(n);
  for (BitSet& seen : seen_)
    seen = BitSet(n);
}

void PathFinder::new_search() {
  ++search_;
  for (BitSet& seen : seen_)
    seen.clear();
}

void PathFinder::prepare(const PathConstraints& c) {
  ++query_;
  directed_ = c.directed;
  type_allowed_.clear();
  if (!c.via.empty()) {
    type_allowed_.assign(g_.relation_types().size(), 0);
    for (RelTypeId t : c.via)
      type_allowed_[t] = 1;
  }
  for (VertexId v : c.avoid)
    blocked_stamp_[v] = query_;
  avoiding_ = !c.avoid.empty();
  spur_blocks_ = false;
}

// Calls fn(next, step) for each edge the search may take from `v`. The step's hop is oriented
// along the path from `from` to `to`: for the backward side, it goes from `next` to `v`.
template <typename Fn>
void PathFinder::for_each_step(VertexId v, bool backward, Fn&& fn) const {
  auto walk = [&](const graph::Adjacency& adj, bool as_stored) {
    const bool filter = !type_allowed_.empty() || spur_blocks_;
    for (std::size_t i = 0; i < adj.nodes.size(); ++i) {
      const graph::EdgeBundle& b = adj.edges[i];
      if (filter &&
          (!allowed_type(b.type) || (spur_blocks_ && blocked_edge_stamp_[b.id] == search_)))
        continue;
      fn(adj.nodes[i], Step{&b, as_stored});
    }
  };
  if (!backward || !directed_)
    walk(g_.out_adjacency(v), !backward);
  if (backward || !directed_)
    walk(g_.in_adjacency(v), backward);
}

bool PathFinder::enterable(VertexId v, VertexId from, VertexId to) const {
  if (!avoiding_ && !spur_blocks_)
    return true;
  if (v == from || v == to)
    return true;
  return !(avoiding_ && blocked_stamp_[v] == query_) &&
         !(spur_blocks_ && spur_block_[v] == search_);
}

std::size_t PathFinder::degree(VertexId v) const {
  return g_.degree(v);
}

// Walks a side's log back from `entry` to the origin: the hops, from the origin outwards.
std::vector<Hop> PathFinder::hops_to(int side, std::size_t entry) const {
  const SearchLog& log = log_[side];
  std::vector<Hop> hops;
  for (std::size_t i = entry; i != 0; i = log.came_from[i])
    hops.push_back(log.hop_at(i));
  std::reverse(hops.begin(), hops.end());
  return hops;
}

Path PathFinder::join(VertexId from, std::size_t forward_entry, std::size_t backward_entry) const {
  Path p{from, hops_to(kForward, forward_entry)};
  // The backward hops, from the meeting node to `to`: each is already oriented from `from`.
  std::vector<Hop> rest = hops_to(kBackward, backward_entry);
  p.hops.insert(p.hops.end(), rest.rbegin(), rest.rend());
  return p;
}

int PathFinder::cheaper_side(FrontierCost (&cost)[2], const uint32_t (&level)[2]) const {
  FrontierView side[2];
  for (int s = 0; s < 2; ++s)
    side[s] = FrontierView{log_[s].frontier(), level[s] != 0};
  const graph::AdjacencyArrays out = g_.out_arrays(), in = g_.in_arrays();
  return cheaper_frontier(
      side, cost, [&](VertexId v) { return degree(v); },
      [&](VertexId v) {
        out.prefetch_start(v);
        in.prefetch_start(v);
      });
}

void PathFinder::SearchLog::start(VertexId origin) {
  node.assign(1, origin);
  hop.assign(1, 0);
  came_from.assign(1, 0);
  frontier_begin = 0;
}

std::optional<Path> PathFinder::search(VertexId from, VertexId to, uint32_t max_hops) {
  const VertexId origin[2] = {from, to};
  for (int s = 0; s < 2; ++s) {
    seen_[s].insert(origin[s]);
    log_[s].start(origin[s]);
  }
  if (from == to)
    return Path{from, {}};
  uint32_t level[2] = {0, 0};
  FrontierCost cost[2];
  while (log_[kForward].frontier_size() != 0 && log_[kBackward].frontier_size() != 0 &&
         level[kForward] + level[kBackward] < max_hops) {
    const int side = cheaper_side(cost, level);
    const int other = 1 - side;
    SearchLog& log = log_[side];
    const std::size_t frontier_end = log.node.size();
    bool met = false;
    for (std::size_t i = log.frontier_begin; i < frontier_end && !met; ++i) {
      for_each_step(log.node[i], side == kBackward, [&](VertexId w, Step step) {
        if (met || seen(side, w) || !enterable(w, from, to))
          return;
        seen_[side].insert(w);
        log.add(w, step.hop(), i);
        // The first meeting is a shortest one: a node the other side reached at a shallower
        // depth would have neighbours this side had already met.
        met = seen(other, w);
      });
    }
    if (met) {
      // The other side's entry for the meeting node (every node a side has seen is in its log):
      // found by a scan of the log, once a search, instead of a parent written for every node
      // reached.
      const VertexId meet = log.node.back();
      const std::vector<VertexId>& theirs = log_[other].node;
      const std::size_t their_entry =
          static_cast<std::size_t>(std::find(theirs.begin(), theirs.end(), meet) - theirs.begin());
      const std::size_t our_entry = log.node.size() - 1;
      return side == kForward ? join(from, our_entry, their_entry)
                              : join(from, their_entry, our_entry);
    }
    ++level[side];
    log.frontier_begin = frontier_end;
    cost[side] = FrontierCost{};
  }
  return std::nullopt;
}

std::optional<Path> PathFinder::shortest(VertexId from, VertexId to, const PathConstraints& c) {
  prepare(c);
  new_search();
  return search(from, to, c.max_hops);
}

std::vector<uint32_t> PathFinder::distances_from(VertexId source, const PathConstraints& c) {
  prepare(c);
  new_search();
  std::vector<uint32_t> dist(g_.node_count(), kUnbounded);
  std::vector<VertexId> frontier{source}, next;
  dist[source] = 0;
  for (uint32_t d = 0; !frontier.empty() && d < c.max_hops; ++d) {
    next.clear();
    for (VertexId v : frontier) {
      for_each_step(v, false, [&](VertexId w, Step) {
        if (dist[w] != kUnbounded || !enterable(w, source, source))
          return;
        dist[w] = d + 1;
        next.push_back(w);
      });
    }
    frontier.swap(next);
  }
  return dist;
}

// Breadth-first distances from one end, up to `bound` hops: into seen_[side] and depth_.
void PathFinder::bounded_bfs(int side, VertexId origin, VertexId from, VertexId to,
                             uint32_t bound) {
  frontier_[side].assign(1, origin);
  seen_[side].insert(origin);
  depth_[origin] = 0;
  for (uint32_t d = 0; !frontier_[side].empty() && d < bound; ++d) {
    next_.clear();
    for (VertexId v : frontier_[side]) {
      for_each_step(v, side == kBackward, [&](VertexId w, Step) {
        if (seen(side, w) || !enterable(w, from, to))
          return;
        seen_[side].insert(w);
        depth_[w] = d + 1;
        next_.push_back(w);
      });
    }
    frontier_[side].swap(next_);
  }
}

uint32_t PathFinder::distance_to_end(VertexId v) const {
  return seen(kBackward, v) ? depth_[v] : kUnbounded;
}

PathSet PathFinder::all_shortest(VertexId from, VertexId to, const PathConstraints& c,
                                 std::size_t limit) {
  PathSet out;
  const std::optional<Path> first = shortest(from, to, c);
  if (!first)
    return out;
  const uint32_t length = static_cast<uint32_t>(first->length());
  new_search();
  bounded_bfs(kBackward, to, from, to, length);
  // Walk from `from`, taking only steps that stay on a shortest path.
  Path current{from, {}};
  std::vector<VertexId> stack_nodes{from};
  std::function<void(VertexId)> walk = [&](VertexId v) {
    if (out.truncated)
      return;
    if (v == to) {
      if (out.paths.size() == limit) {
        out.truncated = true;
        return;
      }
      out.paths.push_back(current);
      return;
    }
    const uint32_t used = static_cast<uint32_t>(current.hops.size());
    for_each_step(v, false, [&](VertexId w, Step step) {
      if (out.truncated || !enterable(w, from, to))
        return;
      if (distance_to_end(w) != length - used - 1)
        return;
      current.hops.push_back(step.hop());
      walk(w);
      current.hops.pop_back();
    });
  };
  walk(from);
  return out;
}

PathSet PathFinder::simple_paths(VertexId from, VertexId to, const PathConstraints& c,
                                 std::size_t limit) {
  PathSet out;
  prepare(c);
  new_search();
  const uint32_t bound = c.max_hops == kUnbounded ? 0 : c.max_hops;
  bounded_bfs(kBackward, to, from, to, bound);
  if (distance_to_end(from) == kUnbounded)
    return out;
  Path current{from, {}};
  std::vector<char> on_path(g_.node_count(), 0);
  // Paths of exactly `length` hops, for growing lengths: shortest first, deterministic order.
  std::function<void(VertexId, uint32_t)> walk = [&](VertexId v, uint32_t length) {
    if (out.truncated)
      return;
    const uint32_t used = static_cast<uint32_t>(current.hops.size());
    if (v == to) {
      if (used != length)
        return;
      if (out.paths.size() == limit) {
        out.truncated = true;
        return;
      }
      out.paths.push_back(current);
      return;
    }
    on_path[v] = 1;
    for_each_step(v, false, [&](VertexId w, Step step) {
      if (out.truncated || on_path[w] || !enterable(w, from, to))
        return;
      const uint32_t rest = distance_to_end(w);
      if (rest == kUnbounded || used + 1 + rest > length)
        return;
      current.hops.push_back(step.hop());
      walk(w, length);
      current.hops.pop_back();
    });
    on_path[v] = 0;
  };
  for (uint32_t length = distance_to_end(from); length <= bound && !out.truncated; ++length) {
    walk(from, length);
  }
  return out;
}

PathSet PathFinder::k_shortest(VertexId from, VertexId to, const PathConstraints& c,
                               std::size_t k) {
  PathSet out;
  if (k == 0)
    return out;
  std::optional<Path> first = shortest(from, to, c);
  if (!first)
    return out;
  out.paths.push_back(*first);
  // Candidates ordered by length, then by their hops, so that ties resolve the same way always.
  auto key = [](const Path& p) {
    std::vector<std::pair<EdgeId, bool>> k;
    for (const Hop& h : p.hops)
      k.emplace_back(h.edge, h.forward);
    return std::make_pair(p.hops.size(), k);
  };
  std::map<std::pair<std::size_t, std::vector<std::pair<EdgeId, bool>>>, Path> candidates;
  while (out.paths.size() < k) {
    const Path& last = out.paths.back();
    const std::vector<VertexId> last_nodes = last.nodes(g_);
    for (std::size_t i = 0; i < last.hops.size(); ++i) {
      const VertexId spur = last_nodes[i];
      if (c.max_hops != kUnbounded && i >= c.max_hops)
        break;
      new_search();
      // Remove the next edge of every known path that shares this root, and the root's nodes.
      for (const Path& p : out.paths) {
        if (p.hops.size() > i &&
            std::equal(p.hops.begin(), p.hops.begin() + static_cast<std::ptrdiff_t>(i),
                       last.hops.begin())) {
          blocked_edge_stamp_[p.hops[i].edge] = search_;
        }
      }
      for (std::size_t r = 0; r < i; ++r)
        spur_block_[last_nodes[r]] = search_;
      const uint32_t budget =
          c.max_hops == kUnbounded ? kUnbounded : c.max_hops - static_cast<uint32_t>(i);
      spur_blocks_ = true;
      std::optional<Path> spur_path = search(spur, to, budget);
      spur_blocks_ = false;
      if (!spur_path)
        continue;
      Path total{from, std::vector<Hop>(last.hops.begin(),
                                        last.hops.begin() + static_cast<std::ptrdiff_t>(i))};
      total.hops.insert(total.hops.end(), spur_path->hops.begin(), spur_path->hops.end());
      const bool known = std::any_of(out.paths.begin(), out.paths.end(),
                                     [&](const Path& p) { return p == total; });
      if (!known)
        candidates.emplace(key(total), std::move(total));
    }
    if (candidates.empty())
      break;
    out.paths.push_back(std::move(candidates.begin()->second));
    candidates.erase(candidates.begin());
  }
  out.truncated = !candidates.empty() && out.paths.size() == k;
  return out;
}

Neighbourhood PathFinder::neighbours(VertexId centre, uint32_t depth, const PathConstraints& c) {
  prepare(c);
  new_search();
  Neighbourhood n;
  n.rings.assign(1, {centre});
  std::vector<VertexId> members{centre};
  seen_[kForward].insert(centre);
  for (uint32_t d = 0; d < depth; ++d) {
    std::vector<VertexId> ring;
    for (VertexId v : n.rings.back()) {
      for_each_step(v, false, [&](VertexId w, Step) {
        if (seen(kForward, w) || !enterable(w, centre, centre))
          return;
        seen_[kForward].insert(w);
        ring.push_back(w);
      });
    }
    if (ring.empty())
      break;
    std::sort(ring.begin(), ring.end());
    members.insert(members.end(), ring.begin(), ring.end());
    n.rings.push_back(std::move(ring));
  }
  for (VertexId v : members) {
    g_.for_each_out_edge(v, [&](const graph::EdgeBundle& b) {
      if (allowed_type(b.type) && seen(kForward, g_.edge_row(b.id).target))
        n.edges.push_back(b.id);
    });
  }
  std::sort(n.edges.begin(), n.edges.end());
  return n;
}

}  // namespace jurigraph::query
