// Reading a JSON Lines dataset into records (parse, fast schema check, record reading, text
// keeping, the merge), the step that takes half of a large build: 100,000 generated decisions
// (38 MB), on one thread and on two. Memory is warm from the second iteration on, so the figures
// are the step's CPU cost, without the first touch of fresh pages a single build pays.
//
//   build/bench/jurigraph_ingest_bench --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "generate/synthetic.hpp"
#include "ingest/json_nodes.hpp"
#include "ingest/jsonl_fast_check.hpp"
#include "ingest/jsonl_file.hpp"
#include "ingest/jsonl_reader.hpp"
#include "ingest/schema_check.hpp"

namespace {

using namespace jurigraph;

// The dataset, written once for the whole run.
const std::string& dataset_path() {
  static const std::string path = [] {
    const auto p = std::filesystem::temp_directory_path() / "jurigraph-ingest-bench.jsonl";
    std::ofstream out(p);
    generate::write_dataset_jsonl(generate::generate_graph(100'000, /*seed=*/42), out);
    return p.string();
  }();
  return path;
}

void BM_ReadJsonl(benchmark::State& state) {
  const std::string& path = dataset_path();
  const ingest::SchemaCheck schema;
  const ingest::FastSchemaCheck fast(schema.line_schema_document());
  ingest::JsonlReadOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  std::size_t records = 0, bytes = 0;
  for (auto _ : state) {
    Diagnostics diagnostics;
    ingest::JsonlFile file(path, diagnostics);
    std::vector<ingest::FileRecords> parts;
    if (!ingest::read_jsonl(file, schema, fast, parts, diagnostics, options)) {
      state.SkipWithError("the generated dataset has errors");
      return;
    }
    records = 0;
    for (const ingest::FileRecords& p : parts)
      records += p.nodes.size();
    bytes = file.size();
  }
  state.counters["nodes"] = static_cast<double>(records);
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_ReadJsonl)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The dataset's lines, each padded for simdjson.
const std::vector<simdjson::padded_string>& dataset_lines() {
  static const std::vector<simdjson::padded_string> lines = [] {
    std::vector<simdjson::padded_string> out;
    std::ifstream in(dataset_path());
    for (std::string line; std::getline(in, line);)
      out.emplace_back(line);
    return out;
  }();
  return lines;
}

// The fast schema check's share of the reading: each line parsed by simdjson, as the reader
// does, and checked (range 1) or not (range 0); the difference is the check's cost.
void BM_ParseAndCheckLines(benchmark::State& state) {
  const auto& lines = dataset_lines();
  const ingest::SchemaCheck schema;
  const ingest::FastSchemaCheck fast(schema.line_schema_document());
  const bool check = state.range(0) != 0;
  simdjson::dom::parser parser;
  simdjson::dom::document document;
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::size_t valid = 0;
    for (const simdjson::padded_string& line : lines) {
      if (parser.parse_into_document(document, line.data(), line.size(), false).error())
        continue;
      valid += !check || fast.valid(ingest::SimdNode(document));
    }
    if (valid != lines.size()) {
      state.SkipWithError("a generated line was not parsed or not valid");
      return;
    }
    benchmark::DoNotOptimize(valid);
  }
  for (const auto& line : lines)
    bytes += line.size();
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_ParseAndCheckLines)
    ->ArgName("check")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
