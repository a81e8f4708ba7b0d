// jurigraph neighbors NODE --depth N [PATH...]: what surrounds a node, by distance.
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/node_options.hpp"
#include "export/path_report.hpp"
#include "graph/lookup.hpp"

namespace jurigraph::cli {
namespace {

struct NeighborsOptions {
  std::string node;
  uint32_t depth = 1;
  DatasetOptions datasets;
  TraversalOptions traversal;
};

int run_neighbors(const NeighborsOptions& o, std::ostream& out, std::ostream& err) {
  const auto loaded = load_for_command(o.datasets, err);
  if (!loaded)
    return kExitInvalidData;
  const graph::Graph& g = loaded->graph;
  const graph::VertexId centre = graph::resolve_node(g, o.node, Location("NODE"));
  query::PathConstraints c = to_constraints(g, o.traversal);
  query::PathFinder finder(g);
  const query::Neighbourhood n = finder.neighbours(centre, o.depth, c);
  if (o.traversal.format == "json") {
    exporter::write_neighbourhood_json(out, g, n);
  } else if (o.traversal.format == "dot") {
    exporter::write_neighbourhood_dot(out, g, n);
  } else {
    exporter::write_neighbourhood_text(out, g, n);
  }
  return kExitOk;
}

}  // namespace

void setup_neighbors(CLI::App& app, CommandRunner& runner) {
  auto o = std::make_shared<NeighborsOptions>();
  CLI::App* cmd =
      app.add_subcommand("neighbors", "the nodes within --depth hops of a node, by distance");
  cmd->alias("neighbours");
  cmd->add_option("node", o->node, "id, name, alias, number or identifier")->required();
  add_dataset_options(*cmd, o->datasets);
  add_traversal_options(*cmd, o->traversal);
  cmd->add_option("--depth", o->depth, "how many hops out (default 1)")->check(CLI::PositiveNumber);
  cmd->callback([o, &runner] {
    runner = [o](std::ostream& out, std::ostream& err) { return run_neighbors(*o, out, err); };
  });
}

}  // namespace jurigraph::cli
