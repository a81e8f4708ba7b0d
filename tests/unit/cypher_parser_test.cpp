// The Cypher front end: lexer, parser and AST printer. Valid queries are checked through their
// canonical printed form, errors through their exact line:column and message, and the parser is
// run over every query of the openCypher TCK features a read-only engine cares about.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "query/cypher/ast_printer.hpp"
#include "query/cypher/lexer.hpp"
#include "query/cypher/parser.hpp"

namespace jurigraph::query::cypher {
namespace {

std::string canonical(std::string_view query) {
  return to_string(parse_query(query));
}

std::string canonical_expression(std::string_view expression) {
  return to_string(*parse_expression(expression));
}

// "line:column: message" of the error the query raises, or "no error".
std::string error_of(std::string_view query, const ParseOptions& options = {}) {
  try {
    parse_query(query, options);
  } catch (const Error& e) {
    const Diagnostic& d = e.diagnostic();
    EXPECT_EQ(e.kind(), ErrorKind::usage);
    return std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message;
  }
  return "no error";
}

const Return& final_return(const Query& q) {
  return std::get<Return>(q.parts.back().clauses.back());
}

// ---------------------------------------------------------------------------------------------
// Lexer

TEST(CypherLexer, TokensCarryKindTextAndOffset) {
  const std::vector<Token> t = tokenize("MATCH (n:`a b`)<-[*1..2]->() // comment\nRETURN $p");
  std::vector<std::string> seen;
  for (const Token& tok : t)
    seen.push_back(std::to_string(tok.pos) + ":" + std::string(token_kind_description(tok.kind)) +
                   (tok.text.empty() ? "" : "=" + tok.text));
  const std::vector<std::string> expected = {"0:a name=MATCH",   "6:'('",
                                             "7:a name=n",       "8:':'",
                                             "9:a name=a b",     "14:')'",
                                             "15:'<-'",          "17:'['",
                                             "18:'*'",           "19:an integer=1",
                                             "20:'..'",          "22:an integer=2",
                                             "23:']'",           "24:'->'",
                                             "26:'('",           "27:')'",
                                             "40:a name=RETURN", "47:a parameter=p",
                                             "49:end of query"};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(t[0].keyword, Keyword::match);
  EXPECT_EQ(t[4].keyword, Keyword::none);  // quoted
  EXPECT_TRUE(t[4].quoted);
  EXPECT_EQ(t[4].length, 5u);
}

TEST(CypherLexer, KeywordsAreCaseInsensitive) {
  for (const char* word : {"match", "MATCH", "Match", "mAtCh"})
    EXPECT_EQ(tokenize(word)[0].keyword, Keyword::match) << word;
  EXPECT_EQ(tokenize("`match`")[0].keyword, Keyword::none);
  EXPECT_EQ(tokenize("matches")[0].keyword, Keyword::none);
}

TEST(CypherLexer, NumbersAndOperators) {
  const auto kinds = [](std::string_view text) {
    std::string out;
    for (const Token& t : tokenize(text)) {
      if (t.kind == TokenKind::end)
        break;
      out += std::string(token_kind_description(t.kind)) + " ";
    }
    return out;
  };
  EXPECT_EQ(kinds("1..3"), "an integer '..' an integer ");
  EXPECT_EQ(kinds("1.5 .5 1e3 1E-3 1.5e+2"), "a float a float a float a float a float ");
  EXPECT_EQ(kinds("0x1F 0o17 0"), "an integer an integer an integer ");
  EXPECT_EQ(kinds("=~ <> != <= >= += -> <- | .."),
            "'=~' '<>' '<>' '<=' '>=' '+=' '->' '<-' '|' '..' ");
  EXPECT_EQ(kinds("-->"), "'-' '->' ");
  EXPECT_EQ(kinds("<--"), "'<-' '-' ");
  EXPECT_EQ(kinds("a/*x*/b//y"), "a name a name ");
  EXPECT_EQ(integer_magnitude("0x7FFFFFFFFFFFFFFF"), 0x7FFFFFFFFFFFFFFFull);
  EXPECT_EQ(integer_magnitude("0o777"), 0777u);
  EXPECT_EQ(integer_magnitude("18446744073709551615"), 18446744073709551615ull);
  EXPECT_FALSE(integer_magnitude("18446744073709551616"));
  EXPECT_FALSE(float_value("1.34E999"));
  EXPECT_EQ(float_value("1e-400"), 0.0);
  EXPECT_EQ(float_value(".5"), 0.5);
}

TEST(CypherLexer, StringEscapes) {
  const auto value = [](std::string_view text) { return tokenize(text)[0].text; };
  EXPECT_EQ(value(R"('a\\b\'c\"d')"), "a\\b'c\"d");
  EXPECT_EQ(value(R"("it's")"), "it's");
  EXPECT_EQ(value(R"('\n\t\r\b\f')"), "\n\t\r\b\f");
  EXPECT_EQ(value(R"('\u00C9tat')"), "État");
  EXPECT_EQ(value(R"('\U0001F9D0')"), "🧐");
  EXPECT_EQ(value(R"('\uD83E\uDDD0')"), "🧐");  // a surrogate pair, as JSON writes it
  EXPECT_EQ(value("'Conseil d’État'"), "Conseil d’État");
  EXPECT_EQ(value("'two\nlines'"), "two\nlines");
}

// ---------------------------------------------------------------------------------------------
// Valid queries, printed canonically

TEST(CypherParser, ClausesPrintCanonically) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"MATCH (n) RETURN n", "MATCH (n) RETURN n"},
      {"match (n:Person {name: 'Ann'}) return n.name as name",
       "MATCH (n:Person {name: 'Ann'}) RETURN n.name AS name"},
      {"OPTIONAL MATCH (a)-->(b) RETURN a, b", "OPTIONAL MATCH (a)-->(b) RETURN a, b"},
      {"MATCH (a), (b)-[r]->(c) WHERE a.x = 1 RETURN *",
       "MATCH (a), (b)-[r]->(c) WHERE (a.x = 1) RETURN *"},
      {"MATCH (a) WITH a, count(*) AS c WHERE c > 1 RETURN a",
       "MATCH (a) WITH a, count(*) AS c WHERE (c > 1) RETURN a"},
      {"UNWIND [1, 2, 3] AS x RETURN x", "UNWIND [1, 2, 3] AS x RETURN x"},
      {"RETURN DISTINCT a ORDER BY a.x DESC, a.y ASC, a.z DESCENDING, a.w ASCENDING SKIP 2 "
       "LIMIT $n",
       "RETURN DISTINCT a ORDER BY a.x DESC, a.y, a.z DESC, a.w SKIP 2 LIMIT $n"},
      {"WITH * , 1 AS one RETURN *, one", "WITH *, 1 AS one RETURN *, one"},
      {"WITH DISTINCT a ORDER BY a LIMIT 1 WHERE a > 0 RETURN a",
       "WITH DISTINCT a ORDER BY a LIMIT 1 WHERE (a > 0) RETURN a"},
      {"RETURN 1 AS x UNION RETURN 2 AS x", "RETURN 1 AS x UNION RETURN 2 AS x"},
      {"RETURN 1 AS x UNION ALL RETURN 2 AS x UNION ALL RETURN 3 AS x",
       "RETURN 1 AS x UNION ALL RETURN 2 AS x UNION ALL RETURN 3 AS x"},
      {"MATCH (n) RETURN n;", "MATCH (n) RETURN n"},
      {"MATCH (n) OPTIONAL MATCH (n)-[r]-(m) WITH n, collect(m) AS ms UNWIND ms AS m RETURN m",
       "MATCH (n) OPTIONAL MATCH (n)-[r]-(m) WITH n, collect(m) AS ms UNWIND ms AS m RETURN m"},
      {"MATCH (c:Company)<-[:AGAINST]-(d:Decision)-[:ISSUED_BY]->(a:Authority)\n"
       "WHERE d.date >= '2014-01-01' AND a.name STARTS WITH 'CNIL'\n"
       "RETURN c.name, count(DISTINCT d) AS decisions ORDER BY decisions DESC LIMIT 10",
       "MATCH (c:Company)<-[:AGAINST]-(d:Decision)-[:ISSUED_BY]->(a:Authority) WHERE ((d.date >= "
       "'2014-01-01') AND (a.name STARTS WITH 'CNIL')) RETURN c.name, count(DISTINCT d) AS "
       "decisions ORDER BY decisions DESC LIMIT 10"},
  };
  for (const auto& [query, expected] : cases)
    EXPECT_EQ(canonical(query), expected) << query;
}

TEST(CypherParser, ExpressionsPrintCanonically) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"null", "null"},
      {"TRUE", "true"},
      {"False", "false"},
      {"42", "42"},
      {"-42", "-42"},
      {"0x1F", "31"},
      {"-0x8000000000000000", "-9223372036854775808"},
      {"0o17", "15"},
      {"1.5", "1.5"},
      {".5", "0.5"},
      {"1e3", "1000.0"},
      {"1.5e-3", "0.0015"},
      {"-.1e-5", "-1e-06"},
      {"'it'", "'it'"},
      {"\"say \\\"hi\\\"\"", "'say \"hi\"'"},
      {"'a\\'b\\\\c\\n'", "'a\\'b\\\\c\\n'"},
      {"[]", "[]"},
      {"[1, 'a', [null]]", "[1, 'a', [null]]"},
      {"{}", "{}"},
      {"{a: 1, `b c`: 'x', return: 2}", "{a: 1, `b c`: 'x', return: 2}"},
      {"$param", "$param"},
      {"$`a b`", "$`a b`"},
      {"$0", "$0"},
      {"n", "n"},
      {"`a b`", "`a b`"},
      {"`x``y`", "`x``y`"},
      {"`match`", "`match`"},
      {"{``: 1}", "{``: 1}"},
      {"n.name", "n.name"},
      {"n.`first name`.x", "n.`first name`.x"},
      {"n.end", "n.end"},
      {"list[0]", "list[0]"},
      {"list[1..3]", "list[1..3]"},
      {"list[..3]", "list[..3]"},
      {"list[1..]", "list[1..]"},
      {"m['key']", "m['key']"},
      {"f()", "f()"},
      {"size(list)", "size(list)"},
      {"count(*)", "count(*)"},
      {"COUNT ( * )", "count(*)"},
      {"count(DISTINCT n.x)", "count(DISTINCT n.x)"},
      {"date.truncate('month', d)", "date.truncate('month', d)"},
      {"exists(n.prop)", "exists(n.prop)"},
      {"NOT a", "(NOT a)"},
      {"-a", "(-a)"},
      {"+a", "(+a)"},
      {"-(1)", "(-(1))"},
      {"- -1", "(-(-1))"},
      {"a + b - c", "((a + b) - c)"},
      {"a * b / c % d", "(((a * b) / c) % d)"},
      {"a ^ b ^ c", "((a ^ b) ^ c)"},
      {"a = b", "(a = b)"},
      {"a <> b", "(a <> b)"},
      {"a != b", "(a <> b)"},
      {"a < b <= c > d >= e = f", "(a < b <= c > d >= e = f)"},
      {"a AND b OR c XOR d", "((a AND b) OR (c XOR d))"},
      {"x IN [1, 2]", "(x IN [1, 2])"},
      {"s STARTS WITH 'a'", "(s STARTS WITH 'a')"},
      {"s ENDS WITH 'a'", "(s ENDS WITH 'a')"},
      {"s CONTAINS 'a'", "(s CONTAINS 'a')"},
      {"s =~ 'a.*'", "(s =~ 'a.*')"},
      {"x IS NULL", "(x IS NULL)"},
      {"x IS NOT NULL", "(x IS NOT NULL)"},
      {"n:Person", "(n:Person)"},
      {"n:Person:Admin", "(n:Person:Admin)"},
      {"(a)-[:T]->()", "(a)-[:T]->()"},
      {"(a)<--(:B)", "(a)<--(:B)"},
      {"CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END",
       "CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END"},
      {"CASE x WHEN 1 THEN 'one' END", "CASE x WHEN 1 THEN 'one' END"},
      {"[x IN list]", "[x IN list]"},
      {"[x IN list WHERE x > 1]", "[x IN list WHERE (x > 1)]"},
      {"[x IN list | x * 2]", "[x IN list | (x * 2)]"},
      {"[x IN list WHERE x > 1 | x * 2]", "[x IN list WHERE (x > 1) | (x * 2)]"},
      {"[(a)-->(b) | b.name]", "[(a)-->(b) | b.name]"},
      {"[p = (a)-[:T*]->(b:B) WHERE b.x > 1 | length(p)]",
       "[p = (a)-[:T*]->(b:B) WHERE (b.x > 1) | length(p)]"},
      {"all(x IN list WHERE x > 0)", "all(x IN list WHERE (x > 0))"},
      {"ANY(x IN list WHERE x > 0)", "any(x IN list WHERE (x > 0))"},
      {"none(x IN list WHERE x > 0)", "none(x IN list WHERE (x > 0))"},
      {"single(x IN list WHERE x > 0)", "single(x IN list WHERE (x > 0))"},
      {"[(1 + 2) * 3]", "[((1 + 2) * 3)]"},
      {"exists { (n)-->(m) WHERE m.x > 1 }", "EXISTS { MATCH (n)-->(m) WHERE (m.x > 1) }"},
      {"EXISTS { MATCH (n)-->(m) WITH m, count(*) AS c WHERE c = 3 RETURN true }",
       "EXISTS { MATCH (n)-->(m) WITH m, count(*) AS c WHERE (c = 3) RETURN true }"},
      {"exists { MATCH (m) WHERE exists { (n)-->(m) } }",
       "EXISTS { MATCH (m) WHERE EXISTS { MATCH (n)-->(m) } }"},
      {"size([(n)-->(m) | m])", "size([(n)-->(m) | m])"},
      {"(n.x)", "n.x"},
  };
  for (const auto& [expression, expected] : cases)
    EXPECT_EQ(canonical_expression(expression), expected) << expression;
}

// The TCK's expressions/precedence features, and the openCypher grammar's levels.
TEST(CypherParser, OperatorPrecedence) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"true OR true XOR true", "(true OR (true XOR true))"},
      {"true XOR false AND false", "(true XOR (false AND false))"},
      {"true OR false AND false", "(true OR (false AND false))"},
      {"NOT true AND false", "((NOT true) AND false)"},
      {"NOT false >= false", "(NOT (false >= false))"},
      {"true OR false = false", "(true OR (false = false))"},
      {"false = true IS NULL", "(false = (true IS NULL))"},
      {"NOT false IS NULL", "(NOT (false IS NULL))"},
      {"false = true IN [true, false]", "(false = (true IN [true, false]))"},
      {"4 * 2 + 3 * 2", "((4 * 2) + (3 * 2))"},
      {"4 ^ 3 * 2 ^ 3", "((4 ^ 3) * (2 ^ 3))"},
      {"4 ^ 3 + 2 ^ 3", "((4 ^ 3) + (2 ^ 3))"},
      {"-3 ^ 2", "(-3 ^ 2)"},  // the literal -3, squared: unary minus binds tighter
      {"-x ^ 2", "((-x) ^ 2)"},
      {"-3 + 2", "(-3 + 2)"},
      {"[[1], [2, 3]] + [5, [6, 7]][1]", "([[1], [2, 3]] + [5, [6, 7]][1])"},
      {"[1] + 2 IN [3] + 4", "(([1] + 2) IN ([3] + 4))"},
      {"[1, 2] = [3, 4] IN [[3, 4], false]", "([1, 2] = ([3, 4] IN [[3, 4], false]))"},
      {"null IS NULL = null IS NOT NULL", "((null IS NULL) = (null IS NOT NULL))"},
      {"'abc' STARTS WITH null OR true", "(('abc' STARTS WITH null) OR true)"},
      {"a + b STARTS WITH c", "((a + b) STARTS WITH c)"},
      {"x IN l IS NULL", "((x IN l) IS NULL)"},
      {"a =~ b = c", "((a =~ b) = c)"},
      {"NOT NOT a", "(NOT (NOT a))"},
      {"NOT n:A", "(NOT (n:A))"},
      {"n.x:A", "(n.x:A)"},
      {"-n.x", "(-n.x)"},
      {"-1[0]", "(-1[0])"},
      {"a.b[0].c", "a.b[0].c"},
      {"x<-1", "(x < -1)"},
      {"1 - -1", "(1 - -1)"},
      {"a - b - c", "((a - b) - c)"},
      {"a OR b OR c", "((a OR b) OR c)"},
      {"(a OR b) AND c", "((a OR b) AND c)"},
  };
  for (const auto& [expression, expected] : cases)
    EXPECT_EQ(canonical_expression(expression), expected) << expression;
}

TEST(CypherParser, EveryPatternForm) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"()", "()"},
      {"(n)", "(n)"},
      {"(:A)", "(:A)"},
      {"(n:A:B)", "(n:A:B)"},
      {"({k: 1})", "({k: 1})"},
      {"(n {k: 1, j: 'x'})", "(n {k: 1, j: 'x'})"},
      {"(n:A $props)", "(n:A $props)"},
      {"(`my node`:`My Label`)", "(`my node`:`My Label`)"},
      {"(end)", "(`end`)"},
      {"(a)-->(b)", "(a)-->(b)"},
      {"(a)<--(b)", "(a)<--(b)"},
      {"(a)--(b)", "(a)--(b)"},
      {"(a)<-->(b)", "(a)--(b)"},
      {"(a)-[]->(b)", "(a)-->(b)"},
      {"(a)<-[]-(b)", "(a)<--(b)"},
      {"(a)-[]-(b)", "(a)--(b)"},
      {"(a)-[r]->(b)", "(a)-[r]->(b)"},
      {"(a)<-[r:T]-(b)", "(a)<-[r:T]-(b)"},
      {"(a)-[:T1|T2]-(b)", "(a)-[:T1|T2]-(b)"},
      {"(a)-[:T1|:T2|T3]->(b)", "(a)-[:T1|T2|T3]->(b)"},
      {"(a)-[*]->(b)", "(a)-[*]->(b)"},
      {"(a)-[*3]->(b)", "(a)-[*3]->(b)"},
      {"(a)-[*1..3]->(b)", "(a)-[*1..3]->(b)"},
      {"(a)-[*..3]->(b)", "(a)-[*..3]->(b)"},
      {"(a)-[*2..]->(b)", "(a)-[*2..]->(b)"},
      {"(a)-[*0..]->(b)", "(a)-[*0..]->(b)"},
      {"(a)-[*..]->(b)", "(a)-[*]->(b)"},
      {"(a)-[* 1 .. 3]->(b)", "(a)-[*1..3]->(b)"},
      {"(a)-[r:T*1..2 {w: 1}]->(b)", "(a)-[r:T*1..2 {w: 1}]->(b)"},
      {"(a)-[{w: 1}]->(b)", "(a)-[{w: 1}]->(b)"},
      {"(a)-[r $p]->(b)", "(a)-[r $p]->(b)"},
      {"(a)-->(b)<--(c)--(d)", "(a)-->(b)<--(c)--(d)"},
      {"(a) - [r] -> (b)", "(a)-[r]->(b)"},
      {"p = (a)-->(b)", "p = (a)-->(b)"},
      {"shortestPath((a)-[*]->(b))", "shortestPath((a)-[*]->(b))"},
      {"p = SHORTESTPATH((a)-[:T*1..10]-(b))", "p = shortestPath((a)-[:T*1..10]-(b))"},
      {"p = allShortestPaths((a)-[*]-(b))", "p = allShortestPaths((a)-[*]-(b))"},
      {"((a)-->(b))", "(a)-->(b)"},
  };
  for (const auto& [pattern, expected] : cases) {
    const std::string query = "MATCH " + pattern + " RETURN 1";
    EXPECT_EQ(canonical(query), "MATCH " + expected + " RETURN 1") << pattern;
  }
}

TEST(CypherParser, PatternStructure) {
  const Query q = parse_query("MATCH p = (a:A {x: 1})<-[r:T|U*2..5]-(b)-->(c) RETURN p");
  const Match& m = std::get<Match>(q.parts[0].clauses[0]);
  ASSERT_EQ(m.pattern.size(), 1u);
  const PatternPart& part = m.pattern[0];
  EXPECT_EQ(part.path_variable->text, "p");
  EXPECT_EQ(part.selector, PathSelector::all_paths);
  ASSERT_EQ(part.element.nodes.size(), 3u);
  ASSERT_EQ(part.element.relationships.size(), 2u);
  const NodePattern& a = part.element.nodes[0];
  EXPECT_EQ(a.pos, 10u);
  EXPECT_EQ(a.variable->text, "a");
  EXPECT_EQ(a.labels[0].text, "A");
  EXPECT_EQ(a.labels[0].pos, 13u);
  ASSERT_TRUE(a.properties && a.properties->as<MapLiteral>());
  const RelationshipPattern& r = part.element.relationships[0];
  EXPECT_EQ(r.pos, 22u);
  EXPECT_EQ(r.direction, Direction::incoming);
  EXPECT_EQ(r.variable->text, "r");
  ASSERT_EQ(r.types.size(), 2u);
  EXPECT_EQ(r.types[1].text, "U");
  ASSERT_TRUE(r.length);
  EXPECT_EQ(r.length->min, 2);
  EXPECT_EQ(r.length->max, 5);
  EXPECT_EQ(part.element.relationships[1].direction, Direction::outgoing);
  EXPECT_FALSE(part.element.relationships[1].length);
  // `*` alone leaves both bounds open; the binder applies Cypher's default of 1..∞.
  const Query star = parse_query("MATCH (a)-[*]->(b) RETURN a");
  const auto& length =
      std::get<Match>(star.parts[0].clauses[0]).pattern[0].element.relationships[0].length;
  ASSERT_TRUE(length);
  EXPECT_FALSE(length->min);
  EXPECT_FALSE(length->max);
}

TEST(CypherParser, PositionsAndColumnNames) {
  const std::string text = "MATCH (n)\nRETURN n.name, count( * ), n.age + 1 AS next, `a b`, (n)";
  const Query q = parse_query(text);
  EXPECT_EQ(q.text, text);
  EXPECT_EQ(q.origin, "query");
  const Return& r = final_return(q);
  EXPECT_EQ(r.pos, 10u);
  ASSERT_EQ(r.projection.items.size(), 5u);
  EXPECT_EQ(r.projection.items[0].column_name(), "n.name");
  EXPECT_EQ(r.projection.items[1].column_name(), "count( * )");
  EXPECT_EQ(r.projection.items[2].column_name(), "next");
  EXPECT_EQ(r.projection.items[2].alias->pos, 50u);
  EXPECT_EQ(r.projection.items[3].column_name(), "a b");
  EXPECT_EQ(r.projection.items[4].column_name(), "n");
  const Expression& sum = *r.projection.items[2].expression;
  EXPECT_EQ(text.substr(sum.pos, sum.end - sum.pos), "n.age + 1");
  const BinaryExpr* add = sum.as<BinaryExpr>();
  ASSERT_TRUE(add);
  EXPECT_EQ(add->op, BinaryOp::add);
  EXPECT_EQ(text[add->op_pos], '+');
  EXPECT_EQ(add->left->as<PropertyAccess>()->key.text, "age");
}

TEST(CypherParser, ChainedComparisonsKeepEveryOperand) {
  const ExprPtr e = parse_expression("1 < x <= 10");
  const ComparisonChain* chain = e->as<ComparisonChain>();
  ASSERT_TRUE(chain);
  ASSERT_EQ(chain->rest.size(), 2u);
  EXPECT_EQ(chain->rest[0].op, ComparisonOp::less);
  EXPECT_EQ(chain->rest[1].op, ComparisonOp::less_equal);
  EXPECT_EQ(chain->rest[1].operand->as<IntegerLiteral>()->value, 10);
}

TEST(CypherParser, IntegerBounds) {
  EXPECT_EQ(parse_expression("9223372036854775807")->as<IntegerLiteral>()->value, INT64_MAX);
  EXPECT_EQ(parse_expression("-9223372036854775808")->as<IntegerLiteral>()->value, INT64_MIN);
  EXPECT_EQ(parse_expression("-0x8000000000000000")->as<IntegerLiteral>()->value, INT64_MIN);
  EXPECT_EQ(parse_expression("-0o1000000000000000000000")->as<IntegerLiteral>()->value, INT64_MIN);
  EXPECT_EQ(parse_expression("0x7FFFFFFFFFFFFFFF")->as<IntegerLiteral>()->value, INT64_MAX);
  EXPECT_EQ(parse_expression("123456789e300")->as<FloatLiteral>()->value, 123456789e300);
}

TEST(CypherParser, KeywordsAreCaseInsensitiveAndNamesAreNot) {
  EXPECT_EQ(canonical("mAtCh (n:Person) wHeRe n.x Is NoT nUlL aNd n.y sTaRtS wItH 'a' "
                      "ReTuRn DiStInCt n oRdEr By n DeSc SkIp 1 LiMiT 2"),
            "MATCH (n:Person) WHERE ((n.x IS NOT NULL) AND (n.y STARTS WITH 'a')) RETURN "
            "DISTINCT n ORDER BY n DESC SKIP 1 LIMIT 2");
  EXPECT_EQ(
      canonical("optional match (n) unwind [1] as x with n, x return x union all return 1 as x"),
      "OPTIONAL MATCH (n) UNWIND [1] AS x WITH n, x RETURN x UNION ALL RETURN 1 AS x");
  EXPECT_EQ(canonical("MATCH (n:person) RETURN n.Name"), "MATCH (n:person) RETURN n.Name");
}

TEST(CypherParser, BackticksAndParameters) {
  const Query q = parse_query(
      "MATCH (`the node`:`Décision` {`n°`: $`the number`}) "
      "RETURN `the node`.`date de décision` AS `when`, $1");
  EXPECT_EQ(to_string(q),
            "MATCH (`the node`:`Décision` {`n°`: $`the number`}) RETURN `the node`.`date de "
            "décision` AS `when`, $1");
  const Match& m = std::get<Match>(q.parts[0].clauses[0]);
  EXPECT_EQ(m.pattern[0].element.nodes[0].variable->text, "the node");
  EXPECT_EQ(m.pattern[0].element.nodes[0].labels[0].text, "Décision");
  EXPECT_EQ(m.pattern[0]
                .element.nodes[0]
                .properties->as<MapLiteral>()
                ->entries[0]
                .value->as<Parameter>()
                ->name,
            "the number");
  EXPECT_EQ(final_return(q).projection.items[0].alias->text, "when");
  // A quoted keyword is a name.
  EXPECT_EQ(canonical("WITH 1 AS `RETURN` RETURN `RETURN`"), "WITH 1 AS `RETURN` RETURN `RETURN`");
}

TEST(CypherParser, UnicodeInStrings) {
  const Query q = parse_query("MATCH (c:Court {name: 'Conseil d’État'}) RETURN c.name AS nom");
  const auto& props =
      *std::get<Match>(q.parts[0].clauses[0]).pattern[0].element.nodes[0].properties;
  EXPECT_EQ(props.as<MapLiteral>()->entries[0].value->as<StringLiteral>()->value, "Conseil d’État");
  EXPECT_EQ(canonical("RETURN '🧐🍌❖⋙⚐' AS s"), "RETURN '🧐🍌❖⋙⚐' AS s");
  EXPECT_EQ(canonical("RETURN 'tab\there' AS s"), "RETURN 'tab\\there' AS s");
}

TEST(CypherParser, CreateOnlyWhenAllowed) {
  ParseOptions fixture;
  fixture.allow_create = true;
  const Query q =
      parse_query("CREATE (a:A {name: 'A'}), (b:B)\nCREATE (a)-[:T {w: 1}]->(b)", fixture);
  EXPECT_EQ(to_string(q), "CREATE (a:A {name: 'A'}), (b:B) CREATE (a)-[:T {w: 1}]->(b)");
  EXPECT_EQ(std::get<Create>(q.parts[0].clauses[1]).pos, 32u);
  EXPECT_EQ(to_string(parse_query("MATCH (a:A), (b:B) CREATE (a)-[:R]->(b)", fixture)),
            "MATCH (a:A), (b:B) CREATE (a)-[:R]->(b)");
  EXPECT_EQ(error_of("CREATE (a)"), "1:1: the query engine is read-only: CREATE is not supported");
  EXPECT_EQ(error_of("MERGE (a)", fixture),
            "1:1: the query engine is read-only: MERGE is not supported");
}

TEST(CypherParser, PrintingIsStable) {
  for (const char* query :
       {"MATCH (a)-[r:T*1..2 {w: -1.5}]->(b:B) WHERE NOT (a)-->(b) AND a.x IN [1, -2, 3.0] "
        "RETURN a, [x IN r | x.w][..1] AS ws, CASE a.x WHEN 1 THEN 'one' END ORDER BY a.x",
        "RETURN -(1), -1, (-1)[0], -x ^ 2, `a b`.c, {`k k`: $`p p`}, 'it\\'s', 1e300, -0.0",
        "MATCH p = allShortestPaths((a)-[*]-(b)) WITH p, length(p) AS l WHERE l > 1 RETURN p "
        "UNION RETURN null AS p"}) {
    const std::string once = canonical(query);
    EXPECT_EQ(canonical(once), once) << query;
  }
}

// ---------------------------------------------------------------------------------------------
// Errors: exact position (1-based line and column in code points) and message

TEST(CypherParser, ErrorsSayWhatWasExpectedAndWhere) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"MATCH (n:Label RETURN n", "1:16: expected ')' but found 'RETURN'"},
      {"MATCH (n)",
       "1:10: unexpected end of query: expected RETURN, WITH or another clause "
       "after MATCH (a query must end with RETURN)"},
      {"MATCH (n) WITH n",
       "1:17: unexpected end of query: expected RETURN, WITH or another "
       "clause after WITH (a query must end with RETURN)"},
      {"MATCH (n);", "1:10: a query must end with RETURN, but found ';' after MATCH"},
      {"MATCH (n) UNION RETURN 1",
       "1:11: a query must end with RETURN, but found 'UNION' "
       "after MATCH"},
      {"",
       "1:1: unexpected end of query: expected a clause (MATCH, OPTIONAL MATCH, UNWIND, "
       "WITH or RETURN)"},
      {"FROM x RETURN x",
       "1:1: expected a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or "
       "RETURN) but found 'FROM'"},
      {"MATCH (n) n.x RETURN n",
       "1:11: expected RETURN, WITH or another clause after MATCH "
       "but found 'n'"},
      {"RETURN 1 MATCH (n)",
       "1:10: expected the end of the query or UNION after RETURN but "
       "found 'MATCH'"},
      {"RETURN 1; RETURN 2",
       "1:11: expected the end of the query after ';' but found 'RETURN' "
       "(one query at a time)"},
      {"RETURN 1 AS x UNION RETURN 2 AS x UNION ALL RETURN 3 AS x",
       "1:35: cannot mix UNION and UNION ALL in one query"},
      {"RETURN", "1:7: unexpected end of query: expected an expression"},
      {"RETURN 'abc", "1:8: unterminated string literal"},
      {"RETURN \"abc\\\"", "1:8: unterminated string literal"},
      {"RETURN `abc", "1:8: unterminated quoted name: '`' without a closing '`'"},
      {"MATCH (a)-[:T..2]->(b) RETURN a",
       "1:14: expected '*' before the bounds of a "
       "variable-length relationship"},
      {"RETURN 1 /* never closed", "1:10: unterminated comment: '/*' without a closing '*/'"},
      {"RETURN 'a\\qb'", "1:10: invalid escape sequence '\\q' in a string literal"},
      {"RETURN '\\uH'", "1:9: invalid Unicode escape: expected 4 hexadecimal digits after '\\u'"},
      {"RETURN '\\U0011FFFF'",
       "1:9: invalid Unicode escape: \\U0011FFFF is not a Unicode "
       "character"},
      {"RETURN '\\uD800'", "1:9: invalid Unicode escape: \\uD800 is not a Unicode character"},
      {"RETURN 9223372036854775808",
       "1:8: integer literal is too large for a 64-bit integer: "
       "9223372036854775808"},
      {"RETURN -9223372036854775809",
       "1:8: integer literal is too small for a 64-bit integer: "
       "-9223372036854775809"},
      {"RETURN 0x8000000000000000",
       "1:8: integer literal is too large for a 64-bit integer: "
       "0x8000000000000000"},
      {"RETURN 1.34E999",
       "1:8: floating-point literal is too large for a 64-bit float: "
       "1.34E999"},
      {"RETURN 9223372h54775808", "1:15: invalid character 'h' in a number literal"},
      {"RETURN 0x", "1:8: expected hexadecimal digits after '0x'"},
      {"RETURN 0x1A2b3j4", "1:15: invalid character 'j' in a hexadecimal literal"},
      {"RETURN 0o18", "1:11: invalid character '8' in an octal literal"},
      {"RETURN 0123", "1:8: an integer cannot start with 0: write 0o123 for an octal number"},
      {"RETURN 9223372#54775808", "1:15: unexpected character '#'"},
      {"RETURN $", "1:8: expected a parameter name after '$'"},
      {"MATCH (a)—(b) RETURN a", "1:10: unexpected character '—'"},
      {"RETURN \xC3(", "1:8: invalid UTF-8 in the query"},
      {"MATCH (a)-[:]->(b) RETURN a",
       "1:13: expected a relationship type after ':' but found "
       "']'"},
      {"MATCH (a)-[:T|]->(b) RETURN a",
       "1:15: expected a relationship type after '|' but "
       "found ']'"},
      {"MATCH (a:) RETURN a", "1:10: expected a label after ':' but found ')'"},
      {"MATCH (a)-[*-1]->(b) RETURN a",
       "1:13: variable-length bound must be a non-negative "
       "integer"},
      {"MATCH (a)-[*1..1.5]->(b) RETURN a",
       "1:16: variable-length bound must be a "
       "non-negative integer"},
      {"MATCH (a)-[*99999999999999999999]->(b) RETURN a",
       "1:13: variable-length bound is too large: 99999999999999999999"},
      {"MATCH (a)-[r WHERE r.x]->(b) RETURN a", "1:14: expected ']' but found 'WHERE'"},
      {"MATCH (a)-[r]>(b) RETURN a",
       "1:14: expected '-' or '->' to end the relationship "
       "pattern but found '>'"},
      {"MATCH (a)--> RETURN a",
       "1:14: expected '(' to start the node pattern after the "
       "relationship but found 'RETURN'"},
      {"MATCH a RETURN a", "1:7: expected '(' to start a node pattern but found 'a'"},
      {"MATCH p = shortestPath((a)-[*]-(b) RETURN p",
       "1:36: expected ')' to close "
       "shortestPath( but found 'RETURN'"},
      {"MATCH (n) WHERE RETURN n", "1:17: expected an expression but found 'RETURN'"},
      {"MATCH (n) WHERE n.x = RETURN n", "1:23: expected an expression but found 'RETURN'"},
      {"RETURN count(n RETURN",
       "1:16: expected ',' or ')' in the arguments of count() but "
       "found 'RETURN'"},
      {"RETURN [1, 2", "1:13: unexpected end of query: expected ',' or ']' in the list"},
      {"RETURN {a: 1", "1:13: unexpected end of query: expected ',' or '}' in the map"},
      {"RETURN {a 1}", "1:11: expected ':' after the property key but found '1'"},
      {"RETURN {1: 1}", "1:9: expected a property key but found '1'"},
      {"RETURN n.", "1:10: unexpected end of query: expected a property name after '.'"},
      {"RETURN x IS 1", "1:13: expected NULL or NOT NULL after IS but found '1'"},
      {"RETURN x IS NOT 1", "1:17: expected NULL after IS NOT but found '1'"},
      {"RETURN x STARTS 'a'", "1:17: expected WITH after STARTS but found a string literal"},
      {"RETURN CASE END", "1:13: expected WHEN but found 'END'"},
      {"RETURN CASE WHEN a 1 END", "1:20: expected THEN but found '1'"},
      {"RETURN CASE WHEN a THEN 1", "1:26: unexpected end of query: expected WHEN, ELSE or END"},
      {"RETURN all(x WHERE x)", "1:14: expected IN after the variable but found 'WHERE'"},
      {"RETURN all(1 IN x)",
       "1:12: expected a variable in all(x IN list WHERE predicate) but "
       "found '1'"},
      {"RETURN [(a)-->(b) WHERE b.x]",
       "1:28: expected '|' and the projection of the pattern "
       "comprehension but found ']'"},
      {"RETURN l[1", "1:11: unexpected end of query: expected ']' to close the subscript"},
      {"RETURN l[1..", "1:13: unexpected end of query: expected an expression"},
      {"MATCH (n) RETURN (n)-->()",
       "1:18: a relationship pattern cannot be a column: use it "
       "in WHERE, or collect its matches with a pattern "
       "comprehension such as [(a)-->(b) | b]"},
      {"MATCH (n) RETURN Size((n)-->())",
       "1:23: size() of a pattern is not supported: count "
       "the matches with size([(a)-->(b) | b]) or count(*)"},
      {"MATCH (n) WHERE exists { (n)-->() RETURN n",
       "1:35: expected '}' to close EXISTS { but "
       "found 'RETURN'"},
      {"MATCH (n) WHERE exists { MATCH (n)-->(m) RETURN m MATCH (m) } RETURN n",
       "1:51: expected '}' to close EXISTS { but found 'MATCH'"},
      {"MATCH (n) WHERE exists { MATCH (n) SET n.x = 1 } RETURN n",
       "1:36: the query engine is read-only: SET is not supported"},
      {"RETURN COUNT { (n)-->() }", "1:8: COUNT subqueries are not supported"},
      {"UNWIND [1] x RETURN x", "1:12: expected AS after the UNWIND expression but found 'x'"},
      {"RETURN 1 AS", "1:12: unexpected end of query: expected a column name after AS"},
      {"RETURN a ORDER a", "1:16: expected BY after ORDER but found 'a'"},
      {"OPTIONAL (n) RETURN n", "1:10: expected MATCH after OPTIONAL but found '('"},
      {"RETURN )", "1:8: expected an expression but found ')'"},
      {"RETURN 'x' 'y'",
       "1:12: expected the end of the query or UNION after RETURN but found "
       "a string literal"},
      {"RETURN aVeryLongIdentifierNameThatGoesOnAndOn)",
       "1:46: expected the end of the query "
       "or UNION after RETURN but found ')'"},
      {"RETURN 1 aVeryLongIdentifierNameThatGoesOnAndOnAndOn",
       "1:10: expected the end of the query or UNION after RETURN but found "
       "'aVeryLongIdentifierNameThatGoe…'"},
  };
  for (const auto& [query, expected] : cases)
    EXPECT_EQ(error_of(query), expected) << query;
}

TEST(CypherParser, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = "RETURN " + std::string(100000, '(') + "1" + std::string(100000, ')');
  EXPECT_EQ(error_of(deep), "1:208: the query is nested too deeply (more than 200 levels)");
  EXPECT_EQ(error_of("RETURN " + std::string(100000, '-') + "1"),
            "1:207: the query is nested too deeply (more than 200 levels)");
  std::string nots = "RETURN ";
  for (int i = 0; i < 100000; ++i)
    nots += "NOT ";
  EXPECT_NE(error_of(nots + "true").find("nested too deeply"), std::string::npos);
  EXPECT_NE(error_of("MATCH " + std::string(100000, '(') + "a)").find("nested too deeply"),
            std::string::npos);
  const std::string fine = "RETURN " + std::string(150, '[') + "1" + std::string(150, ']');
  EXPECT_EQ(error_of(fine), "no error");
}

// Found by fuzz_cypher_parse (tests/data/fuzz/parse-chained-operators-stack-overflow): chained
// operators make a tree as deep as their count without any recursion in the parser, and the
// binder's recursion over 46 KB of `-0--0-…` overflowed the stack. The tree's height is bounded.
TEST(CypherParser, ParseChainedOperatorsStackOverflowIsAnError) {
  std::ifstream in(std::filesystem::path(JURIGRAPH_TEST_DATA) / "fuzz" /
                       "parse-chained-operators-stack-overflow",
                   std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string found = text.str();
  ASSERT_GT(found.size(), 40000u);
  EXPECT_NE(error_of(found).find("the expression is too deep (more than 1000 nested or chained "
                                 "operators)"),
            std::string::npos)
      << error_of(found);
  std::string minus = "RETURN 1", ors = "RETURN true", dots = "RETURN {a: 1}";
  for (int i = 0; i < 5000; ++i) {
    minus += " - 1";
    ors += " OR false";
    dots += ".a";
  }
  // At the 1000th '-' (column 4 × 1000 + 6): the RETURN item's expression is the first level.
  EXPECT_EQ(error_of(minus),
            "1:4006: the expression is too deep (more than 1000 nested or chained operators)");
  EXPECT_NE(error_of(ors).find("too deep"), std::string::npos);
  EXPECT_NE(error_of(dots).find("too deep"), std::string::npos);
  // Long but bounded chains are fine: 900 alternatives of an OR.
  std::string fine = "RETURN true";
  for (int i = 0; i < 900; ++i)
    fine += " OR false";
  EXPECT_EQ(error_of(fine), "no error");
}

TEST(CypherParser, WriteClausesAreRefusedAtTheirKeyword) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"CREATE (n)", "1:1: the query engine is read-only: CREATE is not supported"},
      {"MATCH (n) create (m)", "1:11: the query engine is read-only: CREATE is not supported"},
      {"MERGE (n)", "1:1: the query engine is read-only: MERGE is not supported"},
      {"MATCH (n) SET n.x = 1", "1:11: the query engine is read-only: SET is not supported"},
      {"MATCH (n) DELETE n", "1:11: the query engine is read-only: DELETE is not supported"},
      {"MATCH (n) DETACH DELETE n",
       "1:11: the query engine is read-only: DETACH DELETE is not "
       "supported"},
      {"MATCH (n) REMOVE n:A", "1:11: the query engine is read-only: REMOVE is not supported"},
      {"CALL db.labels()", "1:1: the query engine is read-only: CALL is not supported"},
      {"MATCH (n)\n  FOREACH (x IN [1] | SET n.x = x)",
       "2:3: the query engine is read-only: FOREACH is not supported"},
      {"LOAD CSV FROM 'f' AS l RETURN l",
       "1:1: the query engine is read-only: LOAD CSV is not "
       "supported"},
  };
  for (const auto& [query, expected] : cases)
    EXPECT_EQ(error_of(query), expected) << query;
}

TEST(CypherParser, ErrorsCountColumnsInCodePointsAcrossLines) {
  // After 'Conseil d’État' (’ and É are two and three bytes), the column still counts
  // characters.
  EXPECT_EQ(error_of("MATCH (c {name: 'Conseil d’État'} RETURN c"),
            "1:35: expected ')' but found 'RETURN'");
  EXPECT_EQ(error_of("MATCH (c:Court)\nWHERE c.name = 'Conseil d\\'État' AND\nRETURN c"),
            "3:1: expected an expression but found 'RETURN'");
  EXPECT_EQ(error_of("MATCH (d:Décision)\r\n  WHERE d.n° = 1 RETURN d"),
            "2:12: unexpected character '°'");
  EXPECT_EQ(error_of("RETURN 'Légifrance',\n       'unterminated"),
            "2:8: unterminated string literal");
}

TEST(CypherParser, DiagnosticShowsTheLineAndACaret) {
  ParseOptions options;
  options.origin = "queries/orange.cypher";
  try {
    parse_query("MATCH (c:Company {name: 'Orange'})\nMATCH (d {titre: 'Conseil d’État'} RETURN d",
                options);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(format_diagnostic(e.diagnostic()),
              "queries/orange.cypher:2:36: error: expected ')' but found 'RETURN'\n"
              "  MATCH (d {titre: 'Conseil d’État'} RETURN d\n"
              "                                     ^");
    EXPECT_EQ(e.diagnostic().source_line, "MATCH (d {titre: 'Conseil d’État'} RETURN d");
    EXPECT_STREQ(e.what(), "queries/orange.cypher:2:36: error: expected ')' but found 'RETURN'");
  }
}

// ---------------------------------------------------------------------------------------------
// The openCypher TCK: every `When executing query:` block of the read-only features

#ifdef JURIGRAPH_TCK_DIR

struct TckQuery {
  std::string where;  // feature file:line and scenario
  std::string text;
  std::string expected_error;  // "SyntaxError: UnexpectedSyntax" when the scenario expects one
  bool setup = false;          // an `And having executed:` block
};

std::string trim(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos)
    return {};
  const std::size_t last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

std::vector<std::string> table_cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  // Cells are separated by '|'; "\|" is a literal bar and "\\" a backslash (Gherkin).
  for (std::size_t i = row.find('|') + 1; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size() && (row[i + 1] == '|' || row[i + 1] == '\\')) {
      cell += row[++i];
    } else if (row[i] == '|') {
      cells.push_back(trim(cell));
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  return cells;
}

// Reads the scenarios of a feature file; a Scenario Outline gives one query per Examples row.
std::vector<TckQuery> read_feature(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  std::vector<TckQuery> out;
  std::vector<TckQuery> scenario;  // queries of the current scenario
  std::vector<std::map<std::string, std::string>> examples;
  bool outline = false;
  const auto flush = [&]() {
    if (!outline || examples.empty()) {
      out.insert(out.end(), scenario.begin(), scenario.end());
    } else {
      for (const auto& row : examples) {
        for (TckQuery q : scenario) {
          for (const auto& [name, value] : row) {
            const std::string placeholder = "<" + name + ">";
            for (std::size_t at = q.text.find(placeholder); at != std::string::npos;
                 at = q.text.find(placeholder, at + value.size()))
              q.text.replace(at, placeholder.size(), value);
            for (std::size_t at = q.expected_error.find(placeholder); at != std::string::npos;
                 at = q.expected_error.find(placeholder, at + value.size()))
              q.expected_error.replace(at, placeholder.size(), value);
          }
          out.push_back(q);
        }
      }
    }
    scenario.clear();
    examples.clear();
  };
  std::string name;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string t = trim(lines[i]);
    if (t.rfind("#", 0) == 0)
      continue;
    if (t.rfind("Scenario:", 0) == 0 || t.rfind("Scenario Outline:", 0) == 0) {
      flush();
      outline = t.rfind("Scenario Outline:", 0) == 0;
      name = t;
    } else if (t == "When executing query:" || t.find("having executed:") != std::string::npos) {
      const bool setup = t != "When executing query:";
      std::size_t j = i + 1;
      const std::size_t indent = lines[j].find('"');
      std::string text;
      for (++j; j < lines.size() && trim(lines[j]) != "\"\"\""; ++j)
        text += (lines[j].size() > indent ? lines[j].substr(indent) : trim(lines[j])) + "\n";
      scenario.push_back(
          {path.filename().string() + ":" + std::to_string(i + 1) + " " + name, text, "", setup});
      i = j;
    } else if (t.find("should be raised at compile time") != std::string::npos) {
      for (TckQuery& q : scenario) {
        if (!q.setup)
          q.expected_error = t.substr(t.find(' ') + 1);
      }
    } else if (t == "Examples:") {
      std::size_t j = i + 1;
      const std::vector<std::string> header = table_cells(lines[j]);
      for (++j; j < lines.size() && trim(lines[j]).rfind("|", 0) == 0; ++j) {
        const std::vector<std::string> cells = table_cells(lines[j]);
        std::map<std::string, std::string> row;
        for (std::size_t k = 0; k < header.size() && k < cells.size(); ++k)
          row[header[k]] = cells[k];
        examples.push_back(row);
      }
      i = j - 1;
    }
  }
  flush();
  return out;
}

// Errors the TCK raises while parsing (as opposed to binding: unknown variables, aggregation
// rules, types), which the parser itself must therefore detect.
bool is_syntax_level(const std::string& expected_error) {
  for (const char* detail :
       {"UnexpectedSyntax", "InvalidNumberLiteral", "IntegerOverflow", "FloatingPointOverflow",
        "InvalidUnicodeLiteral", "InvalidUnicodeCharacter", "InvalidRelationshipPattern"}) {
    if (expected_error.find(detail) != std::string::npos)
      return true;
  }
  return false;
}

TEST(CypherTck, ParsesTheReadOnlyFeatureQueries) {
  const std::filesystem::path features = std::filesystem::path(JURIGRAPH_TCK_DIR) / "features";
  if (!std::filesystem::is_directory(features))
    GTEST_SKIP() << "no openCypher TCK at " << features;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(features)) {
    const std::string relative = entry.path().lexically_relative(features).generic_string();
    const bool wanted =
        relative.rfind("expressions/", 0) == 0 || relative.rfind("clauses/match", 0) == 0 ||
        relative.rfind("clauses/return", 0) == 0 || relative.rfind("clauses/with", 0) == 0 ||
        relative.rfind("clauses/unwind", 0) == 0;
    if (wanted && entry.path().extension() == ".feature")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  std::size_t valid = 0, valid_parsed = 0, write_refused = 0;
  std::size_t negative = 0, negative_rejected = 0;
  std::size_t setups = 0, setups_parsed = 0;
  std::vector<std::string> failures, accepted_negatives, setup_failures;
  ParseOptions fixture;
  fixture.allow_create = true;
  for (const auto& file : files) {
    for (const TckQuery& q : read_feature(file)) {
      std::string error;
      try {
        const Query parsed = parse_query(q.text, q.setup ? fixture : ParseOptions{});
        // Whatever parses must print to a form that parses to the same print.
        const std::string printed = to_string(parsed);
        EXPECT_EQ(to_string(parse_query(printed, q.setup ? fixture : ParseOptions{})), printed)
            << q.where;
      } catch (const Error& e) {
        error = format_headline(e.diagnostic());
      }
      if (q.setup) {
        ++setups;
        if (error.empty())
          ++setups_parsed;
        else
          setup_failures.push_back(q.where + "\n  " + error);
      } else if (is_syntax_level(q.expected_error)) {
        ++negative;
        if (!error.empty())
          ++negative_rejected;
        else
          accepted_negatives.push_back(q.where + " (" + q.expected_error + ")\n  " + q.text);
      } else if (error.find("the query engine is read-only") != std::string::npos) {
        ++write_refused;
      } else {
        ++valid;
        if (error.empty())
          valid_parsed++;
        else
          failures.push_back(q.where + "\n  " + q.text + "  " + error);
      }
    }
  }
  const auto show = [](const std::vector<std::string>& list, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < list.size() && i < n; ++i)
      out += "  " + list[i] + "\n";
    return out;
  };
  std::printf(
      "openCypher TCK (%zu feature files): %zu of %zu read-only queries parse (%.1f%%); %zu "
      "queries refused as writes; %zu of %zu syntax-error queries rejected; %zu of %zu set-up "
      "queries parse with CREATE allowed\n",
      files.size(), valid_parsed, valid, valid ? 100.0 * valid_parsed / valid : 0.0, write_refused,
      negative_rejected, negative, setups_parsed, setups);
  if (!failures.empty())
    std::printf("first failures:\n%s", show(failures, 10).c_str());
  if (!accepted_negatives.empty())
    std::printf("syntax errors not detected:\n%s", show(accepted_negatives, 10).c_str());
  if (!setup_failures.empty())
    std::printf("set-up failures:\n%s", show(setup_failures, 5).c_str());
  EXPECT_GT(valid, 0u);
}

#endif  // JURIGRAPH_TCK_DIR

}  // namespace
}  // namespace jurigraph::query::cypher
