// What every part of the executor shares while one query runs: the graph, the query text (for
// positioned errors), the limits with the deadline, and the current group's aggregates.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "query/cypher/ast.hpp"
#include "query/cypher/engine.hpp"
#include "query/cypher/property_graph.hpp"
#include "query/cypher/value.hpp"

namespace jurigraph::query::cypher::exec {

class ExecContext {
 public:
  ExecContext(const PropertyGraph& g, const Query& q, const QueryLimits& limits);

  const PropertyGraph& graph;
  const Query& query;
  const QueryLimits& limits;
  // While an aggregating projection computes its items: the current group's aggregate values.
  const Value* aggregates = nullptr;
  std::vector<LabelId> label_scratch;

  // A query error at byte offset `pos`.
  [[noreturn]] void fail(uint32_t pos, std::string message) const;
  // Counts one step of a loop that can run long; checks the clock every few thousand steps.
  void tick(uint32_t pos) {
    if (--countdown_ == 0)
      check_time(pos);
  }
  // The ticks so far.
  uint64_t steps() const { return checks_ * kTicksPerCheck + (kTicksPerCheck - countdown_); }
  // Fails when an operator produced or holds more rows than allowed.
  void check_rows(uint64_t rows, uint32_t pos) const {
    if (rows > limits.max_rows)
      fail_rows(pos);
  }
  [[noreturn]] void fail_rows(uint32_t pos) const;
  // Counts `bytes` more held by an operator; fails past limits.max_memory.
  void hold(uint64_t bytes, uint32_t pos) {
    held_ += bytes;
    if (limits.max_memory != 0 && held_ > limits.max_memory)
      fail_memory(pos);
  }
  // Bytes an operator no longer holds.
  void release(uint64_t bytes) { held_ -= bytes < held_ ? bytes : held_; }
  uint64_t held() const { return held_; }
  [[noreturn]] void fail_memory(uint32_t pos) const;

 private:
  void check_time(uint32_t pos);

  static constexpr uint32_t kTicksPerCheck = 4096;
  bool has_deadline_ = false;
  std::chrono::steady_clock::time_point deadline_;
  uint32_t countdown_ = kTicksPerCheck;
  uint64_t checks_ = 0;
  uint64_t held_ = 0;
};

// The bytes a held value takes, estimated: the value itself, and what it owns (a string's
// characters, a list's or map's elements, a path's ids). Shared lists are counted at each holder.
uint64_t value_bytes(const Value& v);
uint64_t row_bytes(std::span<const Value> row);

// "an INTEGER", "a STRING": a value's type for messages.
std::string a_type(const Value& v);
std::string a_type(ValueType t);

}  // namespace jurigraph::query::cypher::exec
