// jurigraph generate --decisions N [--seed S] [--format json|jsonl] -o FILE: a synthetic dataset
// for scale tests.
#include "base/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "generate/synthetic.hpp"

namespace jurigraph::cli {
namespace {

struct GenerateOptions {
  uint64_t decisions = 1000;
  uint64_t seed = 1;
  std::string format = "json";
  std::string output;
};

int run_generate(const GenerateOptions& o, std::ostream& out, std::ostream&) {
  const generate::SyntheticGraph s = generate::generate_graph(o.decisions, o.seed);
  write_file_atomically(o.output, [&](std::ostream& file) {
    if (o.format == "jsonl") {
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
                  "json (one document, the default) or jsonl (a record a line)")
      ->check(CLI::IsMember({"json", "jsonl"}));
  cmd->add_option("-o,--output", o->output, "dataset file to write")->required();
  cmd->callback([o, &runner] {
    runner = [o](std::ostream& out, std::ostream& err) { return run_generate(*o, out, err); };
  });
}

}  // namespace jurigraph::cli
