// The values of the TCK's result tables, `null`, `1`, `1.0`, `'text'`, `[1, 2]`, `{k: v}`,
// `(:A {p: 1})`, `[:T {p: 1}]`, `<(:A)-[:T]->(:B)>`, and the engine's results seen the same way:
// graph elements by their labels, type and properties (the TCK does not show identities).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/cypher/property_graph.hpp"
#include "query/cypher/value.hpp"

namespace jurigraph::tck {

// Text that is not a TCK value: the message says where it stops making sense.
class ValueSyntaxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct TckValue {
  enum class Kind : uint8_t {
    null,
    boolean,
    integer,
    floating,
    string,
    list,
    map,
    node,
    relationship,
    path,
    other,  // an engine value the TCK cannot write (a date): `text` holds its rendering
  };
  Kind kind = Kind::null;
  bool boolean = false;
  int64_t integer = 0;
  double floating = 0;
  std::string text;                 // string value, relationship type, or `other` rendering
  std::vector<std::string> labels;  // node labels, sorted
  // List elements; for a path its nodes and relationships alternately: n0, r1, n1, r2, n2…
  std::vector<TckValue> items;
  // Map entries or element properties, sorted by key.
  std::vector<std::pair<std::string, TckValue>> entries;
  // For a path, one per relationship: true when it points left to right (n[i] -> n[i+1]).
  std::vector<bool> forward;

  // Not an aggregate: clang 14 with libstdc++ 12 checks whether `{}` can make a TckValue while it
  // completes std::pair<std::string, TckValue> (the entries), and an aggregate's `{}` needs that
  // pair complete.
  TckValue() = default;
  static TckValue null_value() { return {}; }
  static TckValue of_bool(bool b);
  static TckValue of_int(int64_t i);
  static TckValue of_float(double d);
  static TckValue of_string(std::string s);
  static TckValue of_list(std::vector<TckValue> items);
  static TckValue of_map(std::vector<std::pair<std::string, TckValue>> entries);  // sorts
};

// Parses one table cell. Throws ValueSyntaxError.
TckValue parse_tck_value(std::string_view text);

// The value in the TCK's own syntax: `[1, 2.5, 'a']`, `(:A {p: 1})`.
std::string render(const TckValue& v);

// A text that is equal for two values exactly when the TCK considers them the same: integers
// and floats differ (1 vs 1.0), NaN equals NaN, -0.0 equals 0.0, nodes by labels and
// properties. With
// `ignore_list_order`, lists compare as bags (at every depth).
std::string canonical(const TckValue& v, bool ignore_list_order = false);
bool tck_equal(const TckValue& a, const TckValue& b, bool ignore_list_order = false);

// An engine value as the TCK writes it, reading labels, types and properties from `g`.
TckValue from_engine(const query::cypher::Value& v, const query::cypher::PropertyGraph& g);

// A parameter value for the engine. Throws ValueSyntaxError for graph elements, which cannot
// be parameters.
query::cypher::Value to_engine(const TckValue& v);

}  // namespace jurigraph::tck
