// The Cypher engine's errors, each with its message and position; the limits (--max-rows,
// --timeout) on a graph where a pattern explodes; streaming with early stop; and the planner's
// choice of where a pattern starts.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

#include "cypher_engine_test_util.hpp"

namespace jurigraph::query::cypher {
namespace {

using testing::error_of;
using testing::rows;
using Rows = std::vector<std::string>;

MemoryGraph people() {
  MemoryGraph g;
  const NodeId a = g.add_node({"Person"}, {{"name", "Alice"}, {"age", 30}});
  const NodeId b = g.add_node({"Person"}, {{"name", "Bob"}, {"age", 25}});
  g.add_relationship(a, b, "KNOWS", {});
  g.freeze();
  return g;
}

TEST(CypherEngineError, NamesAndScopes) {
  const MemoryGraph g = people();
  EXPECT_EQ(error_of(g, "MATCH (n) RETURN m"), "1:18: variable 'm' is not defined");
  EXPECT_EQ(error_of(g, "MATCH (n) WITH n.name AS name RETURN n"),
            "1:38: variable 'n' is not defined");
  EXPECT_EQ(error_of(g, "MATCH (n)\nWITH DISTINCT n.name AS name\nRETURN name ORDER BY n.age"),
            "3:22: variable 'n' is not defined");
  EXPECT_EQ(error_of(g, "MATCH (n) RETURN count(*) ORDER BY n.age"),
            "1:36: variable 'n' is not defined");
  EXPECT_EQ(error_of(g, "RETURN [x IN [1] | x] AS l, x"), "1:29: variable 'x' is not defined");
  EXPECT_EQ(error_of(g, "RETURN $x"), "1:8: parameter $x is not given");
  EXPECT_EQ(error_of(g, "MATCH (n $props) RETURN n"), "1:10: parameter $props is not given");
  EXPECT_EQ(error_of(g, "MATCH (n $p) RETURN n", {{"p", Value(1)}}),
            "1:10: type mismatch: the properties of a node pattern must be a MAP, not an INTEGER");
  EXPECT_EQ(error_of(g, "UNWIND [1] AS x UNWIND [2] AS x RETURN x"),
            "1:31: variable 'x' is already defined");
  EXPECT_EQ(error_of(g, "MATCH (a)-[r]->(b)-[r]->(c) RETURN a"),
            "1:21: relationship variable 'r' is used twice in one pattern");
  EXPECT_EQ(error_of(g, "MATCH (a)-[r]->(b) MATCH (r) RETURN a"),
            "1:27: type mismatch: variable 'r' is a relationship, not a node");
  // What a projection shows a variable to be is checked before running.
  EXPECT_EQ(error_of(g, "WITH 1 AS n MATCH (n)-->() RETURN n"),
            "1:20: type mismatch: variable 'n' is an INTEGER, not a node");
  EXPECT_EQ(error_of(g, "MATCH (n) WITH [n] AS l MATCH (l)-->() RETURN l"),
            "1:32: type mismatch: variable 'l' is a LIST, not a node");
  EXPECT_EQ(error_of(g, "WITH true AS r MATCH ()-[r]-() RETURN r"),
            "1:26: type mismatch: variable 'r' is a BOOLEAN, not a relationship");
  EXPECT_EQ(error_of(g, "MATCH (n)-[r]->(m) RETURN length(n)"),
            "1:34: type mismatch: length() does not take a NODE");
  EXPECT_EQ(error_of(g, "MATCH p = (n)-->(m) RETURN p.name"),
            "1:28: type mismatch: cannot read property 'name' of a PATH");
  EXPECT_EQ(error_of(g, "RETURN 123 AND true"),
            "1:8: type mismatch: AND expects a BOOLEAN, not an INTEGER");
  EXPECT_EQ(error_of(g, "RETURN false OR 'x'"),
            "1:17: type mismatch: OR expects a BOOLEAN, not a STRING");
  EXPECT_EQ(error_of(g, "MATCH (a)-[r]->(b) WITH a, r ORDER BY a.age RETURN count(*)"), "no error");
  EXPECT_EQ(error_of(g, "MATCH p = (a)-->(b) MATCH p = (c) RETURN p"),
            "1:27: variable 'p' is already defined");
  EXPECT_EQ(error_of(g, "MATCH (n) WITH n.name RETURN 1"),
            "1:16: expression in WITH must be aliased (use AS)");
  EXPECT_EQ(error_of(g, "RETURN 1, 1"), "1:11: multiple columns are named '1'; rename one with AS");
  EXPECT_EQ(error_of(g, "RETURN *"), "1:1: RETURN * needs at least one variable in scope");
  EXPECT_EQ(error_of(g, "RETURN 1 AS a UNION RETURN 2 AS b"),
            "1:21: every part of a UNION must return the same columns, in the same order");
  EXPECT_EQ(
      error_of(g, "MATCH (n) RETURN n SKIP n.age"),
      "1:25: SKIP cannot refer to variable 'n': it takes an integer, a parameter or an expression "
      "of them");
}

TEST(CypherEngineError, FunctionsAndAggregation) {
  const MemoryGraph g = people();
  EXPECT_EQ(error_of(g, "RETURN toLowr('A')"),
            "1:8: unknown function 'toLowr'; did you mean 'toLower'?");
  EXPECT_EQ(error_of(g, "RETURN frobnicate(1)"), "1:8: unknown function 'frobnicate'");
  EXPECT_EQ(error_of(g, "MATCH (n) RETURN count(n, n)"), "1:18: count() takes 1 argument");
  EXPECT_EQ(error_of(g, "RETURN substring('a')"), "1:8: substring() takes 2 or 3 arguments");
  EXPECT_EQ(error_of(g, "RETURN coalesce()"), "1:8: coalesce() takes at least 1 argument");
  EXPECT_EQ(error_of(g, "RETURN pi(1)"), "1:8: pi() takes no arguments");
  EXPECT_EQ(error_of(g, "RETURN toUpper(DISTINCT 'a')"),
            "1:8: toUpper() is not an aggregating function: DISTINCT is not allowed");
  EXPECT_EQ(error_of(g, "MATCH (n) WHERE count(n) > 1 RETURN n"),
            "1:17: aggregation is not allowed in WHERE");
  EXPECT_EQ(error_of(g, "MATCH (n {age: max(1)}) RETURN n"),
            "1:16: aggregation is not allowed in a pattern");
  EXPECT_EQ(error_of(g, "UNWIND collect(1) AS x RETURN x"),
            "1:8: aggregation is not allowed in UNWIND");
  EXPECT_EQ(error_of(g, "RETURN count(count(*))"),
            "1:14: aggregation is not allowed inside another aggregation");
  EXPECT_EQ(error_of(g, "MATCH (n) RETURN n ORDER BY count(*)"),
            "1:29: aggregation is not allowed in ORDER BY unless it is also returned");
  EXPECT_EQ(error_of(g, "RETURN [x IN [1] | sum(x)]"),
            "1:20: aggregation is not allowed in a list comprehension");
  EXPECT_EQ(error_of(g, "MATCH (me)--(you) RETURN me.age + count(you.age)"),
            "1:26: ambiguous aggregation: 'me' is used beside an aggregate but is not a grouping "
            "key (a column of its own, as a variable or a property)");
  EXPECT_EQ(error_of(g, "MATCH (me)--(you) RETURN me.age + you.age, me.age + you.age + count(*)"),
            "1:44: ambiguous aggregation: 'me' is used beside an aggregate but is not a grouping "
            "key (a column of its own, as a variable or a property)");
  EXPECT_EQ(error_of(g,
                     "MATCH (me)--(you) RETURN me.age, me, me.age + count(*), me.x + count(*), "
                     "[x IN collect(you) | x.age + me.age]"),
            "no error");
  EXPECT_EQ(error_of(g, "RETURN date()"),
            "1:8: date() needs an argument: there is no clock in a reproducible tool");
  EXPECT_EQ(error_of(g, "RETURN date('2015-02-30')"),
            "1:13: date() needs a date as YYYY-MM-DD, not '2015-02-30'");
  EXPECT_EQ(error_of(g, "RETURN 1 LIMIT -1"), "1:16: LIMIT must be a non-negative integer, not -1");
  EXPECT_EQ(error_of(g, "RETURN 1 SKIP 1.5"),
            "1:15: SKIP must be a non-negative integer, not a FLOAT");
  EXPECT_EQ(error_of(g, "MATCH p = shortestPath((a)-[*2..]->(b)) RETURN p"),
            "1:29: shortestPath needs a lower bound of 0 or 1");
  EXPECT_EQ(error_of(g, "MATCH p = allShortestPaths((a)-->(b)-->(c)) RETURN p"),
            "1:7: allShortestPaths needs a pattern with exactly one relationship");
  // The parser refuses CREATE unless asked to keep it (for fixtures).
  EXPECT_EQ(error_of(g, "CREATE (n)"),
            "1:1: the query engine is read-only: CREATE is not supported");
}

// The engine refuses a CREATE the parser let through (TCK fixtures are loaded elsewhere).
TEST(CypherEngineError, CreateIsRefused) {
  const MemoryGraph g = people();
  ParseOptions options;
  options.allow_create = true;
  try {
    execute(g, parse_query("CREATE (n)", options), {}, testing::loose_limits());
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.diagnostic().message, "the query engine is read-only: CREATE is not supported");
  }
}

TEST(CypherEngineError, RuntimeTypeErrorsArePositioned) {
  const MemoryGraph g = people();
  EXPECT_EQ(error_of(g, "MATCH (n:Person {name: 'Alice'}) RETURN 'x' + n"),
            "1:45: type mismatch: cannot add a STRING and a NODE");
  EXPECT_EQ(error_of(g, "MATCH (n:Person {name: 'Alice'}) RETURN n.age - 'a'"),
            "1:47: type mismatch: cannot subtract a STRING from an INTEGER");
  EXPECT_EQ(error_of(g, "RETURN 9223372036854775807 + 1"),
            "1:28: integer overflow in 9223372036854775807 + 1");
  EXPECT_EQ(error_of(g, "WITH 3037000500 AS x RETURN x * x"),
            "1:31: integer overflow in 3037000500 * 3037000500");
  EXPECT_EQ(error_of(g, "WITH 0 AS z RETURN 1 / z"), "1:22: division by zero");
  EXPECT_EQ(error_of(g, "WITH 0 AS z RETURN 1 % z"), "1:22: division by zero");
  EXPECT_EQ(error_of(g, "WITH 1 AS x RETURN x.name"),
            "1:20: type mismatch: cannot read property 'name' of an INTEGER");
  EXPECT_EQ(error_of(g, "WITH [1, 2] AS l RETURN l[1.5]"),
            "1:27: type mismatch: a list index must be an INTEGER, not a FLOAT");
  EXPECT_EQ(error_of(g, "WITH 1 AS x RETURN toUpper(x)"),
            "1:28: type mismatch: toUpper() expects a STRING, not an INTEGER");
  EXPECT_EQ(error_of(g, "WITH 1 AS x RETURN x IN 2"),
            "1:25: type mismatch: IN expects a LIST on its right, not an INTEGER");
  EXPECT_EQ(error_of(g, "MATCH (n) WHERE n.age RETURN n"),
            "1:17: type mismatch: WHERE expects a BOOLEAN, not an INTEGER");
  EXPECT_EQ(error_of(g, "WITH 1 AS x WHERE x AND true RETURN x"),
            "1:19: type mismatch: AND expects a BOOLEAN, not an INTEGER");
  EXPECT_EQ(error_of(g, "WITH '(' AS p RETURN 'a' =~ p").substr(0, 36),
            "1:29: invalid regular expression '('");
  // RE2 has no backreferences nor lookaround: refused with the pattern's position.
  EXPECT_EQ(error_of(g, R"(RETURN 'aa' =~ '(a)\\1')"),
            R"(1:16: invalid regular expression '(a)\1': invalid escape sequence: \1)");
  EXPECT_EQ(error_of(g, "RETURN 'ab' =~ 'a(?=b)b'"),
            "1:16: invalid regular expression 'a(?=b)b': invalid perl operator: (?=");
  EXPECT_EQ(error_of(g, "UNWIND ['a'] AS x RETURN sum(x)"),
            "1:30: type mismatch: sum() expects numbers, not a STRING");
  EXPECT_EQ(error_of(g, "UNWIND [1] AS n MATCH (n)-->() RETURN n"),
            "1:23: type mismatch: variable 'n' is an INTEGER, not a NODE");
  EXPECT_EQ(error_of(g, "WITH 0 AS s RETURN range(1, 5, s)"),
            "1:32: range() step must not be zero");
  EXPECT_EQ(error_of(g, "WITH 1 AS x RETURN date('2015-12-30').hour"),
            "1:20: a DATE has no field 'hour' (it has year, month and day)");
}

// max_rows bounds the rows an operator holds and the result rows; rows that stream through
// (MATCH, UNWIND, into count(*)) are bounded by the timeout only.
// --max-memory: what operators hold is counted in bytes, not rows; streaming is not, and ORDER
// BY with a LIMIT releases what it prunes. Each bound has its own error kind (its exit code).
// The state of a variable-length match (its stack and trail, a hop at a time, and the table of
// relationships on the trail) counts against --max-memory: a trail of 20,000 hops through a
// chain holds some 20,000 × 12 bytes, over a 64 KiB bound; a short one does not.
TEST(CypherEngineError, MaxMemoryCountsVariableLengthTrails) {
  MemoryGraph g;
  std::vector<NodeId> chain;
  for (int k = 0; k < 20000; ++k)
    chain.push_back(g.add_node({"Company"}, {}));
  for (std::size_t k = 0; k + 1 < chain.size(); ++k)
    g.add_relationship(chain[k], chain[k + 1], "SUBCONTRACTOR_OF", {});
  g.freeze();
  QueryLimits limits = testing::loose_limits();
  limits.max_memory = 64 * 1024;
  const std::string deep = "MATCH (a)-[*]->(b) WHERE id(a) = 0 RETURN count(*) AS n";
  EXPECT_EQ(error_of(g, deep, {}, limits),
            "1:10: the query exceeded --max-memory (64 KiB held in rows, groups, lists and path "
            "searches)");
  EXPECT_EQ(rows(g, "MATCH (a)-[*1..100]->(b) WHERE id(a) = 0 RETURN count(*) AS n", {}, limits),
            (Rows{"100"}));
  limits.max_memory = 0;  // no bound: the whole chain
  EXPECT_EQ(rows(g, deep, {}, limits), (Rows{"19999"}));
}

TEST(CypherEngineError, MaxMemory) {
  const MemoryGraph g = people();
  QueryLimits limits = testing::loose_limits();
  limits.max_memory = 64 * 1024;
  const std::string thousands = "UNWIND range(1, 100) AS x UNWIND range(1, 100) AS y ";
  EXPECT_EQ(rows(g, thousands + "RETURN count(*) AS n", {}, limits), (Rows{"10000"}));
  EXPECT_EQ(rows(g, thousands + "RETURN x * 1000 + y AS v ORDER BY v DESC LIMIT 1", {}, limits),
            (Rows{"100100"}));
  EXPECT_EQ(error_of(g, thousands + "RETURN x, y ORDER BY y", {}, limits),
            "1:74: the query exceeded --max-memory (64 KiB held in rows, groups, lists and path "
            "searches)");
  EXPECT_EQ(error_of(g, thousands + "RETURN collect(x) AS l", {}, limits),
            "1:60: the query exceeded --max-memory (64 KiB held in rows, groups, lists and path "
            "searches)");
  EXPECT_EQ(error_of(g, thousands + "RETURN DISTINCT x * 1000 + y AS v", {}, limits),
            "1:53: the query exceeded --max-memory (64 KiB held in rows, groups, lists and path "
            "searches)");
  limits.max_memory = 0;  // no bound
  EXPECT_EQ(rows(g, thousands + "RETURN size(collect(x)) AS n", {}, limits), (Rows{"10000"}));
  auto kind_of = [&](std::string_view text, const QueryLimits& l) {
    try {
      testing::run_query(g, text, {}, l);
    } catch (const Error& e) {
      return e.kind();
    }
    return ErrorKind::usage;
  };
  QueryLimits small = testing::loose_limits();
  small.max_memory = 1024;
  EXPECT_EQ(kind_of(thousands + "RETURN collect(x) AS l", small), ErrorKind::memory_limit);
  small = testing::loose_limits();
  small.max_rows = 10;
  EXPECT_EQ(kind_of(thousands + "RETURN collect(x) AS l", small), ErrorKind::row_limit);
}

TEST(CypherEngineError, MaxRows) {
  const MemoryGraph g = people();
  QueryLimits limits = testing::loose_limits();
  limits.max_rows = 10;
  const std::string hundred = "UNWIND range(1, 10) AS x UNWIND range(1, 10) AS y ";
  EXPECT_EQ(error_of(g, "UNWIND range(1, 10) AS x RETURN x", {}, limits), "no error");
  // Result rows.
  EXPECT_EQ(error_of(g, "UNWIND range(1, 5) AS x UNWIND range(1, 5) AS y RETURN x", {}, limits),
            "1:49: the query exceeded --max-rows (10 rows)");
  // Lists: range(), collect().
  EXPECT_EQ(error_of(g, "RETURN size(range(1, 11))", {}, limits),
            "1:13: the query exceeded --max-rows (10 rows)");
  EXPECT_EQ(error_of(g, hundred + "RETURN size(collect(y)) AS n", {}, limits),
            "1:63: the query exceeded --max-rows (10 rows)");
  // Streaming: a hundred rows into one aggregate, or through a LIMIT.
  EXPECT_EQ(rows(g, hundred + "RETURN count(*) AS n", {}, limits), (Rows{"100"}));
  EXPECT_EQ(rows(g, hundred + "WITH x, y WHERE x > 0 RETURN sum(x * y) AS n", {}, limits),
            (Rows{"3025"}));
  EXPECT_EQ(rows(g, hundred + "RETURN count(DISTINCT x) AS n", {}, limits), (Rows{"10"}));
  EXPECT_EQ(rows(g, hundred + "RETURN x * 10 + y AS v ORDER BY v DESC LIMIT 2", {}, limits),
            (Rows{"110", "109"}));
  // Held: ORDER BY without a limit, DISTINCT, groups, count(DISTINCT …).
  EXPECT_EQ(error_of(g, hundred + "WITH x * 10 + y AS v ORDER BY v RETURN v LIMIT 1", {}, limits),
            "1:81: the query exceeded --max-rows (10 rows)");
  EXPECT_EQ(error_of(g, hundred + "WITH DISTINCT x * 10 + y AS v RETURN count(v)", {}, limits),
            "1:51: the query exceeded --max-rows (10 rows)");
  EXPECT_EQ(
      error_of(g, hundred + "WITH x * 10 + y AS v, count(*) AS n RETURN count(v)", {}, limits),
      "1:51: the query exceeded --max-rows (10 rows)");
  EXPECT_EQ(error_of(g, hundred + "RETURN count(DISTINCT x * 10 + y) AS n", {}, limits),
            "1:58: the query exceeded --max-rows (10 rows)");
  limits.max_rows = 25;
  EXPECT_EQ(error_of(g, "UNWIND range(1, 5) AS x UNWIND range(1, 5) AS y RETURN x", {}, limits),
            "no error");
}

// 100 nodes, 300 random relationships: the trails of `()-[*]-()` are astronomically many.
MemoryGraph random_graph() {
  MemoryGraph g;
  std::mt19937 rng(42);
  for (int i = 0; i < 100; ++i)
    g.add_node({"V"}, {{"name", std::to_string(i)}});
  std::uniform_int_distribution<NodeId> pick(0, 99);
  for (int i = 0; i < 300; ++i)
    g.add_relationship(pick(rng), pick(rng), "E", {});
  g.freeze();
  return g;
}

// Runs `text` streaming its rows away (the paths of an exploding pattern are long: held in a
// QueryResult, a million of them would take gigabytes); returns the error or "no error".
std::string streamed_error(const PropertyGraph& g, std::string_view text, const QueryLimits& limits,
                           uint64_t& rows_seen) {
  try {
    execute(
        g, parse_query(text), {}, limits, [](const std::vector<std::string>&) {},
        [&](std::span<const Value>) { ++rows_seen; });
  } catch (const Error& e) {
    const Diagnostic& d = e.diagnostic();
    return std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message;
  }
  return "no error";
}

TEST(CypherEngineError, ExplodingPatternsStopAtTheLimits) {
  const MemoryGraph g = random_graph();
  const auto start = std::chrono::steady_clock::now();
  uint64_t seen = 0;
  // The result rows are counted (at RETURN); matches streaming into count(p) are not. At the
  // default limit in Release; the sanitizer build, where a million paths of hundreds of hops take
  // half a minute, stops the same pattern at a tenth of it (the same loop, the same check).
  EXPECT_EQ(QueryLimits{}.max_rows, 1'000'000u);
  QueryLimits row_limit;
  if (JURIGRAPH_SANITIZED)
    row_limit.max_rows = 100'000;
  EXPECT_EQ(
      streamed_error(g, "MATCH p=()-[*]-() RETURN p", row_limit, seen),
      "1:19: the query exceeded --max-rows (" + std::to_string(row_limit.max_rows) + " rows)");
  EXPECT_EQ(seen, row_limit.max_rows);
  EXPECT_EQ(rows(g, "MATCH (a)-->(b) RETURN count(*) AS n", {},
                 [] {
                   QueryLimits l;
                   l.max_rows = 10;
                   return l;
                 }()),
            (Rows{"300"}));
  QueryLimits limits;
  limits.max_rows = UINT64_MAX;
  limits.timeout = std::chrono::milliseconds(300);
  // The position is that of the loop that saw the time was up: the expansion, the aggregation.
  const auto message = [](const std::string& error) { return error.substr(error.find(' ') + 1); };
  EXPECT_EQ(message(error_of(g, "MATCH p=()-[*]-() RETURN count(p)", {}, limits)),
            "the query exceeded --timeout (300 ms)");
  limits.timeout = std::chrono::seconds(1);
  // A WHERE that can only be decided at the end of each trail (one on an end node would be
  // checked before any expansion).
  EXPECT_EQ(error_of(g, "MATCH (a)-[r*]-(b) WHERE size(r) < 0 RETURN a", {}, limits),
            "1:10: the query exceeded --timeout (1 s)");
  // Not hung: about 2 s in Release; generous for the sanitizer build on a busy machine.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(180));
}

TEST(CypherEngineError, StreamingStopsEarly) {
  const MemoryGraph g = random_graph();
  std::vector<std::string> columns;
  int column_calls = 0;
  std::vector<std::size_t> widths;
  execute(
      g, parse_query("MATCH p = (a)-[*]-(b) RETURN a, p LIMIT 5"), {}, QueryLimits{},
      [&](const std::vector<std::string>& c) {
        ++column_calls;
        columns = c;
        EXPECT_TRUE(widths.empty());  // columns come first
      },
      [&](std::span<const Value> row) { widths.push_back(row.size()); });
  EXPECT_EQ(column_calls, 1);
  EXPECT_EQ(columns, (std::vector<std::string>{"a", "p"}));
  EXPECT_EQ(widths, (std::vector<std::size_t>(5, 2)));
}

// A PropertyGraph that counts how the engine reads it.
class CountingGraph final : public PropertyGraph {
 public:
  explicit CountingGraph(const MemoryGraph& g) : g_(g) {
    set_adjacency(g.out_arrays(), g.in_arrays());
  }
  std::size_t node_count() const override { return g_.node_count(); }
  std::size_t relationship_count() const override { return g_.relationship_count(); }
  const std::vector<std::string>& label_names() const override { return g_.label_names(); }
  const std::vector<std::string>& type_names() const override { return g_.type_names(); }
  bool has_label(NodeId n, LabelId l) const override { return g_.has_label(n, l); }
  void labels(NodeId n, std::vector<LabelId>& out) const override { g_.labels(n, out); }
  std::span<const NodeId> nodes_with_label(LabelId l) const override {
    ++label_scans;
    return g_.nodes_with_label(l);
  }
  RelEnds ends(RelId r) const override { return g_.ends(r); }
  std::optional<uint64_t> count_relationships(std::optional<LabelId> label,
                                              std::optional<TypeId> type,
                                              bool outgoing) const override {
    return statistics ? g_.count_relationships(label, type, outgoing) : std::nullopt;
  }
  Value node_property(NodeId n, std::string_view key) const override {
    ++node_reads;
    return g_.node_property(n, key);
  }
  Value rel_property(RelId r, std::string_view key) const override {
    return g_.rel_property(r, key);
  }
  Map node_properties(NodeId n) const override { return g_.node_properties(n); }
  Map rel_properties(RelId r) const override { return g_.rel_properties(r); }
  // An index on `id`, as jurigraph's graph has.
  std::optional<std::vector<NodeId>> find_nodes(std::string_view key,
                                                const Value& value) const override {
    if (key != "id")
      return std::nullopt;
    ++index_lookups;
    std::vector<NodeId> out;
    for (NodeId n = 0; n < g_.node_count(); ++n) {
      if (equals(g_.node_property(n, "id"), value) == Ternary::true_)
        out.push_back(n);
    }
    return out;
  }

  bool statistics = true;
  mutable int label_scans = 0;
  mutable int node_reads = 0;
  mutable int index_lookups = 0;

 private:
  const MemoryGraph& g_;
};

TEST(CypherEnginePlanner, StartsFromTheMostSelectiveNode) {
  MemoryGraph m;
  for (int i = 0; i < 50; ++i)
    m.add_node({"Many"}, {{"id", "m" + std::to_string(i)}});
  const NodeId few = m.add_node({"Few"}, {{"id", "f"}});
  for (NodeId n = 0; n < 50; ++n)
    m.add_relationship(n, few, "TO", {});
  m.freeze();

  CountingGraph g(m);
  // By id: one index look-up and a handful of property reads, not a scan.
  EXPECT_EQ(rows(g, "MATCH (a:Many)-[:TO]->(b {id: 'f'}) RETURN count(a)"), (Rows{"50"}));
  EXPECT_EQ(g.index_lookups, 1);
  EXPECT_LT(g.node_reads, 5);
  // By label: the label with the fewest nodes, the other labels checked on the way.
  g.node_reads = 0;
  EXPECT_EQ(rows(g, "MATCH (a:Many {id: 'm7'})-[:TO]->(b:Few) RETURN a.id"), (Rows{"'m7'"}));
  EXPECT_LT(g.node_reads, 60);
  // A node bound by an earlier clause comes first, whatever its label.
  g.node_reads = 0;
  g.index_lookups = 0;
  EXPECT_EQ(rows(g, "MATCH (a:Many {id: 'm3'}) MATCH (b:Few)<-[:TO]-(a) RETURN b.id"),
            (Rows{"'f'"}));
  EXPECT_EQ(g.index_lookups, 1);
}

// The bench's shape in small: few authorities issue many decisions, more courts issue few
// appeals. Starting from the smallest label (Authority) walks every decision; the relationship
// counts show that starting from Court walks only the appeals.
TEST(CypherEnginePlanner, CostsStartsWithRelationshipCounts) {
  MemoryGraph m;
  const NodeId authority = m.add_node({"Authority"}, {});
  std::vector<NodeId> courts;
  for (int i = 0; i < 3; ++i)
    courts.push_back(m.add_node({"Court"}, {}));
  std::vector<NodeId> decisions;
  for (int i = 0; i < 200; ++i) {
    const NodeId d = m.add_node({"Decision"}, {});
    m.add_relationship(d, authority, "ISSUED_BY", {});
    m.add_relationship(d, m.add_node({"Company"}, {}), "AGAINST", {});
    decisions.push_back(d);
  }
  for (int i = 0; i < 6; ++i) {
    const NodeId a = m.add_node({"Decision"}, {});
    m.add_relationship(a, courts[i % 3], "ISSUED_BY", {});
    m.add_relationship(a, decisions[i * 7], "APPEAL_OF", {});
  }
  m.freeze();
  const std::string query =
      "MATCH (c:Company)<-[:AGAINST]-(d1:Decision)-[:ISSUED_BY]->(:Authority), "
      "(d2:Decision)-[:APPEAL_OF]->(d1), (d2)-[:ISSUED_BY]->(:Court) RETURN count(DISTINCT c)";
  CountingGraph g(m);
  const auto steps = [&] {
    return execute(g, parse_query(query), {}, testing::loose_limits()).stats.steps;
  };
  EXPECT_EQ(rows(g, query), (Rows{"6"}));
  const uint64_t planned = steps();
  // Without statistics the same answer, by a longer walk.
  g.statistics = false;
  EXPECT_EQ(rows(g, query), (Rows{"6"}));
  const uint64_t unplanned = steps();
  // From the courts: 3 courts, 6 appeals, their 6 decisions (51 steps when written). From the
  // authority it would walk all 200 decisions and their companies.
  EXPECT_LE(planned, 60u);
  EXPECT_GT(unplanned, 4 * planned);
}

// Rows are sorted by type: an expansion along one type reads that type's run only, in both
// directions; several types or none read the whole row. Same answers either way.
TEST(CypherEnginePlanner, OneTypeReadsItsRunOnly) {
  MemoryGraph m;
  const NodeId hub = m.add_node({"Hub"}, {});
  for (int i = 0; i < 100; ++i) {
    m.add_relationship(hub, m.add_node({"N"}, {}), "NOISE", {});
    m.add_relationship(m.add_node({"N"}, {}), hub, "NOISE", {});
  }
  m.add_relationship(hub, m.add_node({"N"}, {}), "R", {});
  m.add_relationship(m.add_node({"N"}, {}), hub, "R", {});
  m.freeze();
  const auto run = [&](const std::string& q) {
    const QueryResult r = execute(m, parse_query(q), {}, testing::loose_limits());
    return std::make_pair(testing::show(m, r.rows.at(0).at(0)), r.stats.steps);
  };
  const auto [out_count, out_steps] = run("MATCH (a:Hub)-[:R]->(b) RETURN count(*)");
  EXPECT_EQ(out_count, "1");
  const auto [both_count, both_steps] = run("MATCH (a:Hub)-[:R]-(b) RETURN count(*)");
  EXPECT_EQ(both_count, "2");
  const auto [any_count, any_steps] = run("MATCH (a:Hub)-[:R|NOISE]-(b) RETURN count(*)");
  EXPECT_EQ(any_count, "202");
  // The start reads the one Hub; the expansions read 1, 2 and 202 relationships, and each
  // match is one row into count(*).
  EXPECT_EQ(out_steps, 1u + 1 + 1);
  EXPECT_EQ(both_steps, 1u + 2 + 2);
  EXPECT_EQ(any_steps, 1u + 202 + 202);
}

// Uniqueness without the per-graph array: two relationships of one type may not be the same,
// relationships of different types never are.
TEST(CypherEnginePlanner, RelationshipUniquenessInFixedLengthPatterns) {
  MemoryGraph m;
  const NodeId a = m.add_node({"N"}, {{"name", "a"}});
  const NodeId b = m.add_node({"N"}, {{"name", "b"}});
  m.add_relationship(a, b, "R", {});
  m.add_relationship(a, a, "S", {});
  m.freeze();
  EXPECT_EQ(rows(m, "MATCH (x)-[:R]-(y)-[:R]-(z) RETURN count(*) AS n"), (Rows{"0"}));
  // Each part matches R from both ends and the self-loop once: 3 × 3 pairs, 5 of them reusing
  // a relationship.
  EXPECT_EQ(rows(m, "MATCH (x)-[r]-(y), (z)-[s]-(w) RETURN count(*) AS n"), (Rows{"4"}));
  EXPECT_EQ(rows(m, "MATCH (x)-[:R]->(y), (x)-[:S]->(x) RETURN y.name AS n"), (Rows{"'b'"}));
  EXPECT_EQ(rows(m, "MATCH (x)-[r:S]->(x) MATCH (x)-[r]->(y), (x)-[:S]-(z) RETURN count(*)"),
            (Rows{"0"}));
}

// The input of a fuzz finding, from tests/data/fuzz/.
std::string fuzz_input(const char* name) {
  std::ifstream in(std::string(JURIGRAPH_TEST_DATA) + "/fuzz/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The fuzz finding of that name (tests/data/fuzz/): a `=~` pattern on which std::regex
// backtracked for more than 15 s on one string, past the 200 ms timeout of the fuzz target. RE2
// matches in linear time: the query ends well within a second.
TEST(CypherEngineError, ExecuteRegexBacktrackingHang) {
  const std::string text = fuzz_input("execute-regex-backtracking-hang");
  ASSERT_NE(text.find("=~"), std::string::npos);
  QueryLimits limits;
  limits.max_rows = 1000;
  limits.timeout = std::chrono::milliseconds(200);
  const auto start = std::chrono::steady_clock::now();
  // `.++` is Java's possessive repetition, which RE2 does not have: refused at once.
  EXPECT_NE(error_of(people(), text, {}, limits).find("invalid regular expression"),
            std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

// The fuzz finding of that name (tests/data/fuzz/): `[*999999998]` made the planner sum the
// trails of each length one hop at a time, a billion loop turns (17.8 s under the sanitizers)
// before the query started. It now answers at once: no trail is that long.
TEST(CypherEngineError, ParseLongVariableLengthPlanSlow) {
  const std::string text = fuzz_input("parse-long-variable-length-plan-slow");
  ASSERT_NE(text.find("*999999998"), std::string::npos);
  QueryLimits limits;
  limits.timeout = std::chrono::milliseconds(1000);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(rows(people(), text, {}, limits), (Rows{}));
  // Milliseconds now; the loop took 2 s in the Release build.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
}

}  // namespace
}  // namespace jurigraph::query::cypher
