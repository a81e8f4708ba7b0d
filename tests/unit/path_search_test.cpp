// Path search checked against independent reference implementations on random synthetic
// graphs: lengths equal a plain BFS, enumerations equal brute force, every path is valid.
#include "query/path_search.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <functional>
#include <random>
#include <set>
#include <sstream>

#include "generate/synthetic.hpp"
#include "graph/graph.hpp"

namespace jurigraph::query {
namespace {

using graph::Graph;

Graph synthetic(uint64_t decisions, uint64_t seed) {
  return Graph::freeze(generate::build_tables(generate::generate_graph(decisions, seed)));
}

// Reference adjacency built from the edge table alone, not from the CSR.
struct Reference {
  struct Arc {
    VertexId to;
    EdgeId edge;
    bool forward;
  };
  std::vector<std::vector<Arc>> arcs;

  Reference(const Graph& g, const PathConstraints& c) : arcs(g.node_count()) {
    for (EdgeId e = 0; e < g.edge_count(); ++e) {
      const graph::EdgeRecord& r = g.edge(e);
      if (!c.via.empty() && std::find(c.via.begin(), c.via.end(), r.type) == c.via.end())
        continue;
      arcs[r.source].push_back({r.target, e, true});
      if (!c.directed)
        arcs[r.target].push_back({r.source, e, false});
    }
  }

  std::vector<uint32_t> bfs(VertexId from, VertexId to, const PathConstraints& c) const {
    std::vector<uint32_t> dist(arcs.size(), kUnbounded);
    std::deque<VertexId> queue{from};
    dist[from] = 0;
    while (!queue.empty()) {
      const VertexId v = queue.front();
      queue.pop_front();
      if (dist[v] >= c.max_hops)
        continue;
      for (const Arc& a : arcs[v]) {
        const bool avoided = std::find(c.avoid.begin(), c.avoid.end(), a.to) != c.avoid.end();
        if (dist[a.to] != kUnbounded || (avoided && a.to != from && a.to != to))
          continue;
        dist[a.to] = dist[v] + 1;
        queue.push_back(a.to);
      }
    }
    return dist;
  }

  // Every simple path of at most `max_hops` hops, as node sequences' lengths.
  std::vector<std::size_t> simple_path_lengths(VertexId from, VertexId to,
                                               uint32_t max_hops) const {
    std::vector<std::size_t> lengths;
    std::vector<char> on(arcs.size(), 0);
    std::function<void(VertexId, uint32_t)> dfs = [&](VertexId v, uint32_t used) {
      if (v == to) {
        lengths.push_back(used);
        return;
      }
      if (used == max_hops)
        return;
      on[v] = 1;
      for (const Arc& a : arcs[v]) {
        if (!on[a.to])
          dfs(a.to, used + 1);
      }
      on[v] = 0;
    };
    dfs(from, 0);
    std::sort(lengths.begin(), lengths.end());
    return lengths;
  }
};

// A path is valid when its hops chain from `from` to `to`, follow their stated directions,
// respect the constraints and repeat no node.
void expect_valid(const Graph& g, const Path& p, VertexId from, VertexId to,
                  const PathConstraints& c) {
  ASSERT_EQ(p.start, from);
  VertexId at = from;
  std::set<VertexId> visited{from};
  for (const Hop& h : p.hops) {
    const graph::EdgeRecord& e = g.edge(h.edge);
    ASSERT_EQ(h.forward ? e.source : e.target, at);
    at = h.forward ? e.target : e.source;
    EXPECT_TRUE(visited.insert(at).second) << "node repeated";
    if (c.directed) {
      EXPECT_TRUE(h.forward);
    }
    if (!c.via.empty()) {
      EXPECT_NE(std::find(c.via.begin(), c.via.end(), e.type), c.via.end());
    }
    if (at != to) {
      EXPECT_EQ(std::find(c.avoid.begin(), c.avoid.end(), at), c.avoid.end())
          << "entered avoided node " << at << " avoid " << ::testing::PrintToString(c.avoid);
    }
  }
  EXPECT_EQ(at, to);
  EXPECT_LE(p.length(), c.max_hops);
}

std::vector<PathConstraints> constraint_variants(const Graph& g, std::mt19937_64& rng) {
  std::vector<PathConstraints> out(5);
  out[1].directed = true;
  out[2].via = {graph::rel::kAgainst, graph::rel::kIssuedBy, graph::rel::kSubcontractorOf};
  out[3].max_hops = 3;
  std::uniform_int_distribution<VertexId> any(0, static_cast<VertexId>(g.node_count() - 1));
  for (int i = 0; i < 5; ++i)
    out[4].avoid.push_back(any(rng));
  return out;
}

TEST(PathSearch, ShortestLengthsEqualPlainBfsOnRandomGraphs) {
  for (uint64_t seed = 1; seed <= 8; ++seed) {
    const Graph g = synthetic(300, seed);
    std::mt19937_64 rng(seed);
    PathFinder finder(g);
    std::uniform_int_distribution<VertexId> any(0, static_cast<VertexId>(g.node_count() - 1));
    for (const PathConstraints& c : constraint_variants(g, rng)) {
      const Reference ref(g, c);
      for (int i = 0; i < 40; ++i) {
        const VertexId from = any(rng), to = any(rng);
        const std::vector<uint32_t> dist = ref.bfs(from, to, c);
        const std::optional<Path> p = finder.shortest(from, to, c);
        if (dist[to] == kUnbounded) {
          EXPECT_FALSE(p) << "seed " << seed << " " << from << "→" << to;
          continue;
        }
        ASSERT_TRUE(p) << "seed " << seed << " " << from << "→" << to;
        EXPECT_EQ(p->length(), dist[to])
            << "seed " << seed << " " << from << "→" << to << " directed " << c.directed << " via "
            << c.via.size() << " avoid " << c.avoid.size() << " max " << c.max_hops;
        expect_valid(g, *p, from, to, c);
      }
    }
  }
}

TEST(PathSearch, AllShortestAreDistinctValidAndOfMinimalLength) {
  const Graph g = synthetic(200, 3);
  std::mt19937_64 rng(5);
  PathFinder finder(g);
  const PathConstraints c;
  const Reference ref(g, c);
  std::uniform_int_distribution<VertexId> any(0, static_cast<VertexId>(g.node_count() - 1));
  int checked = 0;
  for (int i = 0; i < 60; ++i) {
    const VertexId from = any(rng), to = any(rng);
    const uint32_t d = ref.bfs(from, to, c)[to];
    const PathSet all = finder.all_shortest(from, to, c, 50);
    if (d == kUnbounded) {
      EXPECT_TRUE(all.paths.empty());
      continue;
    }
    ASSERT_FALSE(all.paths.empty());
    std::set<std::vector<std::pair<EdgeId, bool>>> distinct;
    for (const Path& p : all.paths) {
      EXPECT_EQ(p.length(), d);
      expect_valid(g, p, from, to, c);
      std::vector<std::pair<EdgeId, bool>> key;
      for (const Hop& h : p.hops)
        key.emplace_back(h.edge, h.forward);
      distinct.insert(key);
    }
    EXPECT_EQ(distinct.size(), all.paths.size());
    if (!all.truncated) {
      // Brute force: simple paths of exactly length d are the shortest paths.
      const auto lengths = ref.simple_path_lengths(from, to, d);
      EXPECT_EQ(static_cast<std::size_t>(std::count(lengths.begin(), lengths.end(), d)),
                all.paths.size());
    }
    ++checked;
  }
  EXPECT_GT(checked, 20);
}

TEST(PathSearch, KShortestMatchBruteForceLengths) {
  const Graph g = synthetic(60, 11);
  std::mt19937_64 rng(13);
  PathFinder finder(g);
  PathConstraints c;
  c.max_hops = 6;
  const Reference ref(g, c);
  std::uniform_int_distribution<VertexId> any(0, static_cast<VertexId>(g.node_count() - 1));
  int checked = 0;
  for (int i = 0; i < 40 && checked < 15; ++i) {
    const VertexId from = any(rng), to = any(rng);
    if (from == to)
      continue;
    const auto lengths = ref.simple_path_lengths(from, to, c.max_hops);
    const PathSet k = finder.k_shortest(from, to, c, 8);
    const std::size_t expected = std::min<std::size_t>(8, lengths.size());
    ASSERT_EQ(k.paths.size(), expected) << from << "→" << to;
    for (std::size_t j = 0; j < k.paths.size(); ++j) {
      EXPECT_EQ(k.paths[j].length(), lengths[j]);
      expect_valid(g, k.paths[j], from, to, c);
    }
    if (!lengths.empty())
      ++checked;
  }
  EXPECT_GT(checked, 5);
}

TEST(PathSearch, SimplePathsEqualBruteForceAndHonourTheLimit) {
  const Graph g = synthetic(60, 17);
  std::mt19937_64 rng(19);
  PathFinder finder(g);
  PathConstraints c;
  c.max_hops = 5;
  const Reference ref(g, c);
  std::uniform_int_distribution<VertexId> any(0, static_cast<VertexId>(g.node_count() - 1));
  for (int i = 0; i < 30; ++i) {
    const VertexId from = any(rng), to = any(rng);
    if (from == to)
      continue;
    const auto lengths = ref.simple_path_lengths(from, to, c.max_hops);
    const PathSet all = finder.simple_paths(from, to, c, 100000);
    ASSERT_EQ(all.paths.size(), lengths.size());
    EXPECT_FALSE(all.truncated);
    for (std::size_t j = 0; j < all.paths.size(); ++j) {
      EXPECT_EQ(all.paths[j].length(), lengths[j]);  // shortest first
      expect_valid(g, all.paths[j], from, to, c);
    }
    if (lengths.size() > 3) {
      const PathSet few = finder.simple_paths(from, to, c, 3);
      EXPECT_EQ(few.paths.size(), 3u);
      EXPECT_TRUE(few.truncated);
    }
  }
}

TEST(PathSearch, NeighbourRingsAreBfsDistances) {
  const Graph g = synthetic(300, 23);
  PathFinder finder(g);
  for (const bool directed : {false, true}) {
    PathConstraints c;
    c.directed = directed;
    const Reference ref(g, c);
    for (VertexId centre : {VertexId{0}, VertexId{42}, VertexId{200}}) {
      const Neighbourhood n = finder.neighbours(centre, 2, c);
      const auto dist = ref.bfs(centre, centre, c);
      std::size_t within = 0;
      for (uint32_t d : dist)
        within += d <= 2;
      std::size_t listed = 0;
      for (std::size_t d = 0; d < n.rings.size(); ++d) {
        for (VertexId v : n.rings[d])
          EXPECT_EQ(dist[v], d);
        listed += n.rings[d].size();
      }
      EXPECT_EQ(listed, within);
      for (EdgeId e : n.edges) {
        EXPECT_LE(dist[g.edge(e).source], 2u);
        EXPECT_LE(dist[g.edge(e).target], 2u);
      }
    }
  }
}

TEST(PathSearch, NoPathAndSameNode) {
  const Graph g = synthetic(100, 29);
  PathFinder finder(g);
  PathConstraints c;
  const auto same = finder.shortest(5, 5, c);
  ASSERT_TRUE(same);
  EXPECT_EQ(same->length(), 0u);
  c.via = {graph::rel::kSubcontractorOf};  // companies only: a decision is unreachable
  const auto decisions = g.nodes_with_label(graph::Label::Decision);
  const auto companies = g.nodes_with_label(graph::Label::Company);
  EXPECT_FALSE(finder.shortest(companies[0], decisions[0], c));
  // Reusing the finder after a failed search still finds paths.
  c.via.clear();
  const Reference ref(g, c);
  const auto dist = ref.bfs(companies[0], decisions[0], c);
  EXPECT_EQ(finder.shortest(companies[0], decisions[0], c).has_value(),
            dist[decisions[0]] != kUnbounded);
}

}  // namespace
}  // namespace jurigraph::query
