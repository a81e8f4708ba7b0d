#include "query/cypher/token.hpp"

#include <array>

namespace jurigraph::query::cypher {
namespace {

struct KeywordEntry {
  std::string_view upper;
  Keyword keyword;
};

// Sorted by spelling only for readability; the look-up is linear over a short table.
constexpr std::array<KeywordEntry, 51> kKeywords{{
    {"ALL", Keyword::all},
    {"ALLSHORTESTPATHS", Keyword::allshortestpaths},
    {"AND", Keyword::and_},
    {"ANY", Keyword::any},
    {"AS", Keyword::as},
    {"ASC", Keyword::asc},
    {"ASCENDING", Keyword::ascending},
    {"BY", Keyword::by},
    {"CALL", Keyword::call},
    {"CASE", Keyword::case_},
    {"CONTAINS", Keyword::contains},
    {"COUNT", Keyword::count},
    {"CREATE", Keyword::create},
    {"DELETE", Keyword::delete_},
    {"DESC", Keyword::desc},
    {"DESCENDING", Keyword::descending},
    {"DETACH", Keyword::detach},
    {"DISTINCT", Keyword::distinct},
    {"ELSE", Keyword::else_},
    {"END", Keyword::end},
    {"ENDS", Keyword::ends},
    {"EXISTS", Keyword::exists},
    {"FALSE", Keyword::false_},
    {"FOREACH", Keyword::foreach},
    {"IN", Keyword::in},
    {"IS", Keyword::is},
    {"LIMIT", Keyword::limit},
    {"LOAD", Keyword::load},
    {"MATCH", Keyword::match},
    {"MERGE", Keyword::merge},
    {"NONE", Keyword::none_},
    {"NOT", Keyword::not_},
    {"NULL", Keyword::null},
    {"OPTIONAL", Keyword::optional},
    {"OR", Keyword::or_},
    {"ORDER", Keyword::order},
    {"REMOVE", Keyword::remove},
    {"RETURN", Keyword::return_},
    {"SET", Keyword::set},
    {"SHORTESTPATH", Keyword::shortestpath},
    {"SINGLE", Keyword::single},
    {"SKIP", Keyword::skip},
    {"STARTS", Keyword::starts},
    {"THEN", Keyword::then},
    {"TRUE", Keyword::true_},
    {"UNION", Keyword::union_},
    {"UNWIND", Keyword::unwind},
    {"WHEN", Keyword::when},
    {"WHERE", Keyword::where},
    {"WITH", Keyword::with},
    {"XOR", Keyword::xor_},
}};

}  // namespace

Keyword keyword_of(std::string_view word) {
  if (word.size() > 16)
    return Keyword::none;
  for (const KeywordEntry& e : kKeywords) {
    if (e.upper.size() != word.size())
      continue;
    bool same = true;
    for (std::size_t i = 0; i < word.size() && same; ++i) {
      char c = word[i];
      if (c >= 'a' && c <= 'z')
        c = static_cast<char>(c - 'a' + 'A');
      same = c == e.upper[i];
    }
    if (same)
      return e.keyword;
  }
  return Keyword::none;
}

bool is_reserved(Keyword k) {
  switch (k) {
    case Keyword::none:
    case Keyword::count:
    case Keyword::any:
    case Keyword::none_:
    case Keyword::single:
    case Keyword::shortestpath:
    case Keyword::allshortestpaths:
    case Keyword::call:
    case Keyword::foreach:
    case Keyword::load:
      return false;
    default:
      return true;
  }
}

std::string_view keyword_spelling(Keyword k) {
  switch (k) {
    case Keyword::none:
      return "";
    case Keyword::all:
      return "ALL";
    case Keyword::allshortestpaths:
      return "ALLSHORTESTPATHS";
    case Keyword::and_:
      return "AND";
    case Keyword::any:
      return "ANY";
    case Keyword::as:
      return "AS";
    case Keyword::asc:
      return "ASC";
    case Keyword::ascending:
      return "ASCENDING";
    case Keyword::by:
      return "BY";
    case Keyword::call:
      return "CALL";
    case Keyword::case_:
      return "CASE";
    case Keyword::contains:
      return "CONTAINS";
    case Keyword::count:
      return "COUNT";
    case Keyword::create:
      return "CREATE";
    case Keyword::delete_:
      return "DELETE";
    case Keyword::desc:
      return "DESC";
    case Keyword::descending:
      return "DESCENDING";
    case Keyword::detach:
      return "DETACH";
    case Keyword::distinct:
      return "DISTINCT";
    case Keyword::else_:
      return "ELSE";
    case Keyword::end:
      return "END";
    case Keyword::ends:
      return "ENDS";
    case Keyword::exists:
      return "EXISTS";
    case Keyword::false_:
      return "FALSE";
    case Keyword::foreach:
      return "FOREACH";
    case Keyword::in:
      return "IN";
    case Keyword::is:
      return "IS";
    case Keyword::limit:
      return "LIMIT";
    case Keyword::load:
      return "LOAD";
    case Keyword::match:
      return "MATCH";
    case Keyword::merge:
      return "MERGE";
    case Keyword::none_:
      return "NONE";
    case Keyword::not_:
      return "NOT";
    case Keyword::null:
      return "NULL";
    case Keyword::optional:
      return "OPTIONAL";
    case Keyword::or_:
      return "OR";
    case Keyword::order:
      return "ORDER";
    case Keyword::remove:
      return "REMOVE";
    case Keyword::return_:
      return "RETURN";
    case Keyword::set:
      return "SET";
    case Keyword::shortestpath:
      return "SHORTESTPATH";
    case Keyword::single:
      return "SINGLE";
    case Keyword::skip:
      return "SKIP";
    case Keyword::starts:
      return "STARTS";
    case Keyword::then:
      return "THEN";
    case Keyword::true_:
      return "TRUE";
    case Keyword::union_:
      return "UNION";
    case Keyword::unwind:
      return "UNWIND";
    case Keyword::when:
      return "WHEN";
    case Keyword::where:
      return "WHERE";
    case Keyword::with:
      return "WITH";
    case Keyword::xor_:
      return "XOR";
  }
  return "";
}

std::string_view token_kind_description(TokenKind kind) {
  switch (kind) {
    case TokenKind::end:
      return "end of query";
    case TokenKind::identifier:
      return "a name";
    case TokenKind::integer:
      return "an integer";
    case TokenKind::float_number:
      return "a float";
    case TokenKind::string:
      return "a string literal";
    case TokenKind::parameter:
      return "a parameter";
    case TokenKind::lparen:
      return "'('";
    case TokenKind::rparen:
      return "')'";
    case TokenKind::lbracket:
      return "'['";
    case TokenKind::rbracket:
      return "']'";
    case TokenKind::lbrace:
      return "'{'";
    case TokenKind::rbrace:
      return "'}'";
    case TokenKind::comma:
      return "','";
    case TokenKind::dot:
      return "'.'";
    case TokenKind::dotdot:
      return "'..'";
    case TokenKind::colon:
      return "':'";
    case TokenKind::semicolon:
      return "';'";
    case TokenKind::pipe:
      return "'|'";
    case TokenKind::plus:
      return "'+'";
    case TokenKind::plus_equal:
      return "'+='";
    case TokenKind::minus:
      return "'-'";
    case TokenKind::star:
      return "'*'";
    case TokenKind::slash:
      return "'/'";
    case TokenKind::percent:
      return "'%'";
    case TokenKind::caret:
      return "'^'";
    case TokenKind::equal:
      return "'='";
    case TokenKind::not_equal:
      return "'<>'";
    case TokenKind::less:
      return "'<'";
    case TokenKind::greater:
      return "'>'";
    case TokenKind::less_equal:
      return "'<='";
    case TokenKind::greater_equal:
      return "'>='";
    case TokenKind::regex_match:
      return "'=~'";
    case TokenKind::arrow_right:
      return "'->'";
    case TokenKind::arrow_left:
      return "'<-'";
  }
  return "a token";
}

}  // namespace jurigraph::query::cypher
