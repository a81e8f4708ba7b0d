// jurigraph build PATH... -o graph.jg: reads and checks the datasets once and writes the frozen
// graph as a snapshot that every command opens with -g in milliseconds.
// jurigraph build --update graph.jg NEW... [-o out.jg]: adds datasets to a snapshot without
// reading its inputs again, under the same duplicate and conflict rules.
#include <chrono>
#include <iomanip>

#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/exit_codes.hpp"
#include "graph/snapshot.hpp"
#include "ingest/progress.hpp"

namespace jurigraph::cli {
namespace {

struct BuildOptions {
  DatasetOptions datasets;
  bool paths_given = false;
  std::string update;  // --update SNAPSHOT
  std::string output;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_build(const BuildOptions& o, std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  if (o.output.empty())
    throw Error(Location("build"), "give the snapshot to write with -o FILE", ErrorKind::usage);
  const auto loaded = load_for_command(o.datasets, err);
  if (!loaded)
    return kExitInvalidData;
  graph::write_snapshot(loaded->graph, o.output);
  out << "wrote " << o.output << ": " << loaded->graph.node_count() << " nodes, "
      << loaded->graph.edge_count() << " relationships, in " << std::fixed << std::setprecision(2)
      << seconds_since(started) << " s";
  // Where the time went, for researchers sizing a larger load (nothing to report from -g).
  const ingest::LoadTimings& t = loaded->timings;
  if (t.read + t.resolve + t.freeze > 0)
    out << " (read " << t.read << " s, resolve " << t.resolve << " s, freeze " << t.freeze << " s)";
  out << "\n";
  return loaded->diagnostics.has_errors() ? kExitInvalidData : kExitOk;
}

int run_update(const BuildOptions& o, std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  if (!o.paths_given)
    throw Error(Location(o.update),
                "no datasets to add: name them after the snapshot (build --update "
                "graph.jg NEW...)",
                ErrorKind::usage);
  const std::string& output = o.output.empty() ? o.update : o.output;
  ingest::LoadOptions load;
  load.progress = ingest::progress_stream(err, o.datasets.quiet);
  const ingest::UpdateResult update = ingest::update_snapshot(o.update, o.datasets.paths, load);
  const ingest::LoadResult& result = update.loaded;
  if (update.snapshot_rejected) {  // no update to write, --keep-going or not
    print_errors(result.diagnostics, err);
    err << "the datasets added close an APPEAL_OF cycle through decisions of " << o.update
        << "; nothing was written, it is unchanged\n";
    return kExitInvalidData;
  }
  if (!report_load(result, o.datasets.keep_going,
                   "nothing was written, " + o.update + " is unchanged", err))
    return kExitInvalidData;
  graph::write_snapshot(result.graph, output);
  out << "wrote " << output << ": " << result.graph.node_count() << " nodes, "
      << result.graph.edge_count() << " relationships (" << o.update << " had "
      << update.snapshot_nodes << " and " << update.snapshot_edges << "), in " << std::fixed
      << std::setprecision(2) << seconds_since(started) << " s\n";
  return result.diagnostics.has_errors() ? kExitInvalidData : kExitOk;
}

}  // namespace

void setup_build(CLI::App& app, CommandRunner& runner) {
  auto o = std::make_shared<BuildOptions>();
  CLI::App* cmd =
      app.add_subcommand("build", "write the graph of the datasets as a snapshot for -g");
  add_dataset_options(*cmd, o->datasets, /*with_keep_going=*/true, /*with_snapshot=*/false);
  cmd->add_option("-o,--output", o->output,
                  "the snapshot file to write (e.g. graph.jg); with --update, the snapshot "
                  "updated by default");
  cmd->add_option("--update", o->update,
                  "add the datasets given (and only those) to this snapshot, without reading "
                  "its inputs again; written in place unless -o is given");
  cmd->callback([o, cmd, &runner] {
    o->paths_given = cmd->get_option("paths")->count() > 0;
    runner = [o](std::ostream& out, std::ostream& err) {
      return o->update.empty() ? run_build(*o, out, err) : run_update(*o, out, err);
    };
  });
}

}  // namespace jurigraph::cli
