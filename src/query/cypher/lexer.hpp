// The Cypher lexer: turns a query into tokens, skipping whitespace and comments (// and /* */).
// Keywords are case-insensitive; names may be `backtick-quoted` (a doubled backtick stands for
// one); strings take ' or " with the escapes \\ \' \" \n \t \r \b \f \uXXXX \UXXXXXXXX.
// Unicode dashes and arrows are not operators.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/cypher/token.hpp"

namespace jurigraph::query::cypher {

// The tokens of `text`, ending with one TokenKind::end. Throws jurigraph::Error (usage) located
// in `origin` on a lexical error: an unterminated string, comment or quoted name, a bad escape,
// a malformed number, a character that starts no token, invalid UTF-8.
std::vector<Token> tokenize(std::string_view text, const std::string& origin = "query");

// The value of an integer token's text (decimal, 0x hexadecimal or 0o octal), or nullopt when
// it does not fit in 64 unsigned bits. The sign is the parser's business: -9223372036854775808
// is the negation of a magnitude that does not fit in int64_t.
std::optional<uint64_t> integer_magnitude(std::string_view digits);

// The value of a float token's text, or nullopt when it overflows a double (1.34E999). Values
// too small for a double become 0.
std::optional<double> float_value(std::string_view digits);

}  // namespace jurigraph::query::cypher
