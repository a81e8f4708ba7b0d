#include "query/cypher/literal.hpp"

#include <algorithm>

#include "base/diagnostic.hpp"
#include "query/cypher/parser.hpp"

namespace jurigraph::query::cypher {

std::optional<Value> literal_value(const Expression& e, const ParameterMap* params) {
  if (e.as<NullLiteral>())
    return Value();
  if (const auto* b = e.as<BoolLiteral>())
    return Value(b->value);
  if (const auto* i = e.as<IntegerLiteral>())
    return Value(i->value);
  if (const auto* f = e.as<FloatLiteral>())
    return Value(f->value);
  if (const auto* s = e.as<StringLiteral>())
    return Value(s->value);
  if (const auto* u = e.as<UnaryExpr>()) {
    auto v = literal_value(*u->operand, params);
    if (!v || u->op == UnaryOp::logical_not)
      return std::nullopt;
    if (u->op == UnaryOp::plus && v->is_number())
      return v;
    if (v->type() == ValueType::integer && v->as_int() != INT64_MIN)
      return Value(-v->as_int());
    if (v->type() == ValueType::floating)
      return Value(-v->as_float());
    return std::nullopt;
  }
  if (const auto* l = e.as<ListLiteral>()) {
    List items;
    for (const ExprPtr& item : l->items) {
      auto v = literal_value(*item, params);
      if (!v)
        return std::nullopt;
      items.push_back(std::move(*v));
    }
    return Value(std::move(items));
  }
  if (const auto* m = e.as<MapLiteral>()) {
    Map entries;
    for (const MapEntry& entry : m->entries) {
      auto v = literal_value(*entry.value, params);
      if (!v)
        return std::nullopt;
      entries.emplace_back(entry.key.text, std::move(*v));
    }
    return Value(std::move(entries));
  }
  if (const auto* p = e.as<Parameter>(); p && params) {
    if (auto it = params->find(p->name); it != params->end())
      return it->second;
  }
  return std::nullopt;
}

Value parameter_value(std::string_view text) {
  try {
    const ExprPtr e = parse_expression(text);
    if (auto v = literal_value(*e))
      return *v;
  } catch (const Error&) {
    // Not Cypher at all: a plain string, like an unquoted name.
  }
  return Value(text);
}

ParameterMap parse_parameters(const std::vector<std::string>& pairs) {
  ParameterMap out;
  for (const std::string& pair : pairs) {
    const std::size_t eq = pair.find('=');
    const std::string name = pair.substr(0, eq);
    const bool valid_name =
        !name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_') &&
        std::all_of(name.begin(), name.end(),
                    [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
    if (eq == std::string::npos || !valid_name) {
      throw Error(Location("--param"),
                  "\"" + pair +
                      "\" is not name=value (a name is a letter or _, then letters, digits and _)",
                  ErrorKind::usage);
    }
    if (out.count(name))
      throw Error(Location("--param"), "parameter $" + name + " is given twice", ErrorKind::usage);
    out.emplace(name, parameter_value(std::string_view(pair).substr(eq + 1)));
  }
  return out;
}

}  // namespace jurigraph::query::cypher
