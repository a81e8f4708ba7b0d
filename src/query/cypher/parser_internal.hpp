// The parser's state and productions, shared by the files that implement them: parser.cpp
// (token cursor, errors, clauses), parse_pattern.cpp and parse_expression.cpp. Not installed:
// use parser.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "query/cypher/ast.hpp"
#include "query/cypher/parser.hpp"
#include "query/cypher/token.hpp"

namespace jurigraph::query::cypher::detail {

// "OPTIONAL MATCH", "WITH"…: how messages name a clause.
std::string_view clause_name(const Clause& c);

class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options);

  Query query();
  ExprPtr whole_expression();

 private:
  // --- Token cursor (parser.cpp)
  const Token& peek(std::size_t ahead = 0) const;
  const Token& advance();
  bool at(TokenKind kind, std::size_t ahead = 0) const { return peek(ahead).kind == kind; }
  bool at_keyword(Keyword k, std::size_t ahead = 0) const;
  bool accept(TokenKind kind);
  bool accept_keyword(Keyword k);
  // Consumes a token of `kind` or fails with "expected {what} but found …".
  const Token& expect(TokenKind kind, std::string_view what);
  void expect_keyword(Keyword k, std::string_view what);
  // A label, type, property key or alias: any word, keywords included.
  Name expect_name(std::string_view what);
  // The end offset of the last consumed token.
  uint32_t last_end() const;
  // Rewrites a `<-` token into `<` and `-`, for `x<-1` in an expression.
  void split_arrow_left();

  [[noreturn]] void fail_at(uint32_t pos, std::string message) const;
  // "expected {what} but found 'x'", or "unexpected end of query: expected {what}".
  [[noreturn]] void fail_expected(std::string_view what) const;
  std::string describe(const Token& t) const;

  // --- Clauses (parser.cpp)
  SingleQuery single_query();
  Clause clause(std::string_view after);
  Match match_clause();
  Unwind unwind_clause();
  With with_clause();
  Return return_clause();
  Create create_clause();
  Projection projection();
  ProjectionItem projection_item();
  [[noreturn]] void refuse_write_clause() const;

  // --- Patterns (parse_pattern.cpp)
  std::vector<PatternPart> pattern();
  PatternPart pattern_part();
  PatternElement pattern_element();
  NodePattern node_pattern();
  bool at_relationship_start() const;
  RelationshipPattern relationship_pattern();
  void relationship_detail(RelationshipPattern& r);
  VariableLength variable_length();
  ExprPtr pattern_properties();
  // Whether the '(' `ahead` tokens from the cursor opens a pattern such as `(a)-->(b)` rather
  // than a parenthesised expression: a node pattern followed by a relationship.
  bool looks_like_pattern(std::size_t ahead) const;

  // --- Expressions, lowest precedence first (parse_expression.cpp)
  ExprPtr expression();
  ExprPtr or_expression();
  ExprPtr xor_expression();
  ExprPtr and_expression();
  ExprPtr not_expression();
  ExprPtr comparison_expression();
  ExprPtr predicate_expression();
  ExprPtr additive_expression();
  ExprPtr multiplicative_expression();
  ExprPtr power_expression();
  ExprPtr unary_expression();
  ExprPtr postfix_expression();
  ExprPtr atom();
  ExprPtr number_literal(bool negative, uint32_t pos);
  ExprPtr bracket_expression();
  ExprPtr map_literal();
  ExprPtr case_expression();
  ExprPtr quantifier(QuantifierKind kind);
  ExprPtr exists_subquery();
  ExprPtr function_call();
  ExprPtr make(uint32_t pos, ExpressionNode node) const;
  ExprPtr binary(BinaryOp op, uint32_t op_pos, ExprPtr left, ExprPtr right) const;

  // Recursion depth of nested expressions and patterns: a query of a million '(' must be an
  // error, not a stack overflow.
  static constexpr uint32_t kMaxDepth = 200;
  class DepthGuard {
   public:
    explicit DepthGuard(Parser& p);
    ~DepthGuard() {
      --parser_.depth_;
      --parser_.height_;
    }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser& parser_;
  };
  // Each operator of a chain (a - b - c, a.b.c, x IS NULL IS NULL) puts the tree one level
  // deeper, as a parenthesis does, without any recursion in the parser; the binder, the
  // evaluator and the tree's destructor do recurse over it, so the tree's height is bounded too:
  // nesting and chained operators together, at most kMaxHeight (found by fuzzing: 46 KB of
  // `-0--0-…` overflowed the binder's stack).
  static constexpr uint32_t kMaxHeight = 1000;
  class ChainGuard {
   public:
    explicit ChainGuard(Parser& p) : parser_(p) {}
    ~ChainGuard() { parser_.height_ -= links_; }
    ChainGuard(const ChainGuard&) = delete;
    ChainGuard& operator=(const ChainGuard&) = delete;
    // One more operator in the chain, at `pos`.
    void link(uint32_t pos);

   private:
    Parser& parser_;
    uint32_t links_ = 0;
  };
  uint32_t depth_ = 0;
  uint32_t height_ = 0;

  std::string_view text_;
  const ParseOptions& options_;
  std::vector<Token> tokens_;
  std::size_t i_ = 0;
};

}  // namespace jurigraph::query::cypher::detail
