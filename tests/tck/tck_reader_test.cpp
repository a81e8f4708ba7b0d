// The TCK runner's Gherkin reader and the interpretation of the TCK's steps.
#include <gtest/gtest.h>

#include <filesystem>

#include "gherkin.hpp"

namespace jurigraph::tck {
namespace {

const char* const kFeature = R"(#
# A comment
#encoding: utf-8

Feature: Match1 - Match nodes

  Background:
    Given an empty graph

  Scenario: [1] Match non-existent nodes returns empty
    And having executed:
      """
      CREATE (:A {name: 'a'}),
             (:B)
      """
    When executing query:
      """
      MATCH (n)
      RETURN n
      """
    Then the result should be, in any order:
      | n                |
      | (:A {name: 'a'}) |
      | (:B)             |
    And no side effects

  @skipStyleCheck
  Scenario Outline: [2] Range <start> to <end>
    When executing query:
      """
      RETURN range(<start>, <end>) AS list
      """
    Then the result should be, in order:
      | list   |
      | <list> |
    And no side effects

    Examples:
      | start | end | list      |
      | 1     | 3   | [1, 2, 3] |
      | -1    | 0   | [-1, 0]   |

  Scenario: [3] An error
    And parameters are:
      | param | 'a\|b' |
    When executing query:
      """
      RETURN $param + 1
      """
    Then a TypeError should be raised at runtime: InvalidArgumentType
)";

TEST(TckReader, ReadsScenariosOutlinesAndBackground) {
  const Feature f = parse_feature(kFeature, "clauses/match/Match1.feature");
  EXPECT_EQ(f.name, "Match1 - Match nodes");
  ASSERT_EQ(f.scenarios.size(), 4u);

  const Scenario& s1 = f.scenarios[0];
  EXPECT_EQ(s1.name, "[1] Match non-existent nodes returns empty");
  EXPECT_EQ(s1.line, 10);
  EXPECT_EQ(s1.outline_line, 0);
  ASSERT_EQ(s1.steps.size(), 5u);
  EXPECT_EQ(s1.steps[0].text, "an empty graph");  // from the Background
  EXPECT_EQ(s1.steps[1].text, "having executed:");
  ASSERT_TRUE(s1.steps[1].doc_string);
  EXPECT_EQ(*s1.steps[1].doc_string, "CREATE (:A {name: 'a'}),\n       (:B)");
  ASSERT_EQ(s1.steps[3].table.size(), 3u);
  EXPECT_EQ(s1.steps[3].table[1][0], "(:A {name: 'a'})");

  const Scenario& s2 = f.scenarios[1];
  EXPECT_EQ(s2.name, "[2] Range 1 to 3");
  EXPECT_EQ(s2.outline_line, 28);
  EXPECT_EQ(s2.line, 40);  // the Examples row
  ASSERT_EQ(s2.tags.size(), 1u);
  EXPECT_EQ(s2.tags[0], "@skipStyleCheck");
  EXPECT_EQ(*s2.steps[1].doc_string, "RETURN range(1, 3) AS list");
  EXPECT_EQ(s2.steps[2].table[1][0], "[1, 2, 3]");
  EXPECT_EQ(f.scenarios[2].name, "[2] Range -1 to 0");
  EXPECT_EQ(f.scenarios[2].line, 41);
  EXPECT_EQ(*f.scenarios[2].steps[1].doc_string, "RETURN range(-1, 0) AS list");
}

TEST(TckReader, UnescapesTableCells) {
  const Feature f = parse_feature(kFeature, "x.feature");
  const Step& params = f.scenarios[3].steps[1];
  ASSERT_EQ(params.table.size(), 1u);
  EXPECT_EQ(params.table[0][0], "param");
  EXPECT_EQ(params.table[0][1], "'a|b'");

  const Feature g = parse_feature(
      "Feature: F\n  Scenario: S\n    Given any graph\n    Then x:\n"
      "      | 'a\\\\\\\\b\\'' | '\\nx' |\n",
      "g.feature");
  const Table& t = g.scenarios[0].steps[1].table;
  EXPECT_EQ(t[0][0], "'a\\\\b\\''");  // \\ is one backslash; \' stays for the value parser
  EXPECT_EQ(t[0][1], "'\nx'");        // \n is a newline
}

TEST(TckReader, InterpretsSteps) {
  const Feature f = parse_feature(kFeature, "x.feature");
  const TestCase t1 = interpret(f.scenarios[0]);
  EXPECT_TRUE(t1.unsupported_steps.empty());
  EXPECT_EQ(t1.graph, GraphKind::empty);
  ASSERT_EQ(t1.setup_queries.size(), 1u);
  EXPECT_EQ(t1.query, "MATCH (n)\nRETURN n");
  EXPECT_EQ(t1.expect, Expectation::rows);
  EXPECT_FALSE(t1.in_order);
  EXPECT_EQ(t1.expected.size(), 3u);
  EXPECT_TRUE(t1.side_effects_checked);

  const TestCase t2 = interpret(f.scenarios[1]);
  EXPECT_TRUE(t2.in_order);
  EXPECT_FALSE(t2.ignore_list_order);

  const TestCase t3 = interpret(f.scenarios[3]);
  EXPECT_EQ(t3.expect, Expectation::error);
  EXPECT_EQ(t3.error_type, "TypeError");
  EXPECT_EQ(t3.error_phase, "runtime");
  EXPECT_EQ(t3.error_detail, "InvalidArgumentType");
  ASSERT_EQ(t3.parameters.size(), 1u);
}

TEST(TckReader, InterpretsTheOtherForms) {
  const Feature f = parse_feature(R"(Feature: F
  Scenario: named graph, list order ignored
    Given the binary-tree-1 graph
    When executing query:
      """
      RETURN [1, 2] AS l
      """
    Then the result should be (ignoring element order for lists):
      | l      |
      | [2, 1] |
  Scenario: empty
    Given any graph
    And parameter values are:
      | x | 1 |
    When executing query:
      """
      MATCH (n) RETURN n
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes | 1 |
  Scenario: compile-time error
    Given any graph
    When executing query:
      """
      RETURN foo(
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax
  Scenario: procedures are not understood
    Given an empty graph
    And there exists a procedure test.doNothing() :: ():
      | output |
    When executing query:
      """
      CALL test.doNothing()
      """
    Then the result should be empty
)",
                                  "f.feature");
  ASSERT_EQ(f.scenarios.size(), 4u);
  const TestCase a = interpret(f.scenarios[0]);
  EXPECT_EQ(a.graph, GraphKind::named);
  EXPECT_EQ(a.graph_name, "binary-tree-1");
  EXPECT_TRUE(a.ignore_list_order);
  EXPECT_FALSE(a.in_order);
  EXPECT_TRUE(a.unsupported_steps.empty());

  const TestCase b = interpret(f.scenarios[1]);
  EXPECT_EQ(b.expect, Expectation::empty);
  EXPECT_EQ(b.graph, GraphKind::any);
  ASSERT_EQ(b.parameters.size(), 1u);
  EXPECT_EQ(b.parameters[0][1], "1");
  EXPECT_TRUE(b.unsupported_steps.empty());

  const TestCase c = interpret(f.scenarios[2]);
  EXPECT_EQ(c.expect, Expectation::error);
  EXPECT_EQ(c.error_type, "SyntaxError");
  EXPECT_EQ(c.error_phase, "compile time");
  EXPECT_EQ(c.error_detail, "UnexpectedSyntax");

  const TestCase d = interpret(f.scenarios[3]);
  EXPECT_EQ(d.unsupported_steps.size(), 1u);
}

TEST(TckReader, ReportsMalformedFiles) {
  EXPECT_THROW(parse_feature("Feature: F\n  Scenario: S\n    Given any graph\n      \"\"\"\n", "x"),
               GherkinError);
  EXPECT_THROW(parse_feature("Feature: F\n  Examples:\n", "x"), GherkinError);
  EXPECT_THROW(parse_feature("Feature: F\n  Scenario: S\n    Frobnicate\n", "x"), GherkinError);
}

// Every feature file of the TCK reads, when the TCK is there.
TEST(TckReader, ReadsTheWholeTck) {
  namespace fs = std::filesystem;
  const fs::path features = fs::path(JURIGRAPH_TCK_DIR) / "features";
  if (!fs::is_directory(features))
    GTEST_SKIP() << "openCypher TCK not found at " << JURIGRAPH_TCK_DIR;
  std::size_t files = 0, scenarios = 0;
  for (const auto& entry : fs::recursive_directory_iterator(features)) {
    if (entry.path().extension() != ".feature")
      continue;
    ++files;
    Feature f;
    ASSERT_NO_THROW(f = read_feature(entry.path().string(), entry.path().string()));
    for (const Scenario& s : f.scenarios) {
      ++scenarios;
      const TestCase tc = interpret(s);
      EXPECT_NE(tc.expect, Expectation::none) << entry.path() << ":" << s.line;
    }
  }
  EXPECT_GT(files, 100u);
  EXPECT_GT(scenarios, 1000u);
}

}  // namespace
}  // namespace jurigraph::tck
