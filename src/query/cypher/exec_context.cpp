#include "query/cypher/exec_context.hpp"

#include "query/cypher/query_error.hpp"

namespace jurigraph::query::cypher::exec {
namespace {

// "60 s", "1500 ms": the limit as the user gave it to --timeout.
std::string format_timeout(std::chrono::milliseconds t) {
  const auto ms = t.count();
  if (ms % 1000 == 0)
    return std::to_string(ms / 1000) + " s";
  return std::to_string(ms) + " ms";
}

}  // namespace

ExecContext::ExecContext(const PropertyGraph& g, const Query& q, const QueryLimits& l)
    : graph(g), query(q), limits(l) {
  if (limits.timeout.count() > 0) {
    has_deadline_ = true;
    deadline_ = std::chrono::steady_clock::now() + limits.timeout;
  }
}

void ExecContext::fail(uint32_t pos, std::string message) const {
  throw query_error(query.text, query.origin, pos, std::move(message));
}

void ExecContext::fail_rows(uint32_t pos) const {
  fail(pos, "the query exceeded --max-rows (" + std::to_string(limits.max_rows) + " rows)");
}

void ExecContext::check_time(uint32_t pos) {
  countdown_ = kTicksPerCheck;
  ++checks_;
  if (has_deadline_ && std::chrono::steady_clock::now() > deadline_)
    fail(pos, "the query exceeded --timeout (" + format_timeout(limits.timeout) + ")");
}

std::string a_type(ValueType t) {
  const std::string_view name = type_name(t);
  const bool vowel = name.find_first_of("AEIOU") == 0;
  return (vowel ? "an " : "a ") + std::string(name);
}

std::string a_type(const Value& v) {
  return a_type(v.type());
}

}  // namespace jurigraph::query::cypher::exec
