#include "query/cypher/value.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>

#include "base/calendar.hpp"

namespace jurigraph::query::cypher {
namespace {

// The kinds compare() treats as one family.
bool both(const Value& a, const Value& b, ValueType t) {
  return a.type() == t && b.type() == t;
}

int sign(auto a, auto b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Numbers: integers exactly, mixed integer/float through double (what Neo4j does).
std::optional<int> compare_numbers(const Value& a, const Value& b) {
  if (both(a, b, ValueType::integer))
    return sign(a.as_int(), b.as_int());
  const double x = a.as_number(), y = b.as_number();
  if (std::isnan(x) || std::isnan(y))
    return std::nullopt;
  return sign(x, y);
}

// The rank of a type in ORDER BY's ascending order.
int order_rank(ValueType t) {
  switch (t) {
    case ValueType::map:
      return 0;
    case ValueType::node:
      return 1;
    case ValueType::relationship:
      return 2;
    case ValueType::list:
      return 3;
    case ValueType::path:
      return 4;
    case ValueType::date:
      return 5;
    case ValueType::string:
      return 6;
    case ValueType::boolean:
      return 7;
    case ValueType::integer:
    case ValueType::floating:
      return 8;
    case ValueType::null:
      return 9;
  }
  return 9;
}

void hash_combine(std::size_t& seed, std::size_t h) {
  seed ^= h + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2);
}

}  // namespace

std::string quoted_name(std::string_view name) {
  bool plain = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
  for (const char c : name) {
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_');
  }
  if (plain)
    return std::string(name);
  std::string out = "`";
  for (const char c : name) {
    out += c;
    if (c == '`')
      out += '`';  // doubled, as the lexer reads it
  }
  return out + '`';
}

std::string quoted_string(std::string_view s) {
  std::string out = "'";
  for (const char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + '\'';
}

std::string_view type_name(ValueType t) {
  switch (t) {
    case ValueType::null:
      return "NULL";
    case ValueType::boolean:
      return "BOOLEAN";
    case ValueType::integer:
      return "INTEGER";
    case ValueType::floating:
      return "FLOAT";
    case ValueType::string:
      return "STRING";
    case ValueType::date:
      return "DATE";
    case ValueType::list:
      return "LIST";
    case ValueType::map:
      return "MAP";
    case ValueType::node:
      return "NODE";
    case ValueType::relationship:
      return "RELATIONSHIP";
    case ValueType::path:
      return "PATH";
  }
  return "?";
}

Value::Value(Map m) {
  std::stable_sort(m.begin(), m.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // A later duplicate key wins, as in a map literal {a: 1, a: 2}.
  Map unique;
  for (auto& kv : m) {
    if (!unique.empty() && unique.back().first == kv.first)
      unique.back().second = std::move(kv.second);
    else
      unique.push_back(std::move(kv));
  }
  v_ = std::make_shared<const Map>(std::move(unique));
}

const Value* Value::find(std::string_view key) const {
  const Map& m = as_map();
  auto it = std::lower_bound(m.begin(), m.end(), key,
                             [](const auto& kv, std::string_view k) { return kv.first < k; });
  return it != m.end() && it->first == key ? &it->second : nullptr;
}

Ternary ternary_not(Ternary a) {
  return a == Ternary::null ? a : (a == Ternary::true_ ? Ternary::false_ : Ternary::true_);
}
Ternary ternary_and(Ternary a, Ternary b) {
  if (a == Ternary::false_ || b == Ternary::false_)
    return Ternary::false_;
  if (a == Ternary::null || b == Ternary::null)
    return Ternary::null;
  return Ternary::true_;
}
Ternary ternary_or(Ternary a, Ternary b) {
  if (a == Ternary::true_ || b == Ternary::true_)
    return Ternary::true_;
  if (a == Ternary::null || b == Ternary::null)
    return Ternary::null;
  return Ternary::false_;
}
Ternary ternary_xor(Ternary a, Ternary b) {
  if (a == Ternary::null || b == Ternary::null)
    return Ternary::null;
  return a != b ? Ternary::true_ : Ternary::false_;
}
Value to_value(Ternary t) {
  return t == Ternary::null ? Value() : Value(t == Ternary::true_);
}

Ternary equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null())
    return Ternary::null;
  if (a.is_number() && b.is_number()) {
    const auto c = compare_numbers(a, b);
    return c && *c == 0 ? Ternary::true_ : Ternary::false_;
  }
  if (a.type() != b.type())
    return Ternary::false_;
  const auto elements = [](const auto& xs, const auto& ys, auto&& element) {
    if (xs.size() != ys.size())
      return Ternary::false_;
    Ternary result = Ternary::true_;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const Ternary t = element(xs[i], ys[i]);
      if (t == Ternary::false_)
        return t;
      if (t == Ternary::null)
        result = Ternary::null;
    }
    return result;
  };
  switch (a.type()) {
    case ValueType::boolean:
      return a.as_bool() == b.as_bool() ? Ternary::true_ : Ternary::false_;
    case ValueType::string:
      return a.as_string() == b.as_string() ? Ternary::true_ : Ternary::false_;
    case ValueType::date:
      return a.as_date() == b.as_date() ? Ternary::true_ : Ternary::false_;
    case ValueType::node:
      return a.as_node() == b.as_node() ? Ternary::true_ : Ternary::false_;
    case ValueType::relationship:
      return a.as_rel() == b.as_rel() ? Ternary::true_ : Ternary::false_;
    case ValueType::path:
      return a.as_path().nodes == b.as_path().nodes && a.as_path().rels == b.as_path().rels
                 ? Ternary::true_
                 : Ternary::false_;
    case ValueType::list:
      return elements(a.as_list(), b.as_list(), equals);
    case ValueType::map:
      return elements(a.as_map(), b.as_map(), [](const auto& x, const auto& y) {
        return x.first != y.first ? Ternary::false_ : equals(x.second, y.second);
      });
    default:
      return Ternary::false_;
  }
}

std::optional<int> compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null())
    return std::nullopt;
  if (a.is_number() && b.is_number())
    return compare_numbers(a, b);
  if (a.type() != b.type())
    return std::nullopt;
  switch (a.type()) {
    case ValueType::boolean:
      return sign(a.as_bool(), b.as_bool());
    case ValueType::string:
      return sign(a.as_string().compare(b.as_string()), 0);
    case ValueType::date:
      return sign(a.as_date().yyyymmdd, b.as_date().yyyymmdd);
    case ValueType::list: {
      const List &x = a.as_list(), &y = b.as_list();
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        const auto c = compare(x[i], y[i]);
        if (!c || *c != 0)
          return c;
      }
      return sign(x.size(), y.size());
    }
    default:
      return std::nullopt;
  }
}

int order(const Value& a, const Value& b) {
  const int ra = order_rank(a.type()), rb = order_rank(b.type());
  if (ra != rb)
    return sign(ra, rb);
  switch (a.type()) {
    case ValueType::null:
      return 0;
    case ValueType::integer:
    case ValueType::floating: {
      // NaN sorts after every other number.
      const bool na = a.type() == ValueType::floating && std::isnan(a.as_float());
      const bool nb = b.type() == ValueType::floating && std::isnan(b.as_float());
      if (na || nb)
        return sign(na, nb);
      return *compare_numbers(a, b);
    }
    case ValueType::boolean:
    case ValueType::string:
    case ValueType::date:
      return *compare(a, b);
    case ValueType::node:
      return sign(a.as_node().id, b.as_node().id);
    case ValueType::relationship:
      return sign(a.as_rel().id, b.as_rel().id);
    case ValueType::list: {
      const List &x = a.as_list(), &y = b.as_list();
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (const int c = order(x[i], y[i]))
          return c;
      }
      return sign(x.size(), y.size());
    }
    case ValueType::map: {
      const Map &x = a.as_map(), &y = b.as_map();
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (const int c = x[i].first.compare(y[i].first))
          return sign(c, 0);
        if (const int c = order(x[i].second, y[i].second))
          return c;
      }
      return sign(x.size(), y.size());
    }
    case ValueType::path: {
      const Path &x = a.as_path(), &y = b.as_path();
      if (x.nodes != y.nodes)
        return x.nodes < y.nodes ? -1 : 1;
      return x.rels == y.rels ? 0 : (x.rels < y.rels ? -1 : 1);
    }
  }
  return 0;
}

bool equivalent(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null())
    return a.is_null() && b.is_null();
  if (a.type() == ValueType::floating && b.type() == ValueType::floating &&
      std::isnan(a.as_float()) && std::isnan(b.as_float()))
    return true;
  if (a.type() == ValueType::list && b.type() == ValueType::list) {
    const List &x = a.as_list(), &y = b.as_list();
    if (x.size() != y.size())
      return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!equivalent(x[i], y[i]))
        return false;
    }
    return true;
  }
  if (a.type() == ValueType::map && b.type() == ValueType::map) {
    const Map &x = a.as_map(), &y = b.as_map();
    if (x.size() != y.size())
      return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (x[i].first != y[i].first || !equivalent(x[i].second, y[i].second))
        return false;
    }
    return true;
  }
  return equals(a, b) == Ternary::true_;
}

std::size_t hash_value(const Value& v) {
  std::size_t h = std::hash<int>{}(order_rank(v.type()));
  switch (v.type()) {
    case ValueType::null:
      break;
    case ValueType::boolean:
      hash_combine(h, v.as_bool());
      break;
    case ValueType::integer:
    case ValueType::floating: {
      // Equal numbers hash alike: 1 and 1.0 are one group.
      const double d = v.as_number();
      if (v.type() == ValueType::integer)
        hash_combine(h, std::hash<int64_t>{}(v.as_int()));
      else if (std::isnan(d))
        hash_combine(h, 0x7ff8);
      else if (d == std::trunc(d) && std::abs(d) < 9.2e18)
        hash_combine(h, std::hash<int64_t>{}(static_cast<int64_t>(d)));
      else
        hash_combine(h, std::hash<double>{}(d));
      break;
    }
    case ValueType::string:
      hash_combine(h, std::hash<std::string>{}(v.as_string()));
      break;
    case ValueType::date:
      hash_combine(h, std::hash<int32_t>{}(v.as_date().yyyymmdd));
      break;
    case ValueType::list:
      for (const Value& x : v.as_list())
        hash_combine(h, hash_value(x));
      break;
    case ValueType::map:
      for (const auto& [k, x] : v.as_map()) {
        hash_combine(h, std::hash<std::string>{}(k));
        hash_combine(h, hash_value(x));
      }
      break;
    case ValueType::node:
      hash_combine(h, v.as_node().id);
      break;
    case ValueType::relationship:
      hash_combine(h, v.as_rel().id);
      break;
    case ValueType::path:
      for (NodeId n : v.as_path().nodes)
        hash_combine(h, n);
      for (RelId r : v.as_path().rels)
        hash_combine(h, r);
      break;
  }
  return h;
}

std::string format_float(double d) {
  if (std::isnan(d))
    return "NaN";
  if (std::isinf(d))
    return d > 0 ? "Infinity" : "-Infinity";
  // The shortest digits that read back as `d`, then laid out as Python's repr does: plain
  // decimals from 1e-4 to 1e16 (85000000.0, not 8.5e+07, for amounts), an exponent outside.
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::scientific);
  const std::string_view sci(buffer, static_cast<std::size_t>(result.ptr - buffer));
  const std::size_t e = sci.find('e');
  const bool negative = sci[0] == '-';
  std::string digits;
  for (char c : sci.substr(negative ? 1 : 0, e - (negative ? 1 : 0))) {
    if (c != '.')
      digits += c;
  }
  int exponent = 0;
  std::from_chars(sci.data() + e + (sci[e + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exponent);
  std::string out = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {
    out += digits.substr(0, 1) + (digits.size() > 1 ? "." + digits.substr(1) : ".0");
    return out + "e" + (exponent < 0 ? "-" : "+") + (std::abs(exponent) < 10 ? "0" : "") +
           std::to_string(std::abs(exponent));
  }
  if (exponent < 0)
    return out + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  const auto point = static_cast<std::size_t>(exponent) + 1;
  if (digits.size() <= point)
    return out + digits + std::string(point - digits.size(), '0') + ".0";
  return out + digits.substr(0, point) + "." + digits.substr(point);
}

std::optional<std::string> to_text(const Value& v) {
  switch (v.type()) {
    case ValueType::string:
      return v.as_string();
    case ValueType::integer:
      return std::to_string(v.as_int());
    case ValueType::floating:
      return format_float(v.as_float());
    case ValueType::boolean:
      return v.as_bool() ? "true" : "false";
    case ValueType::date:
      return format_iso_date(v.as_date().yyyymmdd);
    default:
      return std::nullopt;
  }
}

std::string to_literal(const Value& v) {
  std::string out;
  switch (v.type()) {
    case ValueType::null:
      return "null";
    case ValueType::boolean:
      return v.as_bool() ? "true" : "false";
    case ValueType::integer:
      return std::to_string(v.as_int());
    case ValueType::floating:
      return format_float(v.as_float());
    case ValueType::string:
      out += quoted_string(v.as_string());
      return out;
    case ValueType::date:
      return quoted_string(format_iso_date(v.as_date().yyyymmdd));
    case ValueType::list: {
      out += '[';
      const List& l = v.as_list();
      for (std::size_t i = 0; i < l.size(); ++i)
        out += (i ? ", " : "") + to_literal(l[i]);
      return out + ']';
    }
    case ValueType::map: {
      out += '{';
      const Map& m = v.as_map();
      for (std::size_t i = 0; i < m.size(); ++i)
        out += (i ? ", " : "") + quoted_name(m[i].first) + ": " + to_literal(m[i].second);
      return out + '}';
    }
    case ValueType::node:
      return "(#" + std::to_string(v.as_node().id) + ")";
    case ValueType::relationship:
      return "[#" + std::to_string(v.as_rel().id) + "]";
    case ValueType::path: {
      const Path& p = v.as_path();
      out += "<(#" + std::to_string(p.nodes[0]) + ")";
      for (std::size_t i = 0; i < p.rels.size(); ++i)
        out += "-[#" + std::to_string(p.rels[i]) + "]-(#" + std::to_string(p.nodes[i + 1]) + ")";
      return out + ">";
    }
  }
  return out;
}

}  // namespace jurigraph::query::cypher
