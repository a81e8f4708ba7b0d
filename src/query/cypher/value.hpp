// The values a Cypher query computes with, and Cypher's rules for them: three-valued equality,
// comparison only within a type family, one total order for ORDER BY across all types, and the
// equivalence that DISTINCT and grouping use (where null equals null and 1 equals 1.0).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace jurigraph::query::cypher {

using NodeId = uint32_t;
using RelId = uint32_t;

struct NodeRef {
  NodeId id = 0;
  bool operator==(const NodeRef&) const = default;
};
struct RelRef {
  RelId id = 0;
  bool operator==(const RelRef&) const = default;
};
// A calendar date as YYYYMMDD, the way the graph stores it (ordered like the calendar).
struct Date {
  int32_t yyyymmdd = 0;
  int year() const { return yyyymmdd / 10000; }
  int month() const { return yyyymmdd / 100 % 100; }
  int day() const { return yyyymmdd % 100; }
  bool operator==(const Date&) const = default;
};

class Value;
using List = std::vector<Value>;
using Map = std::vector<std::pair<std::string, Value>>;  // sorted by key, keys unique

// A path: nodes[0] rels[0] nodes[1] … ; rels.size() + 1 == nodes.size().
struct Path {
  std::vector<NodeId> nodes;
  std::vector<RelId> rels;
};

enum class ValueType : uint8_t {
  null,
  boolean,
  integer,
  floating,
  string,
  date,
  list,
  map,
  node,
  relationship,
  path
};
std::string_view type_name(ValueType t);  // "NULL", "BOOLEAN", "INTEGER", "FLOAT", …

// Lists, maps and paths are shared and immutable once built, so that copying a row is cheap.
class Value {
 public:
  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(int64_t i) : v_(i) {}
  Value(int i) : v_(int64_t{i}) {}
  Value(double d) : v_(d) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(Date d) : v_(d) {}
  Value(List l) : v_(std::make_shared<const List>(std::move(l))) {}
  Value(Map m);  // sorts by key
  Value(NodeRef n) : v_(n) {}
  Value(RelRef r) : v_(r) {}
  Value(Path p) : v_(std::make_shared<const Path>(std::move(p))) {}

  ValueType type() const { return static_cast<ValueType>(v_.index()); }
  bool is_null() const { return type() == ValueType::null; }
  bool is_number() const { return type() == ValueType::integer || type() == ValueType::floating; }

  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  double as_number() const {
    return type() == ValueType::integer ? static_cast<double>(as_int()) : as_float();
  }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  Date as_date() const { return std::get<Date>(v_); }
  const List& as_list() const { return *std::get<std::shared_ptr<const List>>(v_); }
  const Map& as_map() const { return *std::get<std::shared_ptr<const Map>>(v_); }
  NodeRef as_node() const { return std::get<NodeRef>(v_); }
  RelRef as_rel() const { return std::get<RelRef>(v_); }
  const Path& as_path() const { return *std::get<std::shared_ptr<const Path>>(v_); }

  // The value of `key` in a map, null when absent.
  const Value* find(std::string_view key) const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, Date,
               std::shared_ptr<const List>, std::shared_ptr<const Map>, NodeRef, RelRef,
               std::shared_ptr<const Path>>
      v_;
};

// Cypher's ternary logic: true, false or null (unknown).
enum class Ternary : uint8_t { false_, true_, null };
Ternary ternary_not(Ternary a);
Ternary ternary_and(Ternary a, Ternary b);
Ternary ternary_or(Ternary a, Ternary b);
Ternary ternary_xor(Ternary a, Ternary b);
Value to_value(Ternary t);

// `a = b`: null when either side is null (or a list holds a null that decides it).
Ternary equals(const Value& a, const Value& b);
// `a < b` and friends: -1, 0, 1, or nullopt when the two are not comparable (different type
// families, null, NaN).
std::optional<int> compare(const Value& a, const Value& b);
// The total order of ORDER BY: maps, nodes, relationships, lists, paths, dates, strings,
// booleans, numbers, then null last.
int order(const Value& a, const Value& b);
// DISTINCT and grouping: like `=`, but null is equivalent to null and NaN to NaN.
bool equivalent(const Value& a, const Value& b);
std::size_t hash_value(const Value& v);

// Text for a terminal and for the TCK: 'strings' quoted, 1.0 for floats, [1, 2], {a: 1}.
// Nodes, relationships and paths need the graph; these print their ids only.
std::string to_literal(const Value& v);
// What toString() makes of a string (itself), a number, a boolean or a date (YYYY-MM-DD);
// nullopt for null and the other types.
std::optional<std::string> to_text(const Value& v);
// `s` as a Cypher string literal in single quotes, escaped so that the lexer reads it back
// ('it\'s', '\n', control characters as \uXXXX). The one quoting of the AST printer, of
// to_literal and of the TCK runner.
std::string quoted_string(std::string_view s);
// A label, relationship type, property or map key as Cypher text: as it is when it is a plain
// name ([A-Za-z_][A-Za-z0-9_]*), else in backticks with inner backticks doubled.
std::string quoted_name(std::string_view name);
// Shortest round-trip text of a float, always with a decimal point: 1.0, 0.1, 85000000.0,
// 1.0e-05, 1.0e+100, NaN, Infinity (plain decimals from 1e-4 to 1e16, as Python prints them).
std::string format_float(double d);

}  // namespace jurigraph::query::cypher
