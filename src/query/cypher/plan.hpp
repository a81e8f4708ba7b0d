// The bound form of a query, which the binder produces and the executor runs: expressions with
// variables resolved to row slots, labels and types to ids and parameters to constants; MATCH
// patterns with the planner's steps; projections with their aggregates.
//
// A row is a std::vector<Value> with one slot per variable of the single query (hidden slots
// for anonymous pattern elements and comprehension variables too). Clauses write their own
// slots in place, so a row flows through the pipeline without being rebuilt.
//
// Plans hold scratch space for the executor (property values of the current input row, the
// relationships used by the current match, DFS and BFS stacks) so that the hot loops reuse
// memory instead of allocating. A plan is run by one thread and never re-entered: a pattern
// inside an expression has its own plan.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "query/cypher/ast.hpp"
#include "query/cypher/property_graph.hpp"
#include "query/cypher/value.hpp"

namespace jurigraph::query::cypher::exec {

using Row = std::vector<Value>;
using Slot = uint32_t;
inline constexpr Slot kNoSlot = UINT32_MAX;
inline constexpr uint32_t kUnbounded = UINT32_MAX;

struct FunctionDef;
struct MatchPlan;
struct BfsScratch;  // shortest_path.cpp

enum class ExprKind : uint8_t {
  constant,               // `constant`: literals, parameters, constant lists and maps
  variable,               // row[slot]
  property,               // args[0].key
  subscript,              // args[0][args[1]]
  slice,                  // args[0][args[1]..args[2]]; a missing bound is a null constant with flag
  list,                   // [args…]
  map,                    // {keys[i]: args[i]}
  function,               // function(args…)
  aggregate,              // the value of aggregate number `index` in the current group
  negate,                 // -args[0]
  logical_not,            // NOT args[0]
  logical_and,            // args[0] AND args[1]
  logical_or,             // args[0] OR args[1]
  logical_xor,            // args[0] XOR args[1]
  arithmetic,             // args[0] op args[1], op a BinaryOp from add to power
  string_match,           // STARTS WITH, ENDS WITH, CONTAINS (op)
  regex_match,            // args[0] =~ args[1]
  in_list,                // args[0] IN args[1]
  comparison,             // args[0] comparisons[0] args[1] comparisons[1] args[2] …
  is_null,                // args[0] IS NULL, or IS NOT NULL when `flag`
  has_labels,             // args[0]:labels…
  pattern_exists,         // `pattern` has at least one match
  case_expr,              // args: [subject if flag] when0 then0 when1 then1 … [else if has_else]
  list_comprehension,     // [x IN args[0] WHERE args[1] | args[2]], x in `slot`
  pattern_comprehension,  // [pattern WHERE args[0] | args[1]]
  quantifier,             // op QuantifierKind: all/any/none/single(x IN args[0] WHERE args[1])
};

// `n:L`: a name is a label for nodes and a type for relationships (Neo4j 5 allows both).
struct LabelTest {
  std::optional<LabelId> label;
  std::optional<TypeId> type;
};

// The compiled regex of the last right-hand side seen by one =~ (usually a constant). Defined,
// made and deleted in regex_cache.cpp, so that RE2's header stays out of the dozen files that
// include this one.
struct RegexCache;
struct RegexCacheDelete {
  void operator()(RegexCache* cache) const;
};
using RegexCachePtr = std::unique_ptr<RegexCache, RegexCacheDelete>;
RegexCachePtr make_regex_cache();

struct BoundExpr {
  ExprKind kind = ExprKind::constant;
  uint8_t op = 0;               // BinaryOp, QuantifierKind, per kind
  bool flag = false;            // is_null: IS NOT NULL; case_expr: has a subject; slice: see below
  bool has_else = false;        // case_expr
  bool has_where = false;       // comprehensions and quantifiers: args[1] (or [0]) is a WHERE
  bool has_projection = false;  // list comprehension: the `| projection`
  bool has_from = false, has_to = false;  // slice bounds
  uint32_t pos = 0;                       // the expression, for errors
  uint32_t op_pos = 0;                    // the operator, for errors of binary operators
  Slot slot = kNoSlot;  // variable; the element variable of comprehensions and quantifiers
  uint32_t index = 0;   // aggregate number
  Value constant;
  std::string key;                // property key; the variable's name for variable
  std::vector<std::string> keys;  // map literal
  std::vector<BoundExpr> args;
  std::vector<ComparisonOp> comparisons;
  std::vector<LabelTest> labels;
  const FunctionDef* function = nullptr;
  std::unique_ptr<MatchPlan> pattern;  // pattern_exists, pattern_comprehension
  RegexCachePtr regex;                 // regex_match
};

// ---------------------------------------------------------------------------------------------
// Patterns

// `{key: value}` in a pattern whose value does not depend on the MATCH itself: evaluated once
// per input row, before matching.
struct PropertyTest {
  std::string key;
  BoundExpr value;
};

struct NodeSpec {
  uint32_t pos = 0;
  Slot slot = kNoSlot;
  std::string name;         // empty when anonymous
  bool prebound = false;    // bound by an earlier clause (or the enclosing query of a pattern)
  bool impossible = false;  // an unknown label in non-strict mode: matches nothing
  std::vector<LabelId> labels;
  std::vector<PropertyTest> properties;
  std::vector<Value> values;  // scratch: `properties` evaluated for the current input row
};

struct RelSpec {
  uint32_t pos = 0;
  Slot slot = kNoSlot;
  std::string name;
  bool prebound = false;
  bool impossible = false;  // only unknown types in non-strict mode
  Direction direction = Direction::undirected;
  std::vector<TypeId> types;  // any of them; empty: any type
  std::vector<PropertyTest> properties;
  std::vector<Value> values;
  bool var_length = false;
  uint32_t min = 1, max = 1;  // hops; max kUnbounded
  bool bind_list = false;     // var-length: the list is needed (a named variable)
  // An anonymous var-length relationship in a named path: the step whose trail the path reads.
  uint32_t var_step = UINT32_MAX;
};

struct PartSpec {
  uint32_t pos = 0;
  PathSelector selector = PathSelector::all_paths;
  Slot path_slot = kNoSlot;
  uint32_t first_node = 0;  // nodes first_node … first_node + length
  uint32_t first_rel = 0;   // relationships first_rel … first_rel + length - 1
  uint32_t length = 0;
};

enum class StepKind : uint8_t { start, expand, var_expand, shortest, build_path, filter };
enum class StartKind : uint8_t { bound, by_id, by_label, all };

// One step of the planned match. `from` and `to` are node indexes, `rel` a relationship index;
// `forward` means the step walks the pattern from left to right.
struct Step {
  StepKind kind = StepKind::start;
  uint32_t from = 0, rel = 0, to = 0, part = 0;
  bool forward = true;
  bool to_bound = false;  // `to` is bound already (earlier clause or step): check, not bind
  bool rel_bound = false;
  // Every relationship of the step's types has, at the far end, the labels `to` asks for (the
  // graph's exact counts say so): the matcher skips the label test, a memory read per candidate.
  bool to_labels_implied = false;
  // expand: a later step expands from `to` in this direction (the matcher fetches candidates'
  // rows ahead), and which step that is when it is a plain expansion (its candidates' rows are
  // fetched ahead too).
  bool prefetch_out = false, prefetch_in = false;
  uint32_t next_expand = UINT32_MAX;
  StartKind start = StartKind::all;
  std::optional<LabelId> label;  // by_label; by_id's fallback when the graph has no index
  uint32_t id_property = 0;      // by_id: index in the node's properties
  const BoundExpr* filter = nullptr;
  uint32_t pos = 0;
  // Scratch.
  std::vector<NodeId> candidates;
  struct Frame {
    NodeId node;
    uint32_t next;  // position in the adjacency: out-edges first, then in-edges
  };
  std::vector<Frame> frames;
  std::vector<RelId> trail;
  std::shared_ptr<BfsScratch> bfs;  // shortest: made on first use
  // expand, when the plan has no trail_bitmap: the relationships (indexes) bound by earlier
  // steps that may be the one this step binds (their types overlap).
  std::vector<uint32_t> conflicts;
};

struct MatchPlan {
  uint32_t pos = 0;
  std::vector<NodeSpec> nodes;
  std::vector<RelSpec> rels;
  std::vector<PartSpec> parts;
  // WHERE split at AND, plus property entries that depend on the match; each with the slots it
  // reads, which the planner uses to run it as early as possible.
  std::vector<BoundExpr> predicates;
  std::vector<std::vector<Slot>> predicate_slots;
  std::vector<Step> steps;
  std::vector<Slot> bound_slots;  // every slot the match sets (OPTIONAL MATCH nulls them)
  // Uniqueness of relationships. With variable-length or shortest-path steps (trails of any
  // length): `used`, the relationships of the current match by id. Otherwise each relationship
  // is compared with the few earlier ones in its step's `conflicts`, read from `rel_ids`.
  bool trail_bitmap = true;
  std::vector<uint8_t> used;   // scratch, by relationship id
  bool used_counted = false;   // `used` counted against --max-memory (by the first var_expand)
  std::vector<RelId> rel_ids;  // scratch, by relationship index: the current match's
};

// ---------------------------------------------------------------------------------------------
// Clauses

enum class AggregateKind : uint8_t {
  count,
  sum,
  avg,
  min,
  max,
  collect,
  percentile_cont,
  percentile_disc
};

struct AggregateSpec {
  AggregateKind kind = AggregateKind::count;
  bool distinct = false;
  bool star = false;  // count(*)
  BoundExpr arg;
  BoundExpr percentile;  // percentileCont and percentileDisc: the second argument
  uint32_t pos = 0;
};

struct SortKey {
  BoundExpr expr;
  bool descending = false;
};

// WITH or RETURN: project (or aggregate), DISTINCT, ORDER BY, SKIP, LIMIT, then WITH's WHERE.
struct ProjectionPlan {
  uint32_t pos = 0;
  bool is_return = false;
  std::vector<BoundExpr> items;
  std::vector<Slot> slots;     // where each item goes
  std::vector<bool> grouping;  // aggregating projections: the item is a grouping key
  bool aggregating = false;
  bool distinct = false;
  std::vector<AggregateSpec> aggregates;
  std::vector<SortKey> order_by;
  uint32_t order_pos = 0;
  uint64_t skip = 0;
  std::optional<uint64_t> limit;
  std::optional<BoundExpr> where;
};

struct MatchClausePlan {
  std::unique_ptr<MatchPlan> plan;
  bool optional = false;
};

struct UnwindPlan {
  uint32_t pos = 0;
  BoundExpr list;
  Slot slot = kNoSlot;
};

using ClausePlan = std::variant<MatchClausePlan, UnwindPlan, ProjectionPlan>;

struct SingleQueryPlan {
  uint32_t pos = 0;
  uint32_t width = 0;  // slots per row
  std::vector<ClausePlan> clauses;
  std::vector<std::string> columns;
  Slot first_column = 0;  // RETURN's items are in consecutive slots
  bool ordered = false;
};

struct QueryPlan {
  std::vector<SingleQueryPlan> parts;
  bool union_all = false;
};

}  // namespace jurigraph::query::cypher::exec
