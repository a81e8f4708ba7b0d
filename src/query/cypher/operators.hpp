// The executor's operators: each clause becomes one or more operators that take rows pushed
// from upstream and push rows downstream. Streaming operators (MATCH, UNWIND, projection,
// filters, SKIP/LIMIT, DISTINCT) pass rows on at once; ORDER BY and aggregation hold them until
// finish(). A push returning false means "no more rows wanted" (a LIMIT was reached) and stops
// the producers upstream.
#pragma once

#include <memory>
#include <vector>

#include "query/cypher/exec_context.hpp"
#include "query/cypher/pattern_matcher.hpp"
#include "query/cypher/plan.hpp"

namespace jurigraph::query::cypher::exec {

class Operator : public RowSink {
 public:
  explicit Operator(ExecContext& ctx) : ctx_(ctx) {}
  void set_next(Operator* next) { next_ = next; }
  // After the last push: flushes what the operator holds, then finishes the next operator.
  virtual void finish() {
    if (next_)
      next_->finish();
  }

 protected:
  ExecContext& ctx_;
  Operator* next_ = nullptr;
};

using Pipeline = std::vector<std::unique_ptr<Operator>>;

void add_match(MatchClausePlan& plan, ExecContext& ctx, Pipeline& out);
void add_unwind(const UnwindPlan& plan, ExecContext& ctx, Pipeline& out);
// Projection or aggregation, then DISTINCT, ORDER BY, SKIP/LIMIT and WITH's WHERE.
void add_projection(const ProjectionPlan& plan, uint32_t width, ExecContext& ctx, Pipeline& out);

// aggregation.cpp
std::unique_ptr<Operator> make_aggregation(const ProjectionPlan& plan, uint32_t width,
                                           ExecContext& ctx);

}  // namespace jurigraph::query::cypher::exec
