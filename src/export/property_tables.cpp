#include "export/property_tables.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace jurigraph::exporter {
namespace cy = query::cypher;

namespace {

// The scalar kinds a column can hold, before lists are considered.
std::optional<ColumnType> scalar_type(cy::ValueType t) {
  switch (t) {
    case cy::ValueType::boolean:
      return ColumnType::boolean;
    case cy::ValueType::integer:
      return ColumnType::integer;
    case cy::ValueType::floating:
      return ColumnType::floating;
    case cy::ValueType::string:
      return ColumnType::string;
    case cy::ValueType::date:
      return ColumnType::date;
    default:
      return std::nullopt;  // maps, graph elements: written as text
  }
}

ColumnType list_of(ColumnType scalar) {
  switch (scalar) {
    case ColumnType::boolean:
      return ColumnType::boolean_list;
    case ColumnType::integer:
      return ColumnType::integer_list;
    case ColumnType::floating:
      return ColumnType::float_list;
    case ColumnType::date:
      return ColumnType::date_list;
    default:
      return ColumnType::string_list;
  }
}

ColumnType unify_scalars(ColumnType a, ColumnType b) {
  if (a == b)
    return a;
  const auto numeric = [](ColumnType t) {
    return t == ColumnType::integer || t == ColumnType::floating;
  };
  return numeric(a) && numeric(b) ? ColumnType::floating : ColumnType::string;
}

// The type one value asks for; nullopt for null (it fits any column).
std::optional<ColumnType> type_of(const cy::Value& v) {
  if (v.is_null())
    return std::nullopt;
  if (v.type() != cy::ValueType::list)
    return scalar_type(v.type()).value_or(ColumnType::string);
  std::optional<ColumnType> element;
  for (const cy::Value& x : v.as_list()) {
    if (x.is_null())
      continue;
    const ColumnType t = x.type() == cy::ValueType::list
                             ? ColumnType::string
                             : scalar_type(x.type()).value_or(ColumnType::string);
    element = element ? unify_scalars(*element, t) : t;
  }
  return list_of(element.value_or(ColumnType::string));
}

ColumnType unify(ColumnType a, ColumnType b) {
  if (is_list(a) != is_list(b))
    return ColumnType::string;  // a list in one row, a scalar in another: text
  if (!is_list(a))
    return unify_scalars(a, b);
  return list_of(unify_scalars(element_type(a), element_type(b)));
}

// Columns met so far, by key, with the type that fits every value seen.
using ColumnMap = std::map<std::string, std::optional<ColumnType>>;

void add_row(ColumnMap& columns, const cy::Map& properties) {
  for (const auto& [key, value] : properties) {
    const std::optional<ColumnType> t = type_of(value);
    auto [it, added] = columns.try_emplace(key, t);
    if (!added && t)
      it->second = it->second ? unify(*it->second, *t) : *t;
  }
}

std::vector<Column> to_columns(const ColumnMap& m, bool id_first) {
  std::vector<Column> columns;
  for (const auto& [key, type] : m)
    columns.push_back({key, type.value_or(ColumnType::string)});
  if (id_first) {
    std::stable_partition(columns.begin(), columns.end(),
                          [](const Column& c) { return c.key == "id"; });
  }
  return columns;
}

cy::Value coerce_scalar(const cy::Value& v, ColumnType t) {
  if (v.is_null())
    return v;
  if (t == ColumnType::floating && v.type() == cy::ValueType::integer)
    return cy::Value(static_cast<double>(v.as_int()));
  // Text as toString() gives it (a date as 2014-08-07, not its literal '2014-08-07').
  if (t == ColumnType::string && v.type() != cy::ValueType::string)
    return cy::Value(cy::to_text(v).value_or(cy::to_literal(v)));
  return v;
}

}  // namespace

bool is_list(ColumnType t) {
  return t >= ColumnType::boolean_list;
}

ColumnType element_type(ColumnType list) {
  switch (list) {
    case ColumnType::boolean_list:
      return ColumnType::boolean;
    case ColumnType::integer_list:
      return ColumnType::integer;
    case ColumnType::float_list:
      return ColumnType::floating;
    case ColumnType::date_list:
      return ColumnType::date;
    default:
      return ColumnType::string;
  }
}

std::string_view column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::boolean:
      return "boolean";
    case ColumnType::integer:
      return "integer";
    case ColumnType::floating:
      return "float";
    case ColumnType::string:
      return "string";
    case ColumnType::date:
      return "date";
    case ColumnType::boolean_list:
      return "boolean_list";
    case ColumnType::integer_list:
      return "integer_list";
    case ColumnType::float_list:
      return "float_list";
    case ColumnType::string_list:
      return "string_list";
    case ColumnType::date_list:
      return "date_list";
  }
  return "string";
}

std::size_t Table::column(std::string_view key) const {
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].key == key)
      return k;
  }
  return columns.size();
}

PropertyTables infer_tables(const cy::PropertyGraph& g) {
  const std::vector<std::string>& labels = g.label_names();
  const std::vector<std::string>& types = g.type_names();
  std::vector<ColumnMap> node_columns(labels.size()), rel_columns(types.size());
  std::vector<std::set<std::pair<std::string, std::string>>> endpoints(types.size());
  PropertyTables t;
  t.nodes.resize(labels.size());
  t.relationships.resize(types.size());
  for (std::size_t l = 0; l < labels.size(); ++l)
    t.nodes[l].name = labels[l];
  for (std::size_t r = 0; r < types.size(); ++r)
    t.relationships[r].name = types[r];

  std::vector<cy::LabelId> scratch;
  const auto first_label = [&](cy::NodeId n) -> std::optional<cy::LabelId> {
    scratch.clear();
    g.labels(n, scratch);
    if (scratch.empty())
      return std::nullopt;
    return *std::min_element(scratch.begin(), scratch.end());
  };
  for (cy::NodeId n = 0; n < g.node_count(); ++n) {
    const auto l = first_label(n);
    if (!l)
      continue;
    ++t.nodes[*l].rows;
    add_row(node_columns[*l], g.node_properties(n));
  }
  for (cy::RelId r = 0; r < g.relationship_count(); ++r) {
    const cy::RelEnds e = g.ends(r);
    ++t.relationships[e.type].rows;
    add_row(rel_columns[e.type], g.rel_properties(r));
    const auto from = first_label(e.source);
    const auto to = first_label(e.target);
    if (from && to)
      endpoints[e.type].emplace(labels[*from], labels[*to]);
  }
  for (std::size_t l = 0; l < labels.size(); ++l)
    t.nodes[l].columns = to_columns(node_columns[l], true);
  for (std::size_t r = 0; r < types.size(); ++r) {
    t.relationships[r].columns = to_columns(rel_columns[r], false);
    t.relationships[r].endpoints.assign(endpoints[r].begin(), endpoints[r].end());
  }
  return t;
}

cy::Value coerce(const cy::Value& v, ColumnType t) {
  if (v.is_null() || !is_list(t))
    return v.type() == cy::ValueType::list ? cy::Value(cy::to_literal(v)) : coerce_scalar(v, t);
  if (v.type() != cy::ValueType::list)
    return cy::Value(cy::List{coerce_scalar(v, element_type(t))});
  cy::List out;
  out.reserve(v.as_list().size());
  for (const cy::Value& x : v.as_list())
    out.push_back(coerce_scalar(x, element_type(t)));
  return cy::Value(std::move(out));
}

}  // namespace jurigraph::exporter
