// Export throughput on synthetic graphs: N-Quads and JSON-LD of 100k and 1M decisions, DOT of
// the 100k graph (about 125k nodes). Output goes to a sink that only counts bytes, so the
// figure is the exporter's own speed (bytes_per_second); writing to a file adds the disk's.
//
//   build/bench/jurigraph_export_bench --benchmark_filter=nquads/1M
#include <benchmark/benchmark.h>

#include <ostream>
#include <streambuf>

#include "bench/synthetic_fixture.hpp"
#include "export/dot_export.hpp"
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

template <typename Write>
void measure(benchmark::State& state, Write&& write) {
  const graph::Graph& g = bench::synthetic_graph(static_cast<uint64_t>(state.range(0)));
  std::size_t bytes = 0, triples = 0;
  for (auto _ : state) {
    CountingSink sink;
    std::ostream out(&sink);
    triples = write(out, g);
    bytes += sink.bytes();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["triples"] = static_cast<double>(triples);
  state.counters["nodes"] = static_cast<double>(g.node_count());
  state.counters["edges"] = static_cast<double>(g.edge_count());
}

void BM_NQuads(benchmark::State& state) {
  measure(state, [](std::ostream& out, const graph::Graph& g) {
    return exporter::write_nquads(out, g, exporter::RdfOptions{});
  });
}
void BM_JsonLd(benchmark::State& state) {
  measure(state, [](std::ostream& out, const graph::Graph& g) {
    return exporter::write_jsonld(out, g, exporter::RdfOptions{});
  });
}
void BM_Dot(benchmark::State& state) {
  measure(state, [](std::ostream& out, const graph::Graph& g) {
    out << exporter::build_graph_dot(g, exporter::default_style())->write();
    return std::size_t{0};
  });
}

BENCHMARK(BM_NQuads)->Name("nquads/100k")->Arg(100'000)->Unit(benchmark::kSecond);
BENCHMARK(BM_JsonLd)->Name("jsonld/100k")->Arg(100'000)->Unit(benchmark::kSecond);
BENCHMARK(BM_Dot)->Name("dot/100k")->Arg(100'000)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_NQuads)->Name("nquads/1M")->Arg(1'000'000)->Unit(benchmark::kSecond)->Iterations(3);
BENCHMARK(BM_JsonLd)->Name("jsonld/1M")->Arg(1'000'000)->Unit(benchmark::kSecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
