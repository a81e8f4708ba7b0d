// jurigraph render -o FILE.{svg,png,pdf} [--focus NODE --depth N | --path FROM TO] [PATH...]:
// a diagram, laid out and rendered in-process by libgvc.
#include <filesystem>

#include "base/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/exit_codes.hpp"
#include "export/dot_export.hpp"
#include "export/render.hpp"
#include "graph/lookup.hpp"
#include "query/path_search.hpp"

namespace jurigraph::cli {
namespace {

struct RenderOptions {
  DatasetOptions datasets;
  std::string output;
  std::string focus;
  uint32_t depth = 1;
  std::vector<std::string> path;
  std::string layout = "auto";
  std::string style;
};

int run_render(const RenderOptions& o, std::ostream& out, std::ostream& err) {
  const std::string format = std::filesystem::path(o.output).extension().string().substr(1);
  const auto loaded = load_for_command(o.datasets, err);
  if (!loaded)
    return kExitInvalidData;
  const graph::Graph& g = loaded->graph;
  const exporter::GraphStyle style =
      o.style.empty() ? exporter::default_style() : exporter::load_style_file(o.style);
  std::vector<graph::VertexId> nodes;
  std::vector<graph::EdgeId> edges;
  query::PathFinder finder(g);
  if (!o.focus.empty()) {
    const auto n =
        finder.neighbours(graph::resolve_node(g, o.focus, Location("--focus")), o.depth, {});
    for (const auto& ring : n.rings)
      nodes.insert(nodes.end(), ring.begin(), ring.end());
    edges = n.edges;
  } else if (!o.path.empty()) {
    const graph::VertexId from = graph::resolve_node(g, o.path[0], Location("--path"));
    const graph::VertexId to = graph::resolve_node(g, o.path[1], Location("--path"));
    const auto p = finder.shortest(from, to, {});
    if (!p) {
      err << "no path between the two nodes of --path\n";
      return kExitNoPath;
    }
    nodes = p->nodes(g);
    for (const query::Hop& h : p->hops)
      edges.push_back(h.edge);
  } else {
    for (graph::VertexId v = 0; v < g.node_count(); ++v)
      nodes.push_back(v);
    for (graph::EdgeId e = 0; e < g.edge_count(); ++e)
      edges.push_back(e);
  }
  const std::string layout = exporter::choose_layout(o.layout, nodes.size());
  if (o.layout == "auto") {
    err << "layout: " << layout << " (" << nodes.size() << " nodes";
    if (layout == "sfdp")
      err << ": dot is slow above " << exporter::kDotLayoutNodeLimit << ", --layout dot forces it";
    err << ")\n";
  }
  auto doc = exporter::build_dot(g, nodes, edges, style);
  const std::string bytes = exporter::render(*doc, layout, format);
  write_file_atomically(o.output, [&](std::ostream& s) { s << bytes; });
  out << "wrote " << o.output << " (" << nodes.size() << " nodes, " << edges.size()
      << " relationships)\n";
  return kExitOk;
}

}  // namespace

void setup_render(CLI::App& app, CommandRunner& runner) {
  auto o = std::make_shared<RenderOptions>();
  CLI::App* cmd =
      app.add_subcommand("render", "draw a diagram (svg, png, pdf) with Graphviz, in-process");
  add_dataset_options(*cmd, o->datasets);
  cmd->add_option("-o,--output", o->output, "FILE.svg, FILE.png or FILE.pdf")
      ->required()
      ->check([](const std::string& v) {
        const std::string ext = std::filesystem::path(v).extension().string();
        return ext == ".svg" || ext == ".png" || ext == ".pdf"
                   ? std::string()
                   : "the file must end in .svg, .png or .pdf";
      });
  auto* focus = cmd->add_option("--focus", o->focus, "draw the neighbourhood of this node");
  cmd->add_option("--depth", o->depth, "hops around --focus (default 1)")
      ->check(CLI::PositiveNumber);
  auto* path =
      cmd->add_option("--path", o->path, "draw the shortest path between two nodes")->expected(2);
  focus->excludes(path);
  cmd->add_option("--layout", o->layout, "auto, dot, neato or sfdp")
      ->check(CLI::IsMember({"auto", "dot", "neato", "sfdp"}));
  cmd->add_option("--style", o->style, "diagram style (default: viz/style.json)");
  cmd->callback([o, &runner] {
    runner = [o](std::ostream& out, std::ostream& err) { return run_render(*o, out, err); };
  });
}

}  // namespace jurigraph::cli
