// Which side a bidirectional breadth-first search expands next: the one whose frontier has fewer
// edges to scan, the forward one on a tie. Apart from the search so that the rule can be checked
// against summing every frontier in full (tests/unit/frontier_choice_test.cpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>

#include "graph/graph.hpp"

namespace jurigraph::query {

// One side's frontier, for the choice.
struct FrontierView {
  std::span<const graph::VertexId> nodes;
  // The nodes were reached by an edge, so each has a degree of at least 1 (false for the
  // frontier that holds only the search's origin).
  bool reached_by_edges = false;
};

// How far a frontier's degrees have been summed: its first `summed` nodes add up to `edges`.
// Kept by the search while the frontier stays, so that a later choice goes on from there.
struct FrontierCost {
  std::size_t edges = 0;
  std::size_t summed = 0;
};

// Returns 0 (forward) when the forward frontier's degrees add up to at most the backward one's,
// else 1, as summing both in full would; `degree(v)` is the edges the search scans at v and
// `prefetch(v)` asks the cache for what degree(v) reads.
//
// Summing reads the row bounds of every node, a cache miss each, and most frontiers are never
// expanded: a search that crosses a hub meets the other side a level later. At 1M decisions,
// summing every frontier made 1.6M reads for the 1,232 nodes Q1's 100 pairs expand, a third or
// more of its time (CPU samples). So each sum goes only as far as the choice needs: what is not
// summed yet is bounded from below by one edge a node, and the side with the lower bound is summed
// further until one side's full sum is at most the other's bound.
template <typename Degree, typename Prefetch>
int cheaper_frontier(const FrontierView (&side)[2], FrontierCost (&cost)[2], Degree&& degree,
                     Prefetch&& prefetch) {
  auto unsummed = [&](int s) { return side[s].nodes.size() - cost[s].summed; };
  auto lower_bound = [&](int s) {
    return cost[s].edges + (side[s].reached_by_edges ? unsummed(s) : 0);
  };
  for (;;) {
    const std::size_t forward = lower_bound(0), backward = lower_bound(1);
    if (unsummed(0) == 0 && forward <= backward)
      return 0;
    if (unsummed(1) == 0 && backward < forward)
      return 1;
    // The side with the lower bound has nodes left to sum (it would have been chosen above).
    const int s = forward <= backward ? 0 : 1;
    // Some nodes at a time, whose reads overlap, and those two steps on asked for ahead: choosing
    // after every node would wait for each read in turn.
    constexpr std::size_t kStep = 32;
    const std::span<const graph::VertexId> nodes = side[s].nodes;
    const std::size_t end = cost[s].summed + std::min(kStep, unsummed(s));
    for (std::size_t i = cost[s].summed; i < end; ++i) {
      if (i + 2 * kStep < nodes.size())
        prefetch(nodes[i + 2 * kStep]);
      cost[s].edges += degree(nodes[i]);
    }
    cost[s].summed = end;
  }
}

}  // namespace jurigraph::query
