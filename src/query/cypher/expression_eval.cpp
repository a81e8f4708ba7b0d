#include "query/cypher/expression_eval.hpp"

#include <cmath>
#include <limits>
#include <memory>

#include "query/cypher/functions.hpp"
#include "query/cypher/pattern_matcher.hpp"
#include "query/cypher/regex_cache.hpp"

namespace jurigraph::query::cypher::exec {

namespace {

// A value without a copy when the expression is a constant or a variable (the common case for
// operands); otherwise evaluated into `scratch`.
const Value& operand(const BoundExpr& e, Row& row, ExecContext& ctx, Value& scratch) {
  if (e.kind == ExprKind::constant)
    return e.constant;
  if (e.kind == ExprKind::variable)
    return row[e.slot];
  scratch = evaluate(e, row, ctx);
  return scratch;
}

// ---------------------------------------------------------------------------------------------
// Property access, subscripts, slices

Value date_field(const BoundExpr& e, Date d, ExecContext& ctx) {
  if (e.key == "year")
    return Value(int64_t{d.year()});
  if (e.key == "month")
    return Value(int64_t{d.month()});
  if (e.key == "day")
    return Value(int64_t{d.day()});
  ctx.fail(e.pos, "a DATE has no field '" + e.key + "' (it has year, month and day)");
}

Value property_of(const BoundExpr& e, const Value& object, ExecContext& ctx) {
  switch (object.type()) {
    case ValueType::null:
      return {};
    case ValueType::node:
      return ctx.graph.node_property(object.as_node().id, e.key);
    case ValueType::relationship:
      return ctx.graph.rel_property(object.as_rel().id, e.key);
    case ValueType::map: {
      const Value* v = object.find(e.key);
      return v ? *v : Value();
    }
    case ValueType::date:
      return date_field(e, object.as_date(), ctx);
    default:
      ctx.fail(e.pos, "type mismatch: cannot read property '" + e.key + "' of " + a_type(object));
  }
}

// A Cypher index (negative from the end) into a sequence of `size`; nullopt when outside.
std::optional<std::size_t> element_index(int64_t i, std::size_t size) {
  const auto n = static_cast<int64_t>(size);
  if (i < 0)
    i += n;
  if (i < 0 || i >= n)
    return std::nullopt;
  return static_cast<std::size_t>(i);
}

Value subscript(const BoundExpr& e, const Value& object, const Value& index, ExecContext& ctx) {
  if (object.is_null() || index.is_null())
    return {};
  switch (object.type()) {
    case ValueType::list: {
      if (index.type() != ValueType::integer)
        ctx.fail(e.args[1].pos,
                 "type mismatch: a list index must be an INTEGER, not " + a_type(index));
      const List& l = object.as_list();
      const auto i = element_index(index.as_int(), l.size());
      return i ? l[*i] : Value();
    }
    case ValueType::map:
    case ValueType::node:
    case ValueType::relationship: {
      if (index.type() != ValueType::string)
        ctx.fail(e.args[1].pos,
                 "type mismatch: a property key must be a STRING, not " + a_type(index));
      const std::string& key = index.as_string();
      if (object.type() == ValueType::node)
        return ctx.graph.node_property(object.as_node().id, key);
      if (object.type() == ValueType::relationship)
        return ctx.graph.rel_property(object.as_rel().id, key);
      const Value* v = object.find(key);
      return v ? *v : Value();
    }
    default:
      ctx.fail(e.pos, "type mismatch: cannot take an element of " + a_type(object));
  }
}

Value slice(const BoundExpr& e, Row& row, ExecContext& ctx) {
  const Value list = evaluate(e.args[0], row, ctx);
  const Value from = e.has_from ? evaluate(e.args[1], row, ctx) : Value(int64_t{0});
  const Value to = e.has_to ? evaluate(e.args[2], row, ctx) : Value();
  if (list.is_null() || (e.has_from && from.is_null()) || (e.has_to && to.is_null()))
    return {};
  if (list.type() != ValueType::list)
    ctx.fail(e.args[0].pos, "type mismatch: cannot slice " + a_type(list));
  for (int k = 1; k <= 2; ++k) {
    const Value& b = k == 1 ? from : to;
    if (!b.is_null() && b.type() != ValueType::integer)
      ctx.fail(e.args[k].pos, "type mismatch: a slice bound must be an INTEGER, not " + a_type(b));
  }
  const List& l = list.as_list();
  const auto n = static_cast<int64_t>(l.size());
  const auto clamp = [n](int64_t i) {
    if (i < 0)
      i += n;
    return std::clamp<int64_t>(i, 0, n);
  };
  const int64_t begin = clamp(from.as_int());
  const int64_t end = e.has_to ? clamp(to.as_int()) : n;
  if (begin >= end)
    return Value(List{});
  return Value(List(l.begin() + begin, l.begin() + end));
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

[[noreturn]] void arithmetic_type_error(const BoundExpr& e, const Value& a, const Value& b,
                                        ExecContext& ctx) {
  std::string what;
  switch (static_cast<BinaryOp>(e.op)) {
    case BinaryOp::add:
      what = "add " + a_type(a) + " and " + a_type(b);
      break;
    case BinaryOp::subtract:
      what = "subtract " + a_type(b) + " from " + a_type(a);
      break;
    case BinaryOp::multiply:
      what = "multiply " + a_type(a) + " by " + a_type(b);
      break;
    case BinaryOp::divide:
      what = "divide " + a_type(a) + " by " + a_type(b);
      break;
    case BinaryOp::modulo:
      what = "take " + a_type(a) + " modulo " + a_type(b);
      break;
    default:
      what = "raise " + a_type(a) + " to the power of " + a_type(b);
      break;
  }
  ctx.fail(e.op_pos, "type mismatch: cannot " + what);
}

[[noreturn]] void overflow(const BoundExpr& e, int64_t a, int64_t b, ExecContext& ctx) {
  ctx.fail(e.op_pos, "integer overflow in " + std::to_string(a) + " " +
                         spelling(static_cast<BinaryOp>(e.op)) + " " + std::to_string(b));
}

// Text of a number or boolean for string concatenation ('a' + 1 = 'a1', as Neo4j).
std::optional<std::string> concat_text(const Value& v) {
  if (v.type() == ValueType::boolean || v.type() == ValueType::date)
    return std::nullopt;
  return to_text(v);
}

Value arithmetic(const BoundExpr& e, const Value& a, const Value& b, ExecContext& ctx) {
  const auto op = static_cast<BinaryOp>(e.op);
  if (a.is_null() || b.is_null())
    return {};
  if (op == BinaryOp::add) {
    if (a.type() == ValueType::list || b.type() == ValueType::list) {
      List out;
      if (a.type() == ValueType::list)
        out = a.as_list();
      else
        out.push_back(a);
      if (b.type() == ValueType::list)
        out.insert(out.end(), b.as_list().begin(), b.as_list().end());
      else
        out.push_back(b);
      return Value(std::move(out));
    }
    if (a.type() == ValueType::string || b.type() == ValueType::string) {
      const auto x = concat_text(a), y = concat_text(b);
      if (!x || !y)
        arithmetic_type_error(e, a, b, ctx);
      return Value(*x + *y);
    }
  }
  if (!a.is_number() || !b.is_number())
    arithmetic_type_error(e, a, b, ctx);
  if (op == BinaryOp::power)
    return Value(std::pow(a.as_number(), b.as_number()));
  if (a.type() == ValueType::integer && b.type() == ValueType::integer) {
    const int64_t x = a.as_int(), y = b.as_int();
    int64_t r = 0;
    switch (op) {
      case BinaryOp::add:
        if (__builtin_add_overflow(x, y, &r))
          overflow(e, x, y, ctx);
        return Value(r);
      case BinaryOp::subtract:
        if (__builtin_sub_overflow(x, y, &r))
          overflow(e, x, y, ctx);
        return Value(r);
      case BinaryOp::multiply:
        if (__builtin_mul_overflow(x, y, &r))
          overflow(e, x, y, ctx);
        return Value(r);
      case BinaryOp::divide:
        if (y == 0)
          ctx.fail(e.op_pos, "division by zero");
        if (x == std::numeric_limits<int64_t>::min() && y == -1)
          overflow(e, x, y, ctx);
        return Value(x / y);
      case BinaryOp::modulo:
        if (y == 0)
          ctx.fail(e.op_pos, "division by zero");
        if (y == -1)
          return Value(int64_t{0});
        return Value(x % y);
      default:
        break;
    }
  }
  const double x = a.as_number(), y = b.as_number();
  switch (op) {
    case BinaryOp::add:
      return Value(x + y);
    case BinaryOp::subtract:
      return Value(x - y);
    case BinaryOp::multiply:
      return Value(x * y);
    case BinaryOp::divide:
      return Value(x / y);
    default:
      return Value(std::fmod(x, y));
  }
}

Value negate(const BoundExpr& e, const Value& v, ExecContext& ctx) {
  switch (v.type()) {
    case ValueType::null:
      return {};
    case ValueType::integer:
      if (v.as_int() == std::numeric_limits<int64_t>::min())
        ctx.fail(e.pos, "integer overflow in -(" + std::to_string(v.as_int()) + ")");
      return Value(-v.as_int());
    case ValueType::floating:
      return Value(-v.as_float());
    default:
      ctx.fail(e.pos, "type mismatch: cannot negate " + a_type(v));
  }
}

// ---------------------------------------------------------------------------------------------
// Predicates

Ternary compare_with(ComparisonOp op, const Value& a, const Value& b) {
  if (op == ComparisonOp::equal)
    return equals(a, b);
  if (op == ComparisonOp::not_equal)
    return ternary_not(equals(a, b));
  const auto c = compare(a, b);
  if (!c) {
    // NaN is a number no other number is smaller or larger than: false, not null (openCypher).
    return a.is_number() && b.is_number() ? Ternary::false_ : Ternary::null;
  }
  bool r = false;
  switch (op) {
    case ComparisonOp::less:
      r = *c < 0;
      break;
    case ComparisonOp::greater:
      r = *c > 0;
      break;
    case ComparisonOp::less_equal:
      r = *c <= 0;
      break;
    default:
      r = *c >= 0;
      break;
  }
  return r ? Ternary::true_ : Ternary::false_;
}

Value comparison(const BoundExpr& e, Row& row, ExecContext& ctx) {
  Ternary result = Ternary::true_;
  Value left = evaluate(e.args[0], row, ctx);
  for (std::size_t i = 0; i < e.comparisons.size(); ++i) {
    Value right = evaluate(e.args[i + 1], row, ctx);
    result = ternary_and(result, compare_with(e.comparisons[i], left, right));
    if (result == Ternary::false_)
      return Value(false);
    left = std::move(right);
  }
  return to_value(result);
}

Value string_match(const BoundExpr& e, const Value& a, const Value& b) {
  if (a.type() != ValueType::string || b.type() != ValueType::string)
    return {};
  const std::string_view s = a.as_string(), t = b.as_string();
  switch (static_cast<BinaryOp>(e.op)) {
    case BinaryOp::starts_with:
      return Value(s.starts_with(t));
    case BinaryOp::ends_with:
      return Value(s.ends_with(t));
    default:
      return Value(s.find(t) != std::string_view::npos);
  }
}

Value regex_match(const BoundExpr& e, const Value& a, const Value& b, ExecContext& ctx) {
  if (a.type() != ValueType::string || b.type() != ValueType::string)
    return {};
  // A constant pattern was compiled by the binder; another one when it changes.
  const std::string reason = compile_regex(*e.regex, b.as_string());
  if (!reason.empty())
    ctx.fail(e.args[1].pos, invalid_regex_message(b.as_string(), reason));
  return Value(regex_full_match(*e.regex, a.as_string()));
}

Value in_list(const BoundExpr& e, const Value& x, const Value& list, ExecContext& ctx) {
  if (list.is_null())
    return {};
  if (list.type() != ValueType::list)
    ctx.fail(e.args[1].pos, "type mismatch: IN expects a LIST on its right, not " + a_type(list));
  bool unknown = false;
  for (const Value& y : list.as_list()) {
    const Ternary t = equals(x, y);
    if (t == Ternary::true_)
      return Value(true);
    if (t == Ternary::null)
      unknown = true;
  }
  return unknown ? Value() : Value(false);
}

Value has_labels(const BoundExpr& e, const Value& v, ExecContext& ctx) {
  switch (v.type()) {
    case ValueType::null:
      return {};
    case ValueType::node:
      for (const LabelTest& t : e.labels) {
        if (!t.label || !ctx.graph.has_label(v.as_node().id, *t.label))
          return Value(false);
      }
      return Value(true);
    case ValueType::relationship: {
      const TypeId type = ctx.graph.ends(v.as_rel().id).type;
      for (const LabelTest& t : e.labels) {
        if (!t.type || *t.type != type)
          return Value(false);
      }
      return Value(true);
    }
    default:
      ctx.fail(e.pos,
               "type mismatch: a label test needs a NODE or a RELATIONSHIP, not " + a_type(v));
  }
}

// ---------------------------------------------------------------------------------------------
// Patterns inside expressions

class FirstMatch final : public RowSink {
 public:
  bool push(Row&) override {
    found = true;
    return false;
  }
  bool found = false;
};

class Comprehension final : public RowSink {
 public:
  Comprehension(const BoundExpr& e, ExecContext& ctx) : e_(e), ctx_(ctx) {}
  bool push(Row& row) override {
    if (e_.has_where && !passes(e_.args[0], row, ctx_))
      return true;
    out.push_back(evaluate(e_.args[1], row, ctx_));
    ctx_.check_rows(out.size(), e_.pos);
    return true;
  }
  List out;

 private:
  const BoundExpr& e_;
  ExecContext& ctx_;
};

const List* list_operand(const BoundExpr& e, const Value& v, ExecContext& ctx) {
  if (v.is_null())
    return nullptr;
  if (v.type() != ValueType::list)
    ctx.fail(e.pos, "type mismatch: expected a LIST, not " + a_type(v));
  return &v.as_list();
}

Value list_comprehension(const BoundExpr& e, Row& row, ExecContext& ctx) {
  const Value source = evaluate(e.args[0], row, ctx);
  const List* list = list_operand(e.args[0], source, ctx);
  if (!list)
    return {};
  List out;
  out.reserve(list->size());
  for (const Value& x : *list) {
    ctx.tick(e.pos);
    row[e.slot] = x;
    if (e.has_where && !passes(e.args[1], row, ctx))
      continue;
    out.push_back(e.has_projection ? evaluate(e.args[2], row, ctx) : x);
  }
  return Value(std::move(out));
}

Value quantifier(const BoundExpr& e, Row& row, ExecContext& ctx) {
  const Value source = evaluate(e.args[0], row, ctx);
  const List* list = list_operand(e.args[0], source, ctx);
  if (!list)
    return {};
  std::size_t trues = 0, nulls = 0;
  const auto kind = static_cast<QuantifierKind>(e.op);
  for (const Value& x : *list) {
    ctx.tick(e.pos);
    row[e.slot] = x;
    const Ternary t = e.has_where
                          ? truth(evaluate(e.args[1], row, ctx), e.args[1].pos, spelling(kind), ctx)
                          : Ternary::true_;
    if (t == Ternary::true_)
      ++trues;
    else if (t == Ternary::null)
      ++nulls;
    // Decided early: all() by a false, any() and none() by a true, single() by a second true.
    if (kind == QuantifierKind::all && t == Ternary::false_)
      return Value(false);
    if ((kind == QuantifierKind::any || kind == QuantifierKind::none) && trues > 0)
      return Value(kind == QuantifierKind::any);
    if (kind == QuantifierKind::single && trues > 1)
      return Value(false);
  }
  switch (kind) {
    case QuantifierKind::all:
      return nulls > 0 ? Value() : Value(true);
    case QuantifierKind::any:
      return nulls > 0 ? Value() : Value(false);
    case QuantifierKind::none:
      return nulls > 0 ? Value() : Value(true);
    case QuantifierKind::single:
      return nulls > 0 ? Value() : Value(trues == 1);
  }
  return {};
}

Value case_expr(const BoundExpr& e, Row& row, ExecContext& ctx) {
  std::size_t i = 0;
  Value subject;
  if (e.flag)
    subject = evaluate(e.args[i++], row, ctx);
  const std::size_t alternatives_end = e.args.size() - (e.has_else ? 1 : 0);
  for (; i + 1 < alternatives_end; i += 2) {
    const Value when = evaluate(e.args[i], row, ctx);
    const bool hit = e.flag ? equals(subject, when) == Ternary::true_
                            : truth(when, e.args[i].pos, "WHEN", ctx) == Ternary::true_;
    if (hit)
      return evaluate(e.args[i + 1], row, ctx);
  }
  return e.has_else ? evaluate(e.args.back(), row, ctx) : Value();
}

Value call_function(const BoundExpr& e, Row& row, ExecContext& ctx) {
  // Arguments on the stack: no allocation per call for the usual one to three arguments.
  constexpr std::size_t kInline = 4;
  if (e.args.size() <= kInline) {
    Value args[kInline];
    for (std::size_t i = 0; i < e.args.size(); ++i)
      args[i] = evaluate(e.args[i], row, ctx);
    return e.function->call(ctx, e, std::span<const Value>(args, e.args.size()));
  }
  std::vector<Value> args;
  args.reserve(e.args.size());
  for (const BoundExpr& a : e.args)
    args.push_back(evaluate(a, row, ctx));
  return e.function->call(ctx, e, args);
}

}  // namespace

Ternary truth(const Value& v, uint32_t pos, const char* what, ExecContext& ctx) {
  if (v.is_null())
    return Ternary::null;
  if (v.type() != ValueType::boolean)
    ctx.fail(pos, std::string("type mismatch: ") + what + " expects a BOOLEAN, not " + a_type(v));
  return v.as_bool() ? Ternary::true_ : Ternary::false_;
}

bool passes(const BoundExpr& e, Row& row, ExecContext& ctx) {
  return truth(evaluate(e, row, ctx), e.pos, "WHERE", ctx) == Ternary::true_;
}

Value evaluate(const BoundExpr& e, Row& row, ExecContext& ctx) {
  Value s1, s2;
  switch (e.kind) {
    case ExprKind::constant:
      return e.constant;
    case ExprKind::variable:
      return row[e.slot];
    case ExprKind::property:
      return property_of(e, operand(e.args[0], row, ctx, s1), ctx);
    case ExprKind::subscript:
      return subscript(e, operand(e.args[0], row, ctx, s1), operand(e.args[1], row, ctx, s2), ctx);
    case ExprKind::slice:
      return slice(e, row, ctx);
    case ExprKind::list: {
      List out;
      out.reserve(e.args.size());
      for (const BoundExpr& a : e.args)
        out.push_back(evaluate(a, row, ctx));
      return Value(std::move(out));
    }
    case ExprKind::map: {
      Map out;
      out.reserve(e.args.size());
      for (std::size_t i = 0; i < e.args.size(); ++i)
        out.emplace_back(e.keys[i], evaluate(e.args[i], row, ctx));
      return Value(std::move(out));
    }
    case ExprKind::function:
      return call_function(e, row, ctx);
    case ExprKind::aggregate:
      return ctx.aggregates[e.index];
    case ExprKind::negate:
      return negate(e, operand(e.args[0], row, ctx, s1), ctx);
    case ExprKind::logical_not:
      return to_value(ternary_not(truth(evaluate(e.args[0], row, ctx), e.args[0].pos, "NOT", ctx)));
    case ExprKind::logical_and: {
      const Ternary a = truth(evaluate(e.args[0], row, ctx), e.args[0].pos, "AND", ctx);
      if (a == Ternary::false_)
        return Value(false);
      return to_value(
          ternary_and(a, truth(evaluate(e.args[1], row, ctx), e.args[1].pos, "AND", ctx)));
    }
    case ExprKind::logical_or: {
      const Ternary a = truth(evaluate(e.args[0], row, ctx), e.args[0].pos, "OR", ctx);
      if (a == Ternary::true_)
        return Value(true);
      return to_value(
          ternary_or(a, truth(evaluate(e.args[1], row, ctx), e.args[1].pos, "OR", ctx)));
    }
    case ExprKind::logical_xor: {
      const Ternary a = truth(evaluate(e.args[0], row, ctx), e.args[0].pos, "XOR", ctx);
      return to_value(
          ternary_xor(a, truth(evaluate(e.args[1], row, ctx), e.args[1].pos, "XOR", ctx)));
    }
    case ExprKind::arithmetic:
      return arithmetic(e, operand(e.args[0], row, ctx, s1), operand(e.args[1], row, ctx, s2), ctx);
    case ExprKind::string_match:
      return string_match(e, operand(e.args[0], row, ctx, s1), operand(e.args[1], row, ctx, s2));
    case ExprKind::regex_match:
      return regex_match(e, operand(e.args[0], row, ctx, s1), operand(e.args[1], row, ctx, s2),
                         ctx);
    case ExprKind::in_list:
      return in_list(e, operand(e.args[0], row, ctx, s1), operand(e.args[1], row, ctx, s2), ctx);
    case ExprKind::comparison:
      return comparison(e, row, ctx);
    case ExprKind::is_null:
      return Value(operand(e.args[0], row, ctx, s1).is_null() != e.flag);
    case ExprKind::has_labels:
      return has_labels(e, operand(e.args[0], row, ctx, s1), ctx);
    case ExprKind::pattern_exists: {
      FirstMatch first;
      match_pattern(*e.pattern, row, ctx, first);
      return Value(first.found);
    }
    case ExprKind::case_expr:
      return case_expr(e, row, ctx);
    case ExprKind::list_comprehension:
      return list_comprehension(e, row, ctx);
    case ExprKind::pattern_comprehension: {
      Comprehension c(e, ctx);
      match_pattern(*e.pattern, row, ctx, c);
      return Value(std::move(c.out));
    }
    case ExprKind::quantifier:
      return quantifier(e, row, ctx);
  }
  return {};
}

}  // namespace jurigraph::query::cypher::exec
