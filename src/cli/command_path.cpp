// jurigraph path FROM TO [PATH...]: how two parties are connected.
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/node_options.hpp"
#include "export/node_report.hpp"
#include "export/path_report.hpp"
#include "graph/lookup.hpp"

namespace jurigraph::cli {
namespace {

struct PathOptions {
  std::string from, to;
  DatasetOptions datasets;
  TraversalOptions traversal;
  bool all = false;
  std::size_t k = 0;
  bool simple = false;
  std::size_t limit = 1000;
};

int run_path(const PathOptions& o, std::ostream& out, std::ostream& err) {
  const auto loaded = load_for_command(o.datasets, err);
  if (!loaded)
    return kExitInvalidData;
  const graph::Graph& g = loaded->graph;
  const graph::VertexId from = graph::resolve_node(g, o.from, Location("FROM"));
  const graph::VertexId to = graph::resolve_node(g, o.to, Location("TO"));
  const query::PathConstraints c = to_constraints(g, o.traversal);
  query::PathFinder finder(g);
  query::PathSet paths;
  if (o.simple) {
    paths = finder.simple_paths(from, to, c, o.limit);
  } else if (o.k > 0) {
    paths = finder.k_shortest(from, to, c, o.k);
  } else if (o.all) {
    paths = finder.all_shortest(from, to, c, o.limit);
  } else if (auto p = finder.shortest(from, to, c)) {
    paths.paths.push_back(std::move(*p));
  }
  if (paths.paths.empty()) {
    err << "no path from " << exporter::node_summary(g, from) << " to "
        << exporter::node_summary(g, to);
    if (c.max_hops != query::kUnbounded)
      err << " within " << c.max_hops << " hops";
    if (c.directed)
      err << " following edges as stored";
    err << '\n';
    return kExitNoPath;
  }
  if (o.traversal.format == "json") {
    exporter::write_paths_json(out, g, paths);
  } else if (o.traversal.format == "dot") {
    exporter::write_paths_dot(out, g, paths);
  } else {
    exporter::write_paths_text(out, g, paths);
  }
  if (paths.truncated) {
    err << "stopped at " << paths.paths.size() << " paths: more exist (raise "
        << (o.k > 0 ? "--k" : "--limit") << ")\n";
  }
  return kExitOk;
}

}  // namespace

void setup_path(CLI::App& app, CommandRunner& runner) {
  auto o = std::make_shared<PathOptions>();
  CLI::App* cmd =
      app.add_subcommand("path", "how two nodes are connected: shortest path(s) between them");
  cmd->add_option("from", o->from, "id, name, alias, number or identifier")->required();
  cmd->add_option("to", o->to, "id, name, alias, number or identifier")->required();
  add_dataset_options(*cmd, o->datasets);
  add_traversal_options(*cmd, o->traversal);
  auto* all = cmd->add_flag("--all", o->all, "every shortest path");
  auto* k = cmd->add_option("--k", o->k, "the K shortest loopless paths (Yen)")
                ->check(CLI::PositiveNumber);
  auto* simple =
      cmd->add_flag("--simple", o->simple, "every simple path up to --max-hops, shortest first");
  all->excludes(k)->excludes(simple);
  k->excludes(simple);
  cmd->add_option("--limit", o->limit,
                  "at most this many paths for --all and --simple (default 1000)")
      ->check(CLI::PositiveNumber);
  cmd->callback([o, &runner] {
    if (o->simple && o->traversal.max_hops == query::kUnbounded) {
      throw CLI::ValidationError(
          "--simple", "needs --max-hops: the number of simple paths grows exponentially");
    }
    runner = [o](std::ostream& out, std::ostream& err) { return run_path(*o, out, err); };
  });
}

}  // namespace jurigraph::cli
