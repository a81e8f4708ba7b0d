// Options shared by every command that reads datasets, and the one place that loads them and
// reports what went wrong.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.hpp"

namespace jurigraph::cli {

struct DatasetOptions {
  std::vector<std::string> paths{"datasets"};
  std::string snapshot;  // -g FILE: open this graph snapshot instead of reading datasets
  bool keep_going = false;
  bool quiet = false;  // no progress bar
};

// Adds PATH... (positional, default datasets/), --keep-going, --quiet and -g/--graph SNAPSHOT to
// a subcommand. `validate` (with_keep_going false) has its own -q,--quiet and no -g.
void add_dataset_options(CLI::App& command, DatasetOptions& options, bool with_keep_going = true,
                         bool with_snapshot = true);

// The same options without the PATH... positional, for a command whose positionals hold more
// (query). -g is refused with `paths` when that is given; otherwise the command checks it.
void add_load_options(CLI::App& command, DatasetOptions& options, CLI::Option* paths,
                      bool with_keep_going = true, bool with_snapshot = true);

// Loads the datasets, or opens the snapshot of -g (an unreadable snapshot throws Error). Errors
// are printed to `err`; without --keep-going any error means no graph (nullopt). Warnings are
// counted, not printed (validate prints them).
std::optional<ingest::LoadResult> load_for_command(const DatasetOptions& options,
                                                   std::ostream& err);

// Prints the errors of a load and a summary of its warnings to `err`. Returns whether the graph
// may be used: without errors, or with --keep-going (`keep_going`) when the files with errors
// were left out. `nothing_done` says what follows from refusing ("nothing was loaded").
bool report_load(const ingest::LoadResult& result, bool keep_going, std::string_view nothing_done,
                 std::ostream& err);

// Prints every diagnostic, errors and warnings, in order.
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err);
// Prints the errors (and notes), not the warnings, in order.
void print_errors(const Diagnostics& diagnostics, std::ostream& err);

}  // namespace jurigraph::cli
