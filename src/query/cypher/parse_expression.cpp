// Expressions, one function per precedence level of openCypher 9 (lowest first):
//   OR < XOR < AND < NOT < comparisons (chained: a < b < c)
//   < STARTS WITH, ENDS WITH, CONTAINS, =~, IN, IS [NOT] NULL (left to right)
//   < + - < * / % < ^ (left-associative) < unary + - < postfix . [i] [i..j] < :Label < atoms.
// The TCK's expressions/precedence features pin these down; in particular unary minus binds
// tighter than ^ (-3 ^ 2 = 9) and IN looser than + ([1]+2 IN [3]+4 = ([1]+2) IN ([3]+4)).
#include <limits>

#include "query/cypher/lexer.hpp"
#include "query/cypher/parser_internal.hpp"

namespace jurigraph::query::cypher::detail {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i]))
      return false;
  }
  return true;
}

}  // namespace

ExprPtr Parser::make(uint32_t pos, ExpressionNode node) const {
  auto e = std::make_unique<Expression>();
  e->pos = pos;
  e->end = last_end();
  e->node = std::move(node);
  return e;
}

ExprPtr Parser::binary(BinaryOp op, uint32_t op_pos, ExprPtr left, ExprPtr right) const {
  const uint32_t pos = left->pos;
  return make(pos, BinaryExpr{op, op_pos, std::move(left), std::move(right)});
}

ExprPtr Parser::expression() {
  const DepthGuard guard(*this);
  return or_expression();
}

ExprPtr Parser::or_expression() {
  ChainGuard chain(*this);
  ExprPtr e = xor_expression();
  while (at_keyword(Keyword::or_)) {
    const uint32_t op_pos = advance().pos;
    chain.link(op_pos);
    ExprPtr right = xor_expression();
    e = binary(BinaryOp::logical_or, op_pos, std::move(e), std::move(right));
  }
  return e;
}

ExprPtr Parser::xor_expression() {
  ChainGuard chain(*this);
  ExprPtr e = and_expression();
  while (at_keyword(Keyword::xor_)) {
    const uint32_t op_pos = advance().pos;
    chain.link(op_pos);
    ExprPtr right = and_expression();
    e = binary(BinaryOp::logical_xor, op_pos, std::move(e), std::move(right));
  }
  return e;
}

ExprPtr Parser::and_expression() {
  ChainGuard chain(*this);
  ExprPtr e = not_expression();
  while (at_keyword(Keyword::and_)) {
    const uint32_t op_pos = advance().pos;
    chain.link(op_pos);
    ExprPtr right = not_expression();
    e = binary(BinaryOp::logical_and, op_pos, std::move(e), std::move(right));
  }
  return e;
}

ExprPtr Parser::not_expression() {
  if (!at_keyword(Keyword::not_))
    return comparison_expression();
  const DepthGuard guard(*this);
  const uint32_t pos = advance().pos;
  ExprPtr operand = not_expression();
  return make(pos, UnaryExpr{UnaryOp::logical_not, std::move(operand)});
}

ExprPtr Parser::comparison_expression() {
  ExprPtr first = predicate_expression();
  std::vector<ComparisonStep> steps;
  for (;;) {
    if (at(TokenKind::arrow_left))
      split_arrow_left();  // `x<-1` compares x with -1
    ComparisonOp op;
    switch (peek().kind) {
      case TokenKind::equal:
        op = ComparisonOp::equal;
        break;
      case TokenKind::not_equal:
        op = ComparisonOp::not_equal;
        break;
      case TokenKind::less:
        op = ComparisonOp::less;
        break;
      case TokenKind::greater:
        op = ComparisonOp::greater;
        break;
      case TokenKind::less_equal:
        op = ComparisonOp::less_equal;
        break;
      case TokenKind::greater_equal:
        op = ComparisonOp::greater_equal;
        break;
      default:
        if (steps.empty())
          return first;
        {
          const uint32_t pos = first->pos;
          return make(pos, ComparisonChain{std::move(first), std::move(steps)});
        }
    }
    const uint32_t op_pos = advance().pos;
    steps.push_back(ComparisonStep{op, op_pos, predicate_expression()});
  }
}

ExprPtr Parser::predicate_expression() {
  ChainGuard chain(*this);
  ExprPtr e = additive_expression();
  for (;;) {
    BinaryOp op;
    const uint32_t op_pos = peek().pos;
    if (at_keyword(Keyword::starts)) {
      advance();
      expect_keyword(Keyword::with, "WITH after STARTS");
      op = BinaryOp::starts_with;
    } else if (at_keyword(Keyword::ends)) {
      advance();
      expect_keyword(Keyword::with, "WITH after ENDS");
      op = BinaryOp::ends_with;
    } else if (accept_keyword(Keyword::contains)) {
      op = BinaryOp::contains;
    } else if (accept(TokenKind::regex_match)) {
      op = BinaryOp::regex_match;
    } else if (accept_keyword(Keyword::in)) {
      op = BinaryOp::in;
    } else if (accept_keyword(Keyword::is)) {
      const bool negated = accept_keyword(Keyword::not_);
      expect_keyword(Keyword::null, negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS");
      chain.link(op_pos);
      const uint32_t pos = e->pos;
      e = make(pos, IsNull{std::move(e), negated});
      continue;
    } else {
      return e;
    }
    chain.link(op_pos);
    ExprPtr right = additive_expression();
    e = binary(op, op_pos, std::move(e), std::move(right));
  }
}

ExprPtr Parser::additive_expression() {
  ChainGuard chain(*this);
  ExprPtr e = multiplicative_expression();
  for (;;) {
    BinaryOp op;
    if (at(TokenKind::plus))
      op = BinaryOp::add;
    else if (at(TokenKind::minus))
      op = BinaryOp::subtract;
    else
      return e;
    const uint32_t op_pos = advance().pos;
    chain.link(op_pos);
    ExprPtr right = multiplicative_expression();
    e = binary(op, op_pos, std::move(e), std::move(right));
  }
}

ExprPtr Parser::multiplicative_expression() {
  ChainGuard chain(*this);
  ExprPtr e = power_expression();
  for (;;) {
    BinaryOp op;
    if (at(TokenKind::star))
      op = BinaryOp::multiply;
    else if (at(TokenKind::slash))
      op = BinaryOp::divide;
    else if (at(TokenKind::percent))
      op = BinaryOp::modulo;
    else
      return e;
    const uint32_t op_pos = advance().pos;
    chain.link(op_pos);
    ExprPtr right = power_expression();
    e = binary(op, op_pos, std::move(e), std::move(right));
  }
}

ExprPtr Parser::power_expression() {
  ChainGuard chain(*this);
  ExprPtr e = unary_expression();
  while (at(TokenKind::caret)) {
    const uint32_t op_pos = advance().pos;
    chain.link(op_pos);
    ExprPtr right = unary_expression();
    e = binary(BinaryOp::power, op_pos, std::move(e), std::move(right));
  }
  return e;
}

ExprPtr Parser::unary_expression() {
  if (!at(TokenKind::minus) && !at(TokenKind::plus))
    return postfix_expression();
  const DepthGuard guard(*this);
  const bool minus = at(TokenKind::minus);
  const uint32_t pos = advance().pos;
  // `-9223372036854775808` is a literal, not the negation of one that does not fit; fold the
  // sign into a number unless a postfix operator follows (`-1[0]` is `-(1[0])`).
  const bool number = at(TokenKind::integer) || at(TokenKind::float_number);
  if (minus && number && !at(TokenKind::dot, 1) && !at(TokenKind::lbracket, 1))
    return number_literal(/*negative=*/true, pos);
  ExprPtr operand = unary_expression();
  return make(pos, UnaryExpr{minus ? UnaryOp::negate : UnaryOp::plus, std::move(operand)});
}

ExprPtr Parser::number_literal(bool negative, uint32_t pos) {
  const Token& t = advance();
  const std::string sign = negative ? "-" : "";
  if (t.kind == TokenKind::float_number) {
    const std::optional<double> value = float_value(t.text);
    if (!value)
      fail_at(pos, "floating-point literal is too large for a 64-bit float: " + sign + t.text);
    return make(pos, FloatLiteral{negative ? -*value : *value});
  }
  const std::optional<uint64_t> magnitude = integer_magnitude(t.text);
  constexpr auto max = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (!magnitude || *magnitude > max + (negative ? 1 : 0))
    fail_at(pos, std::string("integer literal is too ") + (negative ? "small" : "large") +
                     " for a 64-bit integer: " + sign + t.text);
  int64_t value = 0;
  if (negative)
    value = *magnitude == max + 1 ? std::numeric_limits<int64_t>::min()
                                  : -static_cast<int64_t>(*magnitude);
  else
    value = static_cast<int64_t>(*magnitude);
  return make(pos, IntegerLiteral{value});
}

ExprPtr Parser::postfix_expression() {
  ChainGuard chain(*this);
  ExprPtr e = atom();
  const uint32_t pos = e->pos;
  for (;;) {
    chain.link(peek().pos);
    if (accept(TokenKind::dot)) {
      Name key = expect_name("a property name after '.'");
      e = make(pos, PropertyAccess{std::move(e), std::move(key)});
    } else if (accept(TokenKind::lbracket)) {
      ExprPtr from;
      if (!at(TokenKind::dotdot))
        from = expression();
      if (accept(TokenKind::dotdot)) {
        ExprPtr to;
        if (!at(TokenKind::rbracket))
          to = expression();
        expect(TokenKind::rbracket, "']' to close the slice");
        e = make(pos, Slice{std::move(e), std::move(from), std::move(to)});
      } else {
        expect(TokenKind::rbracket, "']' to close the subscript");
        e = make(pos, Subscript{std::move(e), std::move(from)});
      }
    } else {
      break;
    }
  }
  if (at(TokenKind::colon)) {
    std::vector<Name> labels;
    while (accept(TokenKind::colon))
      labels.push_back(expect_name("a label after ':'"));
    e = make(pos, HasLabels{std::move(e), std::move(labels)});
  }
  return e;
}

ExprPtr Parser::atom() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::integer:
    case TokenKind::float_number:
      return number_literal(/*negative=*/false, t.pos);
    case TokenKind::string: {
      const Token& s = advance();
      return make(s.pos, StringLiteral{s.text});
    }
    case TokenKind::parameter: {
      const Token& p = advance();
      return make(p.pos, Parameter{p.text});
    }
    case TokenKind::lbracket:
      return bracket_expression();
    case TokenKind::lbrace:
      return map_literal();
    case TokenKind::lparen: {
      if (looks_like_pattern(0)) {
        const uint32_t pos = t.pos;
        PatternElement element = pattern_element();
        return make(pos, PatternPredicate{std::move(element)});
      }
      const uint32_t pos = advance().pos;
      ExprPtr inner = expression();
      expect(TokenKind::rparen, "')'");
      // The parentheses belong to the expression's text: `RETURN (a + b)` names its column so.
      inner->pos = pos;
      inner->end = last_end();
      return inner;
    }
    case TokenKind::identifier:
      break;
    default:
      fail_expected("an expression");
  }
  const uint32_t pos = t.pos;
  switch (t.keyword) {
    case Keyword::true_:
    case Keyword::false_: {
      const bool value = t.keyword == Keyword::true_;
      advance();
      return make(pos, BoolLiteral{value});
    }
    case Keyword::null:
      advance();
      return make(pos, NullLiteral{});
    case Keyword::case_:
      return case_expression();
    case Keyword::count:
      if (at(TokenKind::lparen, 1) && at(TokenKind::star, 2)) {
        advance();
        advance();
        advance();
        expect(TokenKind::rparen, "')' after count(*");
        return make(pos, CountStar{});
      }
      if (at(TokenKind::lbrace, 1))
        fail_at(pos, "COUNT subqueries are not supported");
      break;
    case Keyword::exists:
      if (at(TokenKind::lbrace, 1))
        return exists_subquery();
      if (at(TokenKind::lparen, 1))
        return function_call();
      break;
    case Keyword::all:
      if (at(TokenKind::lparen, 1))
        return quantifier(QuantifierKind::all);
      break;
    case Keyword::any:
    case Keyword::none_:
    case Keyword::single:
      if (at(TokenKind::lparen, 1) && at(TokenKind::identifier, 2) && at_keyword(Keyword::in, 3)) {
        const QuantifierKind kind = t.keyword == Keyword::any     ? QuantifierKind::any
                                    : t.keyword == Keyword::none_ ? QuantifierKind::none
                                                                  : QuantifierKind::single;
        return quantifier(kind);
      }
      break;
    default:
      break;
  }
  if (is_reserved(t.keyword))
    fail_expected("an expression");
  // `f(…)` or `namespace.f(…)`
  std::size_t k = 1;
  while (at(TokenKind::dot, k) && at(TokenKind::identifier, k + 1))
    k += 2;
  if (at(TokenKind::lparen, k))
    return function_call();
  const Token& v = advance();
  return make(pos, Variable{v.text});
}

ExprPtr Parser::function_call() {
  const uint32_t pos = peek().pos;
  FunctionCall call;
  call.name = advance().text;
  while (accept(TokenKind::dot))
    call.name += "." + expect_name("a function name after '.'").text;
  expect(TokenKind::lparen, "'('");
  call.distinct = accept_keyword(Keyword::distinct);
  if (!accept(TokenKind::rparen)) {
    do {
      call.args.push_back(expression());
    } while (accept(TokenKind::comma));
    expect(TokenKind::rparen, "',' or ')' in the arguments of " + call.name + "()");
  }
  // openCypher 9 keeps patterns as predicates; size() of one was Neo4j 3's way of counting.
  if (call.args.size() == 1 && call.args[0]->as<PatternPredicate>() &&
      equals_ignoring_case(call.name, "size"))
    fail_at(call.args[0]->pos,
            "size() of a pattern is not supported: count the matches with "
            "size([(a)-->(b) | b]) or count(*)");
  return make(pos, std::move(call));
}

ExprPtr Parser::bracket_expression() {
  const uint32_t pos = peek().pos;
  // `[x IN list WHERE pred | projection]`
  if (at(TokenKind::identifier, 1) && !is_reserved(peek(1).keyword) && at_keyword(Keyword::in, 2)) {
    advance();
    ListComprehension c;
    c.variable = expect_name("a variable");
    advance();  // IN
    c.list = expression();
    if (accept_keyword(Keyword::where))
      c.where = expression();
    if (accept(TokenKind::pipe))
      c.projection = expression();
    expect(TokenKind::rbracket, "']' to close the list comprehension");
    return make(pos, std::move(c));
  }
  // `[p = (a)-->(b) WHERE pred | projection]`
  const bool path_variable =
      at(TokenKind::identifier, 1) && at(TokenKind::equal, 2) && looks_like_pattern(3);
  if (path_variable || looks_like_pattern(1)) {
    advance();
    PatternComprehension c;
    if (path_variable) {
      c.path_variable = expect_name("a path variable");
      advance();  // '='
    }
    c.pattern = pattern_element();
    if (accept_keyword(Keyword::where))
      c.where = expression();
    expect(TokenKind::pipe, "'|' and the projection of the pattern comprehension");
    c.projection = expression();
    expect(TokenKind::rbracket, "']' to close the pattern comprehension");
    return make(pos, std::move(c));
  }
  advance();
  ListLiteral list;
  if (!accept(TokenKind::rbracket)) {
    do {
      list.items.push_back(expression());
    } while (accept(TokenKind::comma));
    expect(TokenKind::rbracket, "',' or ']' in the list");
  }
  return make(pos, std::move(list));
}

ExprPtr Parser::map_literal() {
  const uint32_t pos = expect(TokenKind::lbrace, "'{'").pos;
  MapLiteral map;
  if (!accept(TokenKind::rbrace)) {
    do {
      MapEntry entry;
      entry.key = expect_name("a property key");
      expect(TokenKind::colon, "':' after the property key");
      entry.value = expression();
      map.entries.push_back(std::move(entry));
    } while (accept(TokenKind::comma));
    expect(TokenKind::rbrace, "',' or '}' in the map");
  }
  return make(pos, std::move(map));
}

ExprPtr Parser::case_expression() {
  const uint32_t pos = advance().pos;  // CASE
  CaseExpr c;
  if (!at_keyword(Keyword::when) && !at_keyword(Keyword::else_) && !at_keyword(Keyword::end))
    c.subject = expression();
  if (!at_keyword(Keyword::when))
    fail_expected("WHEN");
  while (accept_keyword(Keyword::when)) {
    CaseAlternative alt;
    alt.when = expression();
    expect_keyword(Keyword::then, "THEN");
    alt.then = expression();
    c.alternatives.push_back(std::move(alt));
  }
  if (accept_keyword(Keyword::else_)) {
    c.otherwise = expression();
    expect_keyword(Keyword::end, "END to close CASE");
  } else {
    expect_keyword(Keyword::end, "WHEN, ELSE or END");
  }
  return make(pos, std::move(c));
}

ExprPtr Parser::exists_subquery() {
  const uint32_t pos = advance().pos;  // EXISTS
  advance();                           // '{'
  auto query = std::make_unique<SingleQuery>();
  query->pos = peek().pos;
  const Token& t = peek();
  const bool full =
      t.kind == TokenKind::identifier &&
      (t.keyword == Keyword::match || t.keyword == Keyword::optional ||
       t.keyword == Keyword::unwind || t.keyword == Keyword::with ||
       t.keyword == Keyword::return_ || t.keyword == Keyword::create ||
       t.keyword == Keyword::merge || t.keyword == Keyword::set || t.keyword == Keyword::delete_ ||
       t.keyword == Keyword::detach || t.keyword == Keyword::remove || t.keyword == Keyword::call ||
       t.keyword == Keyword::foreach || t.keyword == Keyword::load);
  if (full) {
    do {
      const std::string after =
          query->clauses.empty() ? std::string() : std::string(clause_name(query->clauses.back()));
      query->clauses.push_back(clause(after));
    } while (!std::holds_alternative<Return>(query->clauses.back()) && !at(TokenKind::rbrace));
  } else {
    Match match;
    match.pos = query->pos;
    match.pattern = pattern();
    if (accept_keyword(Keyword::where))
      match.where = expression();
    query->clauses.emplace_back(std::move(match));
  }
  expect(TokenKind::rbrace, "'}' to close EXISTS {");
  return make(pos, ExistsSubquery{std::move(query)});
}

ExprPtr Parser::quantifier(QuantifierKind kind) {
  const uint32_t pos = advance().pos;
  advance();  // '('
  Quantifier q;
  q.kind = kind;
  if (!at(TokenKind::identifier) || is_reserved(peek().keyword))
    fail_expected(std::string("a variable in ") + spelling(kind) + "(x IN list WHERE predicate)");
  q.variable = expect_name("a variable");
  expect_keyword(Keyword::in, "IN after the variable");
  q.list = expression();
  if (accept_keyword(Keyword::where))
    q.where = expression();
  expect(TokenKind::rparen, std::string("')' to close ") + spelling(kind) + "(");
  return make(pos, std::move(q));
}

}  // namespace jurigraph::query::cypher::detail
