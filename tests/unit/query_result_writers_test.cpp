// The query result formats: CSV quoting, the aligned table with accents, typed JSON, and the
// subgraph formats (DOT, JSON-LD) restricted to what the rows name.
#include "export/query_result_writers.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "base/diagnostic.hpp"
#include "generate/synthetic.hpp"
#include "query/cypher/graph_view.hpp"
#include "query/cypher/memory_graph.hpp"

namespace jurigraph::exporter {
namespace {

using query::cypher::Date;
using query::cypher::List;
using query::cypher::NodeRef;
using query::cypher::Path;
using query::cypher::RelRef;
using query::cypher::Value;

std::string render(std::string_view format, const query::cypher::PropertyGraph& g,
                   const std::vector<std::string>& columns,
                   const std::vector<std::vector<Value>>& rows, const graph::Graph* jg = nullptr) {
  std::ostringstream out;
  auto w = make_result_writer(format, out, g, jg);
  w->begin(columns);
  for (const auto& r : rows)
    w->row(r);
  w->end();
  return out.str();
}

query::cypher::MemoryGraph two_nodes() {
  query::cypher::MemoryGraph g;
  const auto a = g.add_node({"Company"}, {{"id", "company:a"}, {"name", "Société A"}});
  const auto b = g.add_node({"Decision"}, {{"id", "decision:b"}});
  g.add_relationship(b, a, "AGAINST", {});
  g.freeze();
  return g;
}

TEST(QueryResultWriters, CsvQuotesOnlyWhatNeedsIt) {
  const auto g = two_nodes();
  EXPECT_EQ(render("csv", g, {"name", "n, m"},
                   {{Value("plain"), Value("a \"quoted\", text")},
                    {Value(), Value(List{"x", 1, 2.5})},
                    {Value(Date{20151230}), Value(85000000.0)}}),
            "name,\"n, m\"\r\nplain,\"a \"\"quoted\"\", text\"\r\n,\"['x', 1, 2.5]\"\r\n"
            "2015-12-30,85000000.0\r\n");
}

TEST(QueryResultWriters, CsvNamesNodesRelationshipsAndPaths) {
  const auto g = two_nodes();
  EXPECT_EQ(render("csv", g, {"n", "r", "p"},
                   {{Value(NodeRef{0}), Value(RelRef{0}), Value(Path{{0, 1}, {0}})}}),
            "n,r,p\r\ncompany:a,(decision:b)-[:AGAINST]->(company:a),"
            "(company:a)<-[:AGAINST]-(decision:b)\r\n");
}

TEST(QueryResultWriters, TableAlignsByCharactersNotBytes) {
  const auto g = two_nodes();
  EXPECT_EQ(
      render("table", g, {"name", "n"}, {{Value("Société"), Value(1)}, {Value("ab"), Value()}}),
      "name    | n\n--------+-----\nSociété | 1\nab      | null\n(2 rows)\n");
}

TEST(QueryResultWriters, JsonIsTyped) {
  const auto g = two_nodes();
  EXPECT_EQ(render("json", g, {"n", "x"}, {{Value(NodeRef{0}), Value(List{1, 1.5, true})}}),
            R"({"columns":["n","x"],"rows":[[{"labels":["Company"],"properties":)"
            R"({"id":"company:a","name":"Société A"}},[1,1.5,true]]]})");
}

TEST(QueryResultWriters, SubgraphFormatsKeepOnlyWhatRowsName) {
  const graph::Graph g =
      graph::Graph::freeze(generate::build_tables(generate::generate_graph(100, 1)));
  const query::cypher::GraphView view(g);
  const graph::EdgeId e = 0;
  const std::vector<std::vector<Value>> rows = {{Value(RelRef{e})}};
  const std::string dot = render("dot", view, {"r"}, rows, &g);
  EXPECT_NE(dot.find(std::string(g.str(g.node(g.edge(e).source).id))), std::string::npos);
  EXPECT_NE(dot.find(std::string(g.str(g.node(g.edge(e).target).id))), std::string::npos);
  const std::string jsonld = render("jsonld", view, {"r"}, rows, &g);
  // The two ends and the relation node, and the one synthetic source.
  EXPECT_EQ(std::count(jsonld.begin(), jsonld.end(), '\n'), 2 + 4 + 1);
  EXPECT_THROW(render("dot", view, {"r"}, rows, nullptr), jurigraph::Error);
}

}  // namespace
}  // namespace jurigraph::exporter
