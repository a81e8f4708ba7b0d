// The jurigraph command: parses the command line, runs one subcommand, and maps every failure
// to a documented exit code. The only place that catches jurigraph::Error.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "base/diagnostic.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

int main(int argc, char** argv) {
  using namespace jurigraph::cli;
  CLI::App app{"jurigraph: a knowledge graph of legal and regulatory decisions"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "jurigraph 0.1.0");
  CommandRunner runner;
  setup_validate(app, runner);
  setup_build(app, runner);
  setup_stats(app, runner);
  setup_show(app, runner);
  setup_path(app, runner);
  setup_neighbors(app, runner);
  setup_generate(app, runner);
  setup_export(app, runner);
  setup_render(app, runner);
  setup_query(app, runner);
  setup_import(app, runner);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  try {
    return runner(std::cout, std::cerr);
  } catch (const jurigraph::Error& e) {
    std::cerr << jurigraph::format_diagnostic(e.diagnostic()) << '\n';
    switch (e.kind()) {
      case jurigraph::ErrorKind::invalid_data:
        return kExitInvalidData;
      case jurigraph::ErrorKind::usage:
        return kExitUsage;
      case jurigraph::ErrorKind::not_found:
        return kExitNotFound;
      case jurigraph::ErrorKind::output:
        return kExitOutput;
      case jurigraph::ErrorKind::row_limit:
        return kExitRowLimit;
      case jurigraph::ErrorKind::time_limit:
        return kExitTimeLimit;
      case jurigraph::ErrorKind::memory_limit:
        return kExitMemoryLimit;
    }
    return kExitInternal;
  } catch (const std::exception& e) {
    std::cerr << "jurigraph: internal error: " << e.what() << '\n';
    return kExitInternal;
  }
}
