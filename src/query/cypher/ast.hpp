// The abstract syntax tree of a read-only openCypher query, as the parser produces it and the
// binder consumes it.
//
// Ownership: a tree of values. Each node owns its children: sub-expressions through
// `ExprPtr` (std::unique_ptr<Expression>, never null unless the field says "or null"), lists
// through std::vector. Nothing is shared and nothing points upward, so a Query is movable and
// freed in one go.
//
// Positions: every node carries `pos`, the byte offset of its first character in the query
// text (`Query::text`); an Expression also carries `end`, the offset just past its last
// character, so [pos, end) is its source text. Turn an offset into `origin:line:col` with
// query_error() (query_error.hpp), which counts columns in code points.
//
// Expressions are one struct, `Expression`, holding its position and a std::variant of node
// structs (IntegerLiteral, BinaryExpr, …): visit them with std::visit or test one alternative
// with `as<T>()`. Names keep their spelling as written (`n.Name` and `n.name` differ); keywords
// and function names are case-insensitive, so function names are kept as written and the
// binder folds them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace jurigraph::query::cypher {

struct Expression;
using ExprPtr = std::unique_ptr<Expression>;
struct SingleQuery;

// A name as written (backticks removed): a variable, label, relationship type or property key.
struct Name {
  std::string text;
  uint32_t pos = 0;
};

// ---------------------------------------------------------------------------------------------
// Patterns

// `(n:Label:Other {key: value})` or `(n $props)`; every part is optional: `()`.
struct NodePattern {
  uint32_t pos = 0;  // the '('
  std::optional<Name> variable;
  std::vector<Name> labels;  // all must hold (conjunction)
  ExprPtr properties;        // a MapLiteral or a Parameter expression, or null
};

enum class Direction : uint8_t {
  outgoing,    // (a)-->(b), (a)-[]->(b): from the left node to the right one
  incoming,    // (a)<--(b), (a)<-[]-(b): from the right node to the left one
  undirected,  // (a)--(b), (a)-[]-(b), and <--> (either direction)
};

// `*`, `*n`, `*m..n`, `*m..`, `*..n` on a relationship. A missing lower bound means 1 (Cypher's
// default), a missing upper bound means unbounded; `*n` sets both to n.
struct VariableLength {
  uint32_t pos = 0;  // the '*'
  std::optional<int64_t> min;
  std::optional<int64_t> max;
};

// `-[r:T1|T2*1..3 {key: value}]->` or a short form `-->`, `<--`, `--`.
struct RelationshipPattern {
  uint32_t pos = 0;  // the first character: '-' or '<'
  Direction direction = Direction::undirected;
  std::optional<Name> variable;
  std::vector<Name> types;  // alternatives (any of them); empty means any type
  std::optional<VariableLength> length;
  ExprPtr properties;  // a MapLiteral or a Parameter expression, or null
};

// A chain of nodes and relationships: nodes.size() == relationships.size() + 1, and
// relationships[i] links nodes[i] (on its left in the text) to nodes[i + 1].
struct PatternElement {
  uint32_t pos = 0;
  std::vector<NodePattern> nodes;
  std::vector<RelationshipPattern> relationships;
};

enum class PathSelector : uint8_t {
  all_paths,     // a plain pattern: every match
  shortest,      // shortestPath(…)
  all_shortest,  // allShortestPaths(…)
};

// One comma-separated part of a MATCH or CREATE pattern: `p = shortestPath((a)-[*]->(b))`.
struct PatternPart {
  uint32_t pos = 0;
  std::optional<Name> path_variable;  // `p =`
  PathSelector selector = PathSelector::all_paths;
  PatternElement element;
};

// ---------------------------------------------------------------------------------------------
// Expressions

struct NullLiteral {};
struct BoolLiteral {
  bool value = false;
};
// In range by construction: the parser rejects literals that do not fit (IntegerOverflow), and
// folds a leading '-' into the literal so that -9223372036854775808 is representable.
struct IntegerLiteral {
  int64_t value = 0;
};
struct FloatLiteral {
  double value = 0;
};
struct StringLiteral {
  std::string value;  // escapes decoded, UTF-8
};
struct ListLiteral {
  std::vector<ExprPtr> items;
};
struct MapEntry {
  Name key;
  ExprPtr value;
};
// `{key: value, …}`, entries in the written order; a duplicate key is the binder's business.
struct MapLiteral {
  std::vector<MapEntry> entries;
};
struct Parameter {
  std::string name;  // without '$'; may be all digits ($1)
};
struct Variable {
  std::string name;
};
// `object.key`
struct PropertyAccess {
  ExprPtr object;
  Name key;
};
// `object[index]`: a list element or a map value by a computed key.
struct Subscript {
  ExprPtr object;
  ExprPtr index;
};
// `object[from..to]`; either bound may be omitted (`[..2]`, `[1..]`).
struct Slice {
  ExprPtr object;
  ExprPtr from;  // or null
  ExprPtr to;    // or null
};
// `name(args)`, `count(DISTINCT x)`, `date.truncate('month', d)`. `count(*)` is CountStar.
struct FunctionCall {
  std::string name;  // as written, namespaces joined by '.': "date.truncate"
  bool distinct = false;
  std::vector<ExprPtr> args;
};
struct CountStar {};

enum class UnaryOp : uint8_t { logical_not, negate, plus };
struct UnaryExpr {
  UnaryOp op = UnaryOp::logical_not;
  ExprPtr operand;
};

enum class BinaryOp : uint8_t {
  logical_or,
  logical_xor,
  logical_and,
  add,
  subtract,
  multiply,
  divide,
  modulo,
  power,
  in,           // element IN list
  starts_with,  // STARTS WITH
  ends_with,    // ENDS WITH
  contains,     // CONTAINS
  regex_match,  // =~
};
struct BinaryExpr {
  BinaryOp op = BinaryOp::add;
  uint32_t op_pos = 0;  // the operator, for "cannot add a string and a node" errors
  ExprPtr left;
  ExprPtr right;
};

enum class ComparisonOp : uint8_t { equal, not_equal, less, greater, less_equal, greater_equal };
struct ComparisonStep {
  ComparisonOp op = ComparisonOp::equal;
  uint32_t op_pos = 0;
  ExprPtr operand;
};
// `a < b`, or a chain `a < b <= c` meaning `a < b AND b <= c` with b evaluated once (openCypher).
struct ComparisonChain {
  ExprPtr first;
  std::vector<ComparisonStep> rest;  // at least one step
};

// `x IS NULL`, `x IS NOT NULL`
struct IsNull {
  ExprPtr operand;
  bool negated = false;  // IS NOT NULL
};

// `n:Label:Other`: true when the node has every label (or the relationship has the type).
struct HasLabels {
  ExprPtr operand;
  std::vector<Name> labels;
};

// A relationship pattern used as a boolean: `WHERE (a)-[:T]->()` is true when it has a match.
// As openCypher 9 requires, the parser refuses it as a projection item (`RETURN (a)-->()`) and
// as the argument of size(); elsewhere the binder decides whether a boolean is expected.
struct PatternPredicate {
  PatternElement pattern;  // at least one relationship
};

struct CaseAlternative {
  ExprPtr when;
  ExprPtr then;
};
// Simple `CASE x WHEN 1 THEN … ELSE … END` (subject set) or searched `CASE WHEN cond THEN … END`.
struct CaseExpr {
  ExprPtr subject;                            // null for the searched form
  std::vector<CaseAlternative> alternatives;  // at least one
  ExprPtr otherwise;                          // ELSE, or null (then null)
};

// `[x IN list WHERE pred | projection]`
struct ListComprehension {
  Name variable;
  ExprPtr list;
  ExprPtr where;       // or null
  ExprPtr projection;  // or null: the element itself
};

// `[p = (a)-->(b) WHERE pred | projection]`
struct PatternComprehension {
  std::optional<Name> path_variable;
  PatternElement pattern;
  ExprPtr where;       // or null
  ExprPtr projection;  // never null (the grammar requires '|')
};

enum class QuantifierKind : uint8_t { all, any, none, single };
// `all(x IN list WHERE pred)`, any, none, single.
struct Quantifier {
  QuantifierKind kind = QuantifierKind::all;
  Name variable;
  ExprPtr list;
  ExprPtr where;  // or null (openCypher allows it; every element then counts as true)
};

// `EXISTS { (a)-->(b) WHERE pred }` or `EXISTS { MATCH … [WITH …] [RETURN …] }`: true when the
// subquery has a row. The short form is stored as its equivalent single MATCH clause. The
// subquery may use the variables of the enclosing query; its RETURN is optional.
struct ExistsSubquery {
  std::unique_ptr<SingleQuery> query;  // never null
};

using ExpressionNode =
    std::variant<NullLiteral, BoolLiteral, IntegerLiteral, FloatLiteral, StringLiteral, ListLiteral,
                 MapLiteral, Parameter, Variable, PropertyAccess, Subscript, Slice, FunctionCall,
                 CountStar, UnaryExpr, BinaryExpr, ComparisonChain, IsNull, HasLabels,
                 PatternPredicate, CaseExpr, ListComprehension, PatternComprehension, Quantifier,
                 ExistsSubquery>;

struct Expression {
  uint32_t pos = 0;  // first character
  uint32_t end = 0;  // just past the last character
  ExpressionNode node;

  template <class T>
  const T* as() const {
    return std::get_if<T>(&node);
  }
  template <class T>
  T* as() {
    return std::get_if<T>(&node);
  }
};

// ---------------------------------------------------------------------------------------------
// Clauses

// `[OPTIONAL] MATCH part, part… [WHERE pred]`
struct Match {
  uint32_t pos = 0;  // OPTIONAL or MATCH
  bool optional = false;
  std::vector<PatternPart> pattern;
  ExprPtr where;  // or null
};

// `UNWIND list AS variable`
struct Unwind {
  uint32_t pos = 0;
  ExprPtr list;
  Name variable;
};

// One column of WITH or RETURN: `expression [AS alias]`.
struct ProjectionItem {
  uint32_t pos = 0;
  ExprPtr expression;
  std::optional<Name> alias;
  // The expression's source text as written (trimmed), which Neo4j uses as the column name of
  // an item without alias: `RETURN n.name` has a column "n.name". For a bare variable, its name
  // without backticks: RETURN `a b` has a column "a b".
  std::string text;

  const std::string& column_name() const { return alias ? alias->text : text; }
};

enum class SortDirection : uint8_t { ascending, descending };
struct SortItem {
  uint32_t pos = 0;
  ExprPtr expression;
  SortDirection direction = SortDirection::ascending;
};

// What WITH and RETURN share: `[DISTINCT] *, items [ORDER BY …] [SKIP n] [LIMIT n]`.
struct Projection {
  bool distinct = false;
  bool star = false;  // `*`: every variable in scope, before `items`
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;   // or null
  ExprPtr limit;  // or null
};

// `WITH projection [WHERE pred]`
struct With {
  uint32_t pos = 0;
  Projection projection;
  ExprPtr where;  // or null
};

struct Return {
  uint32_t pos = 0;
  Projection projection;
};

// `CREATE part, part…`: only with ParseOptions::allow_create, for loading test fixtures.
struct Create {
  uint32_t pos = 0;
  std::vector<PatternPart> pattern;
};

using Clause = std::variant<Match, Unwind, With, Return, Create>;

// The clauses of one query between UNIONs, in order. Unless CREATE is allowed, the last is a
// Return and no other is.
struct SingleQuery {
  uint32_t pos = 0;
  std::vector<Clause> clauses;
};

struct Query {
  std::string origin;  // shown in errors: a file name or "query"
  std::string text;    // the query as given; every `pos` is an offset into it
  // One part, or several joined by UNION (union_all false) or UNION ALL (true); mixing both is
  // a parse error.
  std::vector<SingleQuery> parts;
  bool union_all = false;
};

// "+", "STARTS WITH", "<=": the operator as written in Cypher.
const char* spelling(UnaryOp op);
const char* spelling(BinaryOp op);
const char* spelling(ComparisonOp op);
const char* spelling(QuantifierKind kind);

}  // namespace jurigraph::query::cypher
