// jurigraph validate [PATH...]: checks datasets and reports every problem.
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/exit_codes.hpp"
#include "ingest/progress.hpp"

namespace jurigraph::cli {
namespace {

struct ValidateOptions {
  DatasetOptions datasets;
  bool quiet = false;
};

int run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  ingest::LoadOptions load;
  load.progress = ingest::progress_stream(err, options.quiet);
  const ingest::LoadResult result = ingest::load_datasets(options.datasets.paths, load);
  print_diagnostics(result.diagnostics, err);
  const std::size_t accepted = result.files.size() - result.rejected.size();
  if (!options.quiet) {
    out << result.files.size() << " file(s): " << accepted << " valid, " << result.rejected.size()
        << " with errors; " << result.diagnostics.error_count() << " error(s), "
        << result.diagnostics.warning_count() << " warning(s)\n";
    if (!result.diagnostics.has_errors()) {
      out << "graph: " << result.graph.node_count() << " nodes, " << result.graph.edge_count()
          << " relationships\n";
    }
  }
  return result.diagnostics.has_errors() ? kExitInvalidData : kExitOk;
}

}  // namespace

void setup_validate(CLI::App& app, CommandRunner& runner) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* cmd =
      app.add_subcommand("validate", "check datasets against the schema and each other");
  add_dataset_options(*cmd, options->datasets, /*with_keep_going=*/false,
                      /*with_snapshot=*/false);
  cmd->add_flag("-q,--quiet", options->quiet, "print only the diagnostics (and no progress bar)");
  cmd->callback([options, &runner] {
    runner = [options](std::ostream& out, std::ostream& err) {
      return run_validate(*options, out, err);
    };
  });
}

}  // namespace jurigraph::cli
