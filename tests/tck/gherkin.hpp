// A reader for the small part of Gherkin that the openCypher TCK uses (Feature, Background,
// Scenario, Scenario Outline with Examples, tags, steps with a """doc string""" or a | table |),
// and the interpretation of the TCK's step sentences into a test case: the graph to start from,
// the set-up queries, the parameters, the query, and what should come out.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jurigraph::tck {

// A malformed feature file: `file:line: message`.
class GherkinError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using Table = std::vector<std::vector<std::string>>;  // rows of trimmed, unescaped cells

struct Step {
  int line = 0;
  std::string keyword;  // Given, When, Then, And, But, *
  std::string text;     // the sentence after the keyword
  std::optional<std::string> doc_string;
  Table table;  // empty when the step has none
};

// One concrete scenario: a plain Scenario, or one Examples row of a Scenario Outline with its
// <placeholders> substituted (in the name, the steps, their doc strings and tables).
struct Scenario {
  std::string name;
  int line = 0;          // the Scenario line, or for an outline the Examples row
  int outline_line = 0;  // the Scenario Outline line; 0 for a plain scenario
  std::vector<std::string> tags;
  std::vector<Step> steps;  // Background steps first
};

struct Feature {
  std::string path;  // as given to read_feature
  std::string name;
  std::vector<Scenario> scenarios;
};

// Parses a feature file's text. `path` is used in error messages and kept in the result.
Feature parse_feature(std::string_view text, const std::string& path);
// Reads and parses a file; throws GherkinError when it cannot be read.
Feature read_feature(const std::string& file, const std::string& path);

// ---------------------------------------------------------------------------------------------
// The TCK's step sentences.

enum class GraphKind { empty, any, named };
enum class Expectation {
  none,   // no Then step understood
  rows,   // a table of rows (any order or in order)
  empty,  // "the result should be empty"
  error,  // "a <Type> should be raised at <phase>: <detail>"
};

struct TestCase {
  GraphKind graph = GraphKind::empty;
  std::string graph_name;                  // for GraphKind::named: binary-tree-1, …
  std::vector<std::string> setup_queries;  // "having executed:", in order
  Table parameters;                        // rows of two cells: name, value
  std::string query;
  bool control_query = false;  // "When executing control query:"
  Expectation expect = Expectation::none;
  bool in_order = false;
  bool ignore_list_order = false;
  Table expected;  // header row then value rows (Expectation::rows)
  int expected_line = 0;
  std::string error_type;             // SyntaxError, TypeError, …
  std::string error_phase;            // compile time, runtime, any time
  std::string error_detail;           // InvalidArgumentType, …
  bool side_effects_checked = false;  // "no side effects" or a side-effects table (ignored)
  // Steps the runner does not understand; the scenario cannot run when this is not empty.
  std::vector<std::string> unsupported_steps;
};

TestCase interpret(const Scenario& scenario);

}  // namespace jurigraph::tck
