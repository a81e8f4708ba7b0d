#include "query/cypher/lexer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <utility>

#include "base/utf8.hpp"
#include "query/cypher/query_error.hpp"

namespace jurigraph::query::cypher {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_octal_digit(char c) {
  return c >= '0' && c <= '7';
}
bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Unicode spaces that editors and word processors slip into queries.
bool is_unicode_space(char32_t cp) {
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// Non-ASCII code points may appear in names (Cypher allows Unicode letters), except general
// punctuation, arrows and spaces: a '—' or '→' copied from a document is reported as an
// unexpected character instead of being glued into a name.
bool is_unicode_name_char(char32_t cp) {
  if (is_unicode_space(cp) || cp == 0xFFFD)
    return false;
  if (cp >= 0x2000 && cp <= 0x206F)  // general punctuation: dashes, quotes, bullets
    return false;
  if (cp >= 0x2190 && cp <= 0x21FF)  // arrows
    return false;
  // Latin-1 punctuation and symbols (« » ° § ¿ ×…), but not the letters ª µ º.
  if ((cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) || cp == 0xD7 ||
      cp == 0xF7)
    return false;
  return true;
}

// "'#'" for a printable character, "U+0007" for the others.
std::string describe_code_point(std::string_view text, std::size_t pos) {
  std::size_t next = pos;
  const char32_t cp = utf8::decode(text, next);
  if (cp < 0x20 || cp == 0x7F || is_unicode_space(cp)) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
  }
  return "'" + std::string(text.substr(pos, next - pos)) + "'";
}

class Lexer {
 public:
  Lexer(std::string_view text, const std::string& origin) : text_(text), origin_(origin) {}

  std::vector<Token> run() {
    if (const std::size_t bad = utf8::first_invalid(text_); bad != std::string_view::npos)
      fail(bad, "invalid UTF-8 in the query");
    uint32_t last_end = 0;
    for (;;) {
      skip_space_and_comments();
      if (i_ >= text_.size())
        break;
      const std::size_t start = i_;
      Token t = next_token();
      t.pos = static_cast<uint32_t>(start);
      t.length = static_cast<uint32_t>(i_ - start);
      last_end = static_cast<uint32_t>(i_);
      tokens_.push_back(std::move(t));
    }
    Token end;
    end.kind = TokenKind::end;
    end.pos = last_end;
    tokens_.push_back(std::move(end));
    return std::move(tokens_);
  }

 private:
  [[noreturn]] void fail(std::size_t at, std::string message) const {
    throw query_error(text_, origin_, static_cast<uint32_t>(at), std::move(message));
  }

  char peek(std::size_t ahead = 0) const {
    return i_ + ahead < text_.size() ? text_[i_ + ahead] : '\0';
  }

  // Whether a name can continue at byte `pos` (ASCII letters, digits, '_', Unicode letters).
  bool name_char_at(std::size_t pos) const {
    if (pos >= text_.size())
      return false;
    const char c = text_[pos];
    if (is_ascii_letter(c) || is_digit(c) || c == '_')
      return true;
    if (static_cast<unsigned char>(c) < 0x80)
      return false;
    std::size_t p = pos;
    return is_unicode_name_char(utf8::decode(text_, p));
  }

  bool name_start_at(std::size_t pos) const {
    return pos < text_.size() && !is_digit(text_[pos]) && name_char_at(pos);
  }

  void skip_space_and_comments() {
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        ++i_;
      } else if (c == '/' && peek(1) == '/') {
        while (i_ < text_.size() && text_[i_] != '\n')
          ++i_;
      } else if (c == '/' && peek(1) == '*') {
        const std::size_t close = text_.find("*/", i_ + 2);
        if (close == std::string_view::npos)
          fail(i_, "unterminated comment: '/*' without a closing '*/'");
        i_ = close + 2;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        std::size_t p = i_;
        if (!is_unicode_space(utf8::decode(text_, p)))
          return;
        i_ = p;
      } else {
        return;
      }
    }
  }

  Token make(TokenKind kind, std::size_t length) {
    Token t;
    t.kind = kind;
    i_ += length;
    return t;
  }

  Token next_token() {
    const char c = text_[i_];
    if (is_digit(c) || (c == '.' && is_digit(peek(1))))
      return number();
    if (c == '\'' || c == '"')
      return string_literal(c);
    if (c == '`') {
      Token t;
      t.kind = TokenKind::identifier;
      t.quoted = true;
      t.text = quoted_name(i_);
      return t;
    }
    if (c == '$')
      return parameter();
    if (name_start_at(i_))
      return word();
    switch (c) {
      case '(':
        return make(TokenKind::lparen, 1);
      case ')':
        return make(TokenKind::rparen, 1);
      case '[':
        return make(TokenKind::lbracket, 1);
      case ']':
        return make(TokenKind::rbracket, 1);
      case '{':
        return make(TokenKind::lbrace, 1);
      case '}':
        return make(TokenKind::rbrace, 1);
      case ',':
        return make(TokenKind::comma, 1);
      case ':':
        return make(TokenKind::colon, 1);
      case ';':
        return make(TokenKind::semicolon, 1);
      case '|':
        return make(TokenKind::pipe, 1);
      case '*':
        return make(TokenKind::star, 1);
      case '/':
        return make(TokenKind::slash, 1);
      case '%':
        return make(TokenKind::percent, 1);
      case '^':
        return make(TokenKind::caret, 1);
      case '.':
        return peek(1) == '.' ? make(TokenKind::dotdot, 2) : make(TokenKind::dot, 1);
      case '+':
        return peek(1) == '=' ? make(TokenKind::plus_equal, 2) : make(TokenKind::plus, 1);
      case '-':
        return peek(1) == '>' ? make(TokenKind::arrow_right, 2) : make(TokenKind::minus, 1);
      case '=':
        return peek(1) == '~' ? make(TokenKind::regex_match, 2) : make(TokenKind::equal, 1);
      case '!':
        if (peek(1) == '=')
          return make(TokenKind::not_equal, 2);
        break;
      case '<':
        if (peek(1) == '>')
          return make(TokenKind::not_equal, 2);
        if (peek(1) == '=')
          return make(TokenKind::less_equal, 2);
        if (peek(1) == '-')
          return make(TokenKind::arrow_left, 2);
        return make(TokenKind::less, 1);
      case '>':
        return peek(1) == '=' ? make(TokenKind::greater_equal, 2) : make(TokenKind::greater, 1);
      default:
        break;
    }
    fail(i_, "unexpected character " + describe_code_point(text_, i_));
  }

  Token word() {
    const std::size_t start = i_;
    while (name_char_at(i_)) {
      if (static_cast<unsigned char>(text_[i_]) < 0x80)
        ++i_;
      else
        utf8::decode(text_, i_);
    }
    Token t;
    t.kind = TokenKind::identifier;
    t.text = std::string(text_.substr(start, i_ - start));
    t.keyword = keyword_of(t.text);
    return t;
  }

  // A `quoted name` starting at `start`; leaves i_ after the closing backtick.
  std::string quoted_name(std::size_t start) {
    std::string name;
    i_ = start + 1;
    for (;;) {
      if (i_ >= text_.size())
        fail(start, "unterminated quoted name: '`' without a closing '`'");
      if (text_[i_] == '`') {
        if (peek(1) == '`') {  // a doubled backtick stands for one
          name += '`';
          i_ += 2;
          continue;
        }
        ++i_;
        break;
      }
      name += text_[i_++];
    }
    return name;
  }

  Token parameter() {
    const std::size_t start = i_;
    Token t;
    t.kind = TokenKind::parameter;
    ++i_;
    if (peek() == '`') {
      t.quoted = true;
      t.text = quoted_name(i_);
    } else if (is_digit(peek())) {
      const std::size_t first = i_;
      while (is_digit(peek()))
        ++i_;
      t.text = std::string(text_.substr(first, i_ - first));
    } else if (name_start_at(i_)) {
      t.text = word().text;
    } else {
      fail(start, "expected a parameter name after '$'");
    }
    return t;
  }

  void skip_digits(bool (*accept)(char)) {
    while (i_ < text_.size() && accept(text_[i_]))
      ++i_;
  }

  Token number() {
    const std::size_t start = i_;
    Token t;
    t.kind = TokenKind::integer;
    const char x = peek(1);
    if (peek() == '0' && (x == 'x' || x == 'X' || x == 'o' || x == 'O')) {
      const bool hex = x == 'x' || x == 'X';
      i_ += 2;
      const std::size_t digits = i_;
      skip_digits(hex ? is_hex_digit : is_octal_digit);
      if (i_ == digits) {
        if (name_char_at(i_))
          fail(i_, std::string("invalid character ") + describe_code_point(text_, i_) +
                       (hex ? " in a hexadecimal literal" : " in an octal literal"));
        fail(start,
             hex ? "expected hexadecimal digits after '0x'" : "expected octal digits after '0o'");
      }
      if (name_char_at(i_))
        fail(i_, std::string("invalid character ") + describe_code_point(text_, i_) +
                     (hex ? " in a hexadecimal literal" : " in an octal literal"));
      t.text = std::string(text_.substr(start, i_ - start));
      return t;
    }
    skip_digits(is_digit);
    // A '.' starts a fraction only before a digit: `1..3` is a range and `n.1` is not a float.
    if (peek() == '.' && is_digit(peek(1))) {
      t.kind = TokenKind::float_number;
      ++i_;
      skip_digits(is_digit);
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (is_digit(peek(1)) || ((peek(1) == '-' || peek(1) == '+') && is_digit(peek(2))))) {
      t.kind = TokenKind::float_number;
      i_ += 2;
      skip_digits(is_digit);
    }
    if (name_char_at(i_))
      fail(i_, "invalid character " + describe_code_point(text_, i_) + " in a number literal");
    t.text = std::string(text_.substr(start, i_ - start));
    if (t.kind == TokenKind::integer && t.text.size() > 1 && t.text[0] == '0')
      fail(start,
           "an integer cannot start with 0: write 0o" + t.text.substr(1) + " for an octal number");
    return t;
  }

  // Appends the code point of a \u or \U escape at i_ (on the backslash).
  void unicode_escape(std::string& out, std::size_t digits) {
    const std::size_t start = i_;
    const char letter = text_[i_ + 1];
    for (std::size_t k = 0; k < digits; ++k) {
      if (!is_hex_digit(peek(2 + k)))
        fail(start, "invalid Unicode escape: expected " + std::to_string(digits) +
                        " hexadecimal digits after '\\" + letter + "'");
    }
    uint32_t cp = 0;
    std::from_chars(text_.data() + i_ + 2, text_.data() + i_ + 2 + digits, cp, 16);
    i_ += 2 + digits;
    // A UTF-16 surrogate pair written as two escapes (as JSON does) is one code point.
    if (cp >= 0xD800 && cp <= 0xDBFF && peek() == '\\' && peek(1) == 'u') {
      bool hex4 = true;
      for (std::size_t k = 0; k < 4; ++k)
        hex4 = hex4 && is_hex_digit(peek(2 + k));
      uint32_t low = 0;
      if (hex4)
        std::from_chars(text_.data() + i_ + 2, text_.data() + i_ + 6, low, 16);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i_ += 6;
      }
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      fail(start, "invalid Unicode escape: " + std::string(text_.substr(start, i_ - start)) +
                      " is not a Unicode character");
    utf8::append(out, static_cast<char32_t>(cp));
  }

  Token string_literal(char quote) {
    const std::size_t start = i_;
    Token t;
    t.kind = TokenKind::string;
    ++i_;
    for (;;) {
      if (i_ >= text_.size())
        fail(start, "unterminated string literal");
      const char c = text_[i_];
      if (c == quote) {
        ++i_;
        return t;
      }
      if (c != '\\') {
        t.text += c;
        ++i_;
        continue;
      }
      if (i_ + 1 >= text_.size())
        fail(start, "unterminated string literal");
      switch (text_[i_ + 1]) {
        case '\\':
          t.text += '\\';
          break;
        case '\'':
          t.text += '\'';
          break;
        case '"':
          t.text += '"';
          break;
        case 'n':
        case 'N':
          t.text += '\n';
          break;
        case 't':
        case 'T':
          t.text += '\t';
          break;
        case 'r':
        case 'R':
          t.text += '\r';
          break;
        case 'b':
        case 'B':
          t.text += '\b';
          break;
        case 'f':
        case 'F':
          t.text += '\f';
          break;
        case 'u':
          unicode_escape(t.text, 4);
          continue;
        case 'U':
          unicode_escape(t.text, 8);
          continue;
        default:
          fail(i_, "invalid escape sequence '\\" +
                       std::string(text_.substr(i_ + 1, utf8_length(i_ + 1))) +
                       "' in a string literal");
      }
      i_ += 2;
    }
  }

  std::size_t utf8_length(std::size_t pos) const {
    std::size_t p = pos;
    utf8::decode(text_, p);
    return p - pos;
  }

  std::string_view text_;
  const std::string& origin_;
  std::size_t i_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text, const std::string& origin) {
  return Lexer(text, origin).run();
}

std::optional<uint64_t> integer_magnitude(std::string_view digits) {
  int base = 10;
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
    base = 16;
    digits.remove_prefix(2);
  } else if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'o' || digits[1] == 'O')) {
    base = 8;
    digits.remove_prefix(2);
  }
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (ec != std::errc() || end != digits.data() + digits.size())
    return std::nullopt;
  return value;
}

std::optional<double> float_value(std::string_view digits) {
  double value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec == std::errc() && end == digits.data() + digits.size())
    return value;
  if (ec != std::errc::result_out_of_range)
    return std::nullopt;
  // Out of range: an overflow if the decimal magnitude is positive, else an underflow to 0.
  const std::size_t e = digits.find_first_of("eE");
  const std::string_view mantissa = digits.substr(0, e);
  long long exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view ex = digits.substr(e + 1);
    const bool negative = !ex.empty() && ex[0] == '-';
    if (!ex.empty() && (ex[0] == '-' || ex[0] == '+'))
      ex.remove_prefix(1);
    for (const char c : ex)
      exponent = std::min<long long>(exponent * 10 + (c - '0'), 1'000'000'000);
    if (negative)
      exponent = -exponent;
  }
  const std::size_t point = mantissa.find('.');
  const std::size_t int_digits = point == std::string_view::npos ? mantissa.size() : point;
  const std::size_t first_nonzero = mantissa.find_first_of("123456789");
  if (first_nonzero == std::string_view::npos)
    return 0.0;
  const long long order = first_nonzero < int_digits
                              ? static_cast<long long>(int_digits - first_nonzero - 1)
                              : -static_cast<long long>(first_nonzero - int_digits);
  if (order + exponent > 0)
    return std::nullopt;
  return 0.0;
}

}  // namespace jurigraph::query::cypher
