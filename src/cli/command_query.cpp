// jurigraph query 'CYPHER' | -f FILE [--param k=v …] [--format F] [PATH...]: a read-only
// openCypher query over the graph.
#include <chrono>
#include <iomanip>

#include "base/atomic_file.hpp"
#include "base/file_text.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/exit_codes.hpp"
#include "export/query_result_writers.hpp"
#include "query/cypher/engine.hpp"
#include "query/cypher/graph_view.hpp"
#include "query/cypher/literal.hpp"
#include "query/cypher/parser.hpp"

namespace jurigraph::cli {
namespace {

struct QueryOptions {
  std::vector<std::string> arguments;  // the query (unless -f), then dataset paths
  std::string file;
  DatasetOptions datasets;  // -g, --keep-going, --quiet (the paths come from `arguments`)
  std::vector<std::string> params;
  std::string format = "table";
  std::string output;
  uint64_t max_rows = 1'000'000;
  double timeout_seconds = 60;
  uint64_t max_memory = uint64_t{4} << 30;
  bool stats = false;
};

std::string read_query_file(const std::string& path) {
  std::optional<std::string> text = read_file_text(path);
  if (!text)
    throw Error(Location(path), "cannot read the query file", ErrorKind::invalid_data);
  return std::move(*text);
}

int run_query(const QueryOptions& o, std::ostream& out, std::ostream& err) {
  // With -f every argument is a dataset path; without, the first is the query.
  std::vector<std::string> arguments = o.arguments;
  std::string text, origin;
  if (!o.file.empty()) {
    text = read_query_file(o.file);
    origin = o.file;
  } else {
    if (arguments.empty())
      throw Error(Location("query"), "give a query, or -f FILE", ErrorKind::usage);
    text = arguments.front();
    origin = "query";
    arguments.erase(arguments.begin());
  }
  DatasetOptions datasets = o.datasets;
  if (!arguments.empty())
    datasets.paths = arguments;
  if (!datasets.snapshot.empty() && !arguments.empty())
    throw Error(Location("<command line>"), "give dataset paths or -g SNAPSHOT, not both",
                ErrorKind::usage);

  // Parse and check the parameters before the (possibly long) load.
  const query::cypher::Query q = query::cypher::parse_query(text, {origin});
  const query::cypher::ParameterMap params = query::cypher::parse_parameters(o.params);
  const auto loaded = load_for_command(datasets, err);
  if (!loaded)
    return kExitInvalidData;
  const query::cypher::GraphView view(loaded->graph);
  query::cypher::QueryLimits limits;
  limits.max_rows = o.max_rows;
  limits.max_memory = o.max_memory;
  limits.timeout = std::chrono::milliseconds(static_cast<int64_t>(o.timeout_seconds * 1000));

  uint64_t rows = 0;
  query::cypher::ExecutionStats stats;
  const auto started = std::chrono::steady_clock::now();
  auto write = [&](std::ostream& s) {
    auto writer = exporter::make_result_writer(o.format, s, view, &loaded->graph);
    stats = query::cypher::execute(
        view, q, params, limits,
        [&](const std::vector<std::string>& columns) { writer->begin(columns); },
        [&](std::span<const query::cypher::Value> row) {
          ++rows;
          writer->row(row);
        });
    writer->end();
  };
  if (o.output.empty()) {
    write(out);
  } else {
    write_file_atomically(o.output, write);
  }
  if (o.stats) {
    const std::chrono::duration<double, std::milli> took =
        std::chrono::steady_clock::now() - started;
    err << rows << (rows == 1 ? " row, " : " rows, ") << stats.steps
        << " steps (nodes and relationships examined), " << std::fixed << std::setprecision(1)
        << took.count() << " ms\n";
  }
  return kExitOk;
}

}  // namespace

void setup_query(CLI::App& app, CommandRunner& runner) {
  auto o = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand("query", "run a read-only openCypher query");
  cmd->add_option("arguments", o->arguments,
                  "the query (unless -f is given), then dataset files or folders (default: "
                  "datasets)");
  cmd->add_option("-f,--file", o->file, "read the query from this file");
  cmd->add_option("--param", o->params,
                  "name=value, repeatable; value is a Cypher literal (42, 'text', [1, 2]) or "
                  "else a plain string");
  cmd->add_option("--format", o->format, "table (default), csv, json, dot or jsonld")
      ->check(CLI::IsMember({"table", "csv", "json", "dot", "jsonld"}));
  cmd->add_option("-o,--output", o->output, "file to write (default: standard output)");
  cmd->add_option("--max-rows", o->max_rows,
                  "stop when an operator holds more rows (ORDER BY, DISTINCT, groups, collect) or "
                  "the result has more (default 1000000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-memory", o->max_memory,
                  "stop when the rows, groups, lists and path searches the query holds take more "
                  "bytes (suffixes k, M, G: powers of 1024; default 4G)")
      ->transform(CLI::AsSizeValue(/*kb_is_1000=*/false))
      ->check(CLI::PositiveNumber);
  cmd->add_option("--timeout", o->timeout_seconds, "stop after this many seconds (default 60)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--stats", o->stats,
                "print the rows, the steps the engine took and the time on standard error");
  add_load_options(*cmd, o->datasets, /*paths=*/nullptr);
  cmd->callback([o, &runner] {
    runner = [o](std::ostream& out, std::ostream& err) { return run_query(*o, out, err); };
  });
}

}  // namespace jurigraph::cli
