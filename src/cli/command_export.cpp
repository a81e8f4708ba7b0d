// jurigraph export --format F [-o FILE|DIR] [PATH...]: the graph in another format. File
// formats go to standard output or a file; folder formats (neo4j-csv, kuzu) need -o DIR.
#include <iostream>

#include "base/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/exit_codes.hpp"
#include "export/cypher_script_writer.hpp"
#include "export/dot_export.hpp"
#include "export/export_folder.hpp"
#include "export/graphml_writer.hpp"
#include "export/kuzu_writer.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "export/rdf_writers.hpp"

namespace jurigraph::cli {
namespace {

struct ExportOptions {
  DatasetOptions datasets;
  std::string format = "dot";
  std::string output;  // empty: standard output
  std::string style;   // empty: viz/style.json as compiled in
  bool legend = true;
  std::string base_iri{exporter::kDefaultBaseIri};
};

int run_export(const ExportOptions& o, std::ostream& out, std::ostream& err) {
  const auto loaded = load_for_command(o.datasets, err);
  if (!loaded)
    return kExitInvalidData;
  const exporter::GraphStyle style =
      o.style.empty() ? exporter::default_style() : exporter::load_style_file(o.style);
  exporter::check_base_iri(o.base_iri);
  const exporter::RdfOptions rdf{o.base_iri};
  if (o.format == "neo4j-csv" || o.format == "kuzu") {
    if (o.output.empty())
      throw Error(Location("--format " + o.format), "writes a folder: give it with -o DIR",
                  ErrorKind::usage);
    exporter::write_export_folder(o.output, o.format, [&](exporter::ExportFolder& folder) {
      if (o.format == "kuzu")
        exporter::write_kuzu(folder, loaded->graph);
      else
        exporter::write_neo4j_csv(folder, loaded->graph);
    });
    return loaded->diagnostics.has_errors() ? kExitInvalidData : kExitOk;
  }
  auto write = [&](std::ostream& s) {
    if (o.format == "dot") {
      s << exporter::build_graph_dot(loaded->graph, style, exporter::DotOptions{o.legend})->write();
    } else if (o.format == "jsonld") {
      exporter::write_jsonld(s, loaded->graph, rdf);
    } else if (o.format == "graphml") {
      exporter::write_graphml(s, loaded->graph);
    } else if (o.format == "cypher") {
      exporter::write_cypher_script(s, loaded->graph);
    } else {
      // N-Quads with every triple in the default graph are N-Triples too.
      exporter::write_nquads(s, loaded->graph, rdf);
    }
  };
  if (o.output.empty()) {
    write(out);
  } else {
    write_file_atomically(o.output, write);
  }
  return loaded->diagnostics.has_errors() ? kExitInvalidData : kExitOk;
}

}  // namespace

void setup_export(CLI::App& app, CommandRunner& runner) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "write the whole graph in another format");
  add_dataset_options(*cmd, o->datasets);
  cmd->add_option("--format", o->format,
                  "dot, jsonld, nquads, ntriples, graphml, cypher (a cypher-shell script), "
                  "neo4j-csv or kuzu (folders, with -o DIR)")
      ->check(CLI::IsMember(
          {"dot", "jsonld", "nquads", "ntriples", "graphml", "cypher", "neo4j-csv", "kuzu"}))
      ->required();
  cmd->add_option("--base-iri", o->base_iri,
                  "base of node IRIs in jsonld, nquads and ntriples (default " +
                      std::string(exporter::kDefaultBaseIri) + ")");
  cmd->add_option("-o,--output", o->output,
                  "file to write (default: standard output); the folder for neo4j-csv and kuzu");
  cmd->add_option("--style", o->style, "diagram style (default: viz/style.json)");
  cmd->add_flag("!--no-legend", o->legend, "leave the legend out");
  cmd->callback([o, &runner] {
    runner = [o](std::ostream& out, std::ostream& err) { return run_export(*o, out, err); };
  });
}

}  // namespace jurigraph::cli
