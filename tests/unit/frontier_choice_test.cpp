// The side a bidirectional search expands: the same as summing both frontiers' degrees in full,
// while reading fewer of them.
#include "query/frontier_choice.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>
#include <vector>

namespace jurigraph::query {
namespace {

using graph::VertexId;

// Frontiers over made-up nodes: node v has degree degrees[v].
struct Frontiers {
  std::vector<std::size_t> degrees;
  std::vector<VertexId> nodes[2];
  bool reached_by_edges[2] = {false, false};
  std::size_t reads = 0;

  std::size_t full_sum(int s) const {
    return std::accumulate(nodes[s].begin(), nodes[s].end(), std::size_t{0},
                           [&](std::size_t sum, VertexId v) { return sum + degrees[v]; });
  }
  int choose(FrontierCost (&cost)[2]) {
    const FrontierView view[2] = {{nodes[0], reached_by_edges[0]}, {nodes[1], reached_by_edges[1]}};
    return cheaper_frontier(
        view, cost,
        [&](VertexId v) {
          ++reads;
          return degrees[v];
        },
        [](VertexId) {});
  }
};

// Mostly small degrees, now and then a hub, as in a graph of decisions; none below `least`.
std::size_t draw_degree(std::mt19937_64& rng, std::size_t least) {
  std::uniform_int_distribution<int> kind(0, 19);
  std::uniform_int_distribution<std::size_t> small(least, 6), hub(100, 20000);
  return kind(rng) == 0 ? hub(rng) : small(rng);
}

void draw_frontier(Frontiers& f, int s, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> shape(0, 3);
  std::uniform_int_distribution<std::size_t> size(1, shape(rng) == 0 ? 3000 : 40);
  // A frontier not reached by edges (a search's origin) may hold nodes of degree 0.
  f.reached_by_edges[s] = shape(rng) != 0;
  f.nodes[s].clear();
  for (std::size_t i = size(rng); i > 0; --i) {
    f.nodes[s].push_back(static_cast<VertexId>(f.degrees.size()));
    f.degrees.push_back(draw_degree(rng, f.reached_by_edges[s] ? 1 : 0));
  }
}

TEST(FrontierChoice, ChoosesAsSummingEveryDegreeWouldAndReadsFewer) {
  // Reads by the choice, and by summing each frontier once in full (as the search did before).
  std::size_t reads = 0, full_reads = 0;
  constexpr int kSteps = 12;
  for (uint64_t seed = 1; seed <= 200; ++seed) {
    std::mt19937_64 rng(seed);
    Frontiers f;
    draw_frontier(f, 0, rng);
    draw_frontier(f, 1, rng);
    full_reads += f.nodes[0].size() + f.nodes[1].size();
    FrontierCost cost[2];
    // As in a search: the chosen side's frontier is replaced, the other's partial sum is kept.
    for (int step = 0; step < kSteps; ++step) {
      const int expected = f.full_sum(0) <= f.full_sum(1) ? 0 : 1;
      const int chosen = f.choose(cost);
      ASSERT_EQ(chosen, expected) << "seed " << seed << " step " << step << ": sums "
                                  << f.full_sum(0) << " and " << f.full_sum(1);
      EXPECT_EQ(cost[chosen].edges, f.full_sum(chosen));
      if (step + 1 == kSteps)
        break;
      draw_frontier(f, chosen, rng);
      full_reads += f.nodes[chosen].size();
      cost[chosen] = FrontierCost{};
    }
    reads += f.reads;
  }
  EXPECT_LT(reads, full_reads);
}

TEST(FrontierChoice, ATieGoesForward) {
  Frontiers f;
  f.degrees = {3, 1, 2};
  f.nodes[0] = {0};
  f.nodes[1] = {1, 2};
  f.reached_by_edges[0] = f.reached_by_edges[1] = true;
  FrontierCost cost[2];
  EXPECT_EQ(f.choose(cost), 0);
  f.degrees = {4, 1, 2};
  FrontierCost fresh[2];
  EXPECT_EQ(f.choose(fresh), 1);
  // The backward sum is complete first (its bound is lower), then equals the forward bound.
  f.degrees = {1, 1, 2};
  f.nodes[0] = {0, 1};
  f.nodes[1] = {2};
  FrontierCost tie[2];
  EXPECT_EQ(f.choose(tie), 0);
}

TEST(FrontierChoice, NodesNotReachedByEdgesMayHaveNoEdges) {
  // Two nodes of degree 0 against one of degree 1: counting an edge for each would choose the
  // backward side.
  Frontiers f;
  f.degrees = {0, 0, 1};
  f.nodes[0] = {0, 1};
  f.nodes[1] = {2};
  f.reached_by_edges[1] = true;
  FrontierCost cost[2];
  EXPECT_EQ(f.choose(cost), 0);
}

TEST(FrontierChoice, ALargeFrontierIsNotSummedAgainstASmallOne) {
  // One node of degree 3 against 100,000 nodes reached by edges: at least 100,000 edges, so the
  // choice needs the one degree only.
  Frontiers f;
  f.degrees.assign(100001, 1);
  f.degrees[0] = 3;
  f.nodes[0] = {0};
  for (VertexId v = 1; v <= 100000; ++v)
    f.nodes[1].push_back(v);
  f.reached_by_edges[0] = f.reached_by_edges[1] = true;
  FrontierCost cost[2];
  EXPECT_EQ(f.choose(cost), 0);
  EXPECT_EQ(f.reads, 1u);
}

}  // namespace
}  // namespace jurigraph::query
