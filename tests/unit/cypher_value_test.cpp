// Cypher's value rules (ternary equality, comparison families, ORDER BY's total order,
// DISTINCT's equivalence) and the two graphs the engine reads: jurigraph's through GraphView and
// the TCK's MemoryGraph.
#include <gtest/gtest.h>

#include "base/diagnostic.hpp"
#include "generate/synthetic.hpp"
#include "graph/graph.hpp"
#include "query/cypher/graph_view.hpp"
#include "query/cypher/literal.hpp"
#include "query/cypher/memory_graph.hpp"

namespace jurigraph::query::cypher {
namespace {

TEST(CypherValue, EqualityIsTernary) {
  EXPECT_EQ(equals(Value(1), Value(1.0)), Ternary::true_);
  EXPECT_EQ(equals(Value(1), Value("1")), Ternary::false_);
  EXPECT_EQ(equals(Value(), Value()), Ternary::null);
  EXPECT_EQ(equals(Value(List{1, Value()}), Value(List{1, 2})), Ternary::null);
  EXPECT_EQ(equals(Value(List{1, Value()}), Value(List{2, 2})), Ternary::false_);
  EXPECT_EQ(equals(Value(List{1, 2}), Value(List{1})), Ternary::false_);
  EXPECT_EQ(equals(Value(Map{{"a", 1}}), Value(Map{{"a", 1.0}})), Ternary::true_);
  EXPECT_EQ(equals(Value(0.0 / 0.0), Value(0.0 / 0.0)), Ternary::false_);
}

TEST(CypherValue, ComparisonOnlyWithinAFamily) {
  EXPECT_EQ(compare(Value(1), Value(2.5)), -1);
  EXPECT_EQ(compare(Value("b"), Value("a")), 1);
  EXPECT_EQ(compare(Value(Date{20150101}), Value(Date{20141231})), 1);
  EXPECT_FALSE(compare(Value(1), Value("1")));
  EXPECT_FALSE(compare(Value(), Value(1)));
  EXPECT_FALSE(compare(Value(0.0 / 0.0), Value(1)));
  EXPECT_EQ(compare(Value(List{1, 2}), Value(List{1, 3})), -1);
  EXPECT_EQ(compare(Value(List{1}), Value(List{1, 0})), -1);
}

TEST(CypherValue, OrderByIsTotalWithNullLast) {
  std::vector<Value> v = {Value(),      Value(3),      Value("x"),
                          Value(true),  Value(List{}), Value(NodeRef{2}),
                          Value(Map{}), Value(1.5),    Value(0.0 / 0.0)};
  std::sort(v.begin(), v.end(), [](const Value& a, const Value& b) { return order(a, b) < 0; });
  std::string shown;
  for (const Value& x : v)
    shown += to_literal(x) + " ";
  EXPECT_EQ(shown, "{} (#2) [] 'x' true 1.5 3 NaN null ");
}

TEST(CypherValue, DistinctTreatsNullAndNumbersAsOneGroup) {
  EXPECT_TRUE(equivalent(Value(), Value()));
  EXPECT_TRUE(equivalent(Value(1), Value(1.0)));
  EXPECT_EQ(hash_value(Value(1)), hash_value(Value(1.0)));
  EXPECT_TRUE(equivalent(Value(List{Value(), 1}), Value(List{Value(), 1.0})));
  EXPECT_FALSE(equivalent(Value("a"), Value("b")));
}

TEST(CypherValue, Literals) {
  EXPECT_EQ(to_literal(Value(1.0)), "1.0");
  EXPECT_EQ(to_literal(Value(0.1)), "0.1");
  EXPECT_EQ(to_literal(Value(1e100)), "1.0e+100");
  EXPECT_EQ(to_literal(Value(85000000.0)), "85000000.0");
  EXPECT_EQ(to_literal(Value(-1234.5)), "-1234.5");
  EXPECT_EQ(to_literal(Value(0.00012)), "0.00012");
  EXPECT_EQ(to_literal(Value(0.00001)), "1.0e-05");
  EXPECT_EQ(to_literal(Value(1.5e16)), "1.5e+16");
  EXPECT_EQ(to_literal(Value(123456789012345.6)), "123456789012345.6");
  EXPECT_EQ(to_literal(Value("it's")), "'it\\'s'");
  EXPECT_EQ(to_literal(Value(Map{{"b", 2}, {"a", List{1, "x"}}})), "{a: [1, 'x'], b: 2}");
  EXPECT_EQ(to_literal(Value(Date{20151230})), "'2015-12-30'");
}

TEST(CypherMemoryGraph, LabelsPropertiesAndAdjacency) {
  MemoryGraph g;
  const NodeId a = g.add_node({"A", "B"}, {{"name", "a"}, {"gone", Value()}});
  const NodeId b = g.add_node({"B"}, {{"name", "b"}});
  g.add_relationship(a, b, "T", {{"w", 1}});
  g.add_relationship(b, a, "U", {});
  g.add_relationship(a, a, "T", {});
  g.freeze();
  const LabelId label_b = *g.find_label("B");
  EXPECT_EQ(g.nodes_with_label(label_b).size(), 2u);
  EXPECT_TRUE(g.has_label(a, *g.find_label("A")));
  EXPECT_FALSE(g.has_label(b, *g.find_label("A")));
  EXPECT_TRUE(g.node_property(a, "gone").is_null());
  EXPECT_EQ(g.node_properties(a).size(), 1u);
  EXPECT_EQ(g.out(a).nodes.size(), 2u);
  EXPECT_EQ(g.in(a).nodes.size(), 2u);
  EXPECT_EQ(g.rel_property(0, "w").as_int(), 1);
  EXPECT_FALSE(g.find_type("V"));
}

TEST(CypherGraphView, ShowsRecordFieldsAsProperties) {
  const graph::Graph g =
      graph::Graph::freeze(generate::build_tables(generate::generate_graph(200, 3)));
  const GraphView view(g);
  const LabelId decision = *view.find_label("Decision");
  ASSERT_FALSE(view.nodes_with_label(decision).empty());
  const NodeId d = view.nodes_with_label(decision)[0];
  EXPECT_EQ(view.node_property(d, "id").as_string(), std::string(g.str(g.node(d).id)));
  EXPECT_EQ(view.node_property(d, "date").type(), ValueType::date);
  EXPECT_TRUE(view.node_property(d, "no such key").is_null());
  const auto found = view.find_nodes("id", Value(std::string(g.str(g.node(d).id))));
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, std::vector<NodeId>{d});
  const Map props = view.node_properties(d);
  EXPECT_TRUE(std::is_sorted(props.begin(), props.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; }));
  EXPECT_EQ(view.type_names()[0], "ISSUED_BY");
}

}  // namespace
}  // namespace jurigraph::query::cypher

namespace jurigraph::query::cypher {
namespace {

TEST(CypherParameters, CypherLiteralsAreTypedTheRestIsText) {
  EXPECT_EQ(parameter_value("42").as_int(), 42);
  EXPECT_EQ(parameter_value("-1.5").as_float(), -1.5);
  EXPECT_EQ(parameter_value("'Conseil d''État'").type(), ValueType::string);
  EXPECT_EQ(to_literal(parameter_value("[1, 'a', {k: null}]")), "[1, 'a', {k: null}]");
  EXPECT_TRUE(parameter_value("null").is_null());
  EXPECT_EQ(parameter_value("2018-05-25").as_string(), "2018-05-25");
  EXPECT_EQ(parameter_value("Optical Center").as_string(), "Optical Center");
  EXPECT_EQ(parameter_value("").as_string(), "");
}

TEST(CypherParameters, PairsAreCheckedAtTheOption) {
  const ParameterMap p = parse_parameters({"since=2018-05-25", "n=3"});
  EXPECT_EQ(p.at("n").as_int(), 3);
  EXPECT_THROW(parse_parameters({"novalue"}), Error);
  EXPECT_THROW(parse_parameters({"1x=2"}), Error);
  try {
    parse_parameters({"a=1", "a=2"});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(format_headline(e.diagnostic()), "--param: error: parameter $a is given twice");
  }
}

}  // namespace
}  // namespace jurigraph::query::cypher
