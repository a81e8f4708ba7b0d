// Cypher queries: the typed pattern count of the scale comparison (companies with a decision
// against them by an authority that a court later ruled on) on synthetic graphs of 100k and 1M
// decisions, and every research question of queries/ on the shipped datasets (parse, bind and
// execute each time).
//
//   build/bench/jurigraph_query_bench --benchmark_filter=pattern
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bench/synthetic_fixture.hpp"
#include "ingest/ingest.hpp"
#include "query/cypher/engine.hpp"
#include "query/cypher/graph_view.hpp"
#include "query/cypher/parser.hpp"

namespace {

using namespace jurigraph;
using namespace jurigraph::query::cypher;

constexpr const char* kPatternCount =
    "MATCH (c:Company)<-[:AGAINST]-(d1:Decision)-[:ISSUED_BY]->(:Authority), "
    "(d2:Decision)-[:APPEAL_OF]->(d1), (d2)-[:ISSUED_BY]->(:Court) "
    "RETURN count(DISTINCT c) AS companies";

void BM_PatternCount(benchmark::State& state) {
  const graph::Graph& g = bench::synthetic_graph(static_cast<uint64_t>(state.range(0)));
  const GraphView view(g);
  const Query q = parse_query(kPatternCount);
  int64_t companies = 0;
  uint64_t steps = 0;
  for (auto _ : state) {
    const QueryResult r = execute(view, q, {}, {});
    companies = r.rows.at(0).at(0).as_int();
    steps = r.stats.steps;
  }
  state.counters["companies"] = static_cast<double>(companies);
  state.counters["steps"] = static_cast<double>(steps);
}
BENCHMARK(BM_PatternCount)->Name("pattern_count/100k")->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PatternCount)->Name("pattern_count/1M")->Arg(1'000'000)->Unit(benchmark::kMillisecond);

const std::filesystem::path kRoot = JURIGRAPH_SOURCE_DIR;

const graph::Graph& seed_graph() {
  static const ingest::LoadResult loaded = ingest::load_datasets({(kRoot / "datasets").string()});
  return loaded.graph;
}

void BM_ResearchQuestion(benchmark::State& state, const std::string& text) {
  const GraphView view(seed_graph());
  std::size_t rows = 0;
  for (auto _ : state)
    rows = execute(view, parse_query(text), {}, {}).rows.size();
  state.counters["rows"] = static_cast<double>(rows);
}

// One benchmark per file of queries/, registered at start-up.
const bool kRegistered = [] {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(kRoot / "queries")) {
    if (entry.path().extension() == ".cypher")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::ostringstream text;
    text << in.rdbuf();
    benchmark::RegisterBenchmark(("queries/" + f.stem().string()).c_str(), BM_ResearchQuestion,
                                 text.str())
        ->Unit(benchmark::kMicrosecond);
  }
  return true;
}();

}  // namespace

BENCHMARK_MAIN();
