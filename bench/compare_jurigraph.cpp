// jurigraph's side of the side-by-side comparison (bench/compare.sh, issue 7): loads a dataset
// through the library (or opens a snapshot of it, -g), then times the three tasks every tool
// runs on the same graph:
//   Q1  the shortest path between 100 fixed company pairs, direction ignored (hop counts);
//   Q2  the typed pattern count through the Cypher engine;
//   Q3  the nodes within 3 hops of 100 fixed companies, direction ignored.
// Prints figures on stdout as `key value` lines (seconds, kB), the same as the other tools'
// runners in bench/compare/, and writes the answers to a file that compare.sh compares with
// theirs. A program, not a Google Benchmark: the load is part of what is measured, once.
//
//   build/bench/jurigraph_compare DATASET.json --pairs pairs.csv --sources sources.csv
//       --answers answers.txt
//   build/bench/jurigraph_compare -g graph.jg --pairs … (open_s instead of load_s: the snapshot
//       `jurigraph build DATASET.json -o graph.jg` wrote, opened as every command's -g does)
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "base/bit_set.hpp"
#include "base/huge_pages.hpp"
#include "graph/graph.hpp"
#include "graph/snapshot.hpp"
#include "ingest/ingest.hpp"
#include "query/cypher/engine.hpp"
#include "query/cypher/graph_view.hpp"
#include "query/cypher/parser.hpp"
#include "query/path_search.hpp"

namespace {

using namespace jurigraph;
using Clock = std::chrono::steady_clock;

constexpr const char* kPatternCount =
    "MATCH (c:Company)<-[:AGAINST]-(d1:Decision)-[:ISSUED_BY]->(:Authority), "
    "(d2:Decision)-[:APPEAL_OF]->(d1), (d2)-[:ISSUED_BY]->(:Court) "
    "RETURN count(DISTINCT c) AS companies";

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The system CPU time of this process so far, every thread's: what a run pays for memory the
// host took back shows here (bench/README.md).
double system_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_stime.tv_sec) + usage.ru_stime.tv_usec / 1e6;
}

// Prints a figure at once: when compare.sh stops a slow run, the figures so far survive.
void figure(const char* key, double value) {
  std::cout << key << ' ' << std::fixed << std::setprecision(6) << value << std::endl;
}
void count(const char* key, uint64_t value) {
  std::cout << key << ' ' << value << std::endl;
}

// The rows of a CSV file of node ids after its header line, split at commas (the ids the
// generator makes hold no comma and no quote).
std::vector<std::vector<std::string>> read_id_rows(const std::string& file) {
  std::ifstream in(file);
  if (!in)
    throw std::runtime_error("cannot read " + file);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    if (line.empty())
      continue;
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string field; std::getline(split, field, ',');)
      fields.push_back(field);
    rows.push_back(std::move(fields));
  }
  return rows;
}

graph::VertexId vertex(const graph::Graph& g, const std::string& id) {
  const auto v = g.find_id(id);
  if (!v)
    throw std::runtime_error("no node " + id);
  return *v;
}

// Breadth-first search to a fixed depth over both directions, for many sources in a row. The
// visited set is a BitSet: 156 kB at 1.25M nodes, so it stays in the L2 cache while hub rows of
// tens of thousands of decisions are tested against it (a stamp a node, 5 MB, does not).
class RingCounter {
 public:
  explicit RingCounter(const graph::Graph& g)
      : out_(g.out_arrays()), in_(g.in_arrays()), seen_(g.node_count()) {
    // A frontier can hold most nodes: reserved once, rather than grown, fault by fault, during
    // the first searches.
    reserve_huge(frontier_, g.node_count());
    reserve_huge(next_, g.node_count());
  }

  // The distinct nodes within `depth` hops of `source`, itself excluded.
  uint64_t within(graph::VertexId source, uint32_t depth) {
    seen_.clear();
    seen_.insert(source);
    frontier_.assign(1, source);
    uint64_t reached = 0;
    for (uint32_t d = 1; d <= depth && !frontier_.empty(); ++d) {
      next_.clear();
      for (const graph::VertexId v : frontier_) {
        visit(out_.at(v).nodes);
        visit(in_.at(v).nodes);
      }
      reached += next_.size();
      frontier_.swap(next_);
    }
    return reached;
  }

 private:
  void visit(std::span<const graph::VertexId> row) {
    for (const graph::VertexId u : row) {
      if (seen_.insert(u))
        next_.push_back(u);
    }
  }

  graph::AdjacencyArrays out_, in_;
  BitSet seen_;
  std::vector<graph::VertexId> frontier_, next_;
};

struct Options {
  std::string dataset, snapshot, pairs, sources, answers;
};

// The graph of the dataset (timed as load_s) or of the snapshot (timed as open_s).
std::optional<graph::Graph> load_graph(const Options& o) {
  const auto start = Clock::now();
  if (!o.snapshot.empty()) {
    graph::Graph g = graph::open_snapshot(o.snapshot);
    figure("open_s", seconds_since(start));
    return g;
  }
  const double system_start = system_seconds();
  ingest::LoadResult loaded = ingest::load_datasets({o.dataset});
  figure("load_s", seconds_since(start));
  figure("load_system_s", system_seconds() - system_start);
  // The load's three steps, for reading a slow run: compare.sh keeps only load_s.
  figure("read_s", loaded.timings.read);
  figure("resolve_s", loaded.timings.resolve);
  figure("freeze_s", loaded.timings.freeze);
  if (loaded.diagnostics.has_errors()) {
    std::cerr << "compare_jurigraph: the dataset has errors\n";
    return std::nullopt;
  }
  return std::move(loaded.graph);
}

int run(const Options& o) {
  std::ofstream answers(o.answers);
  if (!answers)
    throw std::runtime_error("cannot write " + o.answers);

  const std::optional<graph::Graph> loaded = load_graph(o);
  if (!loaded)
    return 1;
  const graph::Graph& g = *loaded;
  Clock::time_point start;
  count("nodes", g.node_count());
  count("edges", g.edge_count());
  answers << "nodes " << g.node_count() << '\n';

  const auto pairs = read_id_rows(o.pairs);
  std::vector<std::pair<graph::VertexId, graph::VertexId>> ends;
  for (const auto& p : pairs)
    ends.emplace_back(vertex(g, p.at(0)), vertex(g, p.at(1)));
  const query::PathConstraints undirected;
  std::vector<int64_t> hops;
  // Each task's time includes making its search state, as a command's would.
  start = Clock::now();
  query::PathFinder finder(g);
  for (const auto& [from, to] : ends) {
    const auto path = finder.shortest(from, to, undirected);
    hops.push_back(path ? static_cast<int64_t>(path->length()) : -1);
  }
  figure("q1_s", seconds_since(start));
  for (std::size_t i = 0; i < pairs.size(); ++i)
    answers << "q1 " << pairs[i][0] << ' ' << pairs[i][1] << ' ' << hops[i] << '\n';

  start = Clock::now();
  const query::cypher::GraphView view(g);
  const auto result =
      query::cypher::execute(view, query::cypher::parse_query(kPatternCount), {}, {});
  const int64_t companies = result.rows.at(0).at(0).as_int();
  figure("q2_s", seconds_since(start));
  answers << "q2 " << companies << '\n';

  const auto sources = read_id_rows(o.sources);
  std::vector<graph::VertexId> centres;
  for (const auto& s : sources)
    centres.push_back(vertex(g, s.at(0)));
  std::vector<uint64_t> reached;
  start = Clock::now();
  RingCounter rings(g);
  for (const graph::VertexId c : centres)
    reached.push_back(rings.within(c, 3));
  figure("q3_s", seconds_since(start));
  uint64_t total = 0;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    answers << "q3 " << sources[i][0] << ' ' << reached[i] << '\n';
    total += reached[i];
  }
  answers << "q3_total " << total << '\n';

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  count("peak_rss_kb", static_cast<uint64_t>(usage.ru_maxrss));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app("jurigraph's runner for bench/compare.sh");
  CLI::Option* dataset = app.add_option("dataset", o.dataset, "the generated dataset file");
  app.add_option("-g,--graph", o.snapshot, "a snapshot of it to open instead (jurigraph build -o)")
      ->excludes(dataset);
  app.add_option("--pairs", o.pairs, "CSV of company pairs for Q1 (header, then a,b)")->required();
  app.add_option("--sources", o.sources, "CSV of companies for Q3 (header, then id)")->required();
  app.add_option("--answers", o.answers, "where to write the answers")->required();
  CLI11_PARSE(app, argc, argv);
  if (o.dataset.empty() == o.snapshot.empty()) {
    std::cerr << "compare_jurigraph: give a dataset or -g graph.jg\n";
    return 2;
  }
  try {
    return run(o);
  } catch (const std::exception& e) {
    std::cerr << "compare_jurigraph: " << e.what() << '\n';
    return 1;
  }
}
