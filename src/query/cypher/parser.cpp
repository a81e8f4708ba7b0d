// The token cursor, error reporting and clauses of the parser; patterns and expressions are in
// parse_pattern.cpp and parse_expression.cpp.
#include "query/cypher/parser.hpp"

#include <utility>

#include "base/utf8.hpp"
#include "query/cypher/lexer.hpp"
#include "query/cypher/parser_internal.hpp"
#include "query/cypher/query_error.hpp"

namespace jurigraph::query::cypher {
namespace detail {
namespace {

// How many code points of a token the messages quote before cutting it short.
constexpr std::size_t kQuotedTokenCodePoints = 30;

}  // namespace

std::string_view clause_name(const Clause& c) {
  if (const auto* m = std::get_if<Match>(&c))
    return m->optional ? "OPTIONAL MATCH" : "MATCH";
  if (std::holds_alternative<Unwind>(c))
    return "UNWIND";
  if (std::holds_alternative<With>(c))
    return "WITH";
  if (std::holds_alternative<Create>(c))
    return "CREATE";
  return "RETURN";
}

Parser::Parser(std::string_view text, const ParseOptions& options)
    : text_(text), options_(options), tokens_(tokenize(text, options.origin)) {}

Parser::DepthGuard::DepthGuard(Parser& p) : parser_(p) {
  ++parser_.height_;
  if (++parser_.depth_ > kMaxDepth) {
    // The destructor does not run for a constructor that throws.
    --parser_.depth_;
    --parser_.height_;
    parser_.fail_at(parser_.peek().pos, "the query is nested too deeply (more than " +
                                            std::to_string(kMaxDepth) + " levels)");
  }
}

void Parser::ChainGuard::link(uint32_t pos) {
  ++links_;
  if (++parser_.height_ > kMaxHeight)
    parser_.fail_at(pos, "the expression is too deep (more than " + std::to_string(kMaxHeight) +
                             " nested or chained operators)");
}

// ---------------------------------------------------------------------------------------------
// Token cursor

const Token& Parser::peek(std::size_t ahead) const {
  const std::size_t k = i_ + ahead;
  return k < tokens_.size() ? tokens_[k] : tokens_.back();
}

const Token& Parser::advance() {
  const Token& t = tokens_[i_];
  if (i_ + 1 < tokens_.size())
    ++i_;
  return t;
}

bool Parser::at_keyword(Keyword k, std::size_t ahead) const {
  const Token& t = peek(ahead);
  return t.kind == TokenKind::identifier && t.keyword == k;
}

bool Parser::accept(TokenKind kind) {
  if (!at(kind))
    return false;
  advance();
  return true;
}

bool Parser::accept_keyword(Keyword k) {
  if (!at_keyword(k))
    return false;
  advance();
  return true;
}

const Token& Parser::expect(TokenKind kind, std::string_view what) {
  if (!at(kind))
    fail_expected(what);
  return advance();
}

void Parser::expect_keyword(Keyword k, std::string_view what) {
  if (!at_keyword(k))
    fail_expected(what);
  advance();
}

Name Parser::expect_name(std::string_view what) {
  if (!at(TokenKind::identifier))
    fail_expected(what);
  const Token& t = advance();
  return Name{t.text, t.pos};
}

uint32_t Parser::last_end() const {
  if (i_ == 0)
    return 0;
  // advance() does not move past the end token, so the last consumed token is i_ - 1 unless
  // the cursor is on the end token and it was never consumed.
  const Token& t = tokens_[i_ - 1];
  return t.pos + t.length;
}

void Parser::split_arrow_left() {
  Token& arrow = tokens_[i_];
  arrow.kind = TokenKind::less;
  arrow.length = 1;
  Token minus;
  minus.kind = TokenKind::minus;
  minus.pos = arrow.pos + 1;
  minus.length = 1;
  tokens_.insert(tokens_.begin() + static_cast<std::ptrdiff_t>(i_) + 1, std::move(minus));
}

void Parser::fail_at(uint32_t pos, std::string message) const {
  throw query_error(text_, options_.origin, pos, std::move(message));
}

std::string Parser::describe(const Token& t) const {
  switch (t.kind) {
    case TokenKind::end:
      return "the end of the query";
    case TokenKind::string:
      return "a string literal";
    default:
      break;
  }
  const std::string_view source = text_.substr(t.pos, t.length);
  std::string shown = utf8::substr_code_points(source, 0, kQuotedTokenCodePoints);
  if (shown.size() < source.size())
    shown += "…";
  return "'" + shown + "'";
}

void Parser::fail_expected(std::string_view what) const {
  const Token& t = peek();
  if (t.kind == TokenKind::end)
    fail_at(t.pos, "unexpected end of query: expected " + std::string(what));
  fail_at(t.pos, "expected " + std::string(what) + " but found " + describe(t));
}

// ---------------------------------------------------------------------------------------------
// Queries and clauses

Query Parser::query() {
  Query q;
  q.origin = options_.origin;
  q.text = std::string(text_);
  bool seen_union = false;
  for (;;) {
    q.parts.push_back(single_query());
    if (!at_keyword(Keyword::union_))
      break;
    const uint32_t union_pos = advance().pos;
    const bool all = accept_keyword(Keyword::all);
    if (seen_union && all != q.union_all)
      fail_at(union_pos, "cannot mix UNION and UNION ALL in one query");
    seen_union = true;
    q.union_all = all;
  }
  if (accept(TokenKind::semicolon) && !at(TokenKind::end))
    fail_at(peek().pos, "expected the end of the query after ';' but found " + describe(peek()) +
                            " (one query at a time)");
  if (!at(TokenKind::end))
    fail_expected("the end of the query or UNION after RETURN");
  return q;
}

SingleQuery Parser::single_query() {
  SingleQuery q;
  q.pos = peek().pos;
  for (;;) {
    const bool stop = at(TokenKind::end) || at(TokenKind::semicolon) || at_keyword(Keyword::union_);
    if (stop && q.clauses.empty())
      fail_expected("a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN)");
    if (stop) {
      const std::string_view last = clause_name(q.clauses.back());
      if (options_.allow_create && std::holds_alternative<Create>(q.clauses.back()))
        return q;
      if (at(TokenKind::end))
        fail_expected("RETURN, WITH or another clause after " + std::string(last) +
                      " (a query must end with RETURN)");
      fail_at(peek().pos, "a query must end with RETURN, but found " + describe(peek()) +
                              " after " + std::string(last));
    }
    const std::string after =
        q.clauses.empty() ? std::string() : std::string(clause_name(q.clauses.back()));
    q.clauses.push_back(clause(after));
    if (std::holds_alternative<Return>(q.clauses.back()))
      return q;
  }
}

Clause Parser::clause(std::string_view after) {
  const Token& t = peek();
  if (t.kind == TokenKind::identifier) {
    switch (t.keyword) {
      case Keyword::match:
      case Keyword::optional:
        return match_clause();
      case Keyword::unwind:
        return unwind_clause();
      case Keyword::with:
        return with_clause();
      case Keyword::return_:
        return return_clause();
      case Keyword::create:
        if (options_.allow_create)
          return create_clause();
        refuse_write_clause();
      case Keyword::merge:
      case Keyword::set:
      case Keyword::delete_:
      case Keyword::detach:
      case Keyword::remove:
      case Keyword::call:
      case Keyword::foreach:
      case Keyword::load:
        refuse_write_clause();
      default:
        break;
    }
  }
  if (after.empty())
    fail_expected("a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN)");
  fail_expected("RETURN, WITH or another clause after " + std::string(after));
}

void Parser::refuse_write_clause() const {
  const Token& t = peek();
  std::string name(keyword_spelling(t.keyword));
  if (t.keyword == Keyword::detach)
    name = "DETACH DELETE";
  else if (t.keyword == Keyword::load)
    name = "LOAD CSV";
  fail_at(t.pos, "the query engine is read-only: " + name + " is not supported");
}

Match Parser::match_clause() {
  Match m;
  m.pos = peek().pos;
  if (accept_keyword(Keyword::optional)) {
    m.optional = true;
    expect_keyword(Keyword::match, "MATCH after OPTIONAL");
  } else {
    advance();  // MATCH
  }
  m.pattern = pattern();
  if (accept_keyword(Keyword::where))
    m.where = expression();
  return m;
}

Unwind Parser::unwind_clause() {
  Unwind u;
  u.pos = advance().pos;
  u.list = expression();
  expect_keyword(Keyword::as, "AS after the UNWIND expression");
  u.variable = expect_name("a variable name after AS");
  return u;
}

With Parser::with_clause() {
  With w;
  w.pos = advance().pos;
  w.projection = projection();
  if (accept_keyword(Keyword::where))
    w.where = expression();
  return w;
}

Return Parser::return_clause() {
  Return r;
  r.pos = advance().pos;
  r.projection = projection();
  return r;
}

Create Parser::create_clause() {
  Create c;
  c.pos = advance().pos;
  c.pattern = pattern();
  return c;
}

Projection Parser::projection() {
  Projection p;
  p.distinct = accept_keyword(Keyword::distinct);
  if (accept(TokenKind::star)) {
    p.star = true;
    if (accept(TokenKind::comma))
      p.items.push_back(projection_item());
  } else {
    p.items.push_back(projection_item());
  }
  while (accept(TokenKind::comma))
    p.items.push_back(projection_item());
  if (at_keyword(Keyword::order)) {
    advance();
    expect_keyword(Keyword::by, "BY after ORDER");
    do {
      SortItem s;
      s.pos = peek().pos;
      s.expression = expression();
      if (accept_keyword(Keyword::desc) || accept_keyword(Keyword::descending))
        s.direction = SortDirection::descending;
      else if (!accept_keyword(Keyword::asc))
        accept_keyword(Keyword::ascending);
      p.order_by.push_back(std::move(s));
    } while (accept(TokenKind::comma));
  }
  if (accept_keyword(Keyword::skip))
    p.skip = expression();
  if (accept_keyword(Keyword::limit))
    p.limit = expression();
  return p;
}

ProjectionItem Parser::projection_item() {
  ProjectionItem item;
  item.pos = peek().pos;
  item.expression = expression();
  if (item.expression->as<PatternPredicate>())
    fail_at(item.expression->pos,
            "a relationship pattern cannot be a column: use it in WHERE, or collect its "
            "matches with a pattern comprehension such as [(a)-->(b) | b]");
  const Expression& e = *item.expression;
  // A variable's column is its name (`a b`, not the backticks); anything else, its text.
  const Variable* variable = e.as<Variable>();
  item.text = variable ? variable->name : std::string(text_.substr(e.pos, e.end - e.pos));
  if (accept_keyword(Keyword::as))
    item.alias = expect_name("a column name after AS");
  return item;
}

ExprPtr Parser::whole_expression() {
  ExprPtr e = expression();
  if (!at(TokenKind::end))
    fail_expected("the end of the expression");
  return e;
}

}  // namespace detail

Query parse_query(std::string_view text, const ParseOptions& options) {
  return detail::Parser(text, options).query();
}

ExprPtr parse_expression(std::string_view text, const ParseOptions& options) {
  return detail::Parser(text, options).whole_expression();
}

}  // namespace jurigraph::query::cypher
