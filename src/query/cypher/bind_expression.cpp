// Expressions: variables to slots, parameters to constants, functions to the function table,
// aggregates to the projection's list, label tests to ids, and patterns to nested plans;
// operations on constants are folded.
#include <algorithm>
#include <array>

#include "base/diagnostic.hpp"
#include "query/cypher/binder_internal.hpp"
#include "query/cypher/expression_eval.hpp"
#include "query/cypher/functions.hpp"
#include "query/cypher/regex_cache.hpp"

namespace jurigraph::query::cypher::exec {
namespace {

struct AggregateName {
  std::string_view name;  // lower case
  std::string_view spelling;
  AggregateKind kind;
  std::size_t args = 1;
};
constexpr std::array kAggregates = {
    AggregateName{"avg", "avg", AggregateKind::avg},
    AggregateName{"collect", "collect", AggregateKind::collect},
    AggregateName{"count", "count", AggregateKind::count},
    AggregateName{"max", "max", AggregateKind::max},
    AggregateName{"min", "min", AggregateKind::min},
    AggregateName{"percentilecont", "percentileCont", AggregateKind::percentile_cont, 2},
    AggregateName{"percentiledisc", "percentileDisc", AggregateKind::percentile_disc, 2},
    AggregateName{"sum", "sum", AggregateKind::sum},
};

BoundExpr constant(uint32_t pos, Value v) {
  BoundExpr b;
  b.pos = pos;
  b.constant = std::move(v);
  return b;
}

// Restores a member on scope exit: the binder's aggregation context nests.
template <class T>
class Restore {
 public:
  explicit Restore(T& member) : member_(member), saved_(member) {}
  ~Restore() { member_ = std::move(saved_); }
  Restore(const Restore&) = delete;
  Restore& operator=(const Restore&) = delete;

 private:
  T& member_;
  T saved_;
};

const char* logical_name(ExprKind k) {
  switch (k) {
    case ExprKind::logical_and:
      return "AND";
    case ExprKind::logical_or:
      return "OR";
    case ExprKind::logical_xor:
      return "XOR";
    default:
      return "NOT";
  }
}

}  // namespace

bool is_aggregate_function(std::string_view lower_name) {
  for (const AggregateName& a : kAggregates) {
    if (a.name == lower_name)
      return true;
  }
  return false;
}

void Binder::fold(BoundExpr& e) {
  switch (e.kind) {
    case ExprKind::list:
    case ExprKind::map:
    case ExprKind::property:
    case ExprKind::subscript:
    case ExprKind::slice:
    case ExprKind::function:
    case ExprKind::negate:
    case ExprKind::logical_not:
    case ExprKind::logical_and:
    case ExprKind::logical_or:
    case ExprKind::logical_xor:
    case ExprKind::arithmetic:
    case ExprKind::string_match:
    case ExprKind::regex_match:
    case ExprKind::in_list:
    case ExprKind::comparison:
    case ExprKind::is_null:
    case ExprKind::case_expr:
      break;
    default:
      return;
  }
  for (const BoundExpr& a : e.args) {
    if (a.kind != ExprKind::constant)
      return;
  }
  try {
    Row row;
    Value v = evaluate(e, row, fold_ctx_);
    e = constant(e.pos, std::move(v));
  } catch (const Error&) {
    // Evaluated when (and if) the query reaches it, which then reports the error.
  }
}

BoundExpr Binder::expression(const Expression& e) {
  BoundExpr b;
  b.pos = e.pos;
  if (!substitutions_.empty() && !e.as<Variable>()) {
    const std::string_view text = source(e);
    for (const auto& [item, slot] : substitutions_) {
      if (item == text) {
        b.kind = ExprKind::variable;
        b.slot = slot;
        return b;
      }
    }
  }
  const auto sub = [&](const ExprPtr& x) { b.args.push_back(expression(*x)); };

  if (e.as<NullLiteral>()) {
    return b;
  } else if (const auto* x = e.as<BoolLiteral>()) {
    b.constant = Value(x->value);
    return b;
  } else if (const auto* x = e.as<IntegerLiteral>()) {
    b.constant = Value(x->value);
    return b;
  } else if (const auto* x = e.as<FloatLiteral>()) {
    b.constant = Value(x->value);
    return b;
  } else if (const auto* x = e.as<StringLiteral>()) {
    b.constant = Value(x->value);
    return b;
  } else if (const auto* x = e.as<ListLiteral>()) {
    b.kind = ExprKind::list;
    for (const ExprPtr& item : x->items)
      sub(item);
  } else if (const auto* x = e.as<MapLiteral>()) {
    b.kind = ExprKind::map;
    for (const MapEntry& entry : x->entries) {
      b.keys.push_back(entry.key.text);
      sub(entry.value);
    }
  } else if (const auto* x = e.as<Parameter>()) {
    const auto it = params_.find(x->name);
    if (it == params_.end())
      fail(e.pos, "parameter $" + x->name + " is not given");
    b.constant = it->second;
    return b;
  } else if (const auto* x = e.as<Variable>()) {
    const Var* v = lookup(x->name);
    if (!v && constant_clause_ && hidden_scope_ &&
        std::any_of(hidden_scope_->begin(), hidden_scope_->end(),
                    [&](const Var& h) { return h.name == x->name; }))
      fail(e.pos, std::string(constant_clause_) + " cannot refer to variable '" + x->name +
                      "': it takes an integer, a parameter or an expression of them");
    if (!v)
      fail(e.pos, "variable '" + x->name + "' is not defined");
    b.kind = ExprKind::variable;
    b.slot = v->slot;
    b.key = x->name;
    return b;
  } else if (const auto* x = e.as<PropertyAccess>()) {
    if (const auto* v = x->object->as<Variable>()) {
      const Var* var = lookup(v->name);
      if (var && (var->kind == VarKind::path || var->kind == VarKind::relationships))
        fail(e.pos, "type mismatch: cannot read property '" + x->key.text + "' of " +
                        (var->kind == VarKind::path ? "a PATH" : "a LIST"));
    }
    b.kind = ExprKind::property;
    b.key = x->key.text;
    sub(x->object);
  } else if (const auto* x = e.as<Subscript>()) {
    b.kind = ExprKind::subscript;
    sub(x->object);
    sub(x->index);
  } else if (const auto* x = e.as<Slice>()) {
    b.kind = ExprKind::slice;
    sub(x->object);
    b.has_from = x->from != nullptr;
    b.has_to = x->to != nullptr;
    b.args.push_back(x->from ? expression(*x->from) : constant(e.pos, {}));
    b.args.push_back(x->to ? expression(*x->to) : constant(e.pos, {}));
  } else if (const auto* x = e.as<FunctionCall>()) {
    return function_call(e, *x);
  } else if (e.as<CountStar>()) {
    return aggregate(e, AggregateKind::count, false, nullptr, nullptr);
  } else if (const auto* x = e.as<UnaryExpr>()) {
    if (x->op == UnaryOp::plus) {
      BoundExpr operand = expression(*x->operand);
      operand.pos = e.pos;
      return operand;
    }
    b.kind = x->op == UnaryOp::negate ? ExprKind::negate : ExprKind::logical_not;
    sub(x->operand);
  } else if (const auto* x = e.as<BinaryExpr>()) {
    b.op = static_cast<uint8_t>(x->op);
    b.op_pos = x->op_pos;
    switch (x->op) {
      case BinaryOp::logical_or:
        b.kind = ExprKind::logical_or;
        break;
      case BinaryOp::logical_xor:
        b.kind = ExprKind::logical_xor;
        break;
      case BinaryOp::logical_and:
        b.kind = ExprKind::logical_and;
        break;
      case BinaryOp::in:
        b.kind = ExprKind::in_list;
        break;
      case BinaryOp::starts_with:
      case BinaryOp::ends_with:
      case BinaryOp::contains:
        b.kind = ExprKind::string_match;
        break;
      case BinaryOp::regex_match:
        b.kind = ExprKind::regex_match;
        b.regex = make_regex_cache();
        break;
      default:
        b.kind = ExprKind::arithmetic;
        break;
    }
    sub(x->left);
    sub(x->right);
  } else if (const auto* x = e.as<ComparisonChain>()) {
    b.kind = ExprKind::comparison;
    sub(x->first);
    for (const ComparisonStep& step : x->rest) {
      b.comparisons.push_back(step.op);
      sub(step.operand);
    }
  } else if (const auto* x = e.as<IsNull>()) {
    b.kind = ExprKind::is_null;
    b.flag = x->negated;
    sub(x->operand);
  } else if (const auto* x = e.as<HasLabels>()) {
    return has_labels(e, *x);
  } else if (const auto* x = e.as<PatternPredicate>()) {
    return pattern_expression(e, x->pattern, nullptr, nullptr, nullptr);
  } else if (const auto* x = e.as<CaseExpr>()) {
    b.kind = ExprKind::case_expr;
    b.flag = x->subject != nullptr;
    if (x->subject)
      sub(x->subject);
    for (const CaseAlternative& alt : x->alternatives) {
      sub(alt.when);
      sub(alt.then);
    }
    b.has_else = x->otherwise != nullptr;
    if (x->otherwise)
      sub(x->otherwise);
  } else if (const auto* x = e.as<ListComprehension>()) {
    return comprehension_variable(x->variable, *x->list, x->where.get(), x->projection.get(),
                                  ExprKind::list_comprehension, e.pos, 0);
  } else if (const auto* x = e.as<PatternComprehension>()) {
    return pattern_expression(e, x->pattern, &x->path_variable, x->where.get(),
                              x->projection.get());
  } else if (const auto* x = e.as<Quantifier>()) {
    return comprehension_variable(x->variable, *x->list, x->where.get(), nullptr,
                                  ExprKind::quantifier, e.pos, static_cast<uint8_t>(x->kind));
  }
  switch (b.kind) {
    case ExprKind::logical_and:
    case ExprKind::logical_or:
    case ExprKind::logical_xor:
    case ExprKind::logical_not:
      // A literal that is no boolean is an error whatever the other operand (Cypher checks
      // it before running, even where evaluation would stop early).
      for (const BoundExpr& a : b.args) {
        if (a.kind == ExprKind::constant && !a.constant.is_null() &&
            a.constant.type() != ValueType::boolean)
          fail(a.pos, std::string("type mismatch: ") + logical_name(b.kind) +
                          " expects a BOOLEAN, not " + a_type(a.constant));
      }
      break;
    case ExprKind::regex_match:
      // A constant pattern is compiled once, here: a bad one is an error even when no row
      // reaches it.
      if (const BoundExpr& pattern = b.args[1];
          pattern.kind == ExprKind::constant && pattern.constant.type() == ValueType::string) {
        const std::string& text = pattern.constant.as_string();
        const std::string reason = compile_regex(*b.regex, text);
        if (!reason.empty())
          fail(pattern.pos, invalid_regex_message(text, reason));
      }
      break;
    default:
      break;
  }
  fold(b);
  return b;
}

BoundExpr Binder::function_call(const Expression& e, const FunctionCall& f) {
  const std::string name = lower(f.name);
  for (const AggregateName& a : kAggregates) {
    if (a.name != name)
      continue;
    if (f.args.size() != a.args)
      fail(e.pos, std::string(a.spelling) + "() " +
                      arity_text(static_cast<uint8_t>(a.args), static_cast<uint8_t>(a.args)));
    return aggregate(e, a.kind, f.distinct, f.args[0].get(),
                     a.args > 1 ? f.args[1].get() : nullptr);
  }
  if (f.distinct)
    fail(e.pos, f.name + "() is not an aggregating function: DISTINCT is not allowed");
  if (name == "exists") {
    if (f.args.size() != 1)
      fail(e.pos, "exists() takes 1 argument");
    const Expression& arg = *f.args[0];
    if (const auto* p = arg.as<PatternPredicate>())
      return pattern_expression(arg, p->pattern, nullptr, nullptr, nullptr);
    BoundExpr b;
    b.kind = ExprKind::is_null;
    b.pos = e.pos;
    b.flag = true;  // IS NOT NULL
    b.args.push_back(expression(arg));
    return b;
  }
  const FunctionDef* def = find_function(name);
  if (!def) {
    std::vector<std::string> names;
    for (const FunctionDef& fd : all_functions())
      names.emplace_back(fd.name);
    for (const AggregateName& a : kAggregates)
      names.emplace_back(a.spelling);
    names.emplace_back("exists");
    const auto guess = nearest(f.name, names);
    fail(e.pos,
         "unknown function '" + f.name + "'" + (guess ? "; did you mean '" + *guess + "'?" : ""));
  }
  if (name == "date" && f.args.empty())
    fail(e.pos, "date() needs an argument: there is no clock in a reproducible tool");
  if (f.args.size() < def->min_args ||
      (def->max_args != kVariadic && f.args.size() > def->max_args))
    fail(e.pos, std::string(def->name) + "() " + arity_text(def->min_args, def->max_args));
  if (const auto* v = f.args.empty() ? nullptr : f.args[0]->as<Variable>()) {
    const Var* var = lookup(v->name);
    const VarKind kind = var ? var->kind : VarKind::value;
    const uint8_t bit = kind == VarKind::node           ? kTakesNode
                        : kind == VarKind::relationship ? kTakesRelationship
                        : kind == VarKind::path         ? kTakesPath
                                                        : 0;
    if (bit && !(def->takes & bit))
      fail(f.args[0]->pos, "type mismatch: " + std::string(def->name) + "() does not take " +
                               (bit == kTakesNode           ? "a NODE"
                                : bit == kTakesRelationship ? "a RELATIONSHIP"
                                                            : "a PATH"));
  }
  BoundExpr b;
  b.kind = ExprKind::function;
  b.pos = e.pos;
  b.function = def;
  for (const ExprPtr& a : f.args)
    b.args.push_back(expression(*a));
  fold(b);
  return b;
}

BoundExpr Binder::aggregate(const Expression& e, AggregateKind kind, bool distinct,
                            const Expression* arg, const Expression* percentile) {
  if (!aggregates_)
    fail(e.pos, "aggregation is not allowed " + no_aggregation_);
  std::vector<AggregateSpec>* list = aggregates_;
  AggregateSpec spec;
  spec.kind = kind;
  spec.distinct = distinct;
  spec.star = arg == nullptr;
  spec.pos = e.pos;
  if (arg) {
    Restore<std::vector<AggregateSpec>*> a(aggregates_);
    Restore<std::string> n(no_aggregation_);
    aggregates_ = nullptr;
    no_aggregation_ = "inside another aggregation";
    spec.arg = expression(*arg);
    if (percentile)
      spec.percentile = expression(*percentile);
  }
  list->push_back(std::move(spec));
  BoundExpr b;
  b.kind = ExprKind::aggregate;
  b.pos = e.pos;
  b.index = static_cast<uint32_t>(list->size() - 1);
  return b;
}

BoundExpr Binder::has_labels(const Expression& e, const HasLabels& h) {
  BoundExpr b;
  b.kind = ExprKind::has_labels;
  b.pos = e.pos;
  b.args.push_back(expression(*h.operand));
  VarKind kind = VarKind::value;
  if (const auto* v = h.operand->as<Variable>()) {
    if (const Var* var = lookup(v->name))
      kind = var->kind;
  }
  for (const Name& n : h.labels) {
    LabelTest t;
    t.label = g_.find_label(n.text);
    t.type = g_.find_type(n.text);
    if (limits_.strict_schema) {
      if (kind == VarKind::relationship && !t.type)
        resolve_type(n);
      else if (kind != VarKind::relationship && !t.label && (kind == VarKind::node || !t.type))
        resolve_label(n);
    }
    b.labels.push_back(t);
  }
  fold(b);
  return b;
}

BoundExpr Binder::comprehension_variable(const Name& variable, const Expression& list,
                                         const Expression* where, const Expression* projection,
                                         ExprKind kind, uint32_t pos, uint8_t op) {
  BoundExpr b;
  b.kind = kind;
  b.pos = pos;
  b.op = op;
  b.args.push_back(expression(list));
  Restore<std::vector<AggregateSpec>*> a(aggregates_);
  Restore<std::string> n(no_aggregation_);
  Restore<std::vector<std::pair<std::string, Slot>>> s(substitutions_);
  substitutions_.clear();
  aggregates_ = nullptr;
  no_aggregation_ =
      kind == ExprKind::list_comprehension ? "in a list comprehension" : "in a quantifier";
  b.slot = new_slot();
  scope_.push_back({variable.text, b.slot, VarKind::value, {}});
  b.has_where = where != nullptr;
  b.args.push_back(where ? expression(*where) : constant(pos, Value(true)));
  if (kind == ExprKind::list_comprehension) {
    b.has_projection = projection != nullptr;
    b.args.push_back(projection ? expression(*projection) : constant(pos, {}));
  }
  scope_.pop_back();
  return b;
}

BoundExpr Binder::pattern_expression(const Expression& e, const PatternElement& element,
                                     const std::optional<Name>* path_variable,
                                     const Expression* where, const Expression* projection) {
  Restore<std::vector<AggregateSpec>*> a(aggregates_);
  Restore<std::string> n(no_aggregation_);
  Restore<std::vector<std::pair<std::string, Slot>>> s(substitutions_);
  substitutions_.clear();
  const std::size_t scope_size = scope_.size();
  const PartView view{element.pos, path_variable, PathSelector::all_paths, &element};
  BoundExpr b;
  b.pos = e.pos;
  // The comprehension's WHERE filters inside the match, where the planner can place it early.
  b.pattern = pattern(std::span<const PartView>(&view, 1), where, e.pos);
  if (projection) {
    aggregates_ = nullptr;
    no_aggregation_ = "in a pattern comprehension";
    b.kind = ExprKind::pattern_comprehension;
    b.args.push_back(constant(e.pos, Value(true)));
    b.args.push_back(expression(*projection));
  } else {
    b.kind = ExprKind::pattern_exists;
  }
  scope_.resize(scope_size);  // the pattern's own variables are local to it
  return b;
}

}  // namespace jurigraph::query::cypher::exec
