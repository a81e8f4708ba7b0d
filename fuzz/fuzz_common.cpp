#include "fuzz_common.hpp"

#include <iostream>
#include <sstream>

#include "base/fold.hpp"
#include "export/graphml_writer.hpp"
#include "graph/stats.hpp"
#include "ingest/ingest.hpp"

namespace jurigraph::fuzz {

void walk(const graph::Graph& g) {
  std::ostringstream sink;
  exporter::write_graphml(sink, g);
  (void)graph::compute_stats(g);
  for (graph::VertexId v = 0; v < g.node_count(); ++v) {
    (void)g.find_folded(fold_for_lookup(g.str(g.node(v).name)));
    (void)g.find_id(g.str(g.node(v).id));
  }
}

const graph::Graph& fixed_graph() {
  static const graph::Graph graph = [] {
    ingest::LoadOptions options;
    options.threads = 1;
    ingest::LoadResult r = ingest::load_datasets({JURIGRAPH_FUZZ_GRAPH}, options);
    if (r.diagnostics.has_errors()) {
      std::cerr << "fuzz: the fixed graph " << JURIGRAPH_FUZZ_GRAPH << " does not load\n";
      std::abort();
    }
    return std::move(r.graph);
  }();
  return graph;
}

}  // namespace jurigraph::fuzz
