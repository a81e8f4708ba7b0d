#include "query/cypher/graph_view.hpp"

#include <algorithm>

namespace jurigraph::query::cypher {
namespace {

Value from_property(const graph::Graph& g, const graph::PropertyRecord& p) {
  switch (p.kind) {
    case graph::ValueKind::string:
      return Value(g.str(p.text));
    case graph::ValueKind::integer:
      return Value(p.integer);
    case graph::ValueKind::number:
      return Value(p.number);
    case graph::ValueKind::boolean:
      return Value(p.integer != 0);
  }
  return {};
}

Value text(const graph::Graph& g, graph::StrRef s) {
  return s.empty() ? Value() : Value(g.str(s));
}

// The record fields shown as properties, in the order of their names in graph::kNodeFieldNames
// (key order: node_properties lists them sorted).
enum class Field {
  aliases,
  amount,
  country,
  currency,
  date,
  description,
  id,
  kind,
  name,
  number,
  summary
};
static_assert(static_cast<std::size_t>(Field::summary) + 1 == std::size(graph::kNodeFieldNames));

Value field(const graph::Graph& g, const graph::NodeRecord& n, Field f) {
  switch (f) {
    case Field::id:
      return Value(g.str(n.id));
    case Field::name:
      return text(g, n.name);
    case Field::aliases: {
      if (n.aliases.count == 0)
        return {};
      List l;
      for (const graph::StrRef& a : g.strings(n.aliases))
        l.emplace_back(g.str(a));
      return Value(std::move(l));
    }
    case Field::country:
      return text(g, n.country);
    case Field::description:
      return text(g, n.description);
    case Field::kind:
      return text(g, n.kind);
    case Field::number:
      return text(g, n.number);
    case Field::currency:
      return text(g, n.currency);
    case Field::summary:
      return text(g, n.summary);
    case Field::date:
      return n.date == 0 ? Value() : Value(Date{n.date});
    case Field::amount:
      // Hundredths to currency units: Cypher has no decimal type.
      return n.amount < 0 ? Value() : Value(static_cast<double>(n.amount) / 100.0);
  }
  return {};
}

}  // namespace

GraphView::GraphView(const graph::Graph& g) : g_(g), rel_counts_(g) {
  set_adjacency(g.out_arrays(), g.in_arrays());
  for (graph::Label l : graph::kAllLabels)
    labels_.emplace_back(graph::label_name(l));
  for (const graph::RelationType& t : g.relation_types())
    types_.push_back(t.name);
}

std::optional<uint64_t> GraphView::count_relationships(std::optional<LabelId> label,
                                                       std::optional<TypeId> type,
                                                       bool outgoing) const {
  if ((label && *label >= graph::kLabelCount) || (type && *type >= types_.size()))
    return 0;
  return rel_counts_.at(outgoing, label ? *label + 1u : 0u, type ? *type + 1u : 0u);
}

std::span<const uint8_t> GraphView::single_labels() const {
  const std::span<const graph::Label> labels = g_.vertex_labels();
  static_assert(sizeof(graph::Label) == 1);
  // Reading the one-byte enum through unsigned char is allowed aliasing.
  return {reinterpret_cast<const uint8_t*>(labels.data()), labels.size()};
}

std::span<const NodeId> GraphView::nodes_with_label(LabelId label) const {
  if (label >= graph::kLabelCount)
    return {};
  return g_.nodes_with_label(static_cast<graph::Label>(label));
}

Value GraphView::node_property(NodeId n, std::string_view key) const {
  const graph::NodeRecord& r = g_.node(n);
  if (const auto f = graph::node_field_index(key))
    return field(g_, r, static_cast<Field>(*f));
  for (const graph::IdentifierRecord& id : g_.identifiers(r.identifiers)) {
    if (g_.str(id.scheme) == key)
      return Value(g_.str(id.value));
  }
  if (const graph::PropertyRecord* p = g_.property(r.properties, key))
    return from_property(g_, *p);
  return {};
}

Value GraphView::rel_property(RelId r, std::string_view key) const {
  if (const graph::PropertyRecord* p = g_.property(g_.edge(r).properties, key))
    return from_property(g_, *p);
  return {};
}

Map GraphView::node_properties(NodeId n) const {
  const graph::NodeRecord& r = g_.node(n);
  Map m;
  for (std::size_t f = 0; f < std::size(graph::kNodeFieldNames); ++f) {
    Value v = field(g_, r, static_cast<Field>(f));
    if (!v.is_null())
      m.emplace_back(std::string(graph::kNodeFieldNames[f]), std::move(v));
  }
  // Each key once, with the value node_property gives it: a record field hides an identifier or
  // a property of its name (even when the field is empty), an identifier a property.
  const auto hidden = [&](std::string_view key) {
    return graph::node_field_index(key).has_value() ||
           std::any_of(m.begin(), m.end(), [&](const auto& entry) { return entry.first == key; });
  };
  for (const graph::IdentifierRecord& id : g_.identifiers(r.identifiers)) {
    if (!hidden(g_.str(id.scheme)))
      m.emplace_back(std::string(g_.str(id.scheme)), Value(g_.str(id.value)));
  }
  for (const graph::PropertyRecord& p : g_.properties(r.properties)) {
    if (!hidden(g_.str(p.key)))
      m.emplace_back(std::string(g_.str(p.key)), from_property(g_, p));
  }
  std::sort(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return m;
}

Map GraphView::rel_properties(RelId r) const {
  Map m;
  for (const graph::PropertyRecord& p : g_.properties(g_.edge(r).properties))
    m.emplace_back(std::string(g_.str(p.key)), from_property(g_, p));
  std::sort(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return m;
}

std::optional<std::vector<NodeId>> GraphView::find_nodes(std::string_view key,
                                                         const Value& value) const {
  if (key != "id")
    return std::nullopt;
  std::vector<NodeId> found;
  if (value.type() == ValueType::string) {
    if (auto v = g_.find_id(value.as_string()))
      found.push_back(*v);
  }
  return found;
}

}  // namespace jurigraph::query::cypher
