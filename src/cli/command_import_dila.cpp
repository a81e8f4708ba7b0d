// jurigraph import dila PATH... -o OUT.jsonl|OUT.json [--keep-going]: the XML of the DILA's
// CNIL, JADE and CASS dumps to a dataset (mapping: schema/dila-import.md).
#include <filesystem>

#include "base/atomic_file.hpp"
#include "base/diagnostic.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "import/dila_import.hpp"
#include "ingest/ingest.hpp"

namespace jurigraph::cli {
namespace {

struct ImportDilaOptions {
  std::vector<std::string> paths;
  std::string output;
  bool keep_going = false;
};

void print_left_out(std::ostream& out, uint64_t n, const char* what) {
  if (n != 0)
    out << "  left out: " << n << ' ' << what << '\n';
}

int run_import_dila(const ImportDilaOptions& o, std::ostream& out, std::ostream& err) {
  // Named as the commands that read it will take it.
  const std::string extension = std::filesystem::path(o.output).extension().string();
  const bool json_lines = ingest::is_jsonl_extension(extension);
  if (!ingest::is_dataset_extension(extension))
    throw Error(Location("<command line>"),
                "-o " + o.output + ": the output must end in .jsonl, .ndjson or .json",
                ErrorKind::usage);
  const std::vector<std::string> files = import::list_dila_files(o.paths);
  import::DilaImportReport report;
  write_file_atomically(o.output, [&](std::ostream& file) {
    const std::string title = "DILA import (CNIL, JADE, CASS)";
    if (json_lines) {
      import::JsonLinesSink sink(file, title);
      report = import::import_dila(files, o.keep_going, sink, err);
    } else {
      import::JsonDocumentSink sink(file, title);
      report = import::import_dila(files, o.keep_going, sink, err);
    }
  });
  const import::DilaCounts& c = report.counts;
  out << "wrote " << o.output << ": " << c.decisions << " decisions from " << report.files
      << " files, " << c.stub_decisions << " stub decisions (attacked, not imported), "
      << c.entities << " entities, " << c.appeals << " APPEAL_OF and " << c.citations
      << " CITES edges\n";
  print_left_out(out, c.appeals_without_outcome, "appeals whose SOLUTION gives no outcome");
  print_left_out(out, c.appeals_without_date, "appeals without DATE_DEC_ATT");
  print_left_out(out, c.links_without_id, "LIEN citations naming no Légifrance text");
  print_left_out(out, c.links_to_decisions, "LIEN citations of decisions");
  print_left_out(out, c.links_of_other_types, "LIEN of other types than CITATION");
  print_left_out(out, c.invalid_ecli, "ECLIs the schema refuses");
  print_left_out(out, c.invalid_dates, "dates that are not calendar dates");
  if (!report.skipped.empty())
    err << "skipped " << report.skipped.size() << " file(s) with errors (--keep-going)\n";
  return kExitOk;
}

}  // namespace

void setup_import_dila(CLI::App& import_command, CommandRunner& runner) {
  auto o = std::make_shared<ImportDilaOptions>();
  CLI::App* cmd = import_command.add_subcommand(
      "dila", "DILA XML (CNIL, JADE, CASS dumps) to a dataset; folders are read recursively");
  cmd->add_option("paths", o->paths, "XML files or folders (*.xml, recursively, in path order)")
      ->required();
  cmd->add_option("-o,--output", o->output, "dataset to write: .jsonl (JSON Lines) or .json")
      ->required();
  cmd->add_flag("--keep-going", o->keep_going,
                "leave out the files with errors (and say so) instead of stopping");
  cmd->callback([o, &runner] {
    runner = [o](std::ostream& out, std::ostream& err) { return run_import_dila(*o, out, err); };
  });
}

}  // namespace jurigraph::cli
