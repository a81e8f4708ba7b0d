// Every subcommand registers itself with setup_X; its callback stores what main runs.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <ostream>

namespace jurigraph::cli {

using CommandRunner = std::function<int(std::ostream& out, std::ostream& err)>;

void setup_validate(CLI::App& app, CommandRunner& runner);
void setup_build(CLI::App& app, CommandRunner& runner);
void setup_stats(CLI::App& app, CommandRunner& runner);
void setup_show(CLI::App& app, CommandRunner& runner);
void setup_path(CLI::App& app, CommandRunner& runner);
void setup_neighbors(CLI::App& app, CommandRunner& runner);
void setup_generate(CLI::App& app, CommandRunner& runner);
void setup_export(CLI::App& app, CommandRunner& runner);
void setup_render(CLI::App& app, CommandRunner& runner);
void setup_query(CLI::App& app, CommandRunner& runner);
// import and its subcommands, one per format (command_import.cpp lists them).
void setup_import(CLI::App& app, CommandRunner& runner);
// `import dila` under the `import` command.
void setup_import_dila(CLI::App& import_command, CommandRunner& runner);

}  // namespace jurigraph::cli
