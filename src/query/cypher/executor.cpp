// execute(): bind, then run each single query as a pipeline of operators fed with one empty row,
// the rows reaching the end going to the caller (through UNION's de-duplication when asked).
#include "query/cypher/binder.hpp"
#include "query/cypher/engine.hpp"
#include "query/cypher/exec_context.hpp"
#include "query/cypher/key_set.hpp"
#include "query/cypher/operators.hpp"

namespace jurigraph::query::cypher {
namespace {

using namespace exec;

// The end of every pipeline: hands the RETURN columns to the caller.
class ResultSink final : public Operator {
 public:
  ResultSink(ExecContext& ctx, std::size_t columns, bool distinct,
             const std::function<void(std::span<const Value>)>& on_row)
      : Operator(ctx), on_row_(on_row), width_(columns) {
    if (distinct)
      seen_.emplace(columns);
  }

  // The part whose rows come next: where its columns are, and where to blame too many rows.
  void start_part(Slot first_column, uint32_t pos) {
    first_ = first_column;
    pos_ = pos;
  }

  bool push(Row& row) override {
    const std::span<const Value> columns(row.data() + first_, width_);
    if (seen_) {
      if (!seen_->insert(columns).second)
        return true;
      ctx_.hold(row_bytes(columns), pos_);
    }
    ctx_.check_rows(++count_, pos_);
    on_row_(columns);
    return true;
  }

 private:
  const std::function<void(std::span<const Value>)>& on_row_;
  std::size_t width_;
  std::optional<KeySet> seen_;
  Slot first_ = 0;
  uint32_t pos_ = 0;
  uint64_t count_ = 0;
};

uint32_t return_pos(const SingleQueryPlan& part) {
  for (const ClausePlan& c : part.clauses) {
    if (const auto* p = std::get_if<ProjectionPlan>(&c); p && p->is_return)
      return p->pos;
  }
  return part.pos;
}

void run_part(SingleQueryPlan& part, ExecContext& ctx, ResultSink& sink) {
  Pipeline ops;
  for (ClausePlan& clause : part.clauses) {
    if (auto* m = std::get_if<MatchClausePlan>(&clause))
      add_match(*m, ctx, ops);
    else if (const auto* u = std::get_if<UnwindPlan>(&clause))
      add_unwind(*u, ctx, ops);
    else
      add_projection(std::get<ProjectionPlan>(clause), part.width, ctx, ops);
  }
  for (std::size_t i = 0; i < ops.size(); ++i)
    ops[i]->set_next(i + 1 < ops.size() ? ops[i + 1].get() : &sink);
  sink.start_part(part.first_column, return_pos(part));
  Operator& first = ops.empty() ? static_cast<Operator&>(sink) : *ops.front();
  Row row(part.width);
  first.push(row);
  first.finish();
}

}  // namespace

ExecutionStats execute(const PropertyGraph& g, const Query& q, const Parameters& params,
                       const QueryLimits& limits,
                       const std::function<void(const std::vector<std::string>&)>& on_columns,
                       const std::function<void(std::span<const Value>)>& on_row) {
  ExecContext ctx(g, q, limits);
  QueryPlan plan = bind(q, g, params, limits);
  on_columns(plan.parts.front().columns);
  const bool distinct = plan.parts.size() > 1 && !plan.union_all;
  ResultSink sink(ctx, plan.parts.front().columns.size(), distinct, on_row);
  for (SingleQueryPlan& part : plan.parts)
    run_part(part, ctx, sink);
  return {ctx.steps()};
}

QueryResult execute(const PropertyGraph& g, const Query& q, const Parameters& params,
                    const QueryLimits& limits) {
  QueryResult result;
  result.stats = execute(
      g, q, params, limits,
      [&](const std::vector<std::string>& columns) { result.columns = columns; },
      [&](std::span<const Value> row) { result.rows.emplace_back(row.begin(), row.end()); });
  result.ordered = q.parts.size() == 1 && !q.parts.front().clauses.empty() &&
                   std::holds_alternative<Return>(q.parts.front().clauses.back()) &&
                   !std::get<Return>(q.parts.front().clauses.back()).projection.order_by.empty();
  return result;
}

}  // namespace jurigraph::query::cypher
