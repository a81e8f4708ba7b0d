#include "query/cypher/ast.hpp"

namespace jurigraph::query::cypher {

const char* spelling(UnaryOp op) {
  switch (op) {
    case UnaryOp::logical_not:
      return "NOT";
    case UnaryOp::negate:
      return "-";
    case UnaryOp::plus:
      return "+";
  }
  return "?";
}

const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::logical_or:
      return "OR";
    case BinaryOp::logical_xor:
      return "XOR";
    case BinaryOp::logical_and:
      return "AND";
    case BinaryOp::add:
      return "+";
    case BinaryOp::subtract:
      return "-";
    case BinaryOp::multiply:
      return "*";
    case BinaryOp::divide:
      return "/";
    case BinaryOp::modulo:
      return "%";
    case BinaryOp::power:
      return "^";
    case BinaryOp::in:
      return "IN";
    case BinaryOp::starts_with:
      return "STARTS WITH";
    case BinaryOp::ends_with:
      return "ENDS WITH";
    case BinaryOp::contains:
      return "CONTAINS";
    case BinaryOp::regex_match:
      return "=~";
  }
  return "?";
}

const char* spelling(ComparisonOp op) {
  switch (op) {
    case ComparisonOp::equal:
      return "=";
    case ComparisonOp::not_equal:
      return "<>";
    case ComparisonOp::less:
      return "<";
    case ComparisonOp::greater:
      return ">";
    case ComparisonOp::less_equal:
      return "<=";
    case ComparisonOp::greater_equal:
      return ">=";
  }
  return "?";
}

const char* spelling(QuantifierKind kind) {
  switch (kind) {
    case QuantifierKind::all:
      return "all";
    case QuantifierKind::any:
      return "any";
    case QuantifierKind::none:
      return "none";
    case QuantifierKind::single:
      return "single";
  }
  return "?";
}

}  // namespace jurigraph::query::cypher
