// The TCK runner's result comparator and its fixture loader.
#include <gtest/gtest.h>

#include <filesystem>

#include "compare.hpp"
#include "fixture.hpp"

namespace jurigraph::tck {
namespace {

namespace cy = query::cypher;

ActualResult result(std::vector<std::string> columns,
                    const std::vector<std::vector<const char*>>& rows) {
  ActualResult r;
  r.columns = std::move(columns);
  for (const auto& row : rows) {
    std::vector<TckValue> values;
    for (const char* cell : row)
      values.push_back(parse_tck_value(cell));
    r.rows.push_back(std::move(values));
  }
  return r;
}

const Table kExpected = {{"a", "b"}, {"1", "'x'"}, {"2", "'y'"}, {"2", "'y'"}};

TEST(TckCompare, BagIgnoresRowOrderAndColumnOrder) {
  EXPECT_TRUE(compare_rows(kExpected,
                           result({"b", "a"}, {{"'y'", "2"}, {"'x'", "1"}, {"'y'", "2"}}), false,
                           false)
                  .ok);
}

TEST(TckCompare, BagCountsDuplicates) {
  const Verdict v = compare_rows(
      kExpected, result({"a", "b"}, {{"1", "'x'"}, {"2", "'y'"}, {"1", "'x'"}}), false, false);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.reason.find("missing | 2 | 'y' |"), std::string::npos) << v.reason;
  EXPECT_NE(v.reason.find("unexpected | 1 | 'x' |"), std::string::npos) << v.reason;
}

TEST(TckCompare, InOrderComparesTheSequence) {
  const ActualResult swapped = result({"a", "b"}, {{"2", "'y'"}, {"1", "'x'"}, {"2", "'y'"}});
  EXPECT_TRUE(compare_rows(kExpected, swapped, false, false).ok);
  const Verdict v = compare_rows(kExpected, swapped, true, false);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.reason.find("row 1"), std::string::npos) << v.reason;
  EXPECT_FALSE(
      compare_rows(kExpected, result({"a", "b"}, {{"1", "'x'"}, {"2", "'y'"}}), true, false).ok);
}

TEST(TckCompare, ColumnsByName) {
  const Verdict v = compare_rows(kExpected, result({"a", "c"}, {}), false, false);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.reason.find("columns differ"), std::string::npos);
  // An empty expected table with the right header.
  EXPECT_TRUE(compare_rows({{"n"}}, result({"n"}, {}), false, false).ok);
}

TEST(TckCompare, TypesAndListOrder) {
  EXPECT_FALSE(compare_rows({{"x"}, {"1"}}, result({"x"}, {{"1.0"}}), false, false).ok);
  EXPECT_FALSE(compare_rows({{"x"}, {"[1, 2]"}}, result({"x"}, {{"[2, 1]"}}), false, false).ok);
  EXPECT_TRUE(compare_rows({{"x"}, {"[1, 2]"}}, result({"x"}, {{"[2, 1]"}}), false, true).ok);
  EXPECT_TRUE(
      compare_rows({{"n"}, {"(:A {p: 1})"}}, result({"n"}, {{"(:A {p: 1})"}}), false, false).ok);
  EXPECT_FALSE(compare_rows({{"x"}, {"[1, 2"}}, result({"x"}, {{"1"}}), false, false).ok);
}

TEST(TckCompare, EmptyResult) {
  EXPECT_TRUE(compare_empty(result({"x"}, {})).ok);
  EXPECT_FALSE(compare_empty(result({"x"}, {{"1"}})).ok);
}

TEST(TckFixture, CreatesNodesRelationshipsAndReusesVariables) {
  cy::MemoryGraph g;
  run_setup(g, R"(CREATE (a:A:B {name: 'a', num: -1, l: [1, 2.5], m: null}),
                         (b {name: 'b'})-[:T {w: 1}]->(c:C)
                  CREATE (a)-[:U]->(b), (c)<-[:V]-(a), (a)-[:T]->(:D {p: $p}))",
            {{"p", cy::Value("param")}});
  g.freeze();
  ASSERT_EQ(g.node_count(), 4u);
  ASSERT_EQ(g.relationship_count(), 4u);
  const auto a_label = g.find_label("A");
  ASSERT_TRUE(a_label);
  EXPECT_TRUE(g.has_label(0, *a_label));
  EXPECT_EQ(g.node_property(0, "num").as_int(), -1);
  EXPECT_EQ(g.node_property(0, "l").as_list()[1].as_float(), 2.5);
  EXPECT_TRUE(g.node_property(0, "m").is_null());
  EXPECT_EQ(g.node_property(1, "name").as_string(), "b");
  // (b)-[:T]->(c): b is node 1, c node 2.
  EXPECT_EQ(g.ends(0).source, 1u);
  EXPECT_EQ(g.ends(0).target, 2u);
  EXPECT_EQ(g.rel_property(0, "w").as_int(), 1);
  // (a)-[:U]->(b) reuses a and b.
  EXPECT_EQ(g.ends(1).source, 0u);
  EXPECT_EQ(g.ends(1).target, 1u);
  // (c)<-[:V]-(a) points from a to c.
  EXPECT_EQ(g.ends(2).source, 0u);
  EXPECT_EQ(g.ends(2).target, 2u);
  EXPECT_EQ(g.node_property(3, "p").as_string(), "param");
}

TEST(TckFixture, RefusesWhatIsNotAPlainCreate) {
  for (const char* script : {
           "MATCH (a) CREATE (a)-[:T]->()",
           "UNWIND [1, 2] AS i CREATE ({num: i})",
           "CREATE (a) WITH a CREATE (a)-[:T]->()",
           "CREATE (a {num: 1}) CREATE ({num: a.num})",
           "CREATE ({d: no_such_function(1)})",
           "MERGE (a:A)",
           "CREATE (a)-[:T]-(b)",
           "CREATE (a)-->(b)",
           "CREATE (a:A) CREATE (a:B)",
       }) {
    cy::MemoryGraph g;
    EXPECT_THROW(run_setup(g, script), SetupNotSupported) << script;
  }
}

TEST(TckFixture, EvaluatesOtherConstantsWithTheEngine) {
  cy::MemoryGraph g;
  run_setup(g, "CREATE ({d: date({year: 1910, month: 5, day: 6}), n: 1 + 2, l: range(1, 3)})");
  g.freeze();
  EXPECT_EQ(g.node_property(0, "d").type(), cy::ValueType::date);
  EXPECT_EQ(g.node_property(0, "n").as_int(), 3);
  EXPECT_EQ(g.node_property(0, "l").as_list().size(), 3u);
}

TEST(TckFixture, LoadsTheNamedGraphs) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(fs::path(JURIGRAPH_TCK_DIR) / "graphs"))
    GTEST_SKIP() << "openCypher TCK not found at " << JURIGRAPH_TCK_DIR;
  cy::MemoryGraph g;
  run_setup(g, named_graph_script(JURIGRAPH_TCK_DIR, "binary-tree-1"));
  g.freeze();
  EXPECT_EQ(g.node_count(), 13u);
  EXPECT_EQ(g.relationship_count(), 16u);
  EXPECT_THROW(named_graph_script(JURIGRAPH_TCK_DIR, "no-such-graph"), SetupNotSupported);
}

}  // namespace
}  // namespace jurigraph::tck
