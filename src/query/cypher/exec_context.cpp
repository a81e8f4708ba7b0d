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
  throw query_error(query.text, query.origin, pos,
                    "the query exceeded --max-rows (" + std::to_string(limits.max_rows) + " rows)",
                    ErrorKind::row_limit);
}

void ExecContext::fail_memory(uint32_t pos) const {
  // As --max-memory takes it: 4G is "4 GiB", 1k "1 KiB".
  std::string limit = std::to_string(limits.max_memory) + " bytes";
  const char* units[] = {"GiB", "MiB", "KiB"};
  for (int k = 0; k < 3; ++k) {
    const int shift = 30 - 10 * k;
    if (limits.max_memory % (uint64_t{1} << shift) == 0) {
      limit = std::to_string(limits.max_memory >> shift) + " " + units[k];
      break;
    }
  }
  throw query_error(query.text, query.origin, pos,
                    "the query exceeded --max-memory (" + limit +
                        " held in rows, groups, lists and path searches)",
                    ErrorKind::memory_limit);
}

uint64_t value_bytes(const Value& v) {
  uint64_t bytes = sizeof(Value);
  switch (v.type()) {
    case ValueType::string:
      if (v.as_string().size() >= 16)  // beyond the short-string buffer
        bytes += v.as_string().capacity() + 1;
      break;
    case ValueType::list:
      bytes += 32;  // the shared block
      for (const Value& e : v.as_list())
        bytes += value_bytes(e);
      break;
    case ValueType::map:
      bytes += 32;
      for (const auto& [key, e] : v.as_map())
        bytes += sizeof(std::string) + key.size() + value_bytes(e);
      break;
    case ValueType::path:
      bytes +=
          64 + v.as_path().nodes.size() * sizeof(NodeId) + v.as_path().rels.size() * sizeof(RelId);
      break;
    default:
      break;
  }
  return bytes;
}

uint64_t row_bytes(std::span<const Value> row) {
  uint64_t bytes = 24;  // the vector
  for (const Value& v : row)
    bytes += value_bytes(v);
  return bytes;
}

void ExecContext::check_time(uint32_t pos) {
  countdown_ = kTicksPerCheck;
  ++checks_;
  if (has_deadline_ && std::chrono::steady_clock::now() > deadline_)
    throw query_error(query.text, query.origin, pos,
                      "the query exceeded --timeout (" + format_timeout(limits.timeout) + ")",
                      ErrorKind::time_limit);
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
