// Patterns: variables (new, repeated within the pattern, or bound by an earlier clause), labels
// and types, property maps, variable lengths, shortest paths, and WHERE split into conjuncts
// for the planner.
#include <algorithm>

#include "query/cypher/binder_internal.hpp"
#include "query/cypher/planner.hpp"

namespace jurigraph::query::cypher::exec {
namespace {

const char* kind_text(int kind) {
  static constexpr const char* kNames[] = {
      "a value", "a node", "a relationship", "a list of relationships",
      "a path",  "a list", "a value"};
  return kNames[kind];
}

// `a AND b AND c` as its conjuncts.
void conjuncts(const Expression& e, std::vector<const Expression*>& out) {
  if (const auto* b = e.as<BinaryExpr>(); b && b->op == BinaryOp::logical_and) {
    conjuncts(*b->left, out);
    conjuncts(*b->right, out);
    return;
  }
  out.push_back(&e);
}

uint32_t hops(int64_t v) {
  return v >= static_cast<int64_t>(kUnbounded) ? kUnbounded : static_cast<uint32_t>(v);
}

}  // namespace

std::optional<LabelId> Binder::resolve_label(const Name& n) {
  if (const auto l = g_.find_label(n.text))
    return l;
  if (limits_.strict_schema) {
    const auto guess = nearest(n.text, g_.label_names());
    fail(n.pos, "unknown label :" + n.text + (guess ? "; did you mean :" + *guess + "?" : ""));
  }
  return std::nullopt;
}

std::optional<TypeId> Binder::resolve_type(const Name& n) {
  if (const auto t = g_.find_type(n.text))
    return t;
  if (limits_.strict_schema) {
    const auto guess = nearest(n.text, g_.type_names());
    fail(n.pos,
         "unknown relationship type :" + n.text + (guess ? "; did you mean :" + *guess + "?" : ""));
  }
  return std::nullopt;
}

std::unique_ptr<MatchPlan> Binder::pattern(std::span<const PartView> parts, const Expression* where,
                                           uint32_t pos) {
  auto plan = std::make_unique<MatchPlan>();
  plan->pos = pos;
  const std::size_t scope_before = scope_.size();
  std::vector<Slot>& fresh = plan->bound_slots;  // the slots this pattern binds

  // The variable `name` as this pattern uses it: declared by an earlier part of the pattern,
  // bound by an earlier clause (prebound), or new. Returns its slot.
  const auto variable = [&](const Name& name, VarKind kind, bool& prebound) -> Slot {
    prebound = false;
    for (std::size_t k = scope_.size(); k-- > 0;) {
      if (scope_[k].name != name.text)
        continue;
      Var& v = scope_[k];
      const bool here = k >= scope_before;
      const bool compatible = v.kind == kind ||
                              (!here && v.kind == VarKind::value && kind != VarKind::path) ||
                              (!here && v.kind == VarKind::list && kind == VarKind::relationships);
      if (kind == VarKind::path)
        fail(name.pos, "variable '" + name.text + "' is already defined");
      if (here && kind != VarKind::node && v.kind != VarKind::node)
        fail(name.pos, "relationship variable '" + name.text + "' is used twice in one pattern");
      if (!compatible)
        fail(name.pos, "type mismatch: variable '" + name.text + "' is " +
                           (v.what.empty() ? kind_text(static_cast<int>(v.kind)) : v.what) +
                           ", not " + kind_text(static_cast<int>(kind)));
      if (reads_)
        reads_->push_back(v.slot);
      prebound = !here;
      return v.slot;
    }
    const Slot s = new_slot();
    scope_.push_back({name.text, s, kind, {}});
    fresh.push_back(s);
    return s;
  };
  const auto hidden = [&]() {
    const Slot s = new_slot();
    fresh.push_back(s);
    return s;
  };

  // Declarations first: property maps and WHERE may refer to any variable of the pattern.
  for (const PartView& view : parts) {
    const PatternElement& element = *view.element;
    PartSpec part;
    part.pos = view.pos;
    part.selector = view.selector;
    part.first_node = static_cast<uint32_t>(plan->nodes.size());
    part.first_rel = static_cast<uint32_t>(plan->rels.size());
    part.length = static_cast<uint32_t>(element.relationships.size());
    const bool shortest = view.selector != PathSelector::all_paths;
    const char* selector =
        view.selector == PathSelector::shortest ? "shortestPath" : "allShortestPaths";
    if (shortest && part.length != 1)
      fail(view.pos, std::string(selector) + " needs a pattern with exactly one relationship");
    for (const NodePattern& np : element.nodes) {
      NodeSpec n;
      n.pos = np.pos;
      if (np.variable) {
        n.name = np.variable->text;
        n.slot = variable(*np.variable, VarKind::node, n.prebound);
      } else {
        n.slot = hidden();
      }
      for (const Name& l : np.labels) {
        if (const auto id = resolve_label(l))
          n.labels.push_back(*id);
        else
          n.impossible = true;
      }
      plan->nodes.push_back(std::move(n));
    }
    for (const RelationshipPattern& rp : element.relationships) {
      RelSpec r;
      r.pos = rp.pos;
      r.direction = rp.direction;
      for (const Name& t : rp.types) {
        if (const auto id = resolve_type(t))
          r.types.push_back(*id);
      }
      r.impossible = !rp.types.empty() && r.types.empty();
      if (rp.length) {
        r.var_length = true;
        r.min = rp.length->min ? hops(*rp.length->min) : 1;
        r.max = rp.length->max ? hops(*rp.length->max) : kUnbounded;
      }
      if (shortest) {
        if (r.min > 1)
          fail(rp.length->pos, std::string(selector) + " needs a lower bound of 0 or 1");
      }
      if (rp.variable) {
        r.name = rp.variable->text;
        r.slot =
            variable(*rp.variable, r.var_length ? VarKind::relationships : VarKind::relationship,
                     r.prebound);
        if (shortest && r.prebound)
          fail(rp.variable->pos, std::string(selector) +
                                     " cannot use a relationship variable bound by an earlier "
                                     "clause");
      } else {
        r.slot = hidden();
      }
      plan->rels.push_back(std::move(r));
    }
    if (view.path_variable && *view.path_variable) {
      bool prebound = false;
      part.path_slot = variable(**view.path_variable, VarKind::path, prebound);
    }
    plan->parts.push_back(part);
  }

  // Property maps: entries that depend only on earlier clauses are tests evaluated once per
  // input row (and an `id` among them is an index look-up); those that read a variable of this
  // pattern become predicates, placed like WHERE conjuncts.
  aggregates_ = nullptr;
  const auto properties = [&](const Expression* map, Slot owner, std::vector<PropertyTest>& tests,
                              bool node) {
    if (!map)
      return;
    const auto add_test = [&](const std::string& key, BoundExpr value) {
      const auto same = std::find_if(tests.begin(), tests.end(),
                                     [&](const PropertyTest& t) { return t.key == key; });
      if (same != tests.end())
        same->value = std::move(value);  // {a: 1, a: 2}: the last one counts, as in a map
      else
        tests.push_back({key, std::move(value)});
    };
    if (const auto* p = map->as<Parameter>()) {
      const auto it = params_.find(p->name);
      if (it == params_.end())
        fail(map->pos, "parameter $" + p->name + " is not given");
      if (it->second.type() != ValueType::map)
        fail(map->pos, "type mismatch: the properties of a " +
                           std::string(node ? "node" : "relationship") +
                           " pattern must be a MAP, not " + a_type(it->second));
      for (const auto& [key, value] : it->second.as_map()) {
        BoundExpr c;
        c.pos = map->pos;
        c.constant = value;
        add_test(key, std::move(c));
      }
      return;
    }
    for (const MapEntry& entry : map->as<MapLiteral>()->entries) {
      std::vector<Slot> reads;
      std::vector<Slot>* outer = reads_;
      reads_ = &reads;
      no_aggregation_ = "in a pattern";
      BoundExpr value = expression(*entry.value);
      reads_ = outer;
      if (outer)
        outer->insert(outer->end(), reads.begin(), reads.end());
      const bool local = std::any_of(reads.begin(), reads.end(), [&](Slot s) {
        return std::find(fresh.begin(), fresh.end(), s) != fresh.end();
      });
      if (!local) {
        add_test(entry.key.text, std::move(value));
        continue;
      }
      BoundExpr var;
      var.kind = ExprKind::variable;
      var.pos = entry.key.pos;
      var.slot = owner;
      BoundExpr prop;
      prop.kind = ExprKind::property;
      prop.pos = entry.key.pos;
      prop.key = entry.key.text;
      prop.args.push_back(std::move(var));
      BoundExpr eq;
      eq.kind = ExprKind::comparison;
      eq.pos = entry.key.pos;
      eq.comparisons.push_back(ComparisonOp::equal);
      eq.args.push_back(std::move(prop));
      eq.args.push_back(std::move(value));
      reads.push_back(owner);
      plan->predicates.push_back(std::move(eq));
      plan->predicate_slots.push_back(std::move(reads));
    }
  };
  {
    std::size_t n = 0, r = 0;
    for (const PartView& view : parts) {
      for (const NodePattern& np : view.element->nodes) {
        NodeSpec& spec = plan->nodes[n++];
        properties(np.properties.get(), spec.slot, spec.properties, true);
      }
      for (const RelationshipPattern& rp : view.element->relationships) {
        RelSpec& spec = plan->rels[r++];
        properties(rp.properties.get(), spec.slot, spec.properties, false);
      }
    }
  }

  if (where) {
    std::vector<const Expression*> parts_of_where;
    conjuncts(*where, parts_of_where);
    for (const Expression* c : parts_of_where) {
      std::vector<Slot> reads;
      std::vector<Slot>* outer = reads_;
      reads_ = &reads;
      no_aggregation_ = "in WHERE";
      plan->predicates.push_back(expression(*c));
      reads_ = outer;
      if (outer)
        outer->insert(outer->end(), reads.begin(), reads.end());
      plan->predicate_slots.push_back(std::move(reads));
    }
  }

  // A variable-length relationship builds its list only when a variable names it (a named
  // path reads the trail of the step instead).
  for (RelSpec& r : plan->rels)
    r.bind_list = r.var_length && !r.name.empty();
  plan_match(*plan, g_);
  return plan;
}

}  // namespace jurigraph::query::cypher::exec
