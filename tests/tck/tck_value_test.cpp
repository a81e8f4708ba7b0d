// The TCK runner's value parser, its rendering and canonical form, and the conversions from and
// to the engine's values.
#include "tck_value.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "query/cypher/memory_graph.hpp"

namespace jurigraph::tck {
namespace {

namespace cy = query::cypher;
using K = TckValue::Kind;

TEST(TckValue, Primitives) {
  EXPECT_EQ(parse_tck_value("null").kind, K::null);
  EXPECT_TRUE(parse_tck_value("true").boolean);
  EXPECT_EQ(parse_tck_value(" false ").kind, K::boolean);
  EXPECT_EQ(parse_tck_value("42").integer, 42);
  EXPECT_EQ(parse_tck_value("-42").integer, -42);
  EXPECT_EQ(parse_tck_value("-9223372036854775808").integer, INT64_MIN);
  EXPECT_EQ(parse_tck_value("0x1F").integer, 31);
  EXPECT_EQ(parse_tck_value("-0x1F").integer, -31);
  EXPECT_EQ(parse_tck_value("0o17").integer, 15);
  EXPECT_EQ(parse_tck_value("1.5").kind, K::floating);
  EXPECT_EQ(parse_tck_value("1.5").floating, 1.5);
  EXPECT_EQ(parse_tck_value("1e3").floating, 1000.0);
  EXPECT_EQ(parse_tck_value("1e3").kind, K::floating);
  EXPECT_EQ(parse_tck_value("-1.5E-2").floating, -0.015);
  EXPECT_TRUE(std::isnan(parse_tck_value("NaN").floating));
  EXPECT_EQ(parse_tck_value("Inf").floating, INFINITY);
  EXPECT_EQ(parse_tck_value("-Inf").floating, -INFINITY);
  EXPECT_EQ(parse_tck_value("-Infinity").floating, -INFINITY);
  EXPECT_TRUE(std::signbit(parse_tck_value("-0.0").floating));
  EXPECT_THROW(parse_tck_value("99999999999999999999"), ValueSyntaxError);
}

TEST(TckValue, Strings) {
  EXPECT_EQ(parse_tck_value("'abc'").text, "abc");
  EXPECT_EQ(parse_tck_value("''").text, "");
  EXPECT_EQ(parse_tck_value(R"('\'')").text, "'");
  EXPECT_EQ(parse_tck_value(R"('a\\b\'"\t')").text, "a\\b'\"\t");
  EXPECT_EQ(parse_tck_value(R"('\u00e9')").text, "\xc3\xa9");
  EXPECT_EQ(parse_tck_value("'a, b]'").text, "a, b]");
  EXPECT_THROW(parse_tck_value("'abc"), ValueSyntaxError);
}

TEST(TckValue, ListsAndMaps) {
  const TckValue l = parse_tck_value("[1, 'a', [], [null, 2.0]]");
  ASSERT_EQ(l.kind, K::list);
  ASSERT_EQ(l.items.size(), 4u);
  EXPECT_EQ(l.items[2].items.size(), 0u);
  EXPECT_EQ(l.items[3].items[1].kind, K::floating);

  const TckValue m = parse_tck_value("{b: 1, a: {c: [true]}, `x y`: 'z'}");
  ASSERT_EQ(m.kind, K::map);
  ASSERT_EQ(m.entries.size(), 3u);
  EXPECT_EQ(m.entries[0].first, "a");  // sorted by key
  EXPECT_EQ(m.entries[2].first, "x y");
  EXPECT_EQ(parse_tck_value("{}").entries.size(), 0u);
  EXPECT_THROW(parse_tck_value("{a: 1, a: 2}"), ValueSyntaxError);
  EXPECT_THROW(parse_tck_value("[1, 2"), ValueSyntaxError);
  EXPECT_THROW(parse_tck_value("[1] x"), ValueSyntaxError);
}

TEST(TckValue, GraphElements) {
  const TckValue n = parse_tck_value("(:B:A {name: 'x', num: 1})");
  ASSERT_EQ(n.kind, K::node);
  ASSERT_EQ(n.labels.size(), 2u);
  EXPECT_EQ(n.labels[0], "A");
  EXPECT_EQ(n.entries.size(), 2u);
  EXPECT_EQ(parse_tck_value("()").kind, K::node);
  EXPECT_EQ(parse_tck_value("({a: 1})").entries.size(), 1u);

  const TckValue r = parse_tck_value("[:T {w: 2}]");
  ASSERT_EQ(r.kind, K::relationship);
  EXPECT_EQ(r.text, "T");
  EXPECT_EQ(parse_tck_value("[ :T]").kind, K::relationship);

  const TckValue p = parse_tck_value("<(:A)-[:T]->(:B)<-[:U {x: 1}]-()>");
  ASSERT_EQ(p.kind, K::path);
  ASSERT_EQ(p.items.size(), 5u);
  ASSERT_EQ(p.forward.size(), 2u);
  EXPECT_TRUE(p.forward[0]);
  EXPECT_FALSE(p.forward[1]);
  EXPECT_EQ(p.items[3].text, "U");
  EXPECT_EQ(parse_tck_value("<()>").items.size(), 1u);
  EXPECT_THROW(parse_tck_value("<(:A)-[:T]-(:B)>"), ValueSyntaxError);
}

TEST(TckValue, RendersInTheTckSyntax) {
  for (const char* text : {"null", "true", "-3", "1.0", "0.1", "NaN", "-Inf", "'it\\'s'",
                           "[1, [2, 'x']]", "{a: 1, b: [null]}", "(:A:B {name: 'n'})", "()",
                           "[:T {w: 1}]", "<(:A)-[:T]->(:B)<-[:U]-()>", "{`a b`: 1}"}) {
    EXPECT_EQ(render(parse_tck_value(text)), text);
  }
}

TEST(TckValue, EqualityIsTheTcks) {
  const auto eq = [](const char* a, const char* b, bool bags = false) {
    return tck_equal(parse_tck_value(a), parse_tck_value(b), bags);
  };
  EXPECT_FALSE(eq("1", "1.0"));  // integer and float differ
  EXPECT_TRUE(eq("1.0", "1.00"));
  EXPECT_TRUE(eq("1e3", "1000.0"));
  EXPECT_TRUE(eq("NaN", "NaN"));
  EXPECT_TRUE(eq("0.0", "-0.0"));  // as the TCK's Literals5 [9] expects
  EXPECT_FALSE(eq("'1'", "1"));
  EXPECT_TRUE(eq("{b: 2, a: 1}", "{a: 1, b: 2}"));
  EXPECT_FALSE(eq("{a: null}", "{}"));
  EXPECT_TRUE(eq("(:B:A {x: 1})", "(:A:B {x: 1})"));
  EXPECT_FALSE(eq("(:A {x: 1})", "(:A {x: 1.0})"));
  EXPECT_FALSE(eq("[1, 2]", "[2, 1]"));
  EXPECT_TRUE(eq("[1, 2]", "[2, 1]", true));
  EXPECT_TRUE(eq("[[1, 2], [3]]", "[[3], [2, 1]]", true));
  EXPECT_FALSE(eq("[1, 1, 2]", "[1, 2, 2]", true));
  EXPECT_FALSE(eq("<(:A)-[:T]->(:B)>", "<(:A)<-[:T]-(:B)>"));
  // A self-loop's direction cannot be told apart.
  EXPECT_TRUE(eq("<(:A)-[:T]->(:A)>", "<(:A)<-[:T]-(:A)>"));
}

TEST(TckValue, FromTheEngine) {
  cy::MemoryGraph g;
  const cy::NodeId a = g.add_node({"B", "A"}, {{"name", cy::Value("a")}});
  const cy::NodeId b = g.add_node({}, {{"num", cy::Value(1)}, {"f", cy::Value(2.0)}});
  const cy::RelId r = g.add_relationship(a, b, "T", {{"w", cy::Value(cy::List{1, 2})}});
  const cy::RelId loop = g.add_relationship(b, b, "L", {});
  g.freeze();

  EXPECT_EQ(render(from_engine(cy::Value(cy::NodeRef{a}), g)), "(:A:B {name: 'a'})");
  EXPECT_EQ(render(from_engine(cy::Value(cy::NodeRef{b}), g)), "({f: 2.0, num: 1})");
  EXPECT_EQ(render(from_engine(cy::Value(cy::RelRef{r}), g)), "[:T {w: [1, 2]}]");
  // Read from b back to a, the relationship points right to left.
  const cy::Value path(cy::Path{{b, a}, {r}});
  EXPECT_EQ(render(from_engine(path, g)),
            "<({f: 2.0, num: 1})<-[:T {w: [1, 2]}]-(:A:B {name: 'a'})>");
  EXPECT_TRUE(
      tck_equal(from_engine(path, g),
                parse_tck_value("<({num: 1, f: 2.0})<-[:T {w: [1, 2]}]-(:A:B {name: 'a'})>")));
  EXPECT_TRUE(tck_equal(from_engine(cy::Value(cy::Path{{b, b}, {loop}}), g),
                        parse_tck_value("<({num: 1, f: 2.0})<-[:L]-({num: 1, f: 2.0})>")));
  EXPECT_EQ(render(from_engine(cy::Value(cy::Map{{"k", cy::Value(cy::NodeRef{b})}}), g)),
            "{k: ({f: 2.0, num: 1})}");
}

TEST(TckValue, ToTheEngine) {
  const cy::Value v = to_engine(parse_tck_value("{a: [1, 2.5, 'x', null, true]}"));
  ASSERT_EQ(v.type(), cy::ValueType::map);
  const cy::Value* a = v.find("a");
  ASSERT_TRUE(a);
  ASSERT_EQ(a->as_list().size(), 5u);
  EXPECT_EQ(a->as_list()[0].type(), cy::ValueType::integer);
  EXPECT_EQ(a->as_list()[1].type(), cy::ValueType::floating);
  EXPECT_THROW(to_engine(parse_tck_value("(:A)")), ValueSyntaxError);
}

}  // namespace
}  // namespace jurigraph::tck
