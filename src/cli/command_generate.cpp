// jurigraph generate --decisions N [--seed S] [--format json|jsonl] -o FILE: a synthetic dataset
// for scale tests.
#include <filesystem>

#include "base/atomic_file.hpp"
#include "base/diagnostic.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "generate/synthetic.hpp"
#include "ingest/ingest.hpp"

namespace jurigraph::cli {
namespace {

struct GenerateOptions {
  uint64_t decisions = 1000;
  uint64_t seed = 1;
  std::string format;  // empty: as the output's name says
  std::string output;
};

// Every command reads a .jsonl or .ndjson file as JSON Lines and any other as one JSON document:
// the format follows the name unless --format says otherwise, and a --format the name
// contradicts is refused rather than written into a file no command would read.
bool writes_json_lines(const GenerateOptions& o) {
  const std::string extension = std::filesystem::path(o.output).extension().string();
  const bool named_jsonl = ingest::is_jsonl_extension(extension);
  if (o.format.empty() || o.format == (named_jsonl ? "jsonl" : "json"))
    return named_jsonl;
  if (named_jsonl || extension == ".json")
    throw Error(Location("<command line>"),
                "--format " + o.format + " -o " + o.output + ": commands read a file named so as " +
                    (named_jsonl ? "JSON Lines" : "one JSON document") +
                    "; name it after its format or leave --format out",
                ErrorKind::usage);
  return o.format == "jsonl";
}

int run_generate(const GenerateOptions& o, std::ostream& out, std::ostream&) {
  const bool json_lines = writes_json_lines(o);
  const generate::SyntheticGraph s = generate::generate_graph(o.decisions, o.seed);
  write_file_atomically(o.output, [&](std::ostream& file) {
    if (json_lines) {
      generate::write_dataset_jsonl(s, file);
    } else {
      generate::write_dataset_json(s, file);
    }
  });
  out << "wrote " << o.output << ": " << s.decisions.size() << " decisions, " << s.companies
      << " companies, " << s.subcontractors.size() << " subcontracting relations\n";
  return kExitOk;
}

}  // namespace

void setup_generate(CLI::App& app, CommandRunner& runner) {
  auto o = std::make_shared<GenerateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "generate", "write a synthetic dataset with realistic skew (for scale tests)");
  cmd->add_option("--decisions", o->decisions, "number of decisions")
      ->required()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o->seed, "random seed (same seed, same dataset)");
  cmd->add_option("--format", o->format,
                  "json (one document) or jsonl (a record a line); by default, jsonl for a "
                  ".jsonl or .ndjson output, else json")
      ->check(CLI::IsMember({"json", "jsonl"}));
  cmd->add_option("-o,--output", o->output, "dataset file to write")->required();
  cmd->callback([o, &runner] {
    runner = [o](std::ostream& out, std::ostream& err) { return run_generate(*o, out, err); };
  });
}

}  // namespace jurigraph::cli
