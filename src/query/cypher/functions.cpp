#include "query/cypher/functions.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include "base/calendar.hpp"
#include "base/utf8.hpp"

namespace jurigraph::query::cypher::exec {
namespace {

using Args = std::span<const Value>;

[[noreturn]] void type_error(ExecContext& ctx, const BoundExpr& call, std::size_t arg,
                             std::string_view expected, const Value& got) {
  const uint32_t pos = arg < call.args.size() ? call.args[arg].pos : call.pos;
  ctx.fail(pos, "type mismatch: " + std::string(call.function->name) + "() expects " +
                    std::string(expected) + ", not " + a_type(got));
}

// The argument as a string (nullopt for null), or a type error.
const std::string* string_arg(ExecContext& ctx, const BoundExpr& call, Args args, std::size_t i) {
  if (args[i].is_null())
    return nullptr;
  if (args[i].type() != ValueType::string)
    type_error(ctx, call, i, "a STRING", args[i]);
  return &args[i].as_string();
}

std::optional<int64_t> int_arg(ExecContext& ctx, const BoundExpr& call, Args args, std::size_t i) {
  if (args[i].is_null())
    return std::nullopt;
  if (args[i].type() != ValueType::integer)
    type_error(ctx, call, i, "an INTEGER", args[i]);
  return args[i].as_int();
}

// ---------------------------------------------------------------------------------------------
// Strings: code points, not bytes, and case mapping beyond ASCII (the data is French).

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  std::size_t pos = 0;
  while (pos < s.size())
    out.push_back(utf8::decode(s, pos));
  return out;
}

std::string from_code_points(std::span<const char32_t> cps) {
  std::string out;
  for (char32_t c : cps)
    utf8::append(out, c);
  return out;
}

// Simple one-to-one case mapping for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
char32_t to_lower_cp(char32_t c) {
  if (c < 0x80)
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
      (c >= 0x410 && c <= 0x42F))
    return c + 32;
  if (c >= 0x400 && c <= 0x40F)
    return c + 80;
  if (c == 0x178)
    return 0xFF;
  if (c == 0x130)
    return 'i';
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
    return c % 2 == 0 ? c + 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
    return c % 2 == 1 ? c + 1 : c;
  return c;
}

char32_t to_upper_cp(char32_t c) {
  if (c < 0x80)
    return c >= 'a' && c <= 'z' ? c - 32 : c;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) ||
      (c >= 0x430 && c <= 0x44F))
    return c - 32;
  if (c >= 0x450 && c <= 0x45F)
    return c - 80;
  if (c == 0xFF)
    return 0x178;
  if (c == 0x131)
    return 'I';
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
    return c % 2 == 1 ? c - 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
    return c % 2 == 0 ? c - 1 : c;
  return c;
}

template <class F>
std::string map_code_points(std::string_view s, F f) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size())
    utf8::append(out, f(utf8::decode(s, pos)));
  return out;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  return s;
}
std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Numbers

std::optional<int64_t> parse_integer(std::string_view s) {
  s = trim_right(trim_left(s));
  int64_t v = 0;
  const char* begin = s.data();
  if (!s.empty() && s.front() == '+')
    ++begin;
  const auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || begin == s.data() + s.size())
    return std::nullopt;
  return v;
}

std::optional<double> parse_float(std::string_view s) {
  s = trim_right(trim_left(s));
  const char* begin = s.data();
  if (!s.empty() && s.front() == '+')
    ++begin;
  double v = 0;
  const auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || begin == s.data() + s.size())
    return std::nullopt;
  return v;
}

// A float truncated to an integer, when it fits.
std::optional<int64_t> truncate(double d) {
  if (std::isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
    return std::nullopt;
  return static_cast<int64_t>(d);
}

// ---------------------------------------------------------------------------------------------
// The functions

Value fn_id(ExecContext& ctx, const BoundExpr& call, Args a) {
  switch (a[0].type()) {
    case ValueType::null:
      return {};
    case ValueType::node:
      return Value(static_cast<int64_t>(a[0].as_node().id));
    case ValueType::relationship:
      return Value(static_cast<int64_t>(a[0].as_rel().id));
    default:
      type_error(ctx, call, 0, "a NODE or a RELATIONSHIP", a[0]);
  }
}

Value fn_labels(ExecContext& ctx, const BoundExpr& call, Args a) {
  if (a[0].is_null())
    return {};
  if (a[0].type() != ValueType::node)
    type_error(ctx, call, 0, "a NODE", a[0]);
  ctx.label_scratch.clear();
  ctx.graph.labels(a[0].as_node().id, ctx.label_scratch);
  List out;
  for (LabelId l : ctx.label_scratch)
    out.emplace_back(ctx.graph.label_names()[l]);
  return Value(std::move(out));
}

Value fn_type(ExecContext& ctx, const BoundExpr& call, Args a) {
  if (a[0].is_null())
    return {};
  if (a[0].type() != ValueType::relationship)
    type_error(ctx, call, 0, "a RELATIONSHIP", a[0]);
  return Value(ctx.graph.type_names()[ctx.graph.ends(a[0].as_rel().id).type]);
}

Value properties_of(ExecContext& ctx, const BoundExpr& call, const Value& v) {
  switch (v.type()) {
    case ValueType::null:
      return {};
    case ValueType::node:
      return Value(ctx.graph.node_properties(v.as_node().id));
    case ValueType::relationship:
      return Value(ctx.graph.rel_properties(v.as_rel().id));
    case ValueType::map:
      return v;
    default:
      type_error(ctx, call, 0, "a NODE, a RELATIONSHIP or a MAP", v);
  }
}

Value fn_properties(ExecContext& ctx, const BoundExpr& call, Args a) {
  return properties_of(ctx, call, a[0]);
}

Value fn_keys(ExecContext& ctx, const BoundExpr& call, Args a) {
  const Value m = properties_of(ctx, call, a[0]);
  if (m.is_null())
    return {};
  List out;
  for (const auto& kv : m.as_map())
    out.emplace_back(kv.first);
  return Value(std::move(out));
}

Value fn_nodes(ExecContext& ctx, const BoundExpr& call, Args a) {
  if (a[0].is_null())
    return {};
  if (a[0].type() != ValueType::path)
    type_error(ctx, call, 0, "a PATH", a[0]);
  List out;
  for (NodeId n : a[0].as_path().nodes)
    out.emplace_back(NodeRef{n});
  return Value(std::move(out));
}

Value fn_relationships(ExecContext& ctx, const BoundExpr& call, Args a) {
  if (a[0].is_null())
    return {};
  if (a[0].type() != ValueType::path)
    type_error(ctx, call, 0, "a PATH", a[0]);
  List out;
  for (RelId r : a[0].as_path().rels)
    out.emplace_back(RelRef{r});
  return Value(std::move(out));
}

Value fn_length(ExecContext& ctx, const BoundExpr& call, Args a) {
  switch (a[0].type()) {
    case ValueType::null:
      return {};
    case ValueType::path:
      return Value(static_cast<int64_t>(a[0].as_path().rels.size()));
    case ValueType::string:
      return Value(static_cast<int64_t>(utf8::count_code_points(a[0].as_string())));
    case ValueType::list:
      return Value(static_cast<int64_t>(a[0].as_list().size()));
    default:
      type_error(ctx, call, 0, "a PATH, a STRING or a LIST", a[0]);
  }
}

Value fn_size(ExecContext& ctx, const BoundExpr& call, Args a) {
  switch (a[0].type()) {
    case ValueType::null:
      return {};
    case ValueType::string:
      return Value(static_cast<int64_t>(utf8::count_code_points(a[0].as_string())));
    case ValueType::list:
      return Value(static_cast<int64_t>(a[0].as_list().size()));
    default:
      type_error(ctx, call, 0, "a STRING or a LIST", a[0]);
  }
}

Value fn_is_empty(ExecContext& ctx, const BoundExpr& call, Args a) {
  switch (a[0].type()) {
    case ValueType::null:
      return {};
    case ValueType::string:
      return Value(a[0].as_string().empty());
    case ValueType::list:
      return Value(a[0].as_list().empty());
    case ValueType::map:
      return Value(a[0].as_map().empty());
    default:
      type_error(ctx, call, 0, "a STRING, a LIST or a MAP", a[0]);
  }
}

Value fn_coalesce(ExecContext&, const BoundExpr&, Args a) {
  for (const Value& v : a) {
    if (!v.is_null())
      return v;
  }
  return {};
}

const List* list_arg(ExecContext& ctx, const BoundExpr& call, Args a, std::size_t i) {
  if (a[i].is_null())
    return nullptr;
  if (a[i].type() != ValueType::list)
    type_error(ctx, call, i, "a LIST", a[i]);
  return &a[i].as_list();
}

Value fn_head(ExecContext& ctx, const BoundExpr& call, Args a) {
  const List* l = list_arg(ctx, call, a, 0);
  return l && !l->empty() ? l->front() : Value();
}

Value fn_last(ExecContext& ctx, const BoundExpr& call, Args a) {
  const List* l = list_arg(ctx, call, a, 0);
  return l && !l->empty() ? l->back() : Value();
}

Value fn_tail(ExecContext& ctx, const BoundExpr& call, Args a) {
  const List* l = list_arg(ctx, call, a, 0);
  if (!l)
    return {};
  return Value(l->empty() ? List{} : List(l->begin() + 1, l->end()));
}

Value fn_range(ExecContext& ctx, const BoundExpr& call, Args a) {
  const auto start = int_arg(ctx, call, a, 0);
  const auto end = int_arg(ctx, call, a, 1);
  std::optional<int64_t> step = int64_t{1};
  if (a.size() > 2)
    step = int_arg(ctx, call, a, 2);
  if (!start || !end || !step)
    return {};
  if (*step == 0)
    ctx.fail(call.args[2].pos, "range() step must not be zero");
  // The element count in 128 bits: the bounds may span the whole int64 range.
  const __int128 span = static_cast<__int128>(*end) - *start;
  const bool backwards = span != 0 && (span < 0) != (*step < 0);
  const __int128 count = backwards ? 0 : span / *step + 1;
  if (count > static_cast<__int128>(ctx.limits.max_rows))
    ctx.fail_rows(call.pos);
  List out;
  out.reserve(static_cast<std::size_t>(count));
  for (__int128 i = 0; i < count; ++i)
    out.emplace_back(static_cast<int64_t>(*start + i * *step));
  return Value(std::move(out));
}

Value fn_reverse(ExecContext& ctx, const BoundExpr& call, Args a) {
  switch (a[0].type()) {
    case ValueType::null:
      return {};
    case ValueType::string: {
      std::vector<char32_t> cps = code_points(a[0].as_string());
      std::reverse(cps.begin(), cps.end());
      return Value(from_code_points(cps));
    }
    case ValueType::list: {
      List l = a[0].as_list();
      std::reverse(l.begin(), l.end());
      return Value(std::move(l));
    }
    default:
      type_error(ctx, call, 0, "a STRING or a LIST", a[0]);
  }
}

Value fn_to_lower(ExecContext& ctx, const BoundExpr& call, Args a) {
  const std::string* s = string_arg(ctx, call, a, 0);
  return s ? Value(map_code_points(*s, to_lower_cp)) : Value();
}

Value fn_to_upper(ExecContext& ctx, const BoundExpr& call, Args a) {
  const std::string* s = string_arg(ctx, call, a, 0);
  return s ? Value(map_code_points(*s, to_upper_cp)) : Value();
}

Value fn_trim(ExecContext& ctx, const BoundExpr& call, Args a) {
  const std::string* s = string_arg(ctx, call, a, 0);
  return s ? Value(trim_right(trim_left(*s))) : Value();
}

Value fn_ltrim(ExecContext& ctx, const BoundExpr& call, Args a) {
  const std::string* s = string_arg(ctx, call, a, 0);
  return s ? Value(trim_left(*s)) : Value();
}

Value fn_rtrim(ExecContext& ctx, const BoundExpr& call, Args a) {
  const std::string* s = string_arg(ctx, call, a, 0);
  return s ? Value(trim_right(*s)) : Value();
}

int64_t non_negative(ExecContext& ctx, const BoundExpr& call, std::size_t i, int64_t v) {
  if (v < 0)
    ctx.fail(call.args[i].pos, std::string(call.function->name) +
                                   "() needs a non-negative integer, not " + std::to_string(v));
  return v;
}

Value fn_substring(ExecContext& ctx, const BoundExpr& call, Args a) {
  const std::string* s = string_arg(ctx, call, a, 0);
  const auto start = int_arg(ctx, call, a, 1);
  std::optional<int64_t> length = std::numeric_limits<int64_t>::max();
  if (a.size() > 2)
    length = int_arg(ctx, call, a, 2);
  if (!s || !start || !length)
    return {};
  const auto first = static_cast<std::size_t>(non_negative(ctx, call, 1, *start));
  const auto count = static_cast<std::size_t>(non_negative(ctx, call, 2, *length));
  return Value(utf8::substr_code_points(*s, first, count));
}

Value fn_left(ExecContext& ctx, const BoundExpr& call, Args a) {
  const std::string* s = string_arg(ctx, call, a, 0);
  const auto n = int_arg(ctx, call, a, 1);
  if (!s)
    return {};
  if (!n)
    ctx.fail(call.args[1].pos, "left() needs a length, not null");
  return Value(
      utf8::substr_code_points(*s, 0, static_cast<std::size_t>(non_negative(ctx, call, 1, *n))));
}

Value fn_right(ExecContext& ctx, const BoundExpr& call, Args a) {
  const std::string* s = string_arg(ctx, call, a, 0);
  const auto n = int_arg(ctx, call, a, 1);
  if (!s)
    return {};
  if (!n)
    ctx.fail(call.args[1].pos, "right() needs a length, not null");
  const auto count = static_cast<std::size_t>(non_negative(ctx, call, 1, *n));
  const std::size_t total = utf8::count_code_points(*s);
  const std::size_t first = count >= total ? 0 : total - count;
  return Value(utf8::substr_code_points(*s, first, total - first));
}

Value fn_replace(ExecContext& ctx, const BoundExpr& call, Args a) {
  const std::string* s = string_arg(ctx, call, a, 0);
  const std::string* search = string_arg(ctx, call, a, 1);
  const std::string* replacement = string_arg(ctx, call, a, 2);
  if (!s || !search || !replacement)
    return {};
  std::string out;
  if (search->empty()) {
    // As Java's String.replace: the replacement around every code point.
    std::size_t pos = 0;
    out += *replacement;
    while (pos < s->size()) {
      utf8::append(out, utf8::decode(*s, pos));
      out += *replacement;
    }
    return Value(std::move(out));
  }
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = s->find(*search, from);
    if (at == std::string::npos)
      break;
    out.append(*s, from, at - from);
    out += *replacement;
    from = at + search->size();
  }
  out.append(*s, from);
  return Value(std::move(out));
}

Value fn_split(ExecContext& ctx, const BoundExpr& call, Args a) {
  const std::string* s = string_arg(ctx, call, a, 0);
  const std::string* delimiter = string_arg(ctx, call, a, 1);
  if (!s || !delimiter)
    return {};
  List out;
  if (delimiter->empty()) {
    for (char32_t c : code_points(*s))
      out.emplace_back(from_code_points(std::span<const char32_t>(&c, 1)));
    return Value(std::move(out));
  }
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = s->find(*delimiter, from);
    if (at == std::string::npos)
      break;
    out.emplace_back(s->substr(from, at - from));
    from = at + delimiter->size();
  }
  out.emplace_back(s->substr(from));
  return Value(std::move(out));
}

Value fn_to_integer(ExecContext& ctx, const BoundExpr& call, Args a) {
  switch (a[0].type()) {
    case ValueType::null:
      return {};
    case ValueType::integer:
      return a[0];
    case ValueType::floating: {
      const auto t = truncate(a[0].as_float());
      return t ? Value(*t) : Value();
    }
    case ValueType::boolean:
      return Value(int64_t{a[0].as_bool() ? 1 : 0});
    case ValueType::string: {
      if (const auto i = parse_integer(a[0].as_string()))
        return Value(*i);
      if (const auto d = parse_float(a[0].as_string())) {
        const auto t = truncate(*d);
        return t ? Value(*t) : Value();
      }
      return {};
    }
    default:
      type_error(ctx, call, 0, "a STRING, a number or a BOOLEAN", a[0]);
  }
}

Value fn_to_float(ExecContext& ctx, const BoundExpr& call, Args a) {
  switch (a[0].type()) {
    case ValueType::null:
      return {};
    case ValueType::integer:
      return Value(static_cast<double>(a[0].as_int()));
    case ValueType::floating:
      return a[0];
    case ValueType::string: {
      const auto d = parse_float(a[0].as_string());
      return d ? Value(*d) : Value();
    }
    default:
      type_error(ctx, call, 0, "a STRING or a number", a[0]);
  }
}

Value fn_to_string(ExecContext& ctx, const BoundExpr& call, Args a) {
  if (a[0].is_null())
    return {};
  if (a[0].type() == ValueType::string)
    return a[0];
  if (std::optional<std::string> text = to_text(a[0]))
    return Value(std::move(*text));
  type_error(ctx, call, 0, "a STRING, a number, a BOOLEAN or a DATE", a[0]);
}

Value fn_to_boolean(ExecContext& ctx, const BoundExpr& call, Args a) {
  switch (a[0].type()) {
    case ValueType::null:
      return {};
    case ValueType::boolean:
      return a[0];
    case ValueType::integer:
      return Value(a[0].as_int() != 0);
    case ValueType::string: {
      std::string s(trim_right(trim_left(a[0].as_string())));
      std::transform(s.begin(), s.end(), s.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (s == "true")
        return Value(true);
      if (s == "false")
        return Value(false);
      return {};
    }
    default:
      type_error(ctx, call, 0, "a STRING, an INTEGER or a BOOLEAN", a[0]);
  }
}

// The argument as a double for the numeric functions; nullopt for null.
std::optional<double> number_arg(ExecContext& ctx, const BoundExpr& call, Args a, std::size_t i) {
  if (a[i].is_null())
    return std::nullopt;
  if (!a[i].is_number())
    type_error(ctx, call, i, "a number", a[i]);
  return a[i].as_number();
}

Value fn_abs(ExecContext& ctx, const BoundExpr& call, Args a) {
  if (a[0].type() == ValueType::integer) {
    if (a[0].as_int() == std::numeric_limits<int64_t>::min())
      ctx.fail(call.pos, "integer overflow in abs(" + std::to_string(a[0].as_int()) + ")");
    return Value(a[0].as_int() < 0 ? -a[0].as_int() : a[0].as_int());
  }
  const auto d = number_arg(ctx, call, a, 0);
  return d ? Value(std::fabs(*d)) : Value();
}

Value fn_sign(ExecContext& ctx, const BoundExpr& call, Args a) {
  const auto d = number_arg(ctx, call, a, 0);
  if (!d)
    return {};
  return Value(int64_t{*d > 0 ? 1 : (*d < 0 ? -1 : 0)});
}

Value fn_round(ExecContext& ctx, const BoundExpr& call, Args a) {
  const auto d = number_arg(ctx, call, a, 0);
  std::optional<int64_t> precision = int64_t{0};
  if (a.size() > 1)
    precision = int_arg(ctx, call, a, 1);
  if (!d || !precision)
    return {};
  // Half up, as Java's Math.round: round(-2.5) = -2.0.
  if (*precision == 0)
    return Value(std::floor(*d + 0.5));
  const double scale = std::pow(10.0, static_cast<double>(*precision));
  return Value(std::floor(*d * scale + 0.5) / scale);
}

Value fn_ceil(ExecContext& ctx, const BoundExpr& call, Args a) {
  const auto d = number_arg(ctx, call, a, 0);
  return d ? Value(std::ceil(*d)) : Value();
}

Value fn_floor(ExecContext& ctx, const BoundExpr& call, Args a) {
  const auto d = number_arg(ctx, call, a, 0);
  return d ? Value(std::floor(*d)) : Value();
}

template <double (*F)(double)>
Value fn_math(ExecContext& ctx, const BoundExpr& call, Args a) {
  const auto d = number_arg(ctx, call, a, 0);
  return d ? Value(F(*d)) : Value();
}

double sqrt_(double d) {
  return std::sqrt(d);
}
double exp_(double d) {
  return std::exp(d);
}
double log_(double d) {
  return std::log(d);
}
double log10_(double d) {
  return std::log10(d);
}

Value fn_pi(ExecContext&, const BoundExpr&, Args) {
  return Value(3.141592653589793);
}

Value fn_e(ExecContext&, const BoundExpr&, Args) {
  return Value(2.718281828459045);
}

Value rel_end(ExecContext& ctx, const BoundExpr& call, Args a, bool start) {
  if (a[0].is_null())
    return {};
  if (a[0].type() != ValueType::relationship)
    type_error(ctx, call, 0, "a RELATIONSHIP", a[0]);
  const RelEnds e = ctx.graph.ends(a[0].as_rel().id);
  return Value(NodeRef{start ? e.source : e.target});
}

Value fn_start_node(ExecContext& ctx, const BoundExpr& call, Args a) {
  return rel_end(ctx, call, a, true);
}

Value fn_end_node(ExecContext& ctx, const BoundExpr& call, Args a) {
  return rel_end(ctx, call, a, false);
}

Value fn_date(ExecContext& ctx, const BoundExpr& call, Args a) {
  switch (a[0].type()) {
    case ValueType::null:
      return {};
    case ValueType::date:
      return a[0];
    case ValueType::string: {
      const auto d = parse_iso_date(a[0].as_string());
      if (!d)
        ctx.fail(call.args[0].pos,
                 "date() needs a date as YYYY-MM-DD, not '" + a[0].as_string() + "'");
      return Value(Date{*d});
    }
    case ValueType::map: {
      const auto field = [&](std::string_view key, bool required) -> int64_t {
        const Value* v = a[0].find(key);
        if (!v || v->is_null()) {
          if (required)
            ctx.fail(call.args[0].pos, "date() needs a map with a year");
          return 1;
        }
        if (v->type() != ValueType::integer)
          ctx.fail(call.args[0].pos, "type mismatch: date() expects an INTEGER " +
                                         std::string(key) + ", not " + a_type(*v));
        return v->as_int();
      };
      const int64_t y = field("year", true), m = field("month", false), d = field("day", false);
      char text[32];
      std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld", static_cast<long long>(y),
                    static_cast<long long>(m), static_cast<long long>(d));
      const auto parsed =
          y >= 0 && y <= 9999 && m >= 0 && d >= 0 ? parse_iso_date(text) : std::nullopt;
      if (!parsed)
        ctx.fail(call.args[0].pos, "date() got an invalid date: year " + std::to_string(y) +
                                       ", month " + std::to_string(m) + ", day " +
                                       std::to_string(d));
      return Value(Date{*parsed});
    }
    default:
      type_error(ctx, call, 0, "a STRING or a MAP", a[0]);
  }
}

constexpr std::array kFunctions = {
    FunctionDef{"abs", 1, 1, fn_abs},
    FunctionDef{"ceil", 1, 1, fn_ceil},
    FunctionDef{"coalesce", 1, kVariadic, fn_coalesce,
                kTakesNode | kTakesRelationship | kTakesPath},
    FunctionDef{"date", 1, 1, fn_date},
    FunctionDef{"e", 0, 0, fn_e},
    FunctionDef{"endNode", 1, 1, fn_end_node, kTakesRelationship},
    FunctionDef{"exp", 1, 1, fn_math<exp_>},
    FunctionDef{"floor", 1, 1, fn_floor},
    FunctionDef{"head", 1, 1, fn_head},
    FunctionDef{"id", 1, 1, fn_id, kTakesNode | kTakesRelationship},
    FunctionDef{"isEmpty", 1, 1, fn_is_empty},
    FunctionDef{"keys", 1, 1, fn_keys, kTakesNode | kTakesRelationship},
    FunctionDef{"labels", 1, 1, fn_labels, kTakesNode},
    FunctionDef{"last", 1, 1, fn_last},
    FunctionDef{"left", 2, 2, fn_left},
    FunctionDef{"length", 1, 1, fn_length, kTakesPath},
    FunctionDef{"log", 1, 1, fn_math<log_>},
    FunctionDef{"log10", 1, 1, fn_math<log10_>},
    FunctionDef{"ltrim", 1, 1, fn_ltrim},
    FunctionDef{"nodes", 1, 1, fn_nodes, kTakesPath},
    FunctionDef{"pi", 0, 0, fn_pi},
    FunctionDef{"properties", 1, 1, fn_properties, kTakesNode | kTakesRelationship},
    FunctionDef{"range", 2, 3, fn_range},
    FunctionDef{"relationships", 1, 1, fn_relationships, kTakesPath},
    FunctionDef{"replace", 3, 3, fn_replace},
    FunctionDef{"reverse", 1, 1, fn_reverse},
    FunctionDef{"right", 2, 2, fn_right},
    FunctionDef{"round", 1, 2, fn_round},
    FunctionDef{"rtrim", 1, 1, fn_rtrim},
    FunctionDef{"sign", 1, 1, fn_sign},
    FunctionDef{"size", 1, 1, fn_size},
    FunctionDef{"split", 2, 2, fn_split},
    FunctionDef{"sqrt", 1, 1, fn_math<sqrt_>},
    FunctionDef{"startNode", 1, 1, fn_start_node, kTakesRelationship},
    FunctionDef{"substring", 2, 3, fn_substring},
    FunctionDef{"tail", 1, 1, fn_tail},
    FunctionDef{"toBoolean", 1, 1, fn_to_boolean},
    FunctionDef{"toFloat", 1, 1, fn_to_float},
    FunctionDef{"toInteger", 1, 1, fn_to_integer},
    FunctionDef{"toLower", 1, 1, fn_to_lower},
    FunctionDef{"toString", 1, 1, fn_to_string},
    FunctionDef{"toUpper", 1, 1, fn_to_upper},
    FunctionDef{"trim", 1, 1, fn_trim},
    FunctionDef{"type", 1, 1, fn_type, kTakesRelationship},
};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

const FunctionDef* find_function(std::string_view name) {
  for (const FunctionDef& f : kFunctions) {
    if (iequals(f.name, name))
      return &f;
  }
  return nullptr;
}

std::span<const FunctionDef> all_functions() {
  return kFunctions;
}

std::string arity_text(uint8_t min_args, uint8_t max_args) {
  const auto args = [](unsigned n) {
    return std::to_string(n) + (n == 1 ? " argument" : " arguments");
  };
  if (max_args == kVariadic)
    return "takes at least " + args(min_args);
  if (min_args == max_args)
    return min_args == 0 ? "takes no arguments" : "takes " + args(min_args);
  if (max_args == min_args + 1)
    return "takes " + std::to_string(min_args) + " or " + args(max_args);
  return "takes " + std::to_string(min_args) + " to " + args(max_args);
}

}  // namespace jurigraph::query::cypher::exec
