// jurigraph show NODE [PATH...]: a node's properties, sources, claims and edges.
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/exit_codes.hpp"
#include "export/node_report.hpp"
#include "graph/lookup.hpp"

namespace jurigraph::cli {
namespace {

struct ShowOptions {
  std::string node;
  DatasetOptions datasets;
  std::string format = "text";
};

int run_show(const ShowOptions& options, std::ostream& out, std::ostream& err) {
  const auto loaded = load_for_command(options.datasets, err);
  if (!loaded)
    return kExitInvalidData;
  const graph::VertexId v =
      graph::resolve_node(loaded->graph, options.node, Location("<command line>"));
  if (options.format == "json") {
    exporter::write_node_report_json(out, loaded->graph, v);
  } else {
    exporter::write_node_report_text(out, loaded->graph, v);
  }
  return loaded->diagnostics.has_errors() ? kExitInvalidData : kExitOk;
}

}  // namespace

void setup_show(CLI::App& app, CommandRunner& runner) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* cmd =
      app.add_subcommand("show", "a node: properties, sources, claims, every edge in and out");
  cmd->add_option("node", options->node, "id, name, alias, number or identifier")->required();
  add_dataset_options(*cmd, options->datasets);
  cmd->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([options, &runner] {
    runner = [options](std::ostream& out, std::ostream& err) {
      return run_show(*options, out, err);
    };
  });
}

}  // namespace jurigraph::cli
