// Queries, clauses and projections (WITH, RETURN): scoping, columns, grouping keys, ORDER BY,
// SKIP and LIMIT.
#include <algorithm>
#include <cctype>

#include "base/fold.hpp"
#include "query/cypher/binder_internal.hpp"
#include "query/cypher/expression_eval.hpp"
#include "query/cypher/query_error.hpp"

namespace jurigraph::query::cypher::exec {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// Calls f on each direct sub-expression of `e` (patterns excluded).
template <class F>
void for_each_child(const Expression& e, F&& f) {
  const auto each = [&](const ExprPtr& x) {
    if (x)
      f(*x);
  };
  if (const auto* x = e.as<FunctionCall>()) {
    for (const ExprPtr& a : x->args)
      each(a);
  } else if (const auto* x = e.as<PropertyAccess>()) {
    each(x->object);
  } else if (const auto* x = e.as<ListLiteral>()) {
    for (const ExprPtr& item : x->items)
      each(item);
  } else if (const auto* x = e.as<MapLiteral>()) {
    for (const MapEntry& entry : x->entries)
      each(entry.value);
  } else if (const auto* x = e.as<Subscript>()) {
    each(x->object);
    each(x->index);
  } else if (const auto* x = e.as<Slice>()) {
    each(x->object);
    each(x->from);
    each(x->to);
  } else if (const auto* x = e.as<UnaryExpr>()) {
    each(x->operand);
  } else if (const auto* x = e.as<BinaryExpr>()) {
    each(x->left);
    each(x->right);
  } else if (const auto* x = e.as<ComparisonChain>()) {
    each(x->first);
    for (const ComparisonStep& step : x->rest)
      each(step.operand);
  } else if (const auto* x = e.as<IsNull>()) {
    each(x->operand);
  } else if (const auto* x = e.as<HasLabels>()) {
    each(x->operand);
  } else if (const auto* x = e.as<CaseExpr>()) {
    each(x->subject);
    for (const CaseAlternative& alt : x->alternatives) {
      each(alt.when);
      each(alt.then);
    }
    each(x->otherwise);
  } else if (const auto* x = e.as<ListComprehension>()) {
    each(x->list);
    each(x->where);
    each(x->projection);
  } else if (const auto* x = e.as<Quantifier>()) {
    each(x->list);
    each(x->where);
  }
}

bool contains_aggregate(const Expression& e) {
  if (e.as<CountStar>())
    return true;
  if (const auto* f = e.as<FunctionCall>(); f && is_aggregate_function(lower(f->name)))
    return true;
  bool found = false;
  for_each_child(e, [&](const Expression& child) { found = found || contains_aggregate(child); });
  return found;
}

// `n` or `n.x`: the grouping keys an expression with an aggregate may use.
bool simple_key(const Expression& e) {
  if (e.as<Variable>())
    return true;
  const auto* p = e.as<PropertyAccess>();
  return p && p->object->as<Variable>();
}

}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<std::string> nearest(std::string_view name, std::span<const std::string> candidates) {
  const std::string folded = lower(name);
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(folded, lower(c));
    if (!best || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // A typo is a couple of edits away, and never the whole name.
  if (!best || best_distance > 2 || best_distance >= folded.size())
    return std::nullopt;
  return best;
}

QueryPlan bind(const Query& q, const PropertyGraph& g, const Parameters& params,
               const QueryLimits& limits) {
  return Binder(q, g, params, limits).bind();
}

Binder::Binder(const Query& q, const PropertyGraph& g, const Parameters& params,
               const QueryLimits& limits)
    : q_(q), g_(g), params_(params), limits_(limits), fold_ctx_(g, q, limits) {}

void Binder::fail(uint32_t pos, std::string message) const {
  throw query_error(q_.text, q_.origin, pos, std::move(message));
}

std::string_view Binder::source(const Expression& e) const {
  return std::string_view(q_.text).substr(e.pos, e.end - e.pos);
}

const Binder::Var* Binder::lookup(std::string_view name) {
  // The innermost first. (Not std::views::reverse: clang 14 cannot compile libstdc++ 12's.)
  const auto it =
      std::find_if(scope_.rbegin(), scope_.rend(), [&](const Var& v) { return v.name == name; });
  if (it == scope_.rend())
    return nullptr;
  if (reads_)
    reads_->push_back(it->slot);
  return &*it;
}

QueryPlan Binder::bind() {
  QueryPlan plan;
  plan.union_all = q_.union_all;
  for (const SingleQuery& part : q_.parts)
    plan.parts.push_back(single_query(part));
  for (std::size_t i = 1; i < plan.parts.size(); ++i) {
    if (plan.parts[i].columns != plan.parts[0].columns)
      fail(q_.parts[i].pos,
           "every part of a UNION must return the same columns, in the same order");
  }
  return plan;
}

SingleQueryPlan Binder::single_query(const SingleQuery& q) {
  scope_.clear();
  next_slot_ = 0;
  SingleQueryPlan plan;
  plan.pos = q.pos;
  for (const Clause& clause : q.clauses) {
    std::visit(Overloaded{
                   [&](const Match& m) { plan.clauses.emplace_back(match_clause(m)); },
                   [&](const Unwind& u) { plan.clauses.emplace_back(unwind_clause(u)); },
                   [&](const With& w) {
                     std::vector<std::string> columns;
                     plan.clauses.emplace_back(
                         projection(w.projection, w.pos, false, w.where.get(), columns));
                   },
                   [&](const Return& r) {
                     ProjectionPlan p =
                         projection(r.projection, r.pos, true, nullptr, plan.columns);
                     plan.first_column = p.slots.empty() ? 0 : p.slots.front();
                     plan.ordered = !p.order_by.empty();
                     plan.clauses.emplace_back(std::move(p));
                   },
                   [&](const Create& c) {
                     fail(c.pos, "the query engine is read-only: CREATE is not supported");
                   },
               },
               clause);
  }
  plan.width = next_slot_;
  return plan;
}

MatchClausePlan Binder::match_clause(const Match& m) {
  std::vector<PartView> views;
  for (const PatternPart& part : m.pattern)
    views.push_back({part.pos, &part.path_variable, part.selector, &part.element});
  MatchClausePlan plan;
  plan.optional = m.optional;
  plan.plan = pattern(views, m.where.get(), m.pos);
  return plan;
}

UnwindPlan Binder::unwind_clause(const Unwind& u) {
  UnwindPlan plan;
  plan.pos = u.pos;
  aggregates_ = nullptr;
  no_aggregation_ = "in UNWIND";
  plan.list = expression(*u.list);
  if (lookup(u.variable.text))
    fail(u.variable.pos, "variable '" + u.variable.text + "' is already defined");
  plan.slot = new_slot();
  scope_.push_back({u.variable.text, plan.slot, VarKind::value, {}});
  return plan;
}

ProjectionPlan Binder::projection(const Projection& p, uint32_t pos, bool is_return,
                                  const Expression* where, std::vector<std::string>& columns) {
  const char* clause = is_return ? "RETURN" : "WITH";
  ProjectionPlan plan;
  plan.pos = pos;
  plan.is_return = is_return;
  plan.distinct = p.distinct;

  // The items: `*` first (every named variable, by name, as Neo4j orders them), then those
  // written.
  struct Item {
    std::string name;
    std::string text;  // as written, for ORDER BY's matching
    uint32_t pos = 0;
    const Expression* expression = nullptr;  // null for an item of `*`
    Var star;
  };
  std::vector<Item> items;
  if (p.star) {
    std::vector<Var> vars;
    for (const Var& v : scope_) {
      if (!v.name.empty())
        vars.push_back(v);
    }
    std::sort(vars.begin(), vars.end(), [](const Var& a, const Var& b) { return a.name < b.name; });
    if (vars.empty())
      fail(pos, std::string(clause) + " * needs at least one variable in scope");
    for (const Var& v : vars)
      items.push_back({v.name, v.name, pos, nullptr, v});
  }
  for (const ProjectionItem& item : p.items) {
    if (!is_return && !item.alias && !item.expression->as<Variable>())
      fail(item.pos, "expression in WITH must be aliased (use AS)");
    items.push_back({item.column_name(), item.text, item.pos, item.expression.get(), {}});
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (items[i].name == items[j].name)
        fail(items[i].pos,
             "multiple columns are named '" + items[i].name + "'; rename one with AS");
    }
  }

  // Bind the items in the current scope; those with an aggregate make the projection an
  // aggregation, the others are its grouping keys.
  std::vector<std::pair<VarKind, std::string>> kinds;
  aggregates_ = &plan.aggregates;
  for (const Item& item : items) {
    const std::size_t before = plan.aggregates.size();
    if (item.expression) {
      plan.items.push_back(expression(*item.expression));
      const Var* v = nullptr;
      if (const auto* var = item.expression->as<Variable>())
        v = lookup(var->name);
      kinds.push_back(v ? std::pair(v->kind, v->what) : kind_of(plan.items.back()));
    } else {
      BoundExpr b;
      b.kind = ExprKind::variable;
      b.pos = item.pos;
      b.slot = item.star.slot;
      b.key = item.star.name;
      plan.items.push_back(std::move(b));
      kinds.emplace_back(item.star.kind, item.star.what);
    }
    plan.grouping.push_back(plan.aggregates.size() == before);
  }
  aggregates_ = nullptr;
  plan.aggregating = !plan.aggregates.empty();
  if (plan.aggregating) {
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (plan.grouping[i])
        keys.push_back(items[i].text);
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::vector<std::string> locals;
      if (!plan.grouping[i])
        check_grouping(*items[i].expression, keys, locals);
    }
  }
  // Consecutive slots: RETURN's row is then a contiguous span of the row.
  std::vector<Var> projected;
  for (std::size_t i = 0; i < items.size(); ++i) {
    plan.slots.push_back(new_slot());
    projected.push_back({items[i].name, plan.slots.back(), kinds[i].first, kinds[i].second});
    columns.push_back(items[i].name);
  }

  // ORDER BY and WITH's WHERE see the projected names; without aggregation or DISTINCT also
  // the variables of the previous scope (which the rows still carry).
  std::vector<Var> previous = std::move(scope_);
  const auto enter_after_scope = [&]() {
    scope_.clear();
    if (!plan.aggregating && !plan.distinct)
      scope_ = previous;
    scope_.insert(scope_.end(), projected.begin(), projected.end());
  };
  // Beside an aggregate, only the simple grouping keys stand for their items (as in items).
  const auto substitute_items = [&](bool beside_aggregate) {
    substitutions_.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].expression &&
          (!beside_aggregate || !plan.grouping[i] || simple_key(*items[i].expression)))
        substitutions_.emplace_back(items[i].text, plan.slots[i]);
    }
  };
  for (const SortItem& s : p.order_by) {
    SortKey key;
    key.descending = s.direction == SortDirection::descending;
    substitute_items(plan.aggregating && contains_aggregate(*s.expression));
    enter_after_scope();
    no_aggregation_ = "in ORDER BY unless it is also returned";
    key.expr = expression(*s.expression);
    plan.order_by.push_back(std::move(key));
  }
  substitutions_.clear();
  if (!p.order_by.empty())
    plan.order_pos = p.order_by.front().pos;
  scope_ = previous;
  if (p.skip)
    plan.skip = constant_count(*p.skip, "SKIP");
  if (p.limit)
    plan.limit = constant_count(*p.limit, "LIMIT");
  if (where) {
    enter_after_scope();
    substitute_items(false);
    no_aggregation_ = "in WHERE";
    plan.where = expression(*where);
    substitutions_.clear();
  }
  scope_ = std::move(projected);
  return plan;
}

std::pair<Binder::VarKind, std::string> Binder::kind_of(const BoundExpr& b) {
  switch (b.kind) {
    case ExprKind::constant:
      if (b.constant.is_null())
        return {VarKind::value, ""};
      return {b.constant.type() == ValueType::list ? VarKind::list : VarKind::scalar,
              a_type(b.constant)};
    case ExprKind::list:
    case ExprKind::list_comprehension:
    case ExprKind::pattern_comprehension:
      return {VarKind::list, "a LIST"};
    case ExprKind::map:
      return {VarKind::scalar, "a MAP"};
    case ExprKind::comparison:
    case ExprKind::logical_and:
    case ExprKind::logical_or:
    case ExprKind::logical_xor:
    case ExprKind::logical_not:
    case ExprKind::is_null:
    case ExprKind::string_match:
    case ExprKind::regex_match:
    case ExprKind::in_list:
    case ExprKind::has_labels:
    case ExprKind::pattern_exists:
    case ExprKind::quantifier:
      return {VarKind::scalar, "a BOOLEAN"};
    default:
      return {VarKind::value, ""};
  }
}

void Binder::check_grouping(const Expression& e, std::span<const std::string> keys,
                            std::vector<std::string>& locals) const {
  const auto is_key = [&](std::string_view text) {
    return std::find(keys.begin(), keys.end(), text) != keys.end();
  };
  const auto walk = [&](const ExprPtr& x) {
    if (x)
      check_grouping(*x, keys, locals);
  };
  // Over a comprehension's body the element variable is local, not a grouping key.
  const auto scoped = [&](const Name& variable, const ExprPtr& list,
                          std::initializer_list<const ExprPtr*> body) {
    walk(list);
    locals.push_back(variable.text);
    for (const ExprPtr* x : body)
      walk(*x);
    locals.pop_back();
  };
  if (const auto* f = e.as<FunctionCall>()) {
    if (is_aggregate_function(lower(f->name)))
      return;
    for (const ExprPtr& a : f->args)
      walk(a);
  } else if (const auto* v = e.as<Variable>()) {
    if (std::find(locals.begin(), locals.end(), v->name) == locals.end() && !is_key(v->name))
      fail(e.pos, "ambiguous aggregation: '" + v->name +
                      "' is used beside an aggregate but is not a grouping key (a column of its "
                      "own, as a variable or a property)");
  } else if (const auto* x = e.as<PropertyAccess>()) {
    if (!is_key(source(e)))
      walk(x->object);
  } else if (const auto* x = e.as<ListLiteral>()) {
    for (const ExprPtr& item : x->items)
      walk(item);
  } else if (const auto* x = e.as<MapLiteral>()) {
    for (const MapEntry& entry : x->entries)
      walk(entry.value);
  } else if (const auto* x = e.as<Subscript>()) {
    walk(x->object);
    walk(x->index);
  } else if (const auto* x = e.as<Slice>()) {
    walk(x->object);
    walk(x->from);
    walk(x->to);
  } else if (const auto* x = e.as<UnaryExpr>()) {
    walk(x->operand);
  } else if (const auto* x = e.as<BinaryExpr>()) {
    walk(x->left);
    walk(x->right);
  } else if (const auto* x = e.as<ComparisonChain>()) {
    walk(x->first);
    for (const ComparisonStep& step : x->rest)
      walk(step.operand);
  } else if (const auto* x = e.as<IsNull>()) {
    walk(x->operand);
  } else if (const auto* x = e.as<HasLabels>()) {
    walk(x->operand);
  } else if (const auto* x = e.as<CaseExpr>()) {
    walk(x->subject);
    for (const CaseAlternative& alt : x->alternatives) {
      walk(alt.when);
      walk(alt.then);
    }
    walk(x->otherwise);
  } else if (const auto* x = e.as<ListComprehension>()) {
    scoped(x->variable, x->list, {&x->where, &x->projection});
  } else if (const auto* x = e.as<Quantifier>()) {
    scoped(x->variable, x->list, {&x->where});
  }
  // Literals, parameters, count(*) and patterns (not checked) read no grouping key.
}

uint64_t Binder::constant_count(const Expression& e, const char* what) {
  std::vector<Var> saved = std::move(scope_);
  scope_.clear();
  aggregates_ = nullptr;
  no_aggregation_ = std::string("in ") + what;
  constant_clause_ = what;
  hidden_scope_ = &saved;
  const BoundExpr b = expression(e);
  constant_clause_ = nullptr;
  hidden_scope_ = nullptr;
  scope_ = std::move(saved);
  Row row(next_slot_);
  const Value v = evaluate(b, row, fold_ctx_);
  if (v.type() != ValueType::integer || v.as_int() < 0)
    fail(e.pos, std::string(what) + " must be a non-negative integer, not " +
                    (v.type() == ValueType::integer ? std::to_string(v.as_int()) : a_type(v)));
  return static_cast<uint64_t>(v.as_int());
}

}  // namespace jurigraph::query::cypher::exec
