#include "query/cypher/pattern_matcher.hpp"

#include <algorithm>

#include "query/cypher/matcher_internal.hpp"

namespace jurigraph::query::cypher::exec {

bool match_pattern(MatchPlan& plan, Row& row, ExecContext& ctx, RowSink& out) {
  return Matcher(plan, row, ctx, out).run();
}

bool Matcher::run() {
  // Property maps are evaluated once per input row; a null in them matches nothing.
  const auto evaluate_tests = [this](auto& spec) {
    spec.values.resize(spec.properties.size());
    for (std::size_t k = 0; k < spec.properties.size(); ++k) {
      spec.values[k] = evaluate(spec.properties[k].value, row_, ctx_);
      if (spec.values[k].is_null())
        return false;
    }
    return true;
  };
  for (NodeSpec& n : plan_.nodes) {
    if (!evaluate_tests(n))
      return true;
  }
  for (RelSpec& r : plan_.rels) {
    if (!evaluate_tests(r))
      return true;
  }
  if (plan_.trail_bitmap && plan_.used.size() != g_.relationship_count())
    plan_.used.assign(g_.relationship_count(), 0);
  plan_.rel_ids.resize(plan_.rels.size());
  return step(0);
}

bool Matcher::step(std::size_t i) {
  if (i == plan_.steps.size())
    return out_.push(row_);
  Step& s = plan_.steps[i];
  switch (s.kind) {
    case StepKind::start:
      return start(s, i);
    case StepKind::expand:
      return s.rel_bound ? expand_bound(s, i) : expand(s, i);
    case StepKind::var_expand:
      return s.rel_bound ? var_expand_bound(s, i) : var_expand(s, i);
    case StepKind::shortest:
      return shortest(s, i);
    case StepKind::build_path:
      return build_path(s, i);
    case StepKind::filter:
      return !passes(*s.filter, row_, ctx_) || step(i + 1);
  }
  return true;
}

bool Matcher::node_ok(const NodeSpec& n, NodeId id, bool check_labels) const {
  if (n.impossible)
    return false;
  if (!check_labels) {
    // The plan knows the labels hold.
  } else if (!single_labels_.empty()) {
    for (LabelId l : n.labels) {
      if (single_labels_[id] != l)
        return false;
    }
  } else {
    for (LabelId l : n.labels) {
      if (!g_.has_label(id, l))
        return false;
    }
  }
  for (std::size_t k = 0; k < n.properties.size(); ++k) {
    if (equals(g_.node_property(id, n.properties[k].key), n.values[k]) != Ternary::true_)
      return false;
  }
  return true;
}

bool Matcher::rel_ok(const RelSpec& r, RelId id, TypeId type) const {
  if (!type_ok(r, type))
    return false;
  for (std::size_t k = 0; k < r.properties.size(); ++k) {
    if (equals(g_.rel_property(id, r.properties[k].key), r.values[k]) != Ternary::true_)
      return false;
  }
  return true;
}

std::optional<NodeId> Matcher::node_in(const NodeSpec& n) const {
  const Value& v = row_[n.slot];
  if (v.is_null())
    return std::nullopt;
  if (v.type() != ValueType::node)
    ctx_.fail(n.pos, "type mismatch: variable '" + n.name + "' is " + a_type(v) + ", not a NODE");
  return v.as_node().id;
}

bool Matcher::accept_target(const Step& s, NodeId v) {
  const NodeSpec& t = plan_.nodes[s.to];
  if (s.to_bound) {
    const auto bound = node_in(t);
    return bound && *bound == v && node_ok(t, v, !s.to_labels_implied);
  }
  if (!node_ok(t, v, !s.to_labels_implied))
    return false;
  row_[t.slot] = Value(NodeRef{v});
  return true;
}

bool Matcher::start(Step& s, std::size_t i) {
  const NodeSpec& n = plan_.nodes[s.to];
  if (s.to_bound) {
    const auto id = node_in(n);
    return !id || !node_ok(n, *id) || step(i + 1);
  }
  const auto visit = [&](NodeId id) {
    ctx_.tick(s.pos);
    if (!node_ok(n, id))
      return true;
    row_[n.slot] = Value(NodeRef{id});
    return step(i + 1);
  };
  if (n.impossible)
    return true;
  if (s.start == StartKind::by_id) {
    if (auto found = g_.find_nodes("id", n.values[s.id_property])) {
      // The step's own vector: an outer step may be iterating its own at the same time.
      s.candidates = std::move(*found);
      for (NodeId id : s.candidates) {
        if (!visit(id))
          return false;
      }
      return true;
    }
  }
  if (s.label) {
    const std::span<const NodeId> nodes = g_.nodes_with_label(*s.label);
    for (NodeId id : nodes) {
      if (!visit(id))
        return false;
    }
    return true;
  }
  const auto count = static_cast<NodeId>(g_.node_count());
  for (NodeId id = 0; id < count; ++id) {
    if (!visit(id))
      return false;
  }
  return true;
}

bool Matcher::expand(Step& s, std::size_t i) {
  const auto u = node_in(plan_.nodes[s.from]);
  const RelSpec& r = plan_.rels[s.rel];
  if (!u || r.impossible)
    return true;
  // Undirected: out-edges, then in-edges without self-loops (Cypher counts a self-loop once).
  const Dir d = walk_direction(r.direction, s.forward);
  return (d == Dir::in || expand_along(s, i, g_.out_arrays(), *u, false)) &&
         (d == Dir::out || expand_along(s, i, g_.in_arrays(), *u, d == Dir::both));
}

bool Matcher::expand_along(Step& s, std::size_t i, const graph::AdjacencyArrays& side, NodeId u,
                           bool skip_self_loops) {
  const RelSpec& r = plan_.rels[s.rel];
  const graph::Adjacency a = side.at(u);
  const auto [begin, end] = type_run(side, a, r.types);
  const bool ahead = s.prefetch_out || s.prefetch_in;
  for (std::size_t k = begin; k < end; ++k) {
    if (ahead)
      prefetch_ahead(s, a, k, end);
    ctx_.tick(s.pos);
    const auto rel = static_cast<RelId>(a.edges[k].id);
    const TypeId type = a.edges[k].type;
    const auto v = static_cast<NodeId>(a.nodes[k]);
    if (skip_self_loops && v == u)
      continue;
    // The type first: it is in the adjacency already, the rest is not.
    if (!type_ok(r, type) || taken(s, rel) || !rel_ok(r, rel, type) || !accept_target(s, v))
      continue;
    row_[r.slot] = Value(RelRef{rel});
    take(s, rel);
    const bool go_on = step(i + 1);
    release(rel);
    if (!go_on)
      return false;
  }
  return true;
}

// A relationship bound by an earlier clause: check that it leaves `u` the right way.
bool Matcher::expand_bound(Step& s, std::size_t i) {
  const auto u = node_in(plan_.nodes[s.from]);
  const RelSpec& r = plan_.rels[s.rel];
  const Value& rv = row_[r.slot];
  if (!u || rv.is_null() || r.impossible)
    return true;
  if (rv.type() != ValueType::relationship)
    ctx_.fail(r.pos,
              "type mismatch: variable '" + r.name + "' is " + a_type(rv) + ", not a RELATIONSHIP");
  const RelId rel = rv.as_rel().id;
  const RelEnds e = g_.ends(rel);
  const Dir d = walk_direction(r.direction, s.forward);
  std::optional<NodeId> v;
  if (d != Dir::in && e.source == *u)
    v = e.target;
  else if (d != Dir::out && e.target == *u)
    v = e.source;
  if (!v || taken(s, rel) || !rel_ok(r, rel, e.type) || !accept_target(s, *v))
    return true;
  take(s, rel);
  const bool go_on = step(i + 1);
  release(rel);
  return go_on;
}

List Matcher::rel_list(const std::vector<RelId>& trail, bool forward) const {
  List l;
  l.reserve(trail.size());
  for (RelId r : trail)
    l.emplace_back(RelRef{r});
  // The list is in the pattern's left-to-right order whichever way the step walked.
  if (!forward)
    std::reverse(l.begin(), l.end());
  return l;
}

bool Matcher::emit_var(Step& s, std::size_t i, NodeId v) {
  const RelSpec& r = plan_.rels[s.rel];
  if (!accept_target(s, v))
    return true;
  if (r.bind_list)
    row_[r.slot] = Value(rel_list(s.trail, s.forward));
  return step(i + 1);
}

// Depth-first over trails (no relationship twice, nodes may repeat), with an explicit stack so
// that long trails cannot overflow the call stack; each trail of an allowed length is a match.
bool Matcher::var_expand(Step& s, std::size_t i) {
  const auto u = node_in(plan_.nodes[s.from]);
  const RelSpec& r = plan_.rels[s.rel];
  if (!u || r.impossible)
    return true;
  const Dir d = walk_direction(r.direction, s.forward);
  s.frames.clear();
  s.trail.clear();
  // The walk's stack and trail count against --max-memory, a hop at a time: a long unbounded
  // trail (`[*]` through a large component) holds a frame and a relationship per hop.
  constexpr uint64_t kHop = sizeof(Step::Frame) + sizeof(RelId);
  if (!plan_.used_counted) {
    // The trails' table of relationships in use, a byte per relationship, held for the query.
    plan_.used_counted = true;
    ctx_.hold(plan_.used.size(), s.pos);
  }
  auto release_walk = [&] { ctx_.release(s.frames.size() * kHop); };
  ctx_.hold(kHop, s.pos);
  s.frames.push_back({*u, 0});
  if (r.min == 0 && !emit_var(s, i, *u)) {
    release_walk();
    return false;
  }
  while (!s.frames.empty()) {
    Step::Frame& f = s.frames.back();
    const std::size_t depth = s.frames.size() - 1;
    bool descended = false;
    if (depth < r.max) {
      const graph::Adjacency out = d != Dir::in ? g_.out(f.node) : graph::Adjacency{};
      const graph::Adjacency in = d != Dir::out ? g_.in(f.node) : graph::Adjacency{};
      const std::size_t total = out.nodes.size() + in.nodes.size();
      while (f.next < total) {
        const std::size_t k = f.next++;
        ctx_.tick(s.pos);
        const bool outgoing = k < out.nodes.size();
        const graph::Adjacency& a = outgoing ? out : in;
        const std::size_t at = outgoing ? k : k - out.nodes.size();
        const auto rel = static_cast<RelId>(a.edges[at].id);
        const auto v = static_cast<NodeId>(a.nodes[at]);
        if (!outgoing && d == Dir::both && v == f.node)
          continue;  // a self-loop, already seen in the out-list
        if (!type_ok(r, a.edges[at].type) || plan_.used[rel] || !rel_ok(r, rel, a.edges[at].type))
          continue;
        ctx_.hold(kHop, s.pos);
        plan_.used[rel] = 1;
        s.trail.push_back(rel);
        s.frames.push_back({v, 0});
        descended = true;
        if (depth + 1 >= r.min && !emit_var(s, i, v)) {
          for (RelId t : s.trail)
            plan_.used[t] = 0;
          release_walk();
          return false;
        }
        break;
      }
    }
    if (!descended) {
      ctx_.release(kHop);
      s.frames.pop_back();
      if (!s.trail.empty()) {
        plan_.used[s.trail.back()] = 0;
        s.trail.pop_back();
      }
    }
  }
  return true;
}

// A relationship list bound by an earlier clause: walk it from `u` and check every hop.
bool Matcher::var_expand_bound(Step& s, std::size_t i) {
  const auto u = node_in(plan_.nodes[s.from]);
  const RelSpec& r = plan_.rels[s.rel];
  const Value& lv = row_[r.slot];
  if (!u || lv.is_null() || r.impossible)
    return true;
  const auto wrong = [&]() {
    ctx_.fail(r.pos, "type mismatch: variable '" + r.name + "' is " + a_type(lv) +
                         ", not a LIST of relationships");
  };
  if (lv.type() != ValueType::list)
    wrong();
  const List& rels = lv.as_list();
  if (rels.size() < r.min || rels.size() > r.max)
    return true;
  const Dir d = walk_direction(r.direction, s.forward);
  s.trail.clear();
  NodeId at = *u;
  bool ok = true;
  for (std::size_t k = 0; k < rels.size() && ok; ++k) {
    const Value& x = rels[s.forward ? k : rels.size() - 1 - k];
    if (x.type() != ValueType::relationship)
      wrong();
    const RelId rel = x.as_rel().id;
    const RelEnds e = g_.ends(rel);
    ok = !plan_.used[rel] && rel_ok(r, rel, e.type) &&
         std::find(s.trail.begin(), s.trail.end(), rel) == s.trail.end();
    if (d != Dir::in && e.source == at)
      at = e.target;
    else if (d != Dir::out && e.target == at)
      at = e.source;
    else
      ok = false;
    s.trail.push_back(rel);
  }
  if (!ok || !accept_target(s, at))
    return true;
  for (RelId t : s.trail)
    plan_.used[t] = 1;
  const bool go_on = step(i + 1);
  for (RelId t : s.trail)
    plan_.used[t] = 0;
  return go_on;
}

bool Matcher::build_path(Step& s, std::size_t i) {
  const PartSpec& part = plan_.parts[s.part];
  Path p;
  p.nodes.reserve(part.length + 1);
  p.rels.reserve(part.length);
  NodeId at = row_[plan_.nodes[part.first_node].slot].as_node().id;
  p.nodes.push_back(at);
  for (uint32_t k = 0; k < part.length; ++k) {
    const Value& v = row_[plan_.rels[part.first_rel + k].slot];
    const auto hop = [&](RelId rel) {
      const RelEnds e = g_.ends(rel);
      at = e.source == at ? e.target : e.source;
      p.rels.push_back(rel);
      p.nodes.push_back(at);
    };
    if (v.type() == ValueType::relationship) {
      hop(v.as_rel().id);
    } else if (v.type() == ValueType::list) {
      for (const Value& x : v.as_list())
        hop(x.as_rel().id);
    } else {
      // Anonymous and variable-length: the DFS of its step holds the trail and its nodes
      // (frames[0] is where the step started, frames[j + 1] the node after trail[j]).
      const Step& vs = plan_.steps[plan_.rels[part.first_rel + k].var_step];
      const std::size_t d = vs.trail.size();
      for (std::size_t j = 0; j < d; ++j) {
        p.rels.push_back(vs.forward ? vs.trail[j] : vs.trail[d - 1 - j]);
        p.nodes.push_back(vs.forward ? vs.frames[j + 1].node : vs.frames[d - 1 - j].node);
      }
      at = p.nodes.back();
    }
  }
  row_[part.path_slot] = Value(std::move(p));
  return step(i + 1);
}

}  // namespace jurigraph::query::cypher::exec
