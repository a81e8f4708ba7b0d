// Shortest paths between 100 fixed random company pairs on synthetic graphs of 10k, 100k and
// 1M decisions (direction ignored, every relationship type), after the graph is built.
// Reports the time for all 100 pairs per iteration, and per-pair median and p99 as counters.
//
//   build/bench/jurigraph_path_bench --benchmark_filter=100k
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <random>

#include "bench/synthetic_fixture.hpp"
#include "graph/graph.hpp"
#include "query/path_search.hpp"

namespace {

using namespace jurigraph;

struct Fixture {
  const graph::Graph& graph;
  std::vector<std::pair<graph::VertexId, graph::VertexId>> pairs;
};

// The graph and its 100 pairs, made once per size.
Fixture& fixture(uint64_t decisions) {
  static std::map<uint64_t, std::unique_ptr<Fixture>> cache;
  auto& slot = cache[decisions];
  if (!slot) {
    slot = std::make_unique<Fixture>(Fixture{bench::synthetic_graph(decisions), {}});
    const auto companies = slot->graph.nodes_with_label(graph::Label::Company);
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<std::size_t> pick(0, companies.size() - 1);
    for (int i = 0; i < 100; ++i)
      slot->pairs.emplace_back(companies[pick(rng)], companies[pick(rng)]);
  }
  return *slot;
}

void BM_ShortestPath100Pairs(benchmark::State& state) {
  Fixture& f = fixture(static_cast<uint64_t>(state.range(0)));
  query::PathFinder finder(f.graph);
  const query::PathConstraints unconstrained;
  std::vector<double> per_pair_us;
  std::size_t found = 0, hops = 0;
  for (auto _ : state) {
    for (const auto& [from, to] : f.pairs) {
      const auto start = std::chrono::steady_clock::now();
      auto path = finder.shortest(from, to, unconstrained);
      const auto end = std::chrono::steady_clock::now();
      per_pair_us.push_back(std::chrono::duration<double, std::micro>(end - start).count());
      if (path) {
        ++found;
        hops += path->length();
      }
      benchmark::DoNotOptimize(path);
    }
  }
  std::sort(per_pair_us.begin(), per_pair_us.end());
  state.counters["pair_median_us"] = per_pair_us[per_pair_us.size() / 2];
  state.counters["pair_p99_us"] = per_pair_us[per_pair_us.size() * 99 / 100];
  state.counters["connected_pairs_pct"] =
      100.0 * static_cast<double>(found) / static_cast<double>(per_pair_us.size());
  state.counters["mean_hops"] = found ? static_cast<double>(hops) / static_cast<double>(found) : 0;
  state.counters["nodes"] = static_cast<double>(f.graph.node_count());
  state.counters["edges"] = static_cast<double>(f.graph.edge_count());
}

BENCHMARK(BM_ShortestPath100Pairs)
    ->Name("shortest_path_100_pairs/10k")
    ->Arg(10'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShortestPath100Pairs)
    ->Name("shortest_path_100_pairs/100k")
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShortestPath100Pairs)
    ->Name("shortest_path_100_pairs/1M")
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond);

void BM_Neighbours3Hops(benchmark::State& state) {
  Fixture& f = fixture(static_cast<uint64_t>(state.range(0)));
  query::PathFinder finder(f.graph);
  const query::PathConstraints unconstrained;
  std::size_t total = 0;
  for (auto _ : state) {
    for (const auto& [from, to] : f.pairs) {
      const auto n = finder.neighbours(from, 3, unconstrained);
      for (const auto& ring : n.rings)
        total += ring.size();
    }
  }
  state.counters["nodes_reached_per_centre"] =
      static_cast<double>(total) / static_cast<double>(state.iterations() * 100);
}

BENCHMARK(BM_Neighbours3Hops)
    ->Name("neighbours_3_hops_100_centres/100k")
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
