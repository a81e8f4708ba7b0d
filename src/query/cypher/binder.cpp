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

}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<std::string> nearest(std::string_view name,
                                   std::span<const std::string> candidates) {
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
  for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
    if (it->name == name) {
      if (reads_)
        reads_->push_back(it->slot);
      return &*it;
    }
  }
  return nullptr;
}

QueryPlan Binder::bind() {
  QueryPlan plan;
  plan.union_all = q_.union_all;
  for (const SingleQuery& part : q_.parts)
    plan.parts.push_back(single_query(part));
  for (std::size_t i = 1; i < plan.parts.size(); ++i) {
    if (plan.parts[i].columns != plan.parts[0].columns)
      fail(q_.parts[i].pos, "every part of a UNION must return the same columns, in the same order");
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
                     ProjectionPlan p = projection(r.projection, r.pos, true, nullptr, plan.columns);
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
  scope_.push_back({u.variable.text, plan.slot, VarKind::value});
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
        fail(items[i].pos, "multiple columns are named '" + items[i].name + "'; rename one with AS");
    }
  }

  // Bind the items in the current scope; those with an aggregate make the projection an
  // aggregation, the others are its grouping keys.
  std::vector<VarKind> kinds;
  aggregates_ = &plan.aggregates;
  for (const Item& item : items) {
    const std::size_t before = plan.aggregates.size();
    if (item.expression) {
      plan.items.push_back(expression(*item.expression));
      const Var* v = nullptr;
      if (const auto* var = item.expression->as<Variable>())
        v = lookup(var->name);
      kinds.push_back(v ? v->kind : VarKind::value);
    } else {
      BoundExpr b;
      b.kind = ExprKind::variable;
      b.pos = item.pos;
      b.slot = item.star.slot;
      b.key = item.star.name;
      plan.items.push_back(std::move(b));
      kinds.push_back(item.star.kind);
    }
    plan.grouping.push_back(plan.aggregates.size() == before);
  }
  aggregates_ = nullptr;
  plan.aggregating = !plan.aggregates.empty();
  // Consecutive slots: RETURN's row is then a contiguous span of the row.
  std::vector<Var> projected;
  for (std::size_t i = 0; i < items.size(); ++i) {
    plan.slots.push_back(new_slot());
    projected.push_back({items[i].name, plan.slots.back(), kinds[i]});
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
  for (const SortItem& s : p.order_by) {
    // An expression written like an item (`RETURN n.name, count(*) ORDER BY count(*)`) sorts by
    // that item.
    const std::string_view text = source(*s.expression);
    std::optional<std::size_t> same;
    for (std::size_t i = 0; i < items.size() && !same; ++i) {
      if (items[i].expression && items[i].text == text)
        same = i;
    }
    SortKey key;
    key.descending = s.direction == SortDirection::descending;
    if (same) {
      key.expr.kind = ExprKind::variable;
      key.expr.pos = s.expression->pos;
      key.expr.slot = plan.slots[*same];
    } else {
      enter_after_scope();
      no_aggregation_ = "in ORDER BY unless it is also returned";
      key.expr = expression(*s.expression);
    }
    plan.order_by.push_back(std::move(key));
  }
  if (!p.order_by.empty())
    plan.order_pos = p.order_by.front().pos;
  scope_ = previous;
  if (p.skip)
    plan.skip = constant_count(*p.skip, "SKIP");
  if (p.limit)
    plan.limit = constant_count(*p.limit, "LIMIT");
  if (where) {
    enter_after_scope();
    no_aggregation_ = "in WHERE";
    plan.where = expression(*where);
  }
  scope_ = std::move(projected);
  return plan;
}

uint64_t Binder::constant_count(const Expression& e, const char* what) {
  std::vector<Var> saved = std::move(scope_);
  scope_.clear();
  aggregates_ = nullptr;
  no_aggregation_ = std::string("in ") + what;
  const BoundExpr b = expression(e);
  scope_ = std::move(saved);
  Row row(next_slot_);
  const Value v = evaluate(b, row, fold_ctx_);
  if (v.type() != ValueType::integer || v.as_int() < 0)
    fail(e.pos, std::string(what) + " must be a non-negative integer, not " +
                    (v.type() == ValueType::integer ? std::to_string(v.as_int()) : a_type(v)));
  return static_cast<uint64_t>(v.as_int());
}

}  // namespace jurigraph::query::cypher::exec
