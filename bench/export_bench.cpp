// Export throughput on synthetic graphs of 100k and 1M decisions: every format of `jurigraph
// export` (DOT at 100k only: cgraph). Files go to a sink that only counts bytes, so the figure is
// the exporter's own speed (bytes_per_second); the folder formats (neo4j-csv, kuzu) write real
// files into a temporary folder, as the command does, so theirs includes the page cache.
// Each benchmark also reports the peak resident memory it reached over the memory of the loaded
// graph (peak_over_graph): run one format per process for that figure, e.g.
//
//   build/bench/jurigraph_export_bench --benchmark_filter=kuzu/1M
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <streambuf>
#include <string>

#include "bench/synthetic_fixture.hpp"
#include "export/cypher_script_writer.hpp"
#include "export/dot_export.hpp"
#include "export/export_folder.hpp"
#include "export/graphml_writer.hpp"
#include "export/kuzu_writer.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "export/rdf_writers.hpp"

namespace {

using namespace jurigraph;

class CountingSink : public std::streambuf {
 public:
  std::size_t bytes() const { return bytes_; }

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes_ += static_cast<std::size_t>(n);
    return n;
  }
  int_type overflow(int_type ch) override {
    ++bytes_;
    return traits_type::not_eof(ch);
  }

 private:
  std::size_t bytes_ = 0;
};

// A field of /proc/self/status in kB (VmRSS, VmHWM), 0 where unreadable.
double status_kb(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0)
      return std::stod(line.substr(field.size() + 1));
  }
  return 0;
}

// Resets the peak resident memory (VmHWM) to the current one (Linux, /proc/PID/clear_refs).
void reset_peak_memory() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

template <typename Write>
void measure(benchmark::State& state, Write&& write) {
  const graph::Graph& g = bench::synthetic_graph(static_cast<uint64_t>(state.range(0)));
  const double graph_kb = status_kb("VmRSS");
  reset_peak_memory();
  std::size_t bytes = 0, items = 0;
  for (auto _ : state) {
    CountingSink sink;
    std::ostream out(&sink);
    const auto [written, count] = write(out, g);
    bytes += written != 0 ? written : sink.bytes();
    items = count;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["items"] = static_cast<double>(items);
  state.counters["nodes"] = static_cast<double>(g.node_count());
  state.counters["edges"] = static_cast<double>(g.edge_count());
  state.counters["graph_MB"] = graph_kb / 1024;
  state.counters["peak_over_graph"] = status_kb("VmHWM") / graph_kb;
}

// A stream format: (0 = count the sink's bytes, the writer's count of items).
template <typename Fn>
auto streamed(Fn&& fn) {
  return [fn](std::ostream& out, const graph::Graph& g) {
    return std::pair<std::size_t, std::size_t>{0, fn(out, g)};
  };
}

// A folder format, written into a fresh temporary folder: (bytes of its files, their rows).
template <typename Fn>
auto folder(const char* format, Fn&& fn) {
  return [format, fn](std::ostream&, const graph::Graph& g) {
    const auto target = std::filesystem::temp_directory_path() /
                        ("jurigraph-export-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(target);
    std::size_t bytes = 0, rows = 0;
    exporter::write_export_folder(target.string(), format, [&](exporter::ExportFolder& f) {
      fn(f, g);
      for (const auto& file : f.files()) {
        bytes += file.bytes;
        rows += file.rows;
      }
    });
    std::filesystem::remove_all(target);
    return std::pair<std::size_t, std::size_t>{bytes, rows};
  };
}

void BM_NQuads(benchmark::State& state) {
  measure(state, streamed([](std::ostream& out, const graph::Graph& g) {
            return exporter::write_nquads(out, g, exporter::RdfOptions{});
          }));
}
void BM_JsonLd(benchmark::State& state) {
  measure(state, streamed([](std::ostream& out, const graph::Graph& g) {
            return exporter::write_jsonld(out, g, exporter::RdfOptions{});
          }));
}
void BM_GraphMl(benchmark::State& state) {
  measure(state, streamed([](std::ostream& out, const graph::Graph& g) {
            const auto [nodes, edges] = exporter::write_graphml(out, g);
            return static_cast<std::size_t>(nodes + edges);
          }));
}
void BM_CypherScript(benchmark::State& state) {
  measure(state, streamed([](std::ostream& out, const graph::Graph& g) {
            return static_cast<std::size_t>(exporter::write_cypher_script(out, g));
          }));
}
void BM_Neo4jCsv(benchmark::State& state) {
  measure(state, folder("neo4j-csv", [](exporter::ExportFolder& f, const graph::Graph& g) {
            exporter::write_neo4j_csv(f, g);
          }));
}
void BM_Kuzu(benchmark::State& state) {
  measure(state, folder("kuzu", [](exporter::ExportFolder& f, const graph::Graph& g) {
            exporter::write_kuzu(f, g);
          }));
}
void BM_Dot(benchmark::State& state) {
  measure(state, streamed([](std::ostream& out, const graph::Graph& g) {
            out << exporter::build_graph_dot(g, exporter::default_style())->write();
            return std::size_t{0};
          }));
}

// Triples for the RDF formats, nodes + edges for GraphML, statements for the cypher script,
// CSV rows for the folders.
#define JURIGRAPH_EXPORT_BENCHMARKS(size, decisions, iterations) \
  BENCHMARK(BM_NQuads)                                           \
      ->Name("nquads/" size)                                     \
      ->Arg(decisions)                                           \
      ->Unit(benchmark::kSecond)                                 \
      ->Iterations(iterations);                                  \
  BENCHMARK(BM_JsonLd)                                           \
      ->Name("jsonld/" size)                                     \
      ->Arg(decisions)                                           \
      ->Unit(benchmark::kSecond)                                 \
      ->Iterations(iterations);                                  \
  BENCHMARK(BM_GraphMl)                                          \
      ->Name("graphml/" size)                                    \
      ->Arg(decisions)                                           \
      ->Unit(benchmark::kSecond)                                 \
      ->Iterations(iterations);                                  \
  BENCHMARK(BM_CypherScript)                                     \
      ->Name("cypher/" size)                                     \
      ->Arg(decisions)                                           \
      ->Unit(benchmark::kSecond)                                 \
      ->Iterations(iterations);                                  \
  BENCHMARK(BM_Neo4jCsv)                                         \
      ->Name("neo4j-csv/" size)                                  \
      ->Arg(decisions)                                           \
      ->Unit(benchmark::kSecond)                                 \
      ->Iterations(iterations);                                  \
  BENCHMARK(BM_Kuzu)                                             \
      ->Name("kuzu/" size)                                       \
      ->Arg(decisions)                                           \
      ->Unit(benchmark::kSecond)                                 \
      ->Iterations(iterations)

JURIGRAPH_EXPORT_BENCHMARKS("100k", 100'000, 3);
BENCHMARK(BM_Dot)->Name("dot/100k")->Arg(100'000)->Unit(benchmark::kSecond)->Iterations(1);
JURIGRAPH_EXPORT_BENCHMARKS("1M", 1'000'000, 3);

}  // namespace

BENCHMARK_MAIN();
