// Patterns: `p = shortestPath((a:A {k: 1})-[r:T1|T2*1..3]->(b))` and the short relationship
// forms `-->`, `<--`, `--`. The lexer gives `->` and `<-` as single tokens, so `-->` arrives as
// '-' '->' and `<--` as '<-' '-'.
#include <limits>

#include "query/cypher/lexer.hpp"
#include "query/cypher/parser_internal.hpp"

namespace jurigraph::query::cypher::detail {

std::vector<PatternPart> Parser::pattern() {
  std::vector<PatternPart> parts;
  parts.push_back(pattern_part());
  while (accept(TokenKind::comma))
    parts.push_back(pattern_part());
  return parts;
}

PatternPart Parser::pattern_part() {
  PatternPart part;
  part.pos = peek().pos;
  if (at(TokenKind::identifier) && at(TokenKind::equal, 1)) {
    part.path_variable = expect_name("a path variable");
    advance();  // '='
  }
  const bool shortest = at_keyword(Keyword::shortestpath);
  if ((shortest || at_keyword(Keyword::allshortestpaths)) && at(TokenKind::lparen, 1)) {
    part.selector = shortest ? PathSelector::shortest : PathSelector::all_shortest;
    advance();
    advance();  // '('
    part.element = pattern_element();
    expect(TokenKind::rparen,
           shortest ? "')' to close shortestPath(" : "')' to close allShortestPaths(");
    return part;
  }
  part.element = pattern_element();
  return part;
}

PatternElement Parser::pattern_element() {
  // `((a)-->(b))`: a parenthesised element; a node pattern never starts with '(('.
  if (at(TokenKind::lparen) && at(TokenKind::lparen, 1)) {
    const DepthGuard guard(*this);
    advance();
    PatternElement inner = pattern_element();
    expect(TokenKind::rparen, "')' to close the parenthesised pattern");
    return inner;
  }
  PatternElement e;
  e.pos = peek().pos;
  e.nodes.push_back(node_pattern());
  while (at_relationship_start()) {
    e.relationships.push_back(relationship_pattern());
    if (!at(TokenKind::lparen))
      fail_expected("'(' to start the node pattern after the relationship");
    e.nodes.push_back(node_pattern());
  }
  return e;
}

NodePattern Parser::node_pattern() {
  NodePattern n;
  n.pos = expect(TokenKind::lparen, "'(' to start a node pattern").pos;
  // Any word can name a variable here: `(end)` cannot be read as anything else.
  if (at(TokenKind::identifier))
    n.variable = expect_name("a variable");
  while (accept(TokenKind::colon))
    n.labels.push_back(expect_name("a label after ':'"));
  n.properties = pattern_properties();
  expect(TokenKind::rparen, "')'");
  return n;
}

ExprPtr Parser::pattern_properties() {
  if (at(TokenKind::lbrace))
    return map_literal();
  if (at(TokenKind::parameter)) {
    const Token& t = advance();
    return make(t.pos, Parameter{t.text});
  }
  return nullptr;
}

bool Parser::at_relationship_start() const {
  const auto dash_follows = [this](std::size_t k) {
    return at(TokenKind::lbracket, k) || at(TokenKind::minus, k) || at(TokenKind::arrow_right, k);
  };
  if (at(TokenKind::arrow_left))
    return dash_follows(1);
  if (at(TokenKind::less) && at(TokenKind::minus, 1))
    return dash_follows(2);
  if (at(TokenKind::minus))
    return dash_follows(1);
  return false;
}

RelationshipPattern Parser::relationship_pattern() {
  RelationshipPattern r;
  r.pos = peek().pos;
  bool left = false;
  if (accept(TokenKind::arrow_left)) {
    left = true;
  } else if (accept(TokenKind::less)) {
    left = true;
    advance();  // '-'
  } else {
    advance();  // '-'
  }
  if (accept(TokenKind::lbracket)) {
    relationship_detail(r);
    expect(TokenKind::rbracket, "']'");
  }
  bool right = false;
  if (accept(TokenKind::arrow_right)) {
    right = true;
  } else if (accept(TokenKind::minus)) {
    right = accept(TokenKind::greater);
  } else {
    fail_expected("'-' or '->' to end the relationship pattern");
  }
  if (left != right)
    r.direction = left ? Direction::incoming : Direction::outgoing;
  else
    r.direction = Direction::undirected;  // `--`, and `<-->` as openCypher reads it: either way
  return r;
}

void Parser::relationship_detail(RelationshipPattern& r) {
  if (at(TokenKind::identifier))
    r.variable = expect_name("a variable");
  if (accept(TokenKind::colon)) {
    r.types.push_back(expect_name("a relationship type after ':'"));
    while (accept(TokenKind::pipe)) {
      accept(TokenKind::colon);  // `:T1|:T2` is the older spelling of `:T1|T2`
      r.types.push_back(expect_name("a relationship type after '|'"));
    }
  }
  if (at(TokenKind::star))
    r.length = variable_length();
  else if (at(TokenKind::dotdot))
    fail_at(peek().pos, "expected '*' before the bounds of a variable-length relationship");
  r.properties = pattern_properties();
}

VariableLength Parser::variable_length() {
  VariableLength v;
  v.pos = advance().pos;  // '*'
  const auto bound = [this]() -> std::optional<int64_t> {
    if (at(TokenKind::integer)) {
      const Token& t = advance();
      const std::optional<uint64_t> value = integer_magnitude(t.text);
      if (!value || *value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
        fail_at(t.pos, "variable-length bound is too large: " + t.text);
      return static_cast<int64_t>(*value);
    }
    if (at(TokenKind::minus) || at(TokenKind::float_number) || at(TokenKind::parameter))
      fail_at(peek().pos, "variable-length bound must be a non-negative integer");
    return std::nullopt;
  };
  v.min = bound();
  if (accept(TokenKind::dotdot)) {
    v.max = bound();
  } else if (v.min) {
    v.max = v.min;  // `*3` is exactly three
  }
  return v;
}

bool Parser::looks_like_pattern(std::size_t ahead) const {
  if (!at(TokenKind::lparen, ahead))
    return false;
  // The inside must read as a node pattern: `()`, `(a)`, `(:L…`, `(a:L…`, `({…`, `(a {…`, `($p`.
  const std::size_t first = ahead + 1;
  const auto node_detail = [this](std::size_t k) {
    return at(TokenKind::rparen, k) || at(TokenKind::colon, k) || at(TokenKind::lbrace, k) ||
           at(TokenKind::parameter, k);
  };
  if (!(node_detail(first) || (at(TokenKind::identifier, first) && node_detail(first + 1))))
    return false;
  // Find the matching ')', then look for a relationship after it.
  std::size_t depth = 0;
  std::size_t k = ahead;
  for (;; ++k) {
    const TokenKind kind = peek(k).kind;
    if (kind == TokenKind::end)
      return false;
    if (kind == TokenKind::lparen || kind == TokenKind::lbracket || kind == TokenKind::lbrace)
      ++depth;
    else if (kind == TokenKind::rparen || kind == TokenKind::rbracket || kind == TokenKind::rbrace)
      --depth;
    if (depth == 0)
      break;
  }
  const auto dash_follows = [this](std::size_t j) {
    return at(TokenKind::lbracket, j) || at(TokenKind::minus, j) || at(TokenKind::arrow_right, j);
  };
  if (at(TokenKind::arrow_left, k + 1))
    return dash_follows(k + 2);
  if (at(TokenKind::minus, k + 1))
    return dash_follows(k + 2);
  return false;
}

}  // namespace jurigraph::query::cypher::detail
