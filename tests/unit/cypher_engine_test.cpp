// The Cypher engine on small graphs built by hand: clauses, patterns (directions, uniqueness,
// variable length, named paths, shortest paths), OPTIONAL MATCH, projections, ORDER BY,
// SKIP/LIMIT, DISTINCT, aggregation and UNION. Expressions and errors have their own files.
#include <gtest/gtest.h>

#include "cypher_engine_test_util.hpp"

namespace jurigraph::query::cypher {
namespace {

using testing::bag;
using testing::eval;
using testing::rows;
using Rows = std::vector<std::string>;

// Alice (30) knows Bob (25), Bob knows Carol (35); Alice and Carol work at Acme.
MemoryGraph people() {
  MemoryGraph g;
  const NodeId a = g.add_node({"Person"}, {{"name", "Alice"}, {"age", 30}});
  const NodeId b = g.add_node({"Person"}, {{"name", "Bob"}, {"age", 25}});
  const NodeId c = g.add_node({"Person"}, {{"name", "Carol"}, {"age", 35}});
  const NodeId d = g.add_node({"Company"}, {{"name", "Acme"}});
  g.add_relationship(a, b, "KNOWS", {{"since", 2010}, {"name", "ab"}});
  g.add_relationship(b, c, "KNOWS", {{"name", "bc"}});
  g.add_relationship(a, d, "WORKS_AT", {});
  g.add_relationship(c, d, "WORKS_AT", {});
  g.freeze();
  return g;
}

// A -ab-> B -bc-> C -cd-> D, all :N, D also :End.
MemoryGraph chain() {
  MemoryGraph g;
  const NodeId a = g.add_node({"N"}, {{"name", "A"}});
  const NodeId b = g.add_node({"N"}, {{"name", "B"}});
  const NodeId c = g.add_node({"N"}, {{"name", "C"}});
  const NodeId d = g.add_node({"N", "End"}, {{"name", "D"}});
  g.add_relationship(a, b, "NEXT", {{"name", "ab"}});
  g.add_relationship(b, c, "NEXT", {{"name", "bc"}});
  g.add_relationship(c, d, "NEXT", {{"name", "cd"}});
  g.freeze();
  return g;
}

// 1 -> 2 -> 3 -> 1
MemoryGraph triangle() {
  MemoryGraph g;
  for (const char* n : {"1", "2", "3"})
    g.add_node({"V"}, {{"name", n}});
  g.add_relationship(0, 1, "E", {});
  g.add_relationship(1, 2, "E", {});
  g.add_relationship(2, 0, "E", {});
  g.freeze();
  return g;
}

// ---------------------------------------------------------------------------------------------
// MATCH

TEST(CypherEngine, MatchesNodesByLabelsAndProperties) {
  const MemoryGraph g = people();
  EXPECT_EQ(bag(g, "MATCH (p:Person) RETURN p.name"), (Rows{"'Alice'", "'Bob'", "'Carol'"}));
  EXPECT_EQ(bag(g, "MATCH (n) RETURN n"), (Rows{"(Acme)", "(Alice)", "(Bob)", "(Carol)"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person {age: 25}) RETURN p"), (Rows{"(Bob)"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person {age: 25.0, name: 'Bob'}) RETURN p"), (Rows{"(Bob)"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person:Company) RETURN p"), (Rows{}));
  EXPECT_EQ(rows(g, "MATCH (p:Nope) RETURN p"), (Rows{}));
  // A null in a property map never matches (`=` with null is null).
  EXPECT_EQ(rows(g, "MATCH (p {name: null}) RETURN p"), (Rows{}));
  EXPECT_EQ(rows(g, "MATCH (p $props) RETURN p", {{"props", Value(Map{{"name", "Carol"}})}}),
            (Rows{"(Carol)"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person {name: $n}) RETURN p.age", {{"n", Value("Alice")}}),
            (Rows{"30"}));
}

TEST(CypherEngine, MatchesRelationshipsInEachDirection) {
  const MemoryGraph g = people();
  EXPECT_EQ(bag(g, "MATCH (a)-[:KNOWS]->(b) RETURN a.name, b.name"),
            (Rows{"'Alice' | 'Bob'", "'Bob' | 'Carol'"}));
  EXPECT_EQ(bag(g, "MATCH (a)<-[:KNOWS]-(b) RETURN a.name, b.name"),
            (Rows{"'Bob' | 'Alice'", "'Carol' | 'Bob'"}));
  EXPECT_EQ(bag(g, "MATCH (a {name: 'Bob'})-[:KNOWS]-(b) RETURN b.name"),
            (Rows{"'Alice'", "'Carol'"}));
  // Undirected: each relationship once from each end.
  EXPECT_EQ(bag(g, "MATCH (a)-[r:KNOWS]-(b) RETURN a.name, r, b.name"),
            (Rows{"'Alice' | [:KNOWS ab] | 'Bob'", "'Bob' | [:KNOWS ab] | 'Alice'",
                  "'Bob' | [:KNOWS bc] | 'Carol'", "'Carol' | [:KNOWS bc] | 'Bob'"}));
  EXPECT_EQ(bag(g, "MATCH (a)-[r:KNOWS|WORKS_AT]->(c:Company) RETURN a.name, type(r)"),
            (Rows{"'Alice' | 'WORKS_AT'", "'Carol' | 'WORKS_AT'"}));
  EXPECT_EQ(rows(g, "MATCH (a)-[r {since: 2010}]->(b) RETURN a.name, b.name"),
            (Rows{"'Alice' | 'Bob'"}));
  EXPECT_EQ(rows(g, "MATCH (a)-[:KNOWS]->(b)-[:KNOWS]->(c) RETURN a.name, b.name, c.name"),
            (Rows{"'Alice' | 'Bob' | 'Carol'"}));
  // Started from the right (the label with fewest nodes), the result is the same.
  EXPECT_EQ(bag(g, "MATCH (p)-[:WORKS_AT]->(c:Company) RETURN p.name"),
            (Rows{"'Alice'", "'Carol'"}));
  EXPECT_EQ(bag(g, "MATCH (p:Person)<-[:WORKS_AT]-(c) RETURN p.name"), (Rows{}));
}

TEST(CypherEngine, SelfLoops) {
  MemoryGraph g;
  const NodeId n = g.add_node({"L"}, {{"name", "loop"}});
  g.add_relationship(n, n, "SELF", {});
  g.freeze();
  // An undirected self-loop gives one row, not two (openCypher TCK Match2).
  EXPECT_EQ(rows(g, "MATCH (a)-[r]-(b) RETURN a, b"), (Rows{"(loop) | (loop)"}));
  EXPECT_EQ(rows(g, "MATCH (a)-[r]->(b) RETURN a = b"), (Rows{"true"}));
  EXPECT_EQ(rows(g, "MATCH (a)-[r]->(a) RETURN count(*)"), (Rows{"1"}));
  EXPECT_EQ(rows(g, "MATCH (a)-[*]-(b) RETURN count(*)"), (Rows{"1"}));
}

TEST(CypherEngine, PartsJoinOnSharedVariablesOrMultiply) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g, "MATCH (a:Person), (b:Person) RETURN count(*)"), (Rows{"9"}));
  EXPECT_EQ(bag(g, "MATCH (a)-[:KNOWS]->(b), (b)-[:KNOWS]->(c) RETURN a.name, c.name"),
            (Rows{"'Alice' | 'Carol'"}));
  EXPECT_EQ(bag(g, "MATCH (c:Company), (p)-[:WORKS_AT]->(c) RETURN p.name"),
            (Rows{"'Alice'", "'Carol'"}));
  // Later clauses read variables of earlier ones as bound.
  EXPECT_EQ(bag(g, "MATCH (a {name: 'Alice'}) MATCH (a)-->(x) RETURN x.name"),
            (Rows{"'Acme'", "'Bob'"}));
  EXPECT_EQ(bag(g, "MATCH (a)-[r:KNOWS]->(b) WITH r MATCH (x)-[r]-(y) RETURN x.name, y.name"),
            (Rows{"'Alice' | 'Bob'", "'Bob' | 'Alice'", "'Bob' | 'Carol'", "'Carol' | 'Bob'"}));
  EXPECT_EQ(bag(g, "MATCH ()-[r:KNOWS]->() WITH r MATCH (x)<-[r]-(y) RETURN x.name"),
            (Rows{"'Bob'", "'Carol'"}));
}

TEST(CypherEngine, RelationshipsAreUniqueWithinAMatch) {
  const MemoryGraph t = triangle();
  // Each of the 3 start nodes, in each of the 2 directions: 6, never reusing an edge.
  EXPECT_EQ(rows(t, "MATCH (a)-[r1]-(b)-[r2]-(c)-[r3]-(a) RETURN count(*)"), (Rows{"6"}));
  EXPECT_EQ(rows(t, "MATCH (a)-[*3]-(a) RETURN count(*)"), (Rows{"6"}));
  EXPECT_EQ(rows(t, "MATCH (a)-->(b)-->(c)-->(d) RETURN count(*)"), (Rows{"3"}));
  EXPECT_EQ(rows(t, "MATCH (a)-->(b)-->(c)-->(d)-->(e) RETURN count(*)"), (Rows{"0"}));
  MemoryGraph one;
  one.add_node({}, {});
  one.add_node({}, {});
  one.add_relationship(0, 1, "E", {});
  one.freeze();
  EXPECT_EQ(rows(one, "MATCH (a)-[r]-(b)-[s]-(c) RETURN count(*)"), (Rows{"0"}));
  EXPECT_EQ(rows(one, "MATCH (a)-[r]->(b), (c)-[s]->(d) RETURN count(*)"), (Rows{"0"}));
  // Across clauses a relationship may be matched again.
  EXPECT_EQ(rows(one, "MATCH (a)-[r]->(b) MATCH (c)-[s]->(d) RETURN count(*)"), (Rows{"1"}));
  EXPECT_EQ(rows(one, "MATCH (a)--(b) RETURN count(*)"), (Rows{"2"}));
}

TEST(CypherEngine, VariableLengthBounds) {
  const MemoryGraph g = chain();
  const auto from_a = [&](const std::string& stars) {
    return bag(g, "MATCH ({name: 'A'})-[" + stars + "]->(x) RETURN x.name");
  };
  EXPECT_EQ(from_a("*"), (Rows{"'B'", "'C'", "'D'"}));
  EXPECT_EQ(from_a("*2"), (Rows{"'C'"}));
  EXPECT_EQ(from_a("*1..2"), (Rows{"'B'", "'C'"}));
  EXPECT_EQ(from_a("*..2"), (Rows{"'B'", "'C'"}));
  EXPECT_EQ(from_a("*2.."), (Rows{"'C'", "'D'"}));
  EXPECT_EQ(from_a("*0.."), (Rows{"'A'", "'B'", "'C'", "'D'"}));
  EXPECT_EQ(from_a("*0"), (Rows{"'A'"}));
  EXPECT_EQ(from_a("*3..2"), (Rows{}));
  EXPECT_EQ(from_a(":NEXT*4"), (Rows{}));
  EXPECT_EQ(from_a(":OTHER*"), (Rows{}));
  EXPECT_EQ(bag(g, "MATCH ({name: 'B'})-[*]-(x) RETURN x.name"), (Rows{"'A'", "'C'", "'D'"}));
  EXPECT_EQ(bag(g, "MATCH ({name: 'B'})<-[*]-(x) RETURN x.name"), (Rows{"'A'"}));
  // Zero length binds both ends to the same node.
  EXPECT_EQ(rows(g, "MATCH (a {name: 'C'})-[r*0]->(b) RETURN a = b, r"), (Rows{"true | []"}));
}

TEST(CypherEngine, VariableLengthBindsAListInPatternOrder) {
  const MemoryGraph g = chain();
  EXPECT_EQ(rows(g, "MATCH ({name: 'A'})-[r*2]->(x) RETURN r, x.name"),
            (Rows{"[[:NEXT ab], [:NEXT bc]] | 'C'"}));
  // Matched from D (the smallest label) backwards, the list still reads left to right.
  EXPECT_EQ(rows(g, "MATCH (x:N)-[r*2]->(d:End) RETURN x.name, r"),
            (Rows{"'B' | [[:NEXT bc], [:NEXT cd]]"}));
  EXPECT_EQ(rows(g, "MATCH (d:End)-[r*2]-(x) RETURN r, x.name"),
            (Rows{"[[:NEXT cd], [:NEXT bc]] | 'B'"}));
  // A list bound by an earlier clause constrains the match.
  EXPECT_EQ(bag(g,
                "MATCH ({name: 'A'})-[r*2]->() WITH r MATCH (x)-[r*]->(y) RETURN x.name, "
                "y.name"),
            (Rows{"'A' | 'C'"}));
  EXPECT_EQ(bag(g, "MATCH ({name: 'A'})-[r*2]->() WITH r MATCH (x)<-[r*]-(y) RETURN x.name"),
            (Rows{}));
  EXPECT_EQ(bag(g, "MATCH ({name: 'A'})-[r*2]->() WITH r MATCH (x)-[r*3]->(y) RETURN x.name"),
            (Rows{}));
}

TEST(CypherEngine, NamedPaths) {
  const MemoryGraph g = chain();
  EXPECT_EQ(rows(g, "MATCH p = (x:N)-[*2]->(d:End) RETURN p, length(p)"),
            (Rows{"<(B)-[:NEXT bc]->(C)-[:NEXT cd]->(D)> | 2"}));
  EXPECT_EQ(rows(g, "MATCH p = (d:End)-[*2]-(x) RETURN p"),
            (Rows{"<(D)<-[:NEXT cd]-(C)<-[:NEXT bc]-(B)>"}));
  EXPECT_EQ(rows(g,
                 "MATCH p = (a {name: 'A'})-->(b)-[*0..1]->(c) RETURN nodes(p), length(p) "
                 "ORDER BY length(p)"),
            (Rows{"[(A), (B)] | 1", "[(A), (B), (C)] | 2"}));
  EXPECT_EQ(rows(g, "MATCH p = (a {name: 'C'}) RETURN p, length(p), relationships(p)"),
            (Rows{"<(C)> | 0 | []"}));
  EXPECT_EQ(rows(g, "MATCH p = ({name: 'A'})-[*]->({name: 'D'}) RETURN relationships(p)"),
            (Rows{"[[:NEXT ab], [:NEXT bc], [:NEXT cd]]"}));
  EXPECT_EQ(rows(g, "MATCH p = ({name: 'A'})-->(), q = ({name: 'C'})-->() RETURN p, q"),
            (Rows{"<(A)-[:NEXT ab]->(B)> | <(C)-[:NEXT cd]->(D)>"}));
}

TEST(CypherEngine, PropertyMapsMayReadVariablesOfTheSameMatch) {
  const MemoryGraph g = people();
  EXPECT_EQ(bag(g, "MATCH (a:Person), (b:Person {age: a.age}) RETURN a.name, b.name"),
            (Rows{"'Alice' | 'Alice'", "'Bob' | 'Bob'", "'Carol' | 'Carol'"}));
  EXPECT_EQ(bag(g, "MATCH (a:Person)-[:KNOWS]->(b {age: a.age - 5}) RETURN b.name"),
            (Rows{"'Bob'"}));
}

// ---------------------------------------------------------------------------------------------
// OPTIONAL MATCH and WHERE

TEST(CypherEngine, OptionalMatchGivesNullsWhenNothingMatches) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g,
                 "MATCH (p:Person) OPTIONAL MATCH (p)-[:WORKS_AT]->(c) "
                 "RETURN p.name, c.name ORDER BY p.name"),
            (Rows{"'Alice' | 'Acme'", "'Bob' | null", "'Carol' | 'Acme'"}));
  // WHERE belongs to the OPTIONAL MATCH: a filtered-out match still gives the null row.
  EXPECT_EQ(
      rows(g,
           "MATCH (p:Person) OPTIONAL MATCH (p)-[r:KNOWS]->(q) WHERE q.age > 30 "
           "RETURN p.name, r, q.name ORDER BY p.name"),
      (Rows{"'Alice' | null | null", "'Bob' | [:KNOWS bc] | 'Carol'", "'Carol' | null | null"}));
  EXPECT_EQ(rows(g, "OPTIONAL MATCH (x:Nope) RETURN x"), (Rows{"null"}));
  EXPECT_EQ(rows(g, "OPTIONAL MATCH p = (x:Nope)-->(y) RETURN p, x, y"),
            (Rows{"null | null | null"}));
  // A null bound variable matches nothing.
  EXPECT_EQ(rows(g,
                 "MATCH (p {name: 'Bob'}) OPTIONAL MATCH (p)-[:WORKS_AT]->(c) "
                 "OPTIONAL MATCH (c)<--(x) RETURN c, x"),
            (Rows{"null | null"}));
  EXPECT_EQ(rows(g,
                 "MATCH (p {name: 'Bob'}) OPTIONAL MATCH (p)-[:WORKS_AT]->(c) "
                 "MATCH (c)<--(x) RETURN x"),
            (Rows{}));
}

TEST(CypherEngine, WhereIsThreeValued) {
  const MemoryGraph g = people();
  EXPECT_EQ(bag(g, "MATCH (n) WHERE n.age > 26 RETURN n.name"), (Rows{"'Alice'", "'Carol'"}));
  // Acme has no age: `n.age > 26` is null for it, and so is its negation.
  EXPECT_EQ(bag(g, "MATCH (n) WHERE NOT n.age > 26 RETURN n.name"), (Rows{"'Bob'"}));
  EXPECT_EQ(bag(g, "MATCH (n) WHERE n.age IS NULL RETURN n.name"), (Rows{"'Acme'"}));
  EXPECT_EQ(bag(g, "MATCH (n) WHERE n.age > 26 OR n:Company RETURN n.name"),
            (Rows{"'Acme'", "'Alice'", "'Carol'"}));
  EXPECT_EQ(bag(g, "MATCH (n) WHERE n.age > 26 XOR n.name = 'Alice' RETURN n.name"),
            (Rows{"'Carol'"}));
  EXPECT_EQ(bag(g, "MATCH (a)-[r]->(b) WHERE type(r) = 'KNOWS' AND a.age < b.age RETURN b.name"),
            (Rows{"'Carol'"}));
  // Pattern predicates: true when the pattern has at least one match.
  EXPECT_EQ(bag(g, "MATCH (p:Person) WHERE (p)-[:WORKS_AT]->(:Company) RETURN p.name"),
            (Rows{"'Alice'", "'Carol'"}));
  EXPECT_EQ(bag(g, "MATCH (p:Person) WHERE NOT (p)-[:KNOWS]->() RETURN p.name"), (Rows{"'Carol'"}));
  EXPECT_EQ(bag(g, "MATCH (p:Person) WHERE exists((p)<-[:KNOWS]-()) RETURN p.name"),
            (Rows{"'Bob'", "'Carol'"}));
  EXPECT_EQ(bag(g, "MATCH (n) WHERE exists(n.age) RETURN count(*)"), (Rows{"3"}));
}

// ---------------------------------------------------------------------------------------------
// Projections

TEST(CypherEngine, WithProjectsAndFilters) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g,
                 "MATCH (p:Person) WITH p.name AS name, p.age AS age WHERE age > 26 "
                 "RETURN name ORDER BY name"),
            (Rows{"'Alice'", "'Carol'"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person {name: 'Bob'}) WITH *, p.age AS a RETURN *"),
            (Rows{"25 | (Bob)"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person)-[:WORKS_AT]->(c) WITH DISTINCT c RETURN count(*)"),
            (Rows{"1"}));
  // WITH's WHERE filters after ORDER BY and LIMIT.
  EXPECT_EQ(rows(g,
                 "UNWIND [5, 4, 3, 2, 1] AS x WITH x ORDER BY x LIMIT 3 WHERE x > 1 "
                 "RETURN collect(x)"),
            (Rows{"[2, 3]"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person) WITH count(*) AS n MATCH (c:Company) RETURN n, c.name"),
            (Rows{"3 | 'Acme'"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person) WITH p ORDER BY p.age DESC LIMIT 1 RETURN p.name"),
            (Rows{"'Carol'"}));
}

TEST(CypherEngine, ReturnColumns) {
  const MemoryGraph g = people();
  const QueryResult r = testing::run_query(
      g, "MATCH (a:Person {name: 'Alice'})-[r:KNOWS]->(b) RETURN *, a.age + 1, b.name AS bn");
  EXPECT_EQ(r.columns, (std::vector<std::string>{"a", "b", "r", "a.age + 1", "bn"}));
  EXPECT_FALSE(r.ordered);
  EXPECT_TRUE(testing::run_query(g, "MATCH (n) RETURN n ORDER BY n.name").ordered);
  EXPECT_EQ(testing::run_query(g, "RETURN count(*), (1 + 2) * 3").columns,
            (std::vector<std::string>{"count(*)", "(1 + 2) * 3"}));
}

TEST(CypherEngine, Unwind) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g, "UNWIND [1, 2, 3] AS x RETURN x"), (Rows{"1", "2", "3"}));
  EXPECT_EQ(rows(g, "UNWIND null AS x RETURN x"), (Rows{}));
  EXPECT_EQ(rows(g, "UNWIND [] AS x RETURN x"), (Rows{}));
  EXPECT_EQ(rows(g, "UNWIND 5 AS x RETURN x"), (Rows{"5"}));
  EXPECT_EQ(rows(g, "UNWIND [[1, 2], [3]] AS l UNWIND l AS x RETURN x"), (Rows{"1", "2", "3"}));
  EXPECT_EQ(rows(g, "UNWIND [1, null] AS x RETURN x"), (Rows{"1", "null"}));
  EXPECT_EQ(rows(g, "WITH [3, 1] AS l UNWIND l AS x RETURN l, x"),
            (Rows{"[3, 1] | 3", "[3, 1] | 1"}));
}

TEST(CypherEngine, OrderByPutsNullLastAndMayUseThePreviousScope) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g, "UNWIND [3, null, 1, 2] AS x RETURN x ORDER BY x"),
            (Rows{"1", "2", "3", "null"}));
  EXPECT_EQ(rows(g, "UNWIND [3, null, 1, 2] AS x RETURN x ORDER BY x DESC"),
            (Rows{"null", "3", "2", "1"}));
  EXPECT_EQ(rows(g, "UNWIND [1, 'a', true, null, [1], 0.5] AS x RETURN x ORDER BY x"),
            (Rows{"[1]", "'a'", "true", "0.5", "1", "null"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person) RETURN p.name AS n ORDER BY p.age"),
            (Rows{"'Bob'", "'Alice'", "'Carol'"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person) RETURN p.name AS n ORDER BY n DESC"),
            (Rows{"'Carol'", "'Bob'", "'Alice'"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person) RETURN p.age > 26 AS old, count(*) ORDER BY count(*) DESC"),
            (Rows{"true | 2", "false | 1"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person)-->(c:Company) RETURN DISTINCT c.name ORDER BY c.name"),
            (Rows{"'Acme'"}));
  // Ties keep the input order; several keys.
  EXPECT_EQ(rows(g,
                 "UNWIND [[2, 'b'], [1, 'z'], [2, 'a'], [1, 'y']] AS p "
                 "RETURN p[1] ORDER BY p[0] DESC, p[1]"),
            (Rows{"'a'", "'b'", "'y'", "'z'"}));
  EXPECT_EQ(rows(g, "UNWIND [1, 2, 3, 4] AS x RETURN x % 2 AS k ORDER BY k"),
            (Rows{"0", "0", "1", "1"}));
}

TEST(CypherEngine, SkipAndLimit) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g, "UNWIND range(1, 10) AS x RETURN x ORDER BY x DESC SKIP 2 LIMIT 3"),
            (Rows{"8", "7", "6"}));
  EXPECT_EQ(rows(g, "UNWIND range(1, 10) AS x RETURN x SKIP $s LIMIT $l",
                 {{"s", Value(8)}, {"l", Value(5)}}),
            (Rows{"9", "10"}));
  EXPECT_EQ(rows(g, "UNWIND range(1, 10) AS x RETURN x LIMIT 0"), (Rows{}));
  EXPECT_EQ(rows(g, "UNWIND range(1, 3) AS x RETURN x SKIP 5"), (Rows{}));
  EXPECT_EQ(rows(g, "UNWIND range(1, 10) AS x RETURN x LIMIT 1 + 1"), (Rows{"1", "2"}));
  // ORDER BY with LIMIT keeps only the best rows as it goes (top-k), with the same answer.
  EXPECT_EQ(rows(g, "UNWIND range(1, 5000) AS x RETURN x ORDER BY x % 7, x DESC LIMIT 3"),
            (Rows{"4998", "4991", "4984"}));
  EXPECT_EQ(rows(g,
                 "UNWIND range(1, 5000) AS x WITH x ORDER BY -x SKIP 4990 LIMIT 20 "
                 "RETURN collect(x)"),
            (Rows{"[10, 9, 8, 7, 6, 5, 4, 3, 2, 1]"}));
}

TEST(CypherEngine, Distinct) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g, "UNWIND [1, 1.0, 2, null, null, 'a', 'a'] AS x RETURN DISTINCT x"),
            (Rows{"1", "2", "null", "'a'"}));
  EXPECT_EQ(bag(g, "MATCH (a)-[:KNOWS|WORKS_AT]->(b) RETURN DISTINCT labels(b)"),
            (Rows{"['Company']", "['Person']"}));
  EXPECT_EQ(rows(g, "UNWIND [[1, 2], [1, 2], [2, 1]] AS x RETURN DISTINCT x"),
            (Rows{"[1, 2]", "[2, 1]"}));
}

// ---------------------------------------------------------------------------------------------
// Aggregation

TEST(CypherEngine, AggregateFunctions) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g,
                 "MATCH (p) RETURN count(*), count(p.age), sum(p.age), avg(p.age), "
                 "min(p.age), max(p.age)"),
            (Rows{"4 | 3 | 90 | 30.0 | 25 | 35"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person) WITH p ORDER BY p.name RETURN collect(p.name)"),
            (Rows{"['Alice', 'Bob', 'Carol']"}));
  EXPECT_EQ(rows(g, "MATCH (n:Nope) RETURN count(n), sum(n.x), avg(n.x), collect(n), min(n.x)"),
            (Rows{"0 | 0 | null | [] | null"}));
  EXPECT_EQ(rows(g, "MATCH (n:Nope) RETURN n.x, count(*)"), (Rows{}));
  EXPECT_EQ(rows(g,
                 "UNWIND [1, 1.0, 2, null, null] AS x "
                 "RETURN count(DISTINCT x), collect(DISTINCT x), sum(DISTINCT x), count(x)"),
            (Rows{"2 | [1, 2] | 3 | 3"}));
  EXPECT_EQ(rows(g, "UNWIND [1, 2.5] AS x RETURN sum(x), avg(x)"), (Rows{"3.5 | 1.75"}));
  EXPECT_EQ(rows(g, "UNWIND [1, 2] AS x RETURN avg(x)"), (Rows{"1.5"}));
  // Across types, min and max follow ORDER BY's order (as Neo4j: max is 1, min is '1').
  EXPECT_EQ(rows(g, "UNWIND [1, 'a', null, 0.2, 'b', '1', '99'] AS v RETURN min(v), max(v)"),
            (Rows{"'1' | 1"}));
  EXPECT_EQ(rows(g, "UNWIND ['b', 'a'] AS v RETURN min(v), max(v)"), (Rows{"'a' | 'b'"}));
}

TEST(CypherEngine, Percentiles) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g,
                 "UNWIND [30, 10, 20, null] AS x RETURN percentileDisc(x, 0.5), "
                 "percentileCont(x, 0.25), percentileDisc(x, 0), percentileCont(x, 1)"),
            (Rows{"20 | 15.0 | 10 | 30.0"}));
  EXPECT_EQ(rows(g, "MATCH (n:Nope) RETURN percentileCont(n.x, 0.5)"), (Rows{"null"}));
  EXPECT_EQ(testing::error_of(g, "UNWIND [1] AS x RETURN percentileCont(x, 1.5)"),
            "1:42: percentileCont() needs a percentile between 0.0 and 1.0, not 1.5");
}

// ORDER BY and WITH's WHERE may write a projected expression as the item was written.
TEST(CypherEngine, OrderByAndWhereMayRepeatAProjectedExpression) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g,
                 "MATCH (p:Person) OPTIONAL MATCH (p)-[:KNOWS]->(q) "
                 "RETURN p.name AS name, count(q) AS n ORDER BY p.name DESC"),
            (Rows{"'Carol' | 0", "'Bob' | 1", "'Alice' | 1"}));
  EXPECT_EQ(rows(g,
                 "MATCH (p:Person) OPTIONAL MATCH (p)-[:KNOWS]->(q) "
                 "RETURN p.name AS name, count(q) AS n ORDER BY n + size(p.name), name"),
            (Rows{"'Bob' | 1", "'Carol' | 0", "'Alice' | 1"}));
  EXPECT_EQ(
      rows(g, "UNWIND [1, 2, 2, 3] AS x RETURN x, count(*) AS c ORDER BY $k + count(*) DESC, x",
           {{"k", Value(10)}}),
      (Rows{"2 | 2", "1 | 1", "3 | 1"}));
  EXPECT_EQ(rows(g, "MATCH (p:Person) WITH DISTINCT p.age > 26 AS old WHERE p.age > 26 RETURN old"),
            (Rows{"true"}));
  EXPECT_EQ(testing::error_of(g,
                              "MATCH (p:Person) RETURN p.name + 'x', count(*) "
                              "ORDER BY p.name + 'x' + count(*)"),
            "1:57: variable 'p' is not defined");
}

TEST(CypherEngine, ImplicitGrouping) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g,
                 "MATCH (p:Person) OPTIONAL MATCH (p)-[:WORKS_AT]->(c) "
                 "RETURN c.name, count(p), collect(p.name) ORDER BY c.name"),
            (Rows{"'Acme' | 2 | ['Alice', 'Carol']", "null | 1 | ['Bob']"}));
  // Grouping under equivalence: 1 and 1.0 are one group, null and null another.
  EXPECT_EQ(bag(g, "UNWIND [1, 1.0, null, null] AS x RETURN x, count(*)"),
            (Rows{"1 | 2", "null | 2"}));
  EXPECT_EQ(bag(g, "MATCH (a)-[:KNOWS]->(b) RETURN a, count(b)"),
            (Rows{"(Alice) | 1", "(Bob) | 1"}));
  // Aggregates inside expressions, and grouping keys beside them.
  EXPECT_EQ(rows(g,
                 "UNWIND [3, 1, 2] AS x RETURN count(*) * 10 AS c, collect(x)[0] AS first, "
                 "max(x) - min(x) AS spread"),
            (Rows{"30 | 3 | 2"}));
  EXPECT_EQ(rows(g, "UNWIND [1, 1, 2] AS x RETURN x, x * 100 + count(*) ORDER BY x"),
            (Rows{"1 | 102", "2 | 201"}));
  EXPECT_EQ(rows(g, "UNWIND [1, 1, 2] AS x WITH x, count(*) AS n WHERE n > 1 RETURN x"),
            (Rows{"1"}));
  EXPECT_EQ(rows(g, "UNWIND [1, 2, 2] AS x RETURN DISTINCT count(*) AS n"), (Rows{"3"}));
  EXPECT_EQ(rows(g, "UNWIND [1, 2, 2] AS x WITH x, count(*) AS n RETURN DISTINCT n ORDER BY n"),
            (Rows{"1", "2"}));
}

// ---------------------------------------------------------------------------------------------
// Shortest paths

// S -r0-> B, S -r1-> A, A -r2-> T, B -r3-> T, S -r4-> C -r5-> D -r6-> T. Two shortest paths
// from S to T, and the one through B has the smaller first relationship id although A comes
// first in S's adjacency.
MemoryGraph diamond() {
  MemoryGraph g;
  for (const char* n : {"S", "A", "B", "T", "C", "D"})
    g.add_node({"V"}, {{"name", n}});
  const auto rel = [&](NodeId from, NodeId to, const char* name) {
    g.add_relationship(from, to, "R", {{"name", name}});
  };
  rel(0, 2, "r0");
  rel(0, 1, "r1");
  rel(1, 3, "r2");
  rel(2, 3, "r3");
  rel(0, 4, "r4");
  rel(4, 5, "r5");
  rel(5, 3, "r6");
  g.freeze();
  return g;
}

TEST(CypherEngine, ShortestPathPicksTheLexicographicallySmallestRelationshipIds) {
  const MemoryGraph g = diamond();
  const std::string ends = "MATCH (s {name: 'S'}), (t {name: 'T'}) ";
  EXPECT_EQ(rows(g, ends + "MATCH p = shortestPath((s)-[*]->(t)) RETURN p"),
            (Rows{"<(S)-[:R r0]->(B)-[:R r3]->(T)>"}));
  // Read from the left node: from T the smallest first relationship is r2 (through A).
  EXPECT_EQ(rows(g, ends + "MATCH p = shortestPath((t)<-[*]-(s)) RETURN p"),
            (Rows{"<(T)<-[:R r2]-(A)<-[:R r1]-(S)>"}));
  EXPECT_EQ(rows(g, ends + "MATCH p = shortestPath((s)-[*]-(t)) RETURN length(p)"), (Rows{"2"}));
  // Only the right end bound: the search runs from it, the choice is the same.
  EXPECT_EQ(rows(g,
                 "MATCH (t {name: 'T'}) MATCH p = shortestPath((x {name: 'S'})-[*]->(t)) "
                 "RETURN p"),
            (Rows{"<(S)-[:R r0]->(B)-[:R r3]->(T)>"}));
  EXPECT_EQ(rows(g, ends + "MATCH p = shortestPath((s)-[r*]->(t)) RETURN r"),
            (Rows{"[[:R r0], [:R r3]]"}));
  // Against the direction there is no path; beyond the upper bound neither.
  EXPECT_EQ(rows(g, ends + "MATCH p = shortestPath((s)<-[*]-(t)) RETURN p"), (Rows{}));
  EXPECT_EQ(rows(g, ends + "MATCH p = shortestPath((s)-[*..1]->(t)) RETURN p"), (Rows{}));
  EXPECT_EQ(rows(g, ends + "MATCH p = shortestPath((s)-[:OTHER*]->(t)) RETURN p"), (Rows{}));
  // A single-hop pattern is a path of length 1.
  EXPECT_EQ(rows(g,
                 "MATCH (s {name: 'S'}), (a {name: 'A'}) MATCH p = shortestPath((s)-[r]->(a)) "
                 "RETURN r"),
            (Rows{"[:R r1]"}));
}

TEST(CypherEngine, AllShortestPaths) {
  const MemoryGraph g = diamond();
  EXPECT_EQ(rows(g,
                 "MATCH (s {name: 'S'}), (t {name: 'T'}) "
                 "MATCH p = allShortestPaths((s)-[*]->(t)) RETURN p"),
            (Rows{"<(S)-[:R r0]->(B)-[:R r3]->(T)>", "<(S)-[:R r1]->(A)-[:R r2]->(T)>"}));
  EXPECT_EQ(rows(g,
                 "MATCH p = allShortestPaths((s {name: 'S'})-[*]->(x)) "
                 "RETURN x.name, count(p), min(length(p)) ORDER BY x.name"),
            (Rows{"'A' | 1 | 1", "'B' | 1 | 1", "'C' | 1 | 1", "'D' | 1 | 2", "'T' | 2 | 2"}));
  EXPECT_EQ(rows(g,
                 "MATCH p = allShortestPaths((s {name: 'S'})-[*]-(t {name: 'T'})) "
                 "RETURN count(p)"),
            (Rows{"2"}));
  // WHERE filters the shortest paths found (it does not search for other paths).
  EXPECT_EQ(rows(g,
                 "MATCH p = allShortestPaths((s {name: 'S'})-[*]->(t {name: 'T'})) "
                 "WHERE none(n IN nodes(p) WHERE n.name = 'A') RETURN p"),
            (Rows{"<(S)-[:R r0]->(B)-[:R r3]->(T)>"}));
  EXPECT_EQ(rows(g,
                 "MATCH p = shortestPath((s {name: 'S'})-[*]->(t {name: 'T'})) "
                 "WHERE length(p) > 2 RETURN p"),
            (Rows{}));
}

TEST(CypherEngine, ShortestPathFromANodeToItself) {
  const MemoryGraph g = diamond();
  EXPECT_EQ(rows(g, "MATCH (s {name: 'S'}) MATCH p = shortestPath((s)-[*0..]->(s)) RETURN p"),
            (Rows{"<(S)>"}));
  EXPECT_EQ(rows(g, "MATCH (s {name: 'S'}) MATCH p = shortestPath((s)-[*]->(s)) RETURN p"),
            (Rows{}));
  EXPECT_EQ(rows(g,
                 "MATCH p = shortestPath((s {name: 'S'})-[*0..1]->(x)) RETURN x.name "
                 "ORDER BY x.name"),
            (Rows{"'A'", "'B'", "'C'", "'S'"}));
}

// ---------------------------------------------------------------------------------------------
// Pattern comprehension and UNION

TEST(CypherEngine, PatternComprehension) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g, "MATCH (p:Person {name: 'Alice'}) RETURN [(p)-[:KNOWS]->(q) | q.name]"),
            (Rows{"['Bob']"}));
  EXPECT_EQ(rows(g,
                 "MATCH (p:Person {name: 'Alice'}) "
                 "RETURN [(p)-->(x) WHERE x:Company | x.name] AS companies"),
            (Rows{"['Acme']"}));
  EXPECT_EQ(rows(g,
                 "MATCH (p:Person) RETURN p.name, size([(p)--() | 1]) AS degree "
                 "ORDER BY p.name"),
            (Rows{"'Alice' | 2", "'Bob' | 2", "'Carol' | 2"}));
  EXPECT_EQ(rows(g, "MATCH (c:Company) RETURN [q = (c)<--(p) | length(q)]"), (Rows{"[1, 1]"}));
}

TEST(CypherEngine, Union) {
  const MemoryGraph g = people();
  EXPECT_EQ(rows(g, "RETURN 1 AS x UNION RETURN 1 AS x"), (Rows{"1"}));
  EXPECT_EQ(rows(g, "RETURN 1 AS x UNION ALL RETURN 1 AS x"), (Rows{"1", "1"}));
  EXPECT_EQ(
      bag(g, "MATCH (p:Person) RETURN p.name AS n UNION MATCH (c:Company) RETURN c.name AS n"),
      (Rows{"'Acme'", "'Alice'", "'Bob'", "'Carol'"}));
}

}  // namespace
}  // namespace jurigraph::query::cypher
