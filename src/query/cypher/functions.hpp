// Cypher's scalar functions: a table the binder looks names up in (case-insensitively, with
// their arity) and the evaluator calls with evaluated arguments. Aggregating functions (count,
// sum, …) are not here: see aggregation.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "query/cypher/exec_context.hpp"
#include "query/cypher/plan.hpp"

namespace jurigraph::query::cypher::exec {

inline constexpr uint8_t kVariadic = 255;

// Which graph values a function's first argument may be, for the binder's check of variables
// whose kind it knows (`length(n)` with n a node is an error before any row is read).
inline constexpr uint8_t kTakesNode = 1;
inline constexpr uint8_t kTakesRelationship = 2;
inline constexpr uint8_t kTakesPath = 4;

struct FunctionDef {
  std::string_view name;  // the documented spelling, for messages: "toLower"
  uint8_t min_args = 0;
  uint8_t max_args = 0;  // kVariadic: no upper bound
  // `call` is the function call's bound expression: its args give positions for errors.
  Value (*call)(ExecContext& ctx, const BoundExpr& call, std::span<const Value> args) = nullptr;
  uint8_t takes = 0;  // kTakes… bits
};

// The function named `name` in any case, or null.
const FunctionDef* find_function(std::string_view name);
// Every function name, for "did you mean" suggestions.
std::span<const FunctionDef> all_functions();
// "takes 1 argument", "takes 2 or 3 arguments", "takes at least 1 argument".
std::string arity_text(uint8_t min_args, uint8_t max_args);

}  // namespace jurigraph::query::cypher::exec
