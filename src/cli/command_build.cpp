// jurigraph build PATH... -o graph.jg: reads and checks the datasets once and writes the frozen
// graph as a snapshot that every command opens with -g in milliseconds.
#include <chrono>
#include <iomanip>

#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/exit_codes.hpp"
#include "graph/snapshot.hpp"

namespace jurigraph::cli {
namespace {

struct BuildOptions {
  DatasetOptions datasets;
  std::string output;
};

int run_build(const BuildOptions& o, std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  const auto loaded = load_for_command(o.datasets, err);
  if (!loaded)
    return kExitInvalidData;
  graph::write_snapshot(loaded->graph, o.output);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  out << "wrote " << o.output << ": " << loaded->graph.node_count() << " nodes, "
      << loaded->graph.edge_count() << " relationships, in " << std::fixed << std::setprecision(2)
      << took.count() << " s";
  // Where the time went, for researchers sizing a larger load (nothing to report from -g).
  const ingest::LoadTimings& t = loaded->timings;
  if (t.read + t.resolve + t.freeze > 0)
    out << " (read " << t.read << " s, resolve " << t.resolve << " s, freeze " << t.freeze << " s)";
  out << "\n";
  return loaded->diagnostics.has_errors() ? kExitInvalidData : kExitOk;
}

}  // namespace

void setup_build(CLI::App& app, CommandRunner& runner) {
  auto o = std::make_shared<BuildOptions>();
  CLI::App* cmd =
      app.add_subcommand("build", "write the graph of the datasets as a snapshot for -g");
  add_dataset_options(*cmd, o->datasets, /*with_keep_going=*/true, /*with_snapshot=*/false);
  cmd->add_option("-o,--output", o->output, "the snapshot file to write (e.g. graph.jg)")
      ->required();
  cmd->callback([o, &runner] {
    runner = [o](std::ostream& out, std::ostream& err) { return run_build(*o, out, err); };
  });
}

}  // namespace jurigraph::cli
