#include "tck_value.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "base/utf8.hpp"

namespace jurigraph::tck {

namespace cy = query::cypher;

TckValue TckValue::of_bool(bool b) {
  TckValue v;
  v.kind = Kind::boolean;
  v.boolean = b;
  return v;
}

TckValue TckValue::of_int(int64_t i) {
  TckValue v;
  v.kind = Kind::integer;
  v.integer = i;
  return v;
}

TckValue TckValue::of_float(double d) {
  TckValue v;
  v.kind = Kind::floating;
  v.floating = d;
  return v;
}

TckValue TckValue::of_string(std::string s) {
  TckValue v;
  v.kind = Kind::string;
  v.text = std::move(s);
  return v;
}

TckValue TckValue::of_list(std::vector<TckValue> items) {
  TckValue v;
  v.kind = Kind::list;
  v.items = std::move(items);
  return v;
}

TckValue TckValue::of_map(std::vector<std::pair<std::string, TckValue>> entries) {
  TckValue v;
  v.kind = Kind::map;
  v.entries = std::move(entries);
  std::stable_sort(v.entries.begin(), v.entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return v;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Parsing

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  TckValue parse_all() {
    TckValue v = value();
    skip_space();
    if (i_ != s_.size())
      fail("unexpected text after the value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw ValueSyntaxError("cannot read TCK value `" + std::string(s_) + "` at offset " +
                           std::to_string(i_) + ": " + message);
  }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      ++i_;
  }
  bool peek(std::string_view t) {
    skip_space();
    return s_.substr(i_, t.size()) == t;
  }
  bool accept(std::string_view t) {
    if (!peek(t))
      return false;
    i_ += t.size();
    return true;
  }
  void expect(std::string_view t) {
    if (!accept(t))
      fail("expected '" + std::string(t) + "'");
  }
  static bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  }
  bool word_ahead(std::string_view w) {
    skip_space();
    return s_.substr(i_, w.size()) == w &&
           (i_ + w.size() >= s_.size() || !word_char(s_[i_ + w.size()]));
  }

  TckValue value() {
    skip_space();
    if (i_ >= s_.size())
      fail("expected a value");
    const char c = s_[i_];
    if (c == '\'' || c == '"')
      return TckValue::of_string(string_literal());
    if (c == '[') {
      // A relationship `[:T …]` or a list.
      std::size_t j = i_ + 1;
      while (j < s_.size() && s_[j] == ' ')
        ++j;
      if (j < s_.size() && s_[j] == ':')
        return relationship();
      return list();
    }
    if (c == '{')
      return map();
    if (c == '(')
      return node();
    if (c == '<')
      return path();
    if (word_ahead("null")) {
      i_ += 4;
      return {};
    }
    if (word_ahead("true")) {
      i_ += 4;
      return TckValue::of_bool(true);
    }
    if (word_ahead("false")) {
      i_ += 5;
      return TckValue::of_bool(false);
    }
    return number();
  }

  TckValue number() {
    const std::size_t start = i_;
    bool negative = false;
    if (s_[i_] == '-' || s_[i_] == '+') {
      negative = s_[i_] == '-';
      ++i_;
    }
    for (std::string_view special : {"NaN", "Infinity", "Inf"}) {
      if (s_.substr(i_, special.size()) == special) {
        i_ += special.size();
        if (special == "NaN")
          return TckValue::of_float(std::numeric_limits<double>::quiet_NaN());
        const double inf = std::numeric_limits<double>::infinity();
        return TckValue::of_float(negative ? -inf : inf);
      }
    }
    if (s_.substr(i_, 2) == "0x" || s_.substr(i_, 2) == "0X" || s_.substr(i_, 2) == "0o") {
      const int base = s_[i_ + 1] == 'o' ? 8 : 16;
      i_ += 2;
      const std::size_t digits = i_;
      while (i_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[i_])))
        ++i_;
      if (i_ == digits)
        fail("expected digits");
      const std::string d(s_.substr(digits, i_ - digits));
      errno = 0;
      const unsigned long long magnitude = std::strtoull(d.c_str(), nullptr, base);
      if (errno != 0 || magnitude > 9223372036854775808ULL ||
          (!negative && magnitude == 9223372036854775808ULL))
        fail("integer out of range");
      return TckValue::of_int(negative ? static_cast<int64_t>(0 - magnitude)
                                       : static_cast<int64_t>(magnitude));
    }
    bool is_float = false;
    const std::size_t digits = i_;
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])))
      ++i_;
    if (i_ < s_.size() && s_[i_] == '.' && i_ + 1 < s_.size() &&
        std::isdigit(static_cast<unsigned char>(s_[i_ + 1]))) {
      is_float = true;
      ++i_;
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])))
        ++i_;
    }
    if (i_ == digits)
      fail("expected a value");
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      std::size_t j = i_ + 1;
      if (j < s_.size() && (s_[j] == '-' || s_[j] == '+'))
        ++j;
      if (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j]))) {
        is_float = true;
        i_ = j;
        while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])))
          ++i_;
      }
    }
    const std::string t(s_.substr(start, i_ - start));
    if (is_float)
      return TckValue::of_float(std::strtod(t.c_str(), nullptr));
    errno = 0;
    const long long i = std::strtoll(t.c_str(), nullptr, 10);
    if (errno != 0)
      fail("integer out of range");
    return TckValue::of_int(i);
  }

  std::string string_literal() {
    const char quote = s_[i_++];
    std::string out;
    while (true) {
      if (i_ >= s_.size())
        fail("unterminated string");
      const char c = s_[i_++];
      if (c == quote)
        return out;
      if (c != '\\' || i_ >= s_.size()) {
        out += c;
        continue;
      }
      const char e = s_[i_++];
      switch (e) {
        case '\\':
        case '\'':
        case '"':
          out += e;
          break;
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u':
        case 'U': {
          const std::size_t n = e == 'u' ? 4 : 8;
          if (i_ + n > s_.size())
            fail("bad unicode escape");
          const std::string hex(s_.substr(i_, n));
          i_ += n;
          utf8::append(out, static_cast<char32_t>(std::strtoul(hex.c_str(), nullptr, 16)));
          break;
        }
        default:
          out += '\\';
          out += e;
      }
    }
  }

  // A label, type or key: letters, digits and _, or `backticked` (`` for one backtick).
  std::string name() {
    skip_space();
    if (i_ < s_.size() && s_[i_] == '`') {
      ++i_;
      std::string out;
      while (true) {
        if (i_ >= s_.size())
          fail("unterminated `name`");
        if (s_[i_] == '`') {
          if (i_ + 1 < s_.size() && s_[i_ + 1] == '`') {
            out += '`';
            i_ += 2;
            continue;
          }
          ++i_;
          return out;
        }
        out += s_[i_++];
      }
    }
    if (i_ < s_.size() && (s_[i_] == '\'' || s_[i_] == '"'))
      return string_literal();
    const std::size_t start = i_;
    while (i_ < s_.size() && word_char(s_[i_]))
      ++i_;
    if (i_ == start)
      fail("expected a name");
    return std::string(s_.substr(start, i_ - start));
  }

  std::vector<std::pair<std::string, TckValue>> entries() {
    std::vector<std::pair<std::string, TckValue>> out;
    expect("{");
    if (accept("}"))
      return out;
    do {
      std::string key = name();
      expect(":");
      out.emplace_back(std::move(key), value());
    } while (accept(","));
    expect("}");
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 1; k < out.size(); ++k) {
      if (out[k].first == out[k - 1].first)
        fail("key '" + out[k].first + "' given twice");
    }
    return out;
  }

  TckValue map() {
    TckValue v;
    v.kind = TckValue::Kind::map;
    v.entries = entries();
    return v;
  }

  TckValue list() {
    expect("[");
    std::vector<TckValue> items;
    if (!accept("]")) {
      do {
        items.push_back(value());
      } while (accept(","));
      expect("]");
    }
    return TckValue::of_list(std::move(items));
  }

  TckValue node() {
    expect("(");
    TckValue v;
    v.kind = TckValue::Kind::node;
    while (accept(":"))
      v.labels.push_back(name());
    std::sort(v.labels.begin(), v.labels.end());
    if (peek("{"))
      v.entries = entries();
    expect(")");
    return v;
  }

  TckValue relationship() {
    expect("[");
    TckValue v;
    v.kind = TckValue::Kind::relationship;
    expect(":");
    v.text = name();
    if (peek("{"))
      v.entries = entries();
    expect("]");
    return v;
  }

  TckValue path() {
    expect("<");
    TckValue v;
    v.kind = TckValue::Kind::path;
    v.items.push_back(node());
    while (!accept(">")) {
      if (accept("<-")) {
        v.items.push_back(relationship());
        expect("-");
        v.forward.push_back(false);
      } else if (accept("-")) {
        v.items.push_back(relationship());
        expect("->");
        v.forward.push_back(true);
      } else {
        fail("expected a relationship or '>'");
      }
      v.items.push_back(node());
    }
    return v;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Rendering

bool plain_name(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0])))
    return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

void name(std::string& out, const std::string& s) {
  if (plain_name(s)) {
    out += s;
    return;
  }
  out += '`';
  for (char c : s)
    out += c == '`' ? std::string("``") : std::string(1, c);
  out += '`';
}

std::string float_text(double d) {
  if (std::isnan(d))
    return "NaN";
  if (std::isinf(d))
    return d > 0 ? "Inf" : "-Inf";
  return cy::format_float(d);
}

// `mode`: 0 renders; 1 canonical; 2 canonical with lists as bags.
void write(std::string& out, const TckValue& v, int mode);

void write_entries(std::string& out, const std::vector<std::pair<std::string, TckValue>>& entries,
                   int mode) {
  out += '{';
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i)
      out += ", ";
    name(out, entries[i].first);
    out += ": ";
    write(out, entries[i].second, mode);
  }
  out += '}';
}

void write(std::string& out, const TckValue& v, int mode) {
  using K = TckValue::Kind;
  switch (v.kind) {
    case K::null:
      out += "null";
      return;
    case K::boolean:
      out += v.boolean ? "true" : "false";
      return;
    case K::integer:
      out += std::to_string(v.integer);
      return;
    case K::floating:
      if (mode == 0 || std::isnan(v.floating)) {
        out += float_text(v.floating);
      } else {
        // Exact and unique: the hexadecimal form, marked so 1 and 1.0 differ. -0.0 equals 0.0
        // (the TCK expects `RETURN -0.0` to give 0.0).
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "f%a", v.floating == 0 ? 0.0 : v.floating);
        out += buffer;
      }
      return;
    case K::string:
      out += query::cypher::quoted_string(v.text);
      return;
    case K::other:
      out += v.text;
      return;
    case K::list: {
      std::vector<std::string> items;
      for (const TckValue& item : v.items) {
        std::string s;
        write(s, item, mode);
        items.push_back(std::move(s));
      }
      if (mode == 2)
        std::sort(items.begin(), items.end());
      out += '[';
      for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + items[i];
      out += ']';
      return;
    }
    case K::map:
      write_entries(out, v.entries, mode);
      return;
    case K::node:
      out += '(';
      for (const std::string& l : v.labels) {
        out += ':';
        name(out, l);
      }
      if (!v.entries.empty()) {
        if (!v.labels.empty())
          out += ' ';
        write_entries(out, v.entries, mode);
      }
      out += ')';
      return;
    case K::relationship:
      out += "[:";
      name(out, v.text);
      if (!v.entries.empty()) {
        out += ' ';
        write_entries(out, v.entries, mode);
      }
      out += ']';
      return;
    case K::path: {
      out += '<';
      std::vector<std::string> nodes;
      for (std::size_t i = 0; i < v.items.size(); i += 2) {
        std::string s;
        write(s, v.items[i], mode);
        nodes.push_back(std::move(s));
      }
      out += nodes[0];
      for (std::size_t r = 0; r < v.forward.size(); ++r) {
        std::string rel;
        write(rel, v.items[2 * r + 1], mode);
        // A relationship between two nodes the TCK cannot tell apart (a self-loop) has no
        // direction one can check.
        if (mode != 0 && nodes[r] == nodes[r + 1])
          out += "-" + rel + "-";
        else
          out += v.forward[r] ? "-" + rel + "->" : "<-" + rel + "-";
        out += nodes[r + 1];
      }
      out += '>';
      return;
    }
  }
}

}  // namespace

TckValue parse_tck_value(std::string_view text) {
  return Parser(text).parse_all();
}

std::string render(const TckValue& v) {
  std::string out;
  write(out, v, 0);
  return out;
}

std::string canonical(const TckValue& v, bool ignore_list_order) {
  std::string out;
  write(out, v, ignore_list_order ? 2 : 1);
  return out;
}

bool tck_equal(const TckValue& a, const TckValue& b, bool ignore_list_order) {
  return canonical(a, ignore_list_order) == canonical(b, ignore_list_order);
}

namespace {

std::vector<std::pair<std::string, TckValue>> properties(const cy::Map& m,
                                                         const cy::PropertyGraph& g) {
  std::vector<std::pair<std::string, TckValue>> out;
  for (const auto& [k, v] : m)
    out.emplace_back(k, from_engine(v, g));
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

TckValue node_value(cy::NodeId n, const cy::PropertyGraph& g) {
  TckValue v;
  v.kind = TckValue::Kind::node;
  std::vector<cy::LabelId> ids;
  g.labels(n, ids);
  for (cy::LabelId l : ids)
    v.labels.push_back(g.label_names().at(l));
  std::sort(v.labels.begin(), v.labels.end());
  v.entries = properties(g.node_properties(n), g);
  return v;
}

TckValue rel_value(cy::RelId r, const cy::PropertyGraph& g) {
  TckValue v;
  v.kind = TckValue::Kind::relationship;
  v.text = g.type_names().at(g.ends(r).type);
  v.entries = properties(g.rel_properties(r), g);
  return v;
}

}  // namespace

TckValue from_engine(const cy::Value& v, const cy::PropertyGraph& g) {
  using T = cy::ValueType;
  switch (v.type()) {
    case T::null:
      return {};
    case T::boolean:
      return TckValue::of_bool(v.as_bool());
    case T::integer:
      return TckValue::of_int(v.as_int());
    case T::floating:
      return TckValue::of_float(v.as_float());
    case T::string:
      return TckValue::of_string(v.as_string());
    case T::date: {
      TckValue out;
      out.kind = TckValue::Kind::other;
      out.text = cy::to_literal(v);
      return out;
    }
    case T::list: {
      std::vector<TckValue> items;
      for (const cy::Value& item : v.as_list())
        items.push_back(from_engine(item, g));
      return TckValue::of_list(std::move(items));
    }
    case T::map: {
      TckValue out;
      out.kind = TckValue::Kind::map;
      out.entries = properties(v.as_map(), g);
      return out;
    }
    case T::node:
      return node_value(v.as_node().id, g);
    case T::relationship:
      return rel_value(v.as_rel().id, g);
    case T::path: {
      const cy::Path& p = v.as_path();
      TckValue out;
      out.kind = TckValue::Kind::path;
      if (p.nodes.empty() || p.nodes.size() != p.rels.size() + 1) {
        out.kind = TckValue::Kind::other;
        out.text = "<malformed path: " + std::to_string(p.nodes.size()) + " nodes, " +
                   std::to_string(p.rels.size()) + " relationships>";
        return out;
      }
      out.items.push_back(node_value(p.nodes[0], g));
      for (std::size_t i = 0; i < p.rels.size(); ++i) {
        out.items.push_back(rel_value(p.rels[i], g));
        out.forward.push_back(g.ends(p.rels[i]).source == p.nodes[i]);
        out.items.push_back(node_value(p.nodes[i + 1], g));
      }
      return out;
    }
  }
  return {};
}

cy::Value to_engine(const TckValue& v) {
  using K = TckValue::Kind;
  switch (v.kind) {
    case K::null:
      return cy::Value();
    case K::boolean:
      return cy::Value(v.boolean);
    case K::integer:
      return cy::Value(v.integer);
    case K::floating:
      return cy::Value(v.floating);
    case K::string:
      return cy::Value(v.text);
    case K::list: {
      cy::List items;
      for (const TckValue& item : v.items)
        items.push_back(to_engine(item));
      return cy::Value(std::move(items));
    }
    case K::map: {
      cy::Map entries;
      for (const auto& [k, item] : v.entries)
        entries.emplace_back(k, to_engine(item));
      return cy::Value(std::move(entries));
    }
    default:
      throw ValueSyntaxError("a node, relationship or path cannot be a parameter: " + render(v));
  }
}

}  // namespace jurigraph::tck
