#include "query/cypher/planner.hpp"

#include <algorithm>
#include <limits>
#include <unordered_set>

namespace jurigraph::query::cypher::exec {
namespace {

// How a node would start a part: lower is better. Bound nodes cost nothing, an id look-up
// about one node, a label scan its size, and an unlabelled node the whole graph.
struct StartCost {
  int rank = 3;  // 0 bound, 1 by id, 2 by label, 3 all nodes
  std::size_t nodes = std::numeric_limits<std::size_t>::max();
  bool operator<(const StartCost& o) const {
    return rank != o.rank ? rank < o.rank : nodes < o.nodes;
  }
};

class Planner {
 public:
  Planner(MatchPlan& plan, const PropertyGraph& g) : plan_(plan), g_(g) {
    for (Slot s : plan.bound_slots)
      unbound_.insert(s);
    placed_.assign(plan.predicates.size(), false);
  }

  void run() {
    place_ready_predicates();
    std::vector<bool> done(plan_.parts.size(), false);
    for (std::size_t n = 0; n < plan_.parts.size(); ++n) {
      // The part with the cheapest start, given what earlier parts bound.
      std::size_t best = 0;
      StartCost best_cost;
      bool first = true;
      for (std::size_t p = 0; p < plan_.parts.size(); ++p) {
        if (done[p])
          continue;
        const StartCost c = cost(best_start(p));
        if (first || c < best_cost) {
          best = p;
          best_cost = c;
          first = false;
        }
      }
      done[best] = true;
      plan_part(static_cast<uint32_t>(best));
    }
  }

 private:
  bool bound(Slot s) const { return !unbound_.contains(s); }
  void bind(Slot s) { unbound_.erase(s); }

  StartCost cost(uint32_t node) const {
    const NodeSpec& n = plan_.nodes[node];
    StartCost c;
    if (bound(n.slot)) {
      c.rank = 0;
      c.nodes = 1;
    } else if (id_property(n)) {
      c.rank = 1;
      c.nodes = 1;
    } else if (const auto l = smallest_label(n)) {
      c.rank = 2;
      c.nodes = g_.nodes_with_label(*l).size();
    } else {
      c.nodes = g_.node_count();
    }
    return c;
  }

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

  // The node a part starts from: the cheapest; shortest paths start at one of their ends.
  uint32_t best_start(std::size_t p) const {
    const PartSpec& part = plan_.parts[p];
    const uint32_t last = part.selector == PathSelector::all_paths ? part.length : 0;
    uint32_t best = part.first_node;
    if (part.selector != PathSelector::all_paths) {
      const uint32_t right = part.first_node + 1;
      return cost(right) < cost(best) ? right : best;
    }
    for (uint32_t k = 1; k <= last; ++k) {
      if (cost(part.first_node + k) < cost(best))
        best = part.first_node + k;
    }
    return best;
  }

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
    if (kind == StepKind::var_expand && !s.rel_bound)
      plan_.rels[rel].var_step = static_cast<uint32_t>(plan_.steps.size());
    push(std::move(s), {plan_.rels[rel].slot, plan_.nodes[to].slot});
  }

  void plan_part(uint32_t p) {
    const PartSpec part = plan_.parts[p];
    const uint32_t start = best_start(p);
    add_start(start);
    if (part.selector != PathSelector::all_paths) {
      const bool forward = start == part.first_node;
      add_hop(StepKind::shortest, p, start, part.first_rel,
              forward ? part.first_node + 1 : part.first_node, forward);
    } else {
      // Right of the start, then left of it.
      for (uint32_t k = start - part.first_node; k < part.length; ++k) {
        const uint32_t rel = part.first_rel + k;
        add_hop(plan_.rels[rel].var_length ? StepKind::var_expand : StepKind::expand, p,
                part.first_node + k, rel, part.first_node + k + 1, true);
      }
      for (uint32_t k = start - part.first_node; k > 0; --k) {
        const uint32_t rel = part.first_rel + k - 1;
        add_hop(plan_.rels[rel].var_length ? StepKind::var_expand : StepKind::expand, p,
                part.first_node + k, rel, part.first_node + k - 1, false);
      }
    }
    if (part.path_slot != kNoSlot) {
      Step s;
      s.kind = StepKind::build_path;
      s.part = p;
      s.pos = part.pos;
      push(std::move(s), {part.path_slot});
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
};

}  // namespace

void plan_match(MatchPlan& plan, const PropertyGraph& g) {
  plan.steps.clear();
  Planner(plan, g).run();
}

}  // namespace jurigraph::query::cypher::exec
