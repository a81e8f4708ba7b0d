// jurigraph import FORMAT …: other formats made into datasets. `import` only holds the
// subcommands, one per format; each registers itself here (kImporters) from its own file or
// below, and builds its dataset with import/dataset_document.hpp.
//
// jurigraph import csv SHEET --mapping MAP.json [-o OUT.json|OUT.jsonl] [--with PATH...]
#include <iostream>

#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/exit_codes.hpp"
#include "import/csv_import.hpp"

namespace jurigraph::cli {
namespace {

struct ImportCsvOptions {
  std::string sheet;
  std::string mapping;
  std::string output;  // empty: the JSON document on standard output
  std::vector<std::string> with;
};

int run_import_csv(const ImportCsvOptions& o, std::ostream& out, std::ostream& err) {
  Diagnostics mapping_problems;
  const std::optional<import::CsvMapping> mapping =
      import::read_mapping(o.mapping, mapping_problems);
  if (!mapping) {
    print_diagnostics(mapping_problems, err);
    err << "nothing was written: the mapping has errors\n";
    return kExitInvalidData;
  }
  import::CsvImportOptions options;
  options.context = o.with;
  const import::CsvImportResult result = import::import_csv(o.sheet, *mapping, options);
  print_diagnostics(result.diagnostics, err);
  if (result.diagnostics.has_errors()) {
    err << "nothing was written: " << result.diagnostics.error_count() << " error(s)\n";
    return kExitInvalidData;
  }
  const import::DatasetDocument& doc = result.document;
  if (o.output.empty()) {
    doc.write_json(out);
  } else {
    doc.write(o.output);
  }
  err << "imported " << result.rows << " row(s) of " << o.sheet << ": " << doc.decision_count()
      << " decisions, " << doc.entity_count() << " entities, " << doc.source_count() << " sources"
      << (o.output.empty() ? "" : " → " + o.output) << '\n';
  return kExitOk;
}

void setup_import_csv(CLI::App& import, CommandRunner& runner) {
  auto o = std::make_shared<ImportCsvOptions>();
  CLI::App* cmd = import.add_subcommand(
      "csv", "a spreadsheet (one row a decision) made into a dataset by a mapping");
  cmd->add_option("SHEET", o->sheet, "the CSV file (delimiter and header as the mapping says)")
      ->required();
  cmd->add_option("-m,--mapping", o->mapping, "the mapping file (schema/csv-mapping.md)")
      ->required();
  cmd->add_option("-o,--output", o->output,
                  "the dataset to write: JSON Lines for .jsonl or .ndjson, else JSON; standard "
                  "output when absent");
  cmd->add_option("--with", o->with,
                  "datasets (files or folders) the sheet's ids may refer to, checked together "
                  "with it");
  cmd->callback([o, &runner] {
    runner = [o](std::ostream& out, std::ostream& err) { return run_import_csv(*o, out, err); };
  });
}

// One line per format. A format in a file of its own (command_import_dila.cpp) declares its
// `void setup_import_X(CLI::App& import, CommandRunner& runner)` in commands.hpp and is listed
// here.
using ImporterSetup = void (*)(CLI::App&, CommandRunner&);
constexpr ImporterSetup kImporters[] = {
    setup_import_csv,
    setup_import_dila,  // command_import_dila.cpp
};

}  // namespace

void setup_import(CLI::App& app, CommandRunner& runner) {
  CLI::App* cmd = app.add_subcommand("import", "make a dataset from another format");
  cmd->require_subcommand(1);
  for (const ImporterSetup setup : kImporters)
    setup(*cmd, runner);
}

}  // namespace jurigraph::cli
