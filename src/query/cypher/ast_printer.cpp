#include "query/cypher/ast_printer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "query/cypher/token.hpp"
#include "query/cypher/value.hpp"

namespace jurigraph::query::cypher {
namespace {

// A variable: reserved words must be quoted too, or they would read as keywords (a reserved
// word is a plain name: no backtick inside to double).
std::string variable_name(std::string_view name) {
  return is_reserved(keyword_of(name)) ? "`" + std::string(name) + "`" : quoted_name(name);
}

std::string float_text(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string out(buffer, result.ptr);
  if (out.find_first_of(".en") == std::string::npos)
    out += ".0";  // keep it a float when read back
  return out;
}

class Printer {
 public:
  std::string out;

  void expression(const Expression& e) {
    std::visit([this](const auto& node) { print(node); }, e.node);
  }

  // The object of a postfix operator: a negative number literal needs parentheses, since
  // `-1[0]` reads as `-(1[0])`.
  void postfix_object(const Expression& e) {
    const bool negative_literal =
        (e.as<IntegerLiteral>() && e.as<IntegerLiteral>()->value < 0) ||
        (e.as<FloatLiteral>() && std::signbit(e.as<FloatLiteral>()->value));
    if (negative_literal)
      out += '(';
    expression(e);
    if (negative_literal)
      out += ')';
  }

  void expressions(const std::vector<ExprPtr>& list) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i > 0)
        out += ", ";
      expression(*list[i]);
    }
  }

  void print(const NullLiteral&) { out += "null"; }
  void print(const BoolLiteral& b) { out += b.value ? "true" : "false"; }
  void print(const IntegerLiteral& i) { out += std::to_string(i.value); }
  void print(const FloatLiteral& f) { out += float_text(f.value); }
  void print(const StringLiteral& s) { out += quoted_string(s.value); }
  void print(const ListLiteral& l) {
    out += '[';
    expressions(l.items);
    out += ']';
  }
  void print(const MapLiteral& m) {
    out += '{';
    for (std::size_t i = 0; i < m.entries.size(); ++i) {
      if (i > 0)
        out += ", ";
      out += quoted_name(m.entries[i].key.text) + ": ";
      expression(*m.entries[i].value);
    }
    out += '}';
  }
  void print(const Parameter& p) {
    const bool digits =
        !p.name.empty() && p.name.find_first_not_of("0123456789") == std::string::npos;
    out += '$' + (digits ? p.name : quoted_name(p.name));
  }
  void print(const Variable& v) { out += variable_name(v.name); }
  void print(const PropertyAccess& p) {
    postfix_object(*p.object);
    out += '.' + quoted_name(p.key.text);
  }
  void print(const Subscript& s) {
    postfix_object(*s.object);
    out += '[';
    expression(*s.index);
    out += ']';
  }
  void print(const Slice& s) {
    postfix_object(*s.object);
    out += '[';
    if (s.from)
      expression(*s.from);
    out += "..";
    if (s.to)
      expression(*s.to);
    out += ']';
  }
  void print(const FunctionCall& f) {
    out += f.name + '(';
    if (f.distinct)
      out += "DISTINCT ";
    expressions(f.args);
    out += ')';
  }
  void print(const CountStar&) { out += "count(*)"; }
  void print(const UnaryExpr& u) {
    out += '(';
    out += spelling(u.op);
    if (u.op == UnaryOp::logical_not)
      out += ' ';
    // `-(1)` must not read back as the literal -1.
    const bool number = u.operand->as<IntegerLiteral>() || u.operand->as<FloatLiteral>();
    if (number)
      out += '(';
    expression(*u.operand);
    if (number)
      out += ')';
    out += ')';
  }
  void print(const BinaryExpr& b) {
    out += '(';
    expression(*b.left);
    out += ' ';
    out += spelling(b.op);
    out += ' ';
    expression(*b.right);
    out += ')';
  }
  void print(const ComparisonChain& c) {
    out += '(';
    expression(*c.first);
    for (const ComparisonStep& step : c.rest) {
      out += ' ';
      out += spelling(step.op);
      out += ' ';
      expression(*step.operand);
    }
    out += ')';
  }
  void print(const IsNull& n) {
    out += '(';
    expression(*n.operand);
    out += n.negated ? " IS NOT NULL)" : " IS NULL)";
  }
  void print(const HasLabels& h) {
    out += '(';
    postfix_object(*h.operand);
    labels(h.labels);
    out += ')';
  }
  void print(const PatternPredicate& p) { element(p.pattern); }
  void print(const CaseExpr& c) {
    out += "CASE";
    if (c.subject) {
      out += ' ';
      expression(*c.subject);
    }
    for (const CaseAlternative& alt : c.alternatives) {
      out += " WHEN ";
      expression(*alt.when);
      out += " THEN ";
      expression(*alt.then);
    }
    if (c.otherwise) {
      out += " ELSE ";
      expression(*c.otherwise);
    }
    out += " END";
  }
  void print(const ListComprehension& l) {
    out += '[' + variable_name(l.variable.text) + " IN ";
    expression(*l.list);
    if (l.where) {
      out += " WHERE ";
      expression(*l.where);
    }
    if (l.projection) {
      out += " | ";
      expression(*l.projection);
    }
    out += ']';
  }
  void print(const PatternComprehension& p) {
    out += '[';
    if (p.path_variable)
      out += variable_name(p.path_variable->text) + " = ";
    element(p.pattern);
    if (p.where) {
      out += " WHERE ";
      expression(*p.where);
    }
    out += " | ";
    expression(*p.projection);
    out += ']';
  }
  void print(const Quantifier& q) {
    out += spelling(q.kind);
    out += '(' + variable_name(q.variable.text) + " IN ";
    expression(*q.list);
    if (q.where) {
      out += " WHERE ";
      expression(*q.where);
    }
    out += ')';
  }

  void print(const ExistsSubquery& e) {
    out += "EXISTS { ";
    single_query(*e.query);
    out += " }";
  }

  void labels(const std::vector<Name>& names, char separator = ':') {
    for (std::size_t i = 0; i < names.size(); ++i) {
      out += i == 0 ? ':' : separator;
      out += quoted_name(names[i].text);
    }
  }

  void properties(const ExprPtr& map) {
    if (!map)
      return;
    out += ' ';
    expression(*map);
  }

  void node(const NodePattern& n) {
    out += '(';
    if (n.variable)
      out += variable_name(n.variable->text);
    labels(n.labels);
    if (n.properties && (n.variable || !n.labels.empty()))
      properties(n.properties);
    else if (n.properties)
      expression(*n.properties);
    out += ')';
  }

  void relationship(const RelationshipPattern& r) {
    out += r.direction == Direction::incoming ? "<-" : "-";
    const bool detail = r.variable || !r.types.empty() || r.length || r.properties;
    if (detail) {
      out += '[';
      if (r.variable)
        out += variable_name(r.variable->text);
      labels(r.types, '|');
      if (r.length) {
        out += '*';
        const VariableLength& v = *r.length;
        if (v.min && v.max && *v.min == *v.max) {
          out += std::to_string(*v.min);
        } else if (v.min || v.max) {
          if (v.min)
            out += std::to_string(*v.min);
          out += "..";
          if (v.max)
            out += std::to_string(*v.max);
        }
      }
      if (r.properties && (r.variable || !r.types.empty() || r.length))
        properties(r.properties);
      else if (r.properties)
        expression(*r.properties);
      out += ']';
    }
    out += r.direction == Direction::outgoing ? "->" : "-";
  }

  void element(const PatternElement& e) {
    for (std::size_t i = 0; i < e.nodes.size(); ++i) {
      if (i > 0)
        relationship(e.relationships[i - 1]);
      node(e.nodes[i]);
    }
  }

  void part(const PatternPart& p) {
    if (p.path_variable)
      out += variable_name(p.path_variable->text) + " = ";
    switch (p.selector) {
      case PathSelector::all_paths:
        element(p.element);
        return;
      case PathSelector::shortest:
        out += "shortestPath(";
        break;
      case PathSelector::all_shortest:
        out += "allShortestPaths(";
        break;
    }
    element(p.element);
    out += ')';
  }

  void pattern(const std::vector<PatternPart>& parts) {
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0)
        out += ", ";
      part(parts[i]);
    }
  }

  void projection(const Projection& p) {
    if (p.distinct)
      out += "DISTINCT ";
    if (p.star)
      out += '*';
    for (std::size_t i = 0; i < p.items.size(); ++i) {
      if (i > 0 || p.star)
        out += ", ";
      expression(*p.items[i].expression);
      if (p.items[i].alias)
        out += " AS " + variable_name(p.items[i].alias->text);
    }
    for (std::size_t i = 0; i < p.order_by.size(); ++i) {
      out += i == 0 ? " ORDER BY " : ", ";
      expression(*p.order_by[i].expression);
      if (p.order_by[i].direction == SortDirection::descending)
        out += " DESC";
    }
    if (p.skip) {
      out += " SKIP ";
      expression(*p.skip);
    }
    if (p.limit) {
      out += " LIMIT ";
      expression(*p.limit);
    }
  }

  void where(const ExprPtr& condition) {
    if (!condition)
      return;
    out += " WHERE ";
    expression(*condition);
  }

  void clause(const Clause& c) {
    std::visit([this](const auto& node) { print_clause(node); }, c);
  }
  void print_clause(const Match& m) {
    out += m.optional ? "OPTIONAL MATCH " : "MATCH ";
    pattern(m.pattern);
    where(m.where);
  }
  void print_clause(const Unwind& u) {
    out += "UNWIND ";
    expression(*u.list);
    out += " AS " + variable_name(u.variable.text);
  }
  void print_clause(const With& w) {
    out += "WITH ";
    projection(w.projection);
    where(w.where);
  }
  void print_clause(const Return& r) {
    out += "RETURN ";
    projection(r.projection);
  }
  void print_clause(const Create& c) {
    out += "CREATE ";
    pattern(c.pattern);
  }

  void single_query(const SingleQuery& q) {
    for (std::size_t i = 0; i < q.clauses.size(); ++i) {
      if (i > 0)
        out += ' ';
      clause(q.clauses[i]);
    }
  }
};

}  // namespace

std::string to_string(const Query& query) {
  Printer p;
  for (std::size_t i = 0; i < query.parts.size(); ++i) {
    if (i > 0)
      p.out += query.union_all ? " UNION ALL " : " UNION ";
    p.single_query(query.parts[i]);
  }
  return std::move(p.out);
}

std::string to_string(const SingleQuery& query) {
  Printer p;
  p.single_query(query);
  return std::move(p.out);
}

std::string to_string(const Clause& clause) {
  Printer p;
  p.clause(clause);
  return std::move(p.out);
}

std::string to_string(const Expression& expression) {
  Printer p;
  p.expression(expression);
  return std::move(p.out);
}

std::string to_string(const PatternPart& part) {
  Printer p;
  p.part(part);
  return std::move(p.out);
}

std::string to_string(const PatternElement& element) {
  Printer p;
  p.element(element);
  return std::move(p.out);
}

}  // namespace jurigraph::query::cypher
