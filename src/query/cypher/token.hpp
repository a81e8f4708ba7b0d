// Tokens of the Cypher lexer. A token keeps its byte offset and length in the query so that the
// parser can point errors at it and recover the exact source text of an expression.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace jurigraph::query::cypher {

enum class TokenKind : uint8_t {
  end,         // end of the query; `pos` is just after the last token
  identifier,  // a word, or a `backtick-quoted` name (then `quoted` is true)
  integer,     // digits as written: 42, 0x2A, 0o52 (the parser converts, checking the range)
  float_number,
  string,     // `text` is the decoded value
  parameter,  // $name, $`quoted name` or $1; `text` is the name without '$'
  // Punctuation and operators.
  lparen,
  rparen,
  lbracket,
  rbracket,
  lbrace,
  rbrace,
  comma,
  dot,
  dotdot,
  colon,
  semicolon,
  pipe,
  plus,
  plus_equal,
  minus,
  star,
  slash,
  percent,
  caret,
  equal,
  not_equal,  // <> or !=
  less,
  greater,
  less_equal,
  greater_equal,
  regex_match,  // =~
  arrow_right,  // ->
  arrow_left,   // <-
};

// Words the parser gives a meaning to. Keywords are recognised case-insensitively and only in
// unquoted words: `MATCH` in backticks is a plain name.
enum class Keyword : uint8_t {
  none,
  all,
  allshortestpaths,
  and_,
  any,
  as,
  asc,
  ascending,
  by,
  call,
  case_,
  contains,
  count,
  create,
  delete_,
  desc,
  descending,
  detach,
  distinct,
  else_,
  end,
  ends,
  exists,
  false_,
  foreach,
  in,
  is,
  limit,
  load,
  match,
  merge,
  none_,
  not_,
  null,
  optional,
  or_,
  order,
  remove,
  return_,
  set,
  shortestpath,
  single,
  skip,
  starts,
  then,
  true_,
  union_,
  unwind,
  when,
  where,
  with,
  xor_,
};

struct Token {
  TokenKind kind = TokenKind::end;
  Keyword keyword = Keyword::none;  // for unquoted identifiers only
  bool quoted = false;              // a backtick-quoted identifier or parameter name
  uint32_t pos = 0;                 // byte offset of the first character in the query
  uint32_t length = 0;              // bytes in the query, quotes and escapes included
  std::string text;                 // the name, the digits, or the decoded string value
};

// The keyword a word spells (case-insensitively), or Keyword::none.
Keyword keyword_of(std::string_view word);
// Whether an unquoted keyword cannot name a variable (MATCH, WHERE, AND, …). COUNT, ANY, NONE,
// SINGLE, the shortest-path functions and the write-clause words CALL, FOREACH and LOAD can.
bool is_reserved(Keyword k);

// The upper-case spelling of a keyword, for messages ("CREATE is not supported").
std::string_view keyword_spelling(Keyword k);
// A short description of a token kind for messages: "')'", "a string literal".
std::string_view token_kind_description(TokenKind kind);

}  // namespace jurigraph::query::cypher
