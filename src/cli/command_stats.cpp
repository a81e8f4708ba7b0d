// jurigraph stats [PATH...]: counts per label and relationship type, dates, amounts.
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/exit_codes.hpp"
#include "export/stats_report.hpp"
#include "graph/stats.hpp"

namespace jurigraph::cli {
namespace {

struct StatsOptions {
  DatasetOptions datasets;
  std::string format = "text";
};

int run_stats(const StatsOptions& options, std::ostream& out, std::ostream& err) {
  const auto loaded = load_for_command(options.datasets, err);
  if (!loaded)
    return kExitInvalidData;
  const graph::GraphStats stats = graph::compute_stats(loaded->graph);
  if (options.format == "json") {
    exporter::write_stats_json(out, stats);
  } else {
    exporter::write_stats_text(out, stats);
  }
  return loaded->diagnostics.has_errors() ? kExitInvalidData : kExitOk;
}

}  // namespace

void setup_stats(CLI::App& app, CommandRunner& runner) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* cmd =
      app.add_subcommand("stats", "counts per label and relationship type, dates and amounts");
  add_dataset_options(*cmd, options->datasets);
  cmd->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([options, &runner] {
    runner = [options](std::ostream& out, std::ostream& err) {
      return run_stats(*options, out, err);
    };
  });
}

}  // namespace jurigraph::cli
