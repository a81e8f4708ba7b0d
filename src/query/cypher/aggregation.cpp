// Aggregating projections: rows are grouped by the values of the non-aggregating items (Cypher's
// implicit grouping, under equivalence: null with null, 1 with 1.0), each group feeding one
// accumulator per aggregate; at the end each group becomes one row.
#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <tuple>

#include "base/bit_set.hpp"
#include "query/cypher/expression_eval.hpp"
#include "query/cypher/key_set.hpp"
#include "query/cypher/operators.hpp"

namespace jurigraph::query::cypher::exec {
namespace {

const char* aggregate_name(AggregateKind k) {
  switch (k) {
    case AggregateKind::count:
      return "count";
    case AggregateKind::sum:
      return "sum";
    case AggregateKind::avg:
      return "avg";
    case AggregateKind::min:
      return "min";
    case AggregateKind::max:
      return "max";
    case AggregateKind::collect:
      return "collect";
    case AggregateKind::percentile_cont:
      return "percentileCont";
    case AggregateKind::percentile_disc:
      return "percentileDisc";
  }
  return "?";
}

class Accumulator {
 public:
  // `node_bitmap`: DISTINCT may keep nodes in a bitmap over the graph's nodes (one group only:
  // a bitmap per group would take the graph's size times the groups).
  Accumulator(const AggregateSpec& spec, bool node_bitmap)
      : spec_(&spec), node_bitmap_(node_bitmap) {
    if (spec.distinct)
      seen_ = std::make_unique<KeySet>(1);
  }

  void add(const Value& v, ExecContext& ctx) {
    if (spec_->star) {
      ++count_;
      return;
    }
    if (v.is_null())
      return;  // every aggregate but count(*) skips nulls
    if (seen_) {
      if (!first_time(v, ctx))
        return;
      ctx.check_rows(distinct_, spec_->pos);
      ctx.hold(value_bytes(v), spec_->pos);
    }
    ++count_;
    switch (spec_->kind) {
      case AggregateKind::count:
        break;
      case AggregateKind::sum:
      case AggregateKind::avg:
        if (!v.is_number())
          ctx.fail(spec_->arg.pos, std::string("type mismatch: ") + aggregate_name(spec_->kind) +
                                       "() expects numbers, not " + a_type(v));
        float_sum_ += v.as_number();
        if (v.type() == ValueType::floating) {
          floating_ = true;
        } else if (!floating_ && spec_->kind == AggregateKind::sum &&
                   __builtin_add_overflow(int_sum_, v.as_int(), &int_sum_)) {
          ctx.fail(spec_->pos, "integer overflow in sum()");
        }
        break;
      case AggregateKind::min:
      case AggregateKind::max: {
        // Across types, the order of ORDER BY (max(1, 'a') is 1, as in Neo4j).
        const int c = best_.is_null() ? 0 : order(v, best_);
        if (best_.is_null() || (spec_->kind == AggregateKind::min ? c < 0 : c > 0))
          best_ = v;
        break;
      }
      case AggregateKind::collect:
        list_.push_back(v);
        ctx.check_rows(list_.size(), spec_->pos);
        ctx.hold(value_bytes(v), spec_->pos);
        break;
      case AggregateKind::percentile_cont:
      case AggregateKind::percentile_disc:
        if (!v.is_number())
          ctx.fail(spec_->arg.pos, std::string("type mismatch: ") + aggregate_name(spec_->kind) +
                                       "() expects numbers, not " + a_type(v));
        list_.push_back(v);
        ctx.check_rows(list_.size(), spec_->pos);
        ctx.hold(value_bytes(v), spec_->pos);
        break;
    }
  }

  // The second argument of percentileCont() and percentileDisc(), given with each row.
  void set_percentile(const Value& p, ExecContext& ctx) {
    if (!p.is_number() || p.as_number() < 0 || p.as_number() > 1)
      ctx.fail(spec_->percentile.pos, std::string(aggregate_name(spec_->kind)) +
                                          "() needs a percentile between 0.0 and 1.0, not " +
                                          to_literal(p));
    percentile_ = p.as_number();
  }

  Value result() {
    switch (spec_->kind) {
      case AggregateKind::count:
        return Value(count_);
      case AggregateKind::sum:
        return floating_ ? Value(float_sum_) : Value(int_sum_);
      case AggregateKind::avg:
        return count_ == 0 ? Value() : Value(float_sum_ / static_cast<double>(count_));
      case AggregateKind::min:
      case AggregateKind::max:
        return best_;
      case AggregateKind::collect:
        return Value(std::move(list_));
      case AggregateKind::percentile_cont:
      case AggregateKind::percentile_disc:
        return percentile();
    }
    return {};
  }

 private:
  // percentileDisc: the smallest value with at least that share of values at or below it;
  // percentileCont: interpolated linearly between the two nearest values.
  Value percentile() {
    if (list_.empty())
      return {};
    std::sort(list_.begin(), list_.end(),
              [](const Value& a, const Value& b) { return a.as_number() < b.as_number(); });
    const double n = static_cast<double>(list_.size());
    if (spec_->kind == AggregateKind::percentile_disc) {
      const double rank = std::ceil(percentile_ * n) - 1;
      return list_[rank < 0 ? 0 : static_cast<std::size_t>(rank)];
    }
    const double at = percentile_ * (n - 1);
    const auto lo = static_cast<std::size_t>(std::floor(at));
    const auto hi = static_cast<std::size_t>(std::ceil(at));
    const double a = list_[lo].as_number(), b = list_[hi].as_number();
    return Value(a + (at - static_cast<double>(lo)) * (b - a));
  }

  // DISTINCT: whether `v` is new. Nodes (the usual count(DISTINCT n)) go to a bitmap by id,
  // a bit per graph node instead of a hashed Value; a node is equivalent to no other value,
  // so the two sets never overlap.
  bool first_time(const Value& v, ExecContext& ctx) {
    if (node_bitmap_ && v.type() == ValueType::node) {
      const NodeId id = v.as_node().id;
      if (!node_bits_)
        node_bits_.emplace(ctx.graph.node_count());
      if (!node_bits_->insert(id))
        return false;
    } else if (!seen_->insert(std::span<const Value>(&v, 1)).second) {
      return false;
    }
    ++distinct_;
    return true;
  }

  const AggregateSpec* spec_;
  bool node_bitmap_ = false;
  std::optional<BitSet> node_bits_;
  uint64_t distinct_ = 0;
  double percentile_ = 0;
  int64_t count_ = 0;
  bool floating_ = false;
  int64_t int_sum_ = 0;
  double float_sum_ = 0;
  Value best_;
  List list_;
  std::unique_ptr<KeySet> seen_;
};

class AggregateOp final : public Operator {
 public:
  AggregateOp(const ProjectionPlan& plan, uint32_t width, ExecContext& ctx)
      : Operator(ctx), plan_(plan), width_(width), keys_(count_keys(plan)) {
    for (std::size_t i = 0; i < plan.items.size(); ++i)
      (plan.grouping[i] ? key_items_ : aggregating_items_).push_back(i);
  }

  bool push(Row& row) override {
    ctx_.tick(plan_.pos);
    // Without grouping keys there is one group: no key to hash per row.
    uint32_t index = 0;
    bool inserted = groups_.empty();
    if (!key_items_.empty()) {
      key_.clear();
      for (std::size_t i : key_items_)
        key_.push_back(evaluate(plan_.items[i], row, ctx_));
      std::tie(index, inserted) = keys_.insert(key_);
    }
    if (inserted) {
      ctx_.check_rows(groups_.size() + 1, plan_.pos);
      ctx_.hold(row_bytes(row) + row_bytes(key_) + 64 * plan_.aggregates.size(), plan_.pos);
      // The group keeps its first row: an aggregating item may also read grouping keys
      // (`n.x + count(*)`), which are the same in every row of the group.
      groups_.push_back(new_group(row));
    }
    Group& g = groups_[index];
    for (std::size_t a = 0; a < plan_.aggregates.size(); ++a) {
      const AggregateSpec& spec = plan_.aggregates[a];
      if (spec.kind == AggregateKind::percentile_cont ||
          spec.kind == AggregateKind::percentile_disc)
        g.accumulators[a].set_percentile(evaluate(spec.percentile, row, ctx_), ctx_);
      g.accumulators[a].add(spec.star ? Value() : evaluate(spec.arg, row, ctx_), ctx_);
    }
    return true;
  }

  void finish() override {
    // Without grouping keys, an aggregation over no rows still gives one row (count 0).
    if (groups_.empty() && key_items_.empty())
      groups_.push_back(new_group(Row(width_)));
    std::vector<Value> results(plan_.aggregates.size());
    for (std::size_t index = 0; index < groups_.size(); ++index) {
      Group& g = groups_[index];
      for (std::size_t a = 0; a < results.size(); ++a)
        results[a] = g.accumulators[a].result();
      Row& row = g.row;
      if (!key_items_.empty()) {
        const std::span<const Value> key = keys_.key(static_cast<uint32_t>(index));
        for (std::size_t k = 0; k < key_items_.size(); ++k)
          row[plan_.slots[key_items_[k]]] = key[k];
      }
      ctx_.aggregates = results.data();
      for (std::size_t i : aggregating_items_)
        row[plan_.slots[i]] = evaluate(plan_.items[i], row, ctx_);
      ctx_.aggregates = nullptr;
      if (!next_->push(row))
        break;
    }
    groups_.clear();
    Operator::finish();
  }

 private:
  struct Group {
    Row row;
    std::vector<Accumulator> accumulators;
  };

  static std::size_t count_keys(const ProjectionPlan& plan) {
    std::size_t n = 0;
    for (bool g : plan.grouping)
      n += g ? 1 : 0;
    return n;
  }

  Group new_group(Row row) const {
    Group g;
    g.row = std::move(row);
    g.accumulators.reserve(plan_.aggregates.size());
    for (const AggregateSpec& spec : plan_.aggregates)
      g.accumulators.emplace_back(spec, key_items_.empty());
    return g;
  }

  const ProjectionPlan& plan_;
  uint32_t width_;
  std::vector<std::size_t> key_items_;
  std::vector<std::size_t> aggregating_items_;
  KeySet keys_;
  std::vector<Group> groups_;
  std::vector<Value> key_;
};

}  // namespace

std::unique_ptr<Operator> make_aggregation(const ProjectionPlan& plan, uint32_t width,
                                           ExecContext& ctx) {
  return std::make_unique<AggregateOp>(plan, width, ctx);
}

}  // namespace jurigraph::query::cypher::exec
