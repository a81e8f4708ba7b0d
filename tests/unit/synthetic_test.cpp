// The generator's two outputs — a dataset file read through the whole ingest, and tables built
// directly for benchmarks — must give the same graph, or benchmarks would measure another graph.
#include "generate/synthetic.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "graph/graph.hpp"
#include "ingest/ingest.hpp"

namespace jurigraph::generate {
namespace {

std::vector<std::tuple<std::string, std::string, std::string>> edge_list(const graph::Graph& g) {
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
    const graph::EdgeRecord& r = g.edge(e);
    std::string props;
    for (const auto& p : g.properties(r.properties))
      props += std::string(g.str(p.key)) + "=" + std::string(g.str(p.text)) + ";";
    out.emplace_back(std::string(g.str(g.node(r.source).id)), g.relation_type(r.type).name + props,
                     std::string(g.str(g.node(r.target).id)));
  }
  return out;
}

TEST(Synthetic, DatasetFileAndDirectTablesGiveTheSameGraph) {
  const SyntheticGraph s = generate_graph(500, 9);
  const auto dir = std::filesystem::temp_directory_path() / "jurigraph-synthetic-test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "synthetic.json";
  {
    std::ofstream out(file);
    write_dataset_json(s, out);
  }
  const ingest::LoadResult loaded = ingest::load_datasets({file.string()});
  ASSERT_FALSE(loaded.diagnostics.has_errors())
      << (loaded.diagnostics.all().empty() ? "" : loaded.diagnostics.all()[0].message);
  const graph::Graph direct = graph::Graph::freeze(build_tables(s));
  const graph::Graph& read = loaded.graph;
  ASSERT_EQ(read.node_count(), direct.node_count());
  ASSERT_EQ(read.edge_count(), direct.edge_count());
  for (graph::VertexId v = 0; v < read.node_count(); ++v) {
    EXPECT_EQ(read.str(read.node(v).id), direct.str(direct.node(v).id));
    EXPECT_EQ(read.str(read.node(v).name), direct.str(direct.node(v).name));
    EXPECT_EQ(read.node(v).label, direct.node(v).label);
    EXPECT_EQ(read.node(v).date, direct.node(v).date);
    EXPECT_EQ(read.node(v).amount, direct.node(v).amount);
  }
  EXPECT_EQ(edge_list(read), edge_list(direct));
  std::filesystem::remove_all(dir);
}

TEST(Synthetic, SameSeedSameGraphOtherSeedOtherGraph) {
  std::ostringstream a, b, c;
  write_dataset_json(generate_graph(200, 1), a);
  write_dataset_json(generate_graph(200, 1), b);
  write_dataset_json(generate_graph(200, 2), c);
  EXPECT_EQ(a.str(), b.str());
  EXPECT_NE(a.str(), c.str());
}

TEST(Synthetic, ShapeFollowsTheReferenceGraphs) {
  const SyntheticGraph s = generate_graph(20000, 3);
  const graph::Graph g = graph::Graph::freeze(build_tables(s));
  EXPECT_EQ(s.companies, 5000u);
  EXPECT_EQ(g.nodes_with_label(graph::Label::Authority).size(), 30u);
  EXPECT_EQ(g.nodes_with_label(graph::Label::Court).size(), 60u);
  EXPECT_EQ(g.nodes_with_label(graph::Label::Provision).size(), 300u);
  const double per_decision = static_cast<double>(g.edge_count()) / 20000.0;
  EXPECT_GT(per_decision, 4.5);  // about 5 edges a decision, as in the measured graphs
  EXPECT_LT(per_decision, 5.5);
  std::size_t appeals = 0;
  for (const auto& d : s.decisions)
    appeals += d.appeal_of >= 0;
  EXPECT_NEAR(static_cast<double>(appeals) / 20000.0, 0.15, 0.03);
}

}  // namespace
}  // namespace jurigraph::generate
