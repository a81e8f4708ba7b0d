// The Binder class, shared by binder.cpp (queries, clauses, projections), bind_pattern.cpp
// (patterns) and bind_expression.cpp (expressions).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "query/cypher/binder.hpp"
#include "query/cypher/exec_context.hpp"

namespace jurigraph::query::cypher::exec {

// One comma-separated part of a pattern, whether from MATCH or from an expression.
struct PartView {
  uint32_t pos = 0;
  const std::optional<Name>* path_variable = nullptr;
  PathSelector selector = PathSelector::all_paths;
  const PatternElement* element = nullptr;
};

class Binder {
 public:
  Binder(const Query& q, const PropertyGraph& g, const Parameters& params,
         const QueryLimits& limits);

  QueryPlan bind();

 private:
  // What a variable is known to hold: `value` when it may be anything (a WITH of a property
  // may give a node), `list` and `scalar` when a projection shows it is no node, relationship
  // or path (a list may still hold relationships, for `-[rs*]->`).
  enum class VarKind : uint8_t { value, node, relationship, relationships, path, list, scalar };
  struct Var {
    std::string name;
    Slot slot = kNoSlot;
    VarKind kind = VarKind::value;
    std::string what;  // list and scalar: "an INTEGER", "a LIST", for messages
  };

  [[noreturn]] void fail(uint32_t pos, std::string message) const;
  std::string_view source(const Expression& e) const;

  // Scope. Lookups record the slot read into `reads_` when it is set.
  const Var* lookup(std::string_view name);
  Slot new_slot() { return next_slot_++; }

  // binder.cpp
  SingleQueryPlan single_query(const SingleQuery& q);
  MatchClausePlan match_clause(const Match& m);
  UnwindPlan unwind_clause(const Unwind& u);
  ProjectionPlan projection(const Projection& p, uint32_t pos, bool is_return,
                            const Expression* where, std::vector<std::string>& columns);
  uint64_t constant_count(const Expression& e, const char* what);
  // An item with an aggregate may read, beside its aggregates, only grouping keys that are
  // variables or property accesses (`n`, `n.x`): anything else is ambiguous.
  void check_grouping(const Expression& e, std::span<const std::string> keys,
                      std::vector<std::string>& locals) const;
  // What a projected expression is known to be: its kind and, when known, its type.
  static std::pair<VarKind, std::string> kind_of(const BoundExpr& b);

  // bind_pattern.cpp
  std::unique_ptr<MatchPlan> pattern(std::span<const PartView> parts, const Expression* where,
                                     uint32_t pos);
  std::optional<LabelId> resolve_label(const Name& n);
  std::optional<TypeId> resolve_type(const Name& n);

  // bind_expression.cpp
  BoundExpr expression(const Expression& e);
  BoundExpr function_call(const Expression& e, const FunctionCall& f);
  BoundExpr aggregate(const Expression& e, AggregateKind kind, bool distinct, const Expression* arg,
                      const Expression* percentile);
  BoundExpr has_labels(const Expression& e, const HasLabels& h);
  BoundExpr comprehension_variable(const Name& variable, const Expression& list,
                                   const Expression* where, const Expression* projection,
                                   ExprKind kind, uint32_t pos, uint8_t op);
  BoundExpr pattern_expression(const Expression& e, const PatternElement& element,
                               const std::optional<Name>* path_variable, const Expression* where,
                               const Expression* projection);
  // Folds an expression whose operands are all constants (function calls on literals such as
  // date('2018-05-25') in a WHERE); keeps it as it is when evaluating it fails.
  void fold(BoundExpr& e);

  const Query& q_;
  const PropertyGraph& g_;
  const Parameters& params_;
  const QueryLimits& limits_;
  ExecContext fold_ctx_;  // for constant folding

  std::vector<Var> scope_;
  Slot next_slot_ = 0;
  std::vector<Slot>* reads_ = nullptr;
  // Where aggregation is allowed: the list of the projection being bound; elsewhere null, and
  // `no_aggregation_` says where we are ("in WHERE").
  std::vector<AggregateSpec>* aggregates_ = nullptr;
  std::string no_aggregation_ = "here";
  // While SKIP or LIMIT is bound ("SKIP"): the scope hidden from it, to say why a variable of
  // the query cannot be used there rather than that it is not defined.
  const char* constant_clause_ = nullptr;
  const std::vector<Var>* hidden_scope_ = nullptr;
  // In ORDER BY and WITH's WHERE: an expression written like a projection item (other than a
  // plain variable) stands for that item's value, e.g. `RETURN n.age, count(*) ORDER BY
  // n.age + count(*)`. Not applied inside comprehensions and patterns, where names may differ.
  std::vector<std::pair<std::string, Slot>> substitutions_;
};

bool is_aggregate_function(std::string_view lower_name);

// Cypher keywords and function names compare case-insensitively.
std::string lower(std::string_view s);

// The candidate nearest to `name` by edit distance (case-insensitive), when near enough to be a
// plausible typo.
std::optional<std::string> nearest(std::string_view name, std::span<const std::string> candidates);

}  // namespace jurigraph::query::cypher::exec
