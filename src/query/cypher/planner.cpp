#include "query/cypher/planner.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "query/cypher/matcher_internal.hpp"

namespace jurigraph::query::cypher::exec {
namespace {

// The planner's guesses where the graph gives no figure: the share of nodes or relationships
// that a property test (other than an `id` look-up) or a WHERE conjunct lets through, and how
// far past its lower bound a variable-length relationship is assumed to go.
constexpr double kPropertySelectivity = 0.1;
constexpr double kPredicateSelectivity = 0.3;
constexpr uint32_t kVarLengthExtraHops = 2;
// Up to this many hops the planner sums the trails of each length one by one.
constexpr uint32_t kSummedHops = 1000;

// m^from + … + m^to, for the trails of a variable-length hop where each step matches m edges.
double geometric_sum(double m, uint64_t from, uint64_t to) {
  if (to < from)
    return 0;
  if (m == 1)
    return static_cast<double>(to - from + 1);
  const double first = std::pow(m, static_cast<double>(from));
  const double past = std::pow(m, static_cast<double>(to) + 1);
  if (std::isinf(past))  // more trails than a double counts, as the loop's sum would be
    return past;
  return (past - first) / (m - 1);
}

// One way to match a part: where it starts and which side of the start it walks first.
struct Choice {
  uint32_t part = 0;
  uint32_t start = 0;
  bool left_first = false;
};

// A plan being costed: what it has bound so far beyond what the query bound before this MATCH,
// the rows it expects at this point and the work done to get there (rows produced plus
// relationships scanned, summed over the steps).
struct Estimate {
  std::vector<Slot> bound;
  std::vector<bool> placed;  // predicates applied
  double rows = 1;
  double cost = 0;
};

// Cost-based: every order of the parts (all of them up to kExhaustiveParts parts, greedily
// beyond), and for each part every start and both walking orders, is costed with the graph's
// relationship counts per (label, type, direction); the cheapest is planned. The estimates
// assume independence (a relationship's far end has a label with the share that relationships
// of its type have overall), which is enough to tell a walk of 150k relationships from one of
// 850k. WHERE conjuncts are placed at the first step where their variables are bound.
class Planner {
 public:
  Planner(MatchPlan& plan, const PropertyGraph& g) : plan_(plan), g_(g) {
    for (Slot s : plan.bound_slots)
      unbound_.insert(s);
    placed_.assign(plan.predicates.size(), false);
    node_count_ = std::max<double>(1, static_cast<double>(g.node_count()));
    type_count_ = std::max<double>(1, static_cast<double>(g.type_names().size()));
  }

  void run() {
    place_ready_predicates();
    for (const Choice& c : choose())
      plan_part(c);
    mark_conflicts();
    mark_prefetches();
  }

 private:
  static constexpr std::size_t kExhaustiveParts = 5;

  bool bound(Slot s) const { return !unbound_.contains(s); }
  void bind(Slot s) { unbound_.erase(s); }

  static std::optional<uint32_t> id_property(const NodeSpec& n) {
    for (std::size_t k = 0; k < n.properties.size(); ++k) {
      if (n.properties[k].key == "id")
        return static_cast<uint32_t>(k);
    }
    return std::nullopt;
  }

  std::optional<LabelId> smallest_label(const NodeSpec& n) const {
    std::optional<LabelId> best;
    for (LabelId l : n.labels) {
      if (!best || g_.nodes_with_label(l).size() < g_.nodes_with_label(*best).size())
        best = l;
    }
    return best;
  }

  // ---- choosing ------------------------------------------------------------------------------

  std::vector<Choice> choose() const {
    const std::size_t n = plan_.parts.size();
    std::vector<Choice> best;
    double best_cost = 0;
    if (n <= kExhaustiveParts) {
      std::vector<uint32_t> order(n);
      for (uint32_t p = 0; p < n; ++p)
        order[p] = p;
      do {
        Estimate e = fresh();
        std::vector<Choice> choices;
        choices.reserve(n);
        for (uint32_t p : order)
          choices.push_back(best_choice(p, e));
        // Ties keep the first order tried, the parts as written.
        if (best.empty() || e.cost < best_cost * (1 - 1e-9)) {
          best = std::move(choices);
          best_cost = e.cost;
        }
      } while (std::next_permutation(order.begin(), order.end()));
      return best;
    }
    // Many parts: the cheapest next part each time.
    Estimate e = fresh();
    std::vector<bool> done(n, false);
    for (std::size_t k = 0; k < n; ++k) {
      std::optional<Estimate> next;
      Choice pick;
      for (uint32_t p = 0; p < n; ++p) {
        if (done[p])
          continue;
        Estimate t = e;
        const Choice c = best_choice(p, t);
        if (!next || t.cost < next->cost * (1 - 1e-9)) {
          next = std::move(t);
          pick = c;
        }
      }
      done[pick.part] = true;
      best.push_back(pick);
      e = std::move(*next);
    }
    return best;
  }

  Estimate fresh() const {
    Estimate e;
    e.placed = placed_;
    return e;
  }

  // The cheapest way to match part `p` after what `e` has bound; `e` becomes the state after it.
  Choice best_choice(uint32_t p, Estimate& e) const {
    const PartSpec& part = plan_.parts[p];
    std::vector<uint32_t> starts;
    if (part.selector != PathSelector::all_paths) {
      // Shortest paths start at one of their ends.
      starts = {part.first_node, part.first_node + 1};
    } else {
      for (uint32_t k = 0; k <= part.length; ++k)
        starts.push_back(part.first_node + k);
    }
    std::optional<Estimate> best;
    Choice pick;
    for (uint32_t start : starts) {
      const uint32_t k = start - part.first_node;
      for (const bool left_first : {false, true}) {
        // Walking left first only differs for a start strictly inside a path.
        if (left_first && (part.selector != PathSelector::all_paths || k == 0 || k == part.length))
          continue;
        Estimate t = e;
        const Choice c{p, start, left_first};
        simulate(c, t);
        if (!best || t.cost < best->cost * (1 - 1e-9)) {
          best = std::move(t);
          pick = c;
        }
      }
    }
    e = std::move(*best);
    return pick;
  }

  // ---- estimating ----------------------------------------------------------------------------

  bool bound_in(const Estimate& e, Slot s) const {
    return bound(s) || std::find(e.bound.begin(), e.bound.end(), s) != e.bound.end();
  }

  void bind_in(Estimate& e, Slot s) const {
    if (s == kNoSlot || bound_in(e, s))
      return;
    e.bound.push_back(s);
    for (std::size_t k = 0; k < plan_.predicates.size(); ++k) {
      if (e.placed[k])
        continue;
      const auto& slots = plan_.predicate_slots[k];
      if (std::all_of(slots.begin(), slots.end(), [&](Slot x) { return bound_in(e, x); })) {
        e.placed[k] = true;
        e.rows *= kPredicateSelectivity;
      }
    }
  }

  // Relationships of `type` (any when nullopt) leaving (`outgoing`) or entering nodes with
  // `label` (any node when nullopt); evenly spread when the graph keeps no counts.
  double rels(std::optional<LabelId> label, std::optional<TypeId> type, bool outgoing) const {
    if (const auto n = g_.count_relationships(label, type, outgoing))
      return static_cast<double>(*n);
    double r = static_cast<double>(g_.relationship_count());
    if (type)
      r /= type_count_;
    if (label)
      r *= static_cast<double>(g_.nodes_with_label(*label).size()) / node_count_;
    return r;
  }

  // Summed over the relationship's types (one nullopt: any type) and the walk's directions.
  double rels(std::optional<LabelId> label, const std::vector<TypeId>& types, Dir d) const {
    double sum = 0;
    for (const bool outgoing : {true, false}) {
      if (d == (outgoing ? Dir::in : Dir::out))
        continue;
      if (types.empty()) {
        sum += rels(label, std::nullopt, outgoing);
      } else {
        for (TypeId t : types)
          sum += rels(label, t, outgoing);
      }
    }
    return sum;
  }

  // True when the graph's exact counts show that every relationship of `types` walked in
  // direction `d` ends at a node with all of `v`'s labels (AGAINST always reaches a Company).
  bool far_labels_implied(const NodeSpec& v, const std::vector<TypeId>& types, Dir d) const {
    if (v.labels.empty() || types.empty())
      return false;
    const Dir far = reverse(d);
    for (const bool outgoing : {true, false}) {
      if (far == (outgoing ? Dir::in : Dir::out))
        continue;
      for (TypeId t : types) {
        const auto all = g_.count_relationships(std::nullopt, t, outgoing);
        if (!all)
          return false;
        for (LabelId l : v.labels) {
          const auto with_label = g_.count_relationships(l, t, outgoing);
          if (!with_label || *with_label != *all)
            return false;
        }
      }
    }
    return true;
  }

  double label_size(std::optional<LabelId> label) const {
    return label ? static_cast<double>(g_.nodes_with_label(*label).size()) : node_count_;
  }

  // The relationships of `types` a node matching `u` has in direction `d`, on average; with
  // several labels the most selective one decides.
  double degree(const NodeSpec& u, const std::vector<TypeId>& types, Dir d) const {
    if (u.labels.empty())
      return rels(std::nullopt, types, d) / node_count_;
    double best = std::numeric_limits<double>::max();
    for (LabelId l : u.labels)
      best = std::min(best, rels(l, types, d) / std::max(1.0, label_size(l)));
    return best;
  }

  // The share of those relationships whose far end has `v`'s labels.
  double far_end_share(const NodeSpec& v, const std::vector<TypeId>& types, Dir d) const {
    double share = 1;
    const Dir far = reverse(d);
    const double all = rels(std::nullopt, types, far);
    if (all <= 0)
      return 0;
    for (LabelId l : v.labels)
      share = std::min(share, rels(l, types, far) / all);
    return share;
  }

  // How many nodes a start at `n` enumerates: one for an id, a label's size, or all nodes.
  double candidates(const NodeSpec& n) const {
    if (n.impossible)
      return 0;
    if (id_property(n))
      return 1;
    double best = node_count_;
    for (LabelId l : n.labels)
      best = std::min(best, label_size(l));
    return best;
  }

  static double property_share(std::size_t properties) {
    return std::pow(kPropertySelectivity, static_cast<double>(properties));
  }

  // The hops of a part in the order plan_part() emits them.
  struct Hop {
    uint32_t from, rel, to;
    bool forward;
  };
  std::vector<Hop> hops(const Choice& c) const {
    const PartSpec& part = plan_.parts[c.part];
    std::vector<Hop> out;
    const uint32_t k0 = c.start - part.first_node;
    if (part.selector != PathSelector::all_paths) {
      const bool forward = c.start == part.first_node;
      out.push_back(
          {c.start, part.first_rel, forward ? part.first_node + 1 : part.first_node, forward});
      return out;
    }
    const auto right = [&]() {
      for (uint32_t k = k0; k < part.length; ++k)
        out.push_back({part.first_node + k, part.first_rel + k, part.first_node + k + 1, true});
    };
    const auto left = [&]() {
      for (uint32_t k = k0; k > 0; --k)
        out.push_back(
            {part.first_node + k, part.first_rel + k - 1, part.first_node + k - 1, false});
    };
    if (c.left_first) {
      left();
      right();
    } else {
      right();
      left();
    }
    return out;
  }

  void simulate(const Choice& c, Estimate& e) const {
    const PartSpec& part = plan_.parts[c.part];
    const NodeSpec& s = plan_.nodes[c.start];
    if (!bound_in(e, s.slot)) {
      e.rows *= candidates(s);
      e.cost += e.rows;
      e.rows *= property_share(s.properties.size() - (id_property(s) ? 1 : 0));
      bind_in(e, s.slot);
    } else {
      e.cost += e.rows;
    }
    for (const Hop& h : hops(c)) {
      const NodeSpec& u = plan_.nodes[h.from];
      const NodeSpec& v = plan_.nodes[h.to];
      const RelSpec& r = plan_.rels[h.rel];
      if (r.impossible) {
        e.rows = 0;
      } else if (part.selector != PathSelector::all_paths) {
        // A breadth-first search per row, which may visit the whole graph.
        e.cost += e.rows * node_count_;
      } else if (r.prebound) {
        e.cost += e.rows;
      } else {
        const Dir d = walk_direction(r.direction, h.forward);
        const double scanned = degree(u, {}, d);
        const double matched = degree(u, r.types, d) * far_end_share(v, r.types, d);
        const uint32_t lo = r.var_length ? r.min : 1;
        const uint32_t hi =
            r.var_length ? std::min(r.max, std::max(lo, 1u) + kVarLengthExtraHops) : 1;
        // Hops lo..hi: every trail of each length is a row, and each trail scans the
        // adjacency of its last node.
        double reached = 0, scans = 0, level = 1;
        if (hi <= kSummedHops) {
          for (uint32_t hop = 0; hop <= hi; ++hop) {
            if (hop >= lo)
              reached += level;
            if (hop < hi)
              scans += level * scanned;
            level *= matched;
          }
        } else {
          // `[*999999998]`: the same sums in closed form, where the loop took seconds (fuzz
          // finding parse-long-variable-length-plan-slow).
          reached = geometric_sum(matched, lo, hi);
          scans = scanned * geometric_sum(matched, 0, hi - 1);
        }
        e.cost += e.rows * (1 + scans);
        e.rows *= reached * property_share(r.properties.size());
      }
      if (bound_in(e, v.slot)) {
        // Closing on a node bound already: one of its candidates.
        e.rows /= std::max(1.0, label_size(smallest_label(v)));
      } else {
        e.rows *= property_share(v.properties.size() - (id_property(v) ? 1 : 0));
        if (id_property(v))
          e.rows /= std::max(1.0, label_size(smallest_label(v)));
      }
      e.cost += e.rows;
      bind_in(e, r.slot);
      bind_in(e, v.slot);
    }
    bind_in(e, part.path_slot);
  }

  // ---- planning ------------------------------------------------------------------------------

  void add_start(uint32_t node) {
    Step s;
    s.kind = StepKind::start;
    s.to = node;
    const NodeSpec& n = plan_.nodes[node];
    s.pos = n.pos;
    s.to_bound = bound(n.slot);
    if (s.to_bound) {
      s.start = StartKind::bound;
    } else {
      s.label = smallest_label(n);
      if (const auto id = id_property(n)) {
        s.start = StartKind::by_id;
        s.id_property = *id;
      } else {
        s.start = s.label ? StartKind::by_label : StartKind::all;
      }
    }
    push(std::move(s), {n.slot});
  }

  void add_hop(StepKind kind, uint32_t part, uint32_t from, uint32_t rel, uint32_t to,
               bool forward) {
    Step s;
    s.kind = kind;
    s.part = part;
    s.from = from;
    s.rel = rel;
    s.to = to;
    s.forward = forward;
    s.pos = plan_.rels[rel].pos;
    s.to_bound = bound(plan_.nodes[to].slot);
    s.rel_bound = plan_.rels[rel].prebound;
    if (kind == StepKind::expand) {
      const RelSpec& r = plan_.rels[rel];
      s.to_labels_implied =
          far_labels_implied(plan_.nodes[to], r.types, walk_direction(r.direction, forward));
    }
    if (kind == StepKind::var_expand && !s.rel_bound)
      plan_.rels[rel].var_step = static_cast<uint32_t>(plan_.steps.size());
    push(std::move(s), {plan_.rels[rel].slot, plan_.nodes[to].slot});
  }

  void plan_part(const Choice& c) {
    const PartSpec part = plan_.parts[c.part];
    add_start(c.start);
    for (const Hop& h : hops(c)) {
      StepKind kind = StepKind::expand;
      if (part.selector != PathSelector::all_paths)
        kind = StepKind::shortest;
      else if (plan_.rels[h.rel].var_length)
        kind = StepKind::var_expand;
      add_hop(kind, c.part, h.from, h.rel, h.to, h.forward);
    }
    if (part.path_slot != kNoSlot) {
      Step s;
      s.kind = StepKind::build_path;
      s.part = c.part;
      s.pos = part.pos;
      push(std::move(s), {part.path_slot});
    }
  }

  // Relationship uniqueness: when every relationship binds one at a time (no variable length,
  // no shortest path), a relationship can only repeat one bound by an earlier step whose types
  // may be the same; the matcher compares against those few instead of marking a per-graph
  // array (whose random accesses cost a cache miss per relationship scanned).
  void mark_conflicts() {
    plan_.trail_bitmap = false;
    for (const Step& s : plan_.steps) {
      if (s.kind == StepKind::var_expand || s.kind == StepKind::shortest)
        plan_.trail_bitmap = true;
    }
    if (plan_.trail_bitmap)
      return;
    const auto may_share = [](const RelSpec& a, const RelSpec& b) {
      if (a.types.empty() || b.types.empty())
        return true;
      return std::any_of(a.types.begin(), a.types.end(), [&](TypeId t) {
        return std::find(b.types.begin(), b.types.end(), t) != b.types.end();
      });
    };
    std::vector<uint32_t> earlier;
    for (Step& s : plan_.steps) {
      if (s.kind != StepKind::expand)
        continue;
      s.conflicts.clear();
      for (uint32_t e : earlier) {
        if (may_share(plan_.rels[e], plan_.rels[s.rel]))
          s.conflicts.push_back(e);
      }
      earlier.push_back(s.rel);
    }
  }

  // A walk over many candidates is bound by memory latency: each candidate's adjacency row is
  // a cache miss. When a later step expands from what an expansion binds, the matcher asks for
  // those rows ahead, so that the misses overlap.
  // Backwards, so that a later step's own flags are known: its candidates' rows are worth
  // fetching only if a step after it reads them.
  void mark_prefetches() {
    for (std::size_t k = plan_.steps.size(); k-- > 0;) {
      Step& s = plan_.steps[k];
      if (s.kind != StepKind::expand || s.to_bound)
        continue;
      const Slot target = plan_.nodes[s.to].slot;
      for (std::size_t j = k + 1; j < plan_.steps.size(); ++j) {
        const Step& t = plan_.steps[j];
        if ((t.kind == StepKind::expand || t.kind == StepKind::var_expand) &&
            plan_.nodes[t.from].slot == target) {
          const Dir d = walk_direction(plan_.rels[t.rel].direction, t.forward);
          s.prefetch_out = d != Dir::in;
          s.prefetch_in = d != Dir::out;
          if (t.kind == StepKind::expand && !t.rel_bound && (t.prefetch_out || t.prefetch_in))
            s.next_expand = static_cast<uint32_t>(j);
          break;
        }
      }
    }
  }

  void push(Step s, std::initializer_list<Slot> binds) {
    plan_.steps.push_back(std::move(s));
    for (Slot b : binds)
      bind(b);
    place_ready_predicates();
  }

  // Filters for the predicates whose every variable is now bound.
  void place_ready_predicates() {
    for (std::size_t k = 0; k < plan_.predicates.size(); ++k) {
      if (placed_[k])
        continue;
      const auto& slots = plan_.predicate_slots[k];
      if (!std::all_of(slots.begin(), slots.end(), [this](Slot s) { return bound(s); }))
        continue;
      placed_[k] = true;
      Step f;
      f.kind = StepKind::filter;
      f.filter = &plan_.predicates[k];
      f.pos = plan_.predicates[k].pos;
      plan_.steps.push_back(std::move(f));
    }
  }

  MatchPlan& plan_;
  const PropertyGraph& g_;
  std::unordered_set<Slot> unbound_;  // slots this match binds and has not bound yet
  std::vector<bool> placed_;
  double node_count_ = 1;
  double type_count_ = 1;
};

}  // namespace

void plan_match(MatchPlan& plan, const PropertyGraph& g) {
  plan.steps.clear();
  Planner(plan, g).run();
}

}  // namespace jurigraph::query::cypher::exec
