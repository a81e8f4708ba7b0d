#include "query/cypher/operators.hpp"

#include <algorithm>

#include "query/cypher/expression_eval.hpp"
#include "query/cypher/key_set.hpp"

namespace jurigraph::query::cypher::exec {
namespace {

class MatchOp final : public Operator {
 public:
  MatchOp(MatchClausePlan& plan, ExecContext& ctx) : Operator(ctx), plan_(plan) {}

  bool push(Row& row) override {
    Forward forward(*this);
    if (!match_pattern(*plan_.plan, row, ctx_, forward))
      return false;
    if (plan_.optional && forward.count == 0) {
      // OPTIONAL MATCH: one row with the new variables null.
      for (Slot s : plan_.plan->bound_slots)
        row[s] = Value();
      return emit(row);
    }
    return true;
  }

 private:
  class Forward final : public RowSink {
   public:
    explicit Forward(MatchOp& op) : op_(op) {}
    bool push(Row& row) override {
      ++count;
      return op_.emit(row);
    }
    uint64_t count = 0;

   private:
    MatchOp& op_;
  };

  // Rows stream through: the timeout bounds them, not max_rows (see QueryLimits).
  bool emit(Row& row) { return next_->push(row); }

  MatchClausePlan& plan_;
};

class UnwindOp final : public Operator {
 public:
  UnwindOp(const UnwindPlan& plan, ExecContext& ctx) : Operator(ctx), plan_(plan) {}

  bool push(Row& row) override {
    const Value v = evaluate(plan_.list, row, ctx_);
    if (v.is_null())
      return true;
    if (v.type() != ValueType::list) {
      row[plan_.slot] = v;
      return emit(row);
    }
    for (const Value& x : v.as_list()) {
      ctx_.tick(plan_.pos);
      row[plan_.slot] = x;
      if (!emit(row))
        return false;
    }
    return true;
  }

 private:
  bool emit(Row& row) { return next_->push(row); }

  const UnwindPlan& plan_;
};

class ProjectOp final : public Operator {
 public:
  ProjectOp(const ProjectionPlan& plan, ExecContext& ctx) : Operator(ctx), plan_(plan) {}

  bool push(Row& row) override {
    // Items read the previous scope's slots and write new ones, so in place is safe.
    for (std::size_t i = 0; i < plan_.items.size(); ++i)
      row[plan_.slots[i]] = evaluate(plan_.items[i], row, ctx_);
    return next_->push(row);
  }

 private:
  const ProjectionPlan& plan_;
};

class DistinctOp final : public Operator {
 public:
  DistinctOp(const ProjectionPlan& plan, ExecContext& ctx)
      : Operator(ctx), plan_(plan), seen_(plan.slots.size()) {}

  bool push(Row& row) override {
    // A projection's slots are consecutive.
    const std::span<const Value> key(row.data() + plan_.slots.front(), plan_.slots.size());
    if (!seen_.insert(key).second)
      return true;
    ctx_.check_rows(seen_.size(), plan_.pos);
    ctx_.hold(row_bytes(key), plan_.pos);
    return next_->push(row);
  }

 private:
  const ProjectionPlan& plan_;
  KeySet seen_;
};

// ORDER BY: keys computed once per row; ties keep the input order. With a LIMIT only the first
// skip + limit rows are kept, pruned as they come.
class SortOp final : public Operator {
  struct Entry {
    std::vector<Value> keys;
    uint64_t seq = 0;
    Row row;
  };
  struct Less {
    const ProjectionPlan* plan;
    bool operator()(const Entry& a, const Entry& b) const {
      for (std::size_t k = 0; k < a.keys.size(); ++k) {
        int c = order(a.keys[k], b.keys[k]);
        if (plan->order_by[k].descending)
          c = -c;
        if (c != 0)
          return c < 0;
      }
      return a.seq < b.seq;
    }
  };

 public:
  SortOp(const ProjectionPlan& plan, ExecContext& ctx) : Operator(ctx), plan_(plan) {
    if (plan.limit && plan.skip + *plan.limit < ctx.limits.max_rows)
      keep_ = plan.skip + *plan.limit;
  }

  bool push(Row& row) override {
    Entry e;
    e.keys.reserve(plan_.order_by.size());
    for (const SortKey& k : plan_.order_by)
      e.keys.push_back(evaluate(k.expr, row, ctx_));
    e.seq = seq_++;
    e.row = row;
    const uint64_t bytes = entry_bytes(e);
    entries_.push_back(std::move(e));
    held_ += bytes;
    // With a LIMIT only skip + limit rows are held for good (fewer than max_rows): prune
    // before the checks rather than fail on rows about to be dropped.
    const uint64_t max_memory = ctx_.limits.max_memory;
    if (keep_ && (entries_.size() >= 2 * *keep_ + 1024 || entries_.size() > ctx_.limits.max_rows ||
                  (max_memory != 0 && ctx_.held() + bytes > max_memory)))
      prune();
    ctx_.hold(held_ - counted_, plan_.order_pos);
    counted_ = held_;
    ctx_.check_rows(entries_.size(), plan_.order_pos);
    return true;
  }

  void finish() override {
    if (keep_)
      prune();
    std::sort(entries_.begin(), entries_.end(), less());
    for (Entry& e : entries_) {
      ctx_.tick(plan_.order_pos);
      if (!next_->push(e.row))
        break;
    }
    entries_.clear();
    Operator::finish();
  }

 private:
  Less less() const { return Less{&plan_}; }

  static uint64_t entry_bytes(const Entry& e) {
    return sizeof(Entry) + row_bytes(e.keys) + row_bytes(e.row);
  }

  void prune() {
    if (entries_.size() <= *keep_)
      return;
    std::nth_element(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(*keep_),
                     entries_.end(), less());
    entries_.resize(*keep_);
    held_ = 0;
    for (const Entry& e : entries_)
      held_ += entry_bytes(e);
    if (counted_ > held_) {
      ctx_.release(counted_ - held_);
      counted_ = held_;
    }
  }

  const ProjectionPlan& plan_;
  std::optional<uint64_t> keep_;
  std::vector<Entry> entries_;
  uint64_t seq_ = 0;
  uint64_t held_ = 0;     // bytes of entries_
  uint64_t counted_ = 0;  // the part of them counted by ctx_.hold
};

class SkipLimitOp final : public Operator {
 public:
  SkipLimitOp(const ProjectionPlan& plan, ExecContext& ctx) : Operator(ctx), plan_(plan) {}

  bool push(Row& row) override {
    if (skipped_ < plan_.skip) {
      ++skipped_;
      return true;
    }
    if (plan_.limit && passed_ >= *plan_.limit)
      return false;
    ++passed_;
    const bool more = next_->push(row);
    return more && !(plan_.limit && passed_ >= *plan_.limit);
  }

 private:
  const ProjectionPlan& plan_;
  uint64_t skipped_ = 0;
  uint64_t passed_ = 0;
};

class FilterOp final : public Operator {
 public:
  FilterOp(const BoundExpr& predicate, ExecContext& ctx) : Operator(ctx), predicate_(predicate) {}

  bool push(Row& row) override { return !passes(predicate_, row, ctx_) || next_->push(row); }

 private:
  const BoundExpr& predicate_;
};

}  // namespace

void add_match(MatchClausePlan& plan, ExecContext& ctx, Pipeline& out) {
  out.push_back(std::make_unique<MatchOp>(plan, ctx));
}

void add_unwind(const UnwindPlan& plan, ExecContext& ctx, Pipeline& out) {
  out.push_back(std::make_unique<UnwindOp>(plan, ctx));
}

void add_projection(const ProjectionPlan& plan, uint32_t width, ExecContext& ctx, Pipeline& out) {
  if (plan.aggregating)
    out.push_back(make_aggregation(plan, width, ctx));
  else
    out.push_back(std::make_unique<ProjectOp>(plan, ctx));
  if (plan.distinct)
    out.push_back(std::make_unique<DistinctOp>(plan, ctx));
  if (!plan.order_by.empty())
    out.push_back(std::make_unique<SortOp>(plan, ctx));
  if (plan.skip > 0 || plan.limit)
    out.push_back(std::make_unique<SkipLimitOp>(plan, ctx));
  if (plan.where)
    out.push_back(std::make_unique<FilterOp>(*plan.where, ctx));
}

}  // namespace jurigraph::query::cypher::exec
