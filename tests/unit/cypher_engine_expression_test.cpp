// The Cypher engine's expressions: literals, property access, subscripts and slices,
// arithmetic, comparisons, three-valued logic, IN, string predicates, regular expressions,
// CASE, comprehensions, quantifiers and every scalar function.
#include <gtest/gtest.h>

#include "cypher_engine_test_util.hpp"

namespace jurigraph::query::cypher {
namespace {

using testing::eval;
using testing::rows;
using Rows = std::vector<std::string>;

class CypherEngineExpression : public ::testing::Test {
 protected:
  CypherEngineExpression() {
    const NodeId a = g_.add_node({"Person", "Admin"}, {{"name", "Alice"}, {"age", 30}});
    const NodeId b = g_.add_node({"Person"}, {{"name", "Bob"}});
    g_.add_relationship(a, b, "KNOWS", {{"since", 2010}, {"name", "ab"}});
    g_.freeze();
  }
  // The value of `expression`, with `a` and `b` the two people and `r` their relationship.
  std::string value(const std::string& expression, const Parameters& params = {}) {
    return eval(g_, "MATCH (a {name: 'Alice'})-[r]->(b) RETURN " + expression, params);
  }
  MemoryGraph g_;
};

TEST_F(CypherEngineExpression, LiteralsAndParameters) {
  EXPECT_EQ(value("[1, 'two', 3.0, null, true, [1]]"), "[1, 'two', 3.0, null, true, [1]]");
  EXPECT_EQ(value("{b: 1, a: 'x'}"), "{a: 'x', b: 1}");
  EXPECT_EQ(value("$p", {{"p", Value(List{1, 2})}}), "[1, 2]");
  EXPECT_EQ(value("[a.age, a.name]"), "[30, 'Alice']");
  EXPECT_EQ(value("{n: a.name, k: r.since}"), "{k: 2010, n: 'Alice'}");
  EXPECT_EQ(value("-9223372036854775808"), "-9223372036854775808");
}

TEST_F(CypherEngineExpression, PropertyAccess) {
  EXPECT_EQ(value("a.age"), "30");
  EXPECT_EQ(value("a.missing"), "null");
  EXPECT_EQ(value("r.since"), "2010");
  EXPECT_EQ(value("{x: {y: 2}}.x.y"), "2");
  EXPECT_EQ(value("{x: 1}.y"), "null");
  EXPECT_EQ(value("null.x"), "null");
  EXPECT_EQ(value("date('2015-12-30').year"), "2015");
  EXPECT_EQ(value("date('2015-12-30').month"), "12");
  EXPECT_EQ(value("date('2015-12-30').day"), "30");
  EXPECT_EQ(value("a['name']"), "'Alice'");
  EXPECT_EQ(value("r['since']"), "2010");
  EXPECT_EQ(value("{x: 1}['x']"), "1");
}

TEST_F(CypherEngineExpression, SubscriptsAndSlices) {
  EXPECT_EQ(value("[1, 2, 3][0]"), "1");
  EXPECT_EQ(value("[1, 2, 3][-1]"), "3");
  EXPECT_EQ(value("[1, 2, 3][3]"), "null");
  EXPECT_EQ(value("[1, 2, 3][-4]"), "null");
  EXPECT_EQ(value("[1, 2, 3][null]"), "null");
  EXPECT_EQ(value("[1, 2, 3][1..]"), "[2, 3]");
  EXPECT_EQ(value("[1, 2, 3][..-1]"), "[1, 2]");
  EXPECT_EQ(value("[1, 2, 3][-2..]"), "[2, 3]");
  EXPECT_EQ(value("[1, 2, 3][0..10]"), "[1, 2, 3]");
  EXPECT_EQ(value("[1, 2, 3][2..1]"), "[]");
  EXPECT_EQ(value("[1, 2, 3][null..]"), "null");
  EXPECT_EQ(value("range(0, 9)[2..5][1]"), "3");
}

TEST_F(CypherEngineExpression, Arithmetic) {
  EXPECT_EQ(value("7 / 2"), "3");
  EXPECT_EQ(value("-7 / 2"), "-3");
  EXPECT_EQ(value("7 % 3"), "1");
  EXPECT_EQ(value("-7 % 3"), "-1");
  EXPECT_EQ(value("7.5 % 2"), "1.5");
  EXPECT_EQ(value("2 ^ 3"), "8.0");
  EXPECT_EQ(value("7.0 / 2"), "3.5");
  EXPECT_EQ(value("1 + 2.5"), "3.5");
  EXPECT_EQ(value("1.0 / 0"), "Infinity");
  EXPECT_EQ(value("2 * 3 - 4"), "2");
  EXPECT_EQ(value("-(a.age)"), "-30");
  EXPECT_EQ(value("'a' + 'b'"), "'ab'");
  EXPECT_EQ(value("'a' + 1"), "'a1'");
  EXPECT_EQ(value("1.5 + 'a'"), "'1.5a'");
  EXPECT_EQ(value("[1] + [2, 3]"), "[1, 2, 3]");
  EXPECT_EQ(value("[1] + 2"), "[1, 2]");
  EXPECT_EQ(value("0 + [1]"), "[0, 1]");
  EXPECT_EQ(value("[1] + [[2]]"), "[1, [2]]");
  EXPECT_EQ(value("null + 1"), "null");
  EXPECT_EQ(value("a.missing * 2"), "null");
  EXPECT_EQ(value("9223372036854775807 - 1 + 1"), "9223372036854775807");
}

TEST_F(CypherEngineExpression, Comparisons) {
  EXPECT_EQ(value("1 < 2 < 3"), "true");
  EXPECT_EQ(value("1 < 3 < 2"), "false");
  EXPECT_EQ(value("1 < 2 <= 2 > 0 >= 0 <> 1 = 1"), "true");
  EXPECT_EQ(value("1 = 1.0"), "true");
  EXPECT_EQ(value("1 = 'a'"), "false");
  EXPECT_EQ(value("1 <> 'a'"), "true");
  EXPECT_EQ(value("1 < 'a'"), "null");
  EXPECT_EQ(value("null = null"), "null");
  EXPECT_EQ(value("1 <> null"), "null");
  EXPECT_EQ(value("[1, null] = [1, null]"), "null");
  EXPECT_EQ(value("[1, null] = [2, null]"), "false");
  EXPECT_EQ(value("'abc' < 'abd'"), "true");
  EXPECT_EQ(value("date('2015-12-30') > date('2014-01-01')"), "true");
  EXPECT_EQ(value("a = a"), "true");
  EXPECT_EQ(value("a = b"), "false");
  EXPECT_EQ(value("a < b"), "null");
  EXPECT_EQ(value("{x: 1} = {x: 1.0}"), "true");
  EXPECT_EQ(
      value("[0.0 / 0.0 > 1, 0.0 / 0.0 <= 0.0 / 0.0, 0.0 / 0.0 = 0.0 / 0.0, 0.0 / 0.0 < 'a']"),
      "[false, false, false, null]");
  EXPECT_EQ(value("1 < null < 0"), "null");
  EXPECT_EQ(value("2 < 1 < null"), "false");
}

TEST_F(CypherEngineExpression, ThreeValuedLogic) {
  EXPECT_EQ(value("true AND null"), "null");
  EXPECT_EQ(value("false AND null"), "false");
  EXPECT_EQ(value("null AND false"), "false");
  EXPECT_EQ(value("true OR null"), "true");
  EXPECT_EQ(value("null OR true"), "true");
  EXPECT_EQ(value("false OR null"), "null");
  EXPECT_EQ(value("NOT null"), "null");
  EXPECT_EQ(value("NOT false"), "true");
  EXPECT_EQ(value("true XOR false"), "true");
  EXPECT_EQ(value("true XOR true"), "false");
  EXPECT_EQ(value("null XOR true"), "null");
}

TEST_F(CypherEngineExpression, InFollowsTheNullRules) {
  EXPECT_EQ(value("2 IN [1, 2]"), "true");
  EXPECT_EQ(value("3 IN [1, 2]"), "false");
  EXPECT_EQ(value("3 IN [1, null]"), "null");
  EXPECT_EQ(value("1 IN [1, null]"), "true");
  EXPECT_EQ(value("null IN []"), "false");
  EXPECT_EQ(value("null IN [1]"), "null");
  EXPECT_EQ(value("1 IN null"), "null");
  EXPECT_EQ(value("[1] IN [[1], [2]]"), "true");
  EXPECT_EQ(value("[1, null] IN [[2, 2]]"), "false");
  EXPECT_EQ(value("[1, null] IN [[1, 2]]"), "null");
  EXPECT_EQ(value("[1, null] IN [[1, null]]"), "null");
}

TEST_F(CypherEngineExpression, StringPredicatesAndRegularExpressions) {
  EXPECT_EQ(value("'abc' STARTS WITH 'ab'"), "true");
  EXPECT_EQ(value("'abc' ENDS WITH 'bc'"), "true");
  EXPECT_EQ(value("'abc' CONTAINS 'x'"), "false");
  EXPECT_EQ(value("'abc' CONTAINS ''"), "true");
  EXPECT_EQ(value("1 STARTS WITH 'a'"), "null");
  EXPECT_EQ(value("'abc' CONTAINS null"), "null");
  EXPECT_EQ(value("'abc' =~ 'a.c'"), "true");
  EXPECT_EQ(value("'abc' =~ 'b'"), "false");  // the whole string must match
  EXPECT_EQ(value("'abc' =~ '[a-c]+'"), "true");
  EXPECT_EQ(value("null =~ 'a'"), "null");
  EXPECT_EQ(value("a.name =~ 'Al.*'"), "true");
  EXPECT_EQ(rows(g_, "UNWIND ['Ab', 'b', 'ab'] AS s WITH s WHERE s =~ '[A-Z].*' RETURN s"),
            (Rows{"'Ab'"}));
  EXPECT_EQ(rows(g_, "UNWIND ['a.', 'b'] AS p RETURN 'ab' =~ p"), (Rows{"true", "false"}));
}

TEST_F(CypherEngineExpression, NullAndLabelTests) {
  EXPECT_EQ(value("null IS NULL"), "true");
  EXPECT_EQ(value("1 IS NULL"), "false");
  EXPECT_EQ(value("a.missing IS NOT NULL"), "false");
  EXPECT_EQ(value("[a:Person, a:Admin, a:Person:Admin, b:Admin, a:Nope]"),
            "[true, true, true, false, false]");
  EXPECT_EQ(value("r:KNOWS"), "true");
  EXPECT_EQ(value("r:OTHER"), "false");
  EXPECT_EQ(value("null:Person"), "null");
}

TEST_F(CypherEngineExpression, Case) {
  EXPECT_EQ(value("CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END"), "'two'");
  EXPECT_EQ(value("CASE 5 WHEN 1 THEN 'one' ELSE 'many' END"), "'many'");
  EXPECT_EQ(value("CASE WHEN 1 > 2 THEN 'a' END"), "null");
  EXPECT_EQ(value("CASE WHEN a.age > 18 THEN 'adult' ELSE 'minor' END"), "'adult'");
  EXPECT_EQ(value("CASE WHEN null THEN 1 WHEN true THEN 2 END"), "2");
  EXPECT_EQ(value("CASE null WHEN null THEN 1 ELSE 2 END"), "2");
  EXPECT_EQ(value("CASE a.name WHEN 'Alice' THEN 1 END"), "1");
}

TEST_F(CypherEngineExpression, ComprehensionsAndQuantifiers) {
  EXPECT_EQ(value("[x IN range(1, 5) WHERE x % 2 = 1 | x * 10]"), "[10, 30, 50]");
  EXPECT_EQ(value("[x IN [1, 2] | x + 1]"), "[2, 3]");
  EXPECT_EQ(value("[x IN [1, 2] WHERE x > 1]"), "[2]");
  EXPECT_EQ(value("[x IN null | x]"), "null");
  EXPECT_EQ(value("[x IN [1, 2] | [y IN [10, 20] | x + y]]"), "[[11, 21], [12, 22]]");
  EXPECT_EQ(value("[x IN [a, b] | x.name]"), "['Alice', 'Bob']");
  EXPECT_EQ(value("all(x IN [1, 2] WHERE x > 0)"), "true");
  EXPECT_EQ(value("any(x IN [1, 2] WHERE x > 1)"), "true");
  EXPECT_EQ(value("none(x IN [1, 2] WHERE x > 1)"), "false");
  EXPECT_EQ(value("single(x IN [1, 2] WHERE x > 1)"), "true");
  EXPECT_EQ(value("single(x IN [2, 3] WHERE x > 1)"), "false");
  EXPECT_EQ(value("all(x IN [1, null] WHERE x > 0)"), "null");
  EXPECT_EQ(value("all(x IN [-1, null] WHERE x > 0)"), "false");
  EXPECT_EQ(value("any(x IN [null, 2] WHERE x > 1)"), "true");
  EXPECT_EQ(value("any(x IN [null, 0] WHERE x > 1)"), "null");
  EXPECT_EQ(value("none(x IN [null, 0] WHERE x > 1)"), "null");
  EXPECT_EQ(value("single(x IN [2, null] WHERE x > 1)"), "null");
  EXPECT_EQ(value("all(x IN [] WHERE false)"), "true");
  EXPECT_EQ(value("any(x IN [] WHERE true)"), "false");
  EXPECT_EQ(value("any(x IN null WHERE true)"), "null");
}

TEST_F(CypherEngineExpression, GraphFunctions) {
  EXPECT_EQ(value("[id(a), id(b), id(r)]"), "[0, 1, 0]");
  EXPECT_EQ(value("labels(a)"), "['Person', 'Admin']");
  EXPECT_EQ(value("type(r)"), "'KNOWS'");
  EXPECT_EQ(value("properties(a)"), "{age: 30, name: 'Alice'}");
  EXPECT_EQ(value("properties(r)"), "{name: 'ab', since: 2010}");
  EXPECT_EQ(value("keys(a)"), "['age', 'name']");
  EXPECT_EQ(value("keys({z: 1, y: 2})"), "['y', 'z']");
  EXPECT_EQ(value("[startNode(r), endNode(r)]"), "[(Alice), (Bob)]");
  EXPECT_EQ(eval(g_, "MATCH p = (a)-->(b) RETURN [nodes(p), relationships(p), length(p)]"),
            "[[(Alice), (Bob)], [[:KNOWS ab]], 1]");
  EXPECT_EQ(value("[labels(null), type(null), id(null), keys(null)]"), "[null, null, null, null]");
}

TEST_F(CypherEngineExpression, ListFunctions) {
  EXPECT_EQ(value("[size([1, 2]), size('héllo'), length('héllo'), length([1])]"), "[2, 5, 5, 1]");
  EXPECT_EQ(value("coalesce(null, a.missing, 2, 3)"), "2");
  EXPECT_EQ(value("coalesce(null)"), "null");
  EXPECT_EQ(value("[head([1, 2]), last([1, 2]), tail([1, 2, 3]), tail([])]"), "[1, 2, [2, 3], []]");
  EXPECT_EQ(value("[head([]), last([]), head(null)]"), "[null, null, null]");
  EXPECT_EQ(value("range(1, 3)"), "[1, 2, 3]");
  EXPECT_EQ(value("range(0, 10, 5)"), "[0, 5, 10]");
  EXPECT_EQ(value("range(3, 1, -1)"), "[3, 2, 1]");
  EXPECT_EQ(value("range(1, 0)"), "[]");
  EXPECT_EQ(value("[range(0, 1, -123), range(0, -1, 1), range(0, 0, -1), range(0, -10, -3)]"),
            "[[], [], [0], [0, -3, -6, -9]]");
  EXPECT_EQ(value("reverse([1, 2, 3])"), "[3, 2, 1]");
  EXPECT_EQ(value("reverse('héllo')"), "'olléh'");
  EXPECT_EQ(value("size([(a)-->() | 1])"), "1");
}

TEST_F(CypherEngineExpression, StringFunctions) {
  EXPECT_EQ(value("toLower('ÉCOLE Ÿ')"), "'école ÿ'");
  EXPECT_EQ(value("toUpper('straße œuvre')"), "'STRAßE ŒUVRE'");
  EXPECT_EQ(value("[trim('  a b '), ltrim('  a '), rtrim(' a  ')]"), "['a b', 'a ', ' a']");
  EXPECT_EQ(value("substring('hello', 1, 3)"), "'ell'");
  EXPECT_EQ(value("substring('hello', 2)"), "'llo'");
  EXPECT_EQ(value("substring('hello', 10)"), "''");
  EXPECT_EQ(value("substring('État', 1, 2)"), "'ta'");
  EXPECT_EQ(value("[left('hello', 2), right('hello', 2), right('hi', 5)]"), "['he', 'lo', 'hi']");
  EXPECT_EQ(value("replace('aaa', 'a', 'bb')"), "'bbbbbb'");
  EXPECT_EQ(value("replace('abc', '', '-')"), "'-a-b-c-'");
  EXPECT_EQ(value("split('a,b,,c', ',')"), "['a', 'b', '', 'c']");
  EXPECT_EQ(value("split('ab', '')"), "['a', 'b']");
  EXPECT_EQ(value("[toLower(null), substring(null, 1), split(null, ',')]"), "[null, null, null]");
}

TEST_F(CypherEngineExpression, ConversionFunctions) {
  EXPECT_EQ(value("[toInteger('42'), toInteger('4.7'), toInteger('x'), toInteger(3.9), "
                  "toInteger(-3.9), toInteger(true)]"),
            "[42, 4, null, 3, -3, 1]");
  EXPECT_EQ(value("[toFloat('1.5'), toFloat(2), toFloat('x'), toFloat(null)]"),
            "[1.5, 2.0, null, null]");
  EXPECT_EQ(value("[toString(1), toString(1.0), toString(true), toString('s'), "
                  "toString(date('2015-12-30'))]"),
            "['1', '1.0', 'true', 's', '2015-12-30']");
  EXPECT_EQ(value("[toBoolean('TRUE'), toBoolean('false'), toBoolean('x'), toBoolean(0)]"),
            "[true, false, null, false]");
}

TEST_F(CypherEngineExpression, NumericFunctions) {
  EXPECT_EQ(value("[abs(-3), abs(-2.5), sign(-2), sign(0.5), sign(0)]"), "[3, 2.5, -1, 1, 0]");
  EXPECT_EQ(value("[round(2.5), round(-2.5), round(2.4), round(3.14159, 2)]"),
            "[3.0, -2.0, 2.0, 3.14]");
  EXPECT_EQ(value("[ceil(1.1), floor(-1.1), sqrt(16), ceil(2)]"), "[2.0, -2.0, 4.0, 2.0]");
  EXPECT_EQ(value("[abs(null), round(null), sqrt(null)]"), "[null, null, null]");
}

TEST_F(CypherEngineExpression, Dates) {
  EXPECT_EQ(value("date('2015-12-30')"), "'2015-12-30'");
  EXPECT_EQ(value("date({year: 2015, month: 12, day: 30}) = date('2015-12-30')"), "true");
  EXPECT_EQ(value("date({year: 2015})"), "'2015-01-01'");
  EXPECT_EQ(value("date(null)"), "null");
  EXPECT_EQ(value("date(date('2000-02-29'))"), "'2000-02-29'");
  EXPECT_EQ(value("date('2015-12-30') IN [date('2015-12-30')]"), "true");
}

}  // namespace
}  // namespace jurigraph::query::cypher
