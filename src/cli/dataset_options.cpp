#include "cli/dataset_options.hpp"

#include "graph/snapshot.hpp"
#include "ingest/progress.hpp"

namespace jurigraph::cli {

void add_dataset_options(CLI::App& command, DatasetOptions& options, bool with_keep_going,
                         bool with_snapshot) {
  CLI::Option* paths =
      command.add_option("paths", options.paths, "dataset files or folders (default: datasets)");
  add_load_options(command, options, paths, with_keep_going, with_snapshot);
}

void add_load_options(CLI::App& command, DatasetOptions& options, CLI::Option* paths,
                      bool with_keep_going, bool with_snapshot) {
  if (with_snapshot) {
    CLI::Option* graph = command.add_option(
        "-g,--graph", options.snapshot,
        "open this graph snapshot (made by jurigraph build -o) instead of datasets");
    if (paths != nullptr)
      graph->excludes(paths);
  }
  if (with_keep_going) {
    command.add_flag(
        "--keep-going", options.keep_going,
        "use the files without errors when some have errors (they are still reported)");
    command.add_flag("--quiet", options.quiet, "no progress bar while loading");
  }
}

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  for (const Diagnostic& d : diagnostics.all())
    err << format_diagnostic(d) << '\n';
}

void print_errors(const Diagnostics& diagnostics, std::ostream& err) {
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.severity != Severity::warning)
      err << format_diagnostic(d) << '\n';
  }
}

std::optional<ingest::LoadResult> load_for_command(const DatasetOptions& options,
                                                   std::ostream& err) {
  if (!options.snapshot.empty()) {
    ingest::LoadResult opened;
    opened.graph = graph::open_snapshot(options.snapshot);
    return opened;
  }
  ingest::LoadOptions load;
  load.progress = ingest::progress_stream(err, options.quiet);
  ingest::LoadResult result = ingest::load_datasets(options.paths, load);
  if (!report_load(result, options.keep_going, "nothing was loaded", err))
    return std::nullopt;
  return result;
}

bool report_load(const ingest::LoadResult& result, bool keep_going, std::string_view nothing_done,
                 std::ostream& err) {
  if (result.diagnostics.has_errors()) {
    print_errors(result.diagnostics, err);
    err << result.diagnostics.error_count() << " error(s) in " << result.rejected.size()
        << " file(s)";
    if (!keep_going) {
      err << "; " << nothing_done << " (use --keep-going to use the other files)\n";
      return false;
    }
    err << "; those files were left out\n";
  }
  if (result.diagnostics.warning_count() > 0) {
    err << result.diagnostics.warning_count()
        << " warning(s) in the datasets (see jurigraph validate)\n";
  }
  return true;
}

}  // namespace jurigraph::cli
