// Constant values written in Cypher's literal syntax: numbers (with a sign), strings, booleans,
// null, and lists and maps of them. Used for `--param name=value` on the command line and for
// the property maps of test fixtures; queries themselves are evaluated by the executor.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "query/cypher/ast.hpp"
#include "query/cypher/value.hpp"

namespace jurigraph::query::cypher {

// Query parameters by name (the engine's Parameters).
using ParameterMap = std::map<std::string, Value, std::less<>>;

// The value of `e` when it is made of literals only (and of parameters found in `params`, when
// given); nullopt otherwise.
std::optional<Value> literal_value(const Expression& e, const ParameterMap* params = nullptr);

// `--param` values: a Cypher literal (42, -1.5, 'text', true, null, [1, 2], {a: 1}) gives its
// typed value; anything else is taken as a plain string, so `--param since=2018-05-25` is the
// string '2018-05-25' (use date($since) in the query), not the number 1988.
Value parameter_value(std::string_view text);

// "name=value" pairs to parameters. Throws Error (usage) at `--param` for a pair without '=',
// an empty or malformed name, or a name given twice.
ParameterMap parse_parameters(const std::vector<std::string>& pairs);

}  // namespace jurigraph::query::cypher
